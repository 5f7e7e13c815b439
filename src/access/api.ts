import type { AuditEvent, Parameters } from 'fhir/r4';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ACCESS_OPERATION, ACCESS_OUTCOME_SYSTEM, type AccessBasis, type AccessReason } from '../domain/access';
import type { FhirClient } from '../fhir/client';
import { useFhirClient } from '../fhir/context';
import { isFhirError, type FhirError } from '../fhir/errors';
import { fhirKeys } from '../fhir/queryKeys';

/**
 * The app's side of need-to-know (issue #8): the server decides (mocks/fhir-server/readAccess.ts);
 * the app asks how the user may read a patient (GET Patient/{id}/$access), states a reason or
 * uses emergency access (POST), and shows the patient's access log and the leader's review.
 */

export interface PatientAccess {
  allowed: boolean;
  basis?: AccessBasis;
  relation?: string;
  reason?: string;
  expires?: string;
}

function parameter(p: Parameters | undefined, name: string) {
  return p?.parameter?.find((x) => x.name === name);
}

export const accessKeys = {
  status: (patientId: string) => ['fhir', 'Patient', 'access', patientId] as const,
};

/** Whether a request was refused for want of a care relation (the user may state a reason). */
export function needsReason(error: unknown): error is FhirError {
  return isFhirError(error) && error.status === 403 && Boolean(error.outcome?.issue.some((i) => i.details?.coding?.some((c) => c.system === ACCESS_OUTCOME_SYSTEM && c.code === 'reason-required')));
}

/** The query for how the signed-in user may read the patient now (also started with a chart: ModuleGrid). */
export function patientAccessQuery(client: FhirClient, patientId: string) {
  return queryOptions<PatientAccess, FhirError>({
    queryKey: accessKeys.status(patientId),
    staleTime: 30_000,
    queryFn: async () => {
      const p = await client.request<Parameters>('GET', `Patient/${encodeURIComponent(patientId)}/${ACCESS_OPERATION}`);
      const out: PatientAccess = { allowed: parameter(p, 'allowed')?.valueBoolean === true };
      const basis = parameter(p, 'basis')?.valueCode;
      if (basis) out.basis = basis as AccessBasis;
      const relation = parameter(p, 'relation')?.valueCode;
      if (relation) out.relation = relation;
      const reason = parameter(p, 'reason')?.valueCode;
      if (reason) out.reason = reason;
      const expires = parameter(p, 'expires')?.valueInstant;
      if (expires) out.expires = expires;
      return out;
    },
  });
}

/** How the signed-in user may read the patient now (basis, and the grant's reason and end). */
export function usePatientAccess(patientId: string | undefined) {
  const client = useFhirClient();
  return useQuery<PatientAccess, FhirError>({ ...patientAccessQuery(client, patientId ?? ''), enabled: Boolean(patientId) });
}

export type AccessRequest = { emergency: false; reason: AccessReason; text: string } | { emergency: true; text: string };

/** States a reason (or uses emergency access); on success every query is refetched (what was refused may now be read). */
export function useGrantAccess(patientId: string) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<{ expires: string; kind: string }, FhirError, AccessRequest>({
    mutationFn: async (request) => {
      const parameters: Parameters = {
        resourceType: 'Parameters',
        parameter: request.emergency
          ? [
              { name: 'emergency', valueBoolean: true },
              { name: 'text', valueString: request.text },
            ]
          : [{ name: 'reason', valueCode: request.reason }, ...(request.text.trim() ? [{ name: 'text', valueString: request.text.trim() }] : [])],
      };
      const result = await client.request<Parameters>('POST', `Patient/${encodeURIComponent(patientId)}/${ACCESS_OPERATION}`, parameters);
      return { expires: parameter(result, 'expires')?.valueInstant ?? '', kind: parameter(result, 'kind')?.valueCode ?? '' };
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: fhirKeys.all });
    },
  });
}

/** The patient's access log (newest first). */
export function useAccessLog(patientId: string | undefined) {
  const client = useFhirClient();
  return useQuery<AuditEvent[], FhirError>({
    queryKey: [...fhirKeys.search('AuditEvent', { patient: patientId ?? '' }), 'log'],
    enabled: Boolean(patientId),
    queryFn: async () => {
      const bundle = await client.search('AuditEvent', { patient: patientId ?? '', _sort: '-date', _count: 500 });
      return (bundle.entry ?? []).map((e) => e.resource as AuditEvent);
    },
  });
}

/** Explicit and emergency accesses recorded at the unit (the leader's review). */
export function useUnitAccessReview(organizationId: string | undefined) {
  const client = useFhirClient();
  return useQuery<AuditEvent[], FhirError>({
    queryKey: [...fhirKeys.search('AuditEvent', { source: organizationId ?? '' }), 'review'],
    enabled: Boolean(organizationId),
    queryFn: async () => {
      const bundle = await client.search('AuditEvent', { source: `Organization/${organizationId ?? ''}`, subtype: 'access-granted', _sort: '-date', _count: 1000 });
      return (bundle.entry ?? []).map((e) => e.resource as AuditEvent);
    },
  });
}
