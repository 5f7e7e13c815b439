import type { AllergyIntolerance, Patient } from 'fhir/r4';
import type { QueryClient } from '@tanstack/react-query';
import type { PatientQuery } from '../domain/patientQuery';
import type { SearchParams } from './client';
import { useFhirRead, useFhirSearch } from './hooks';
import { fhirKeys } from './queryKeys';

/**
 * The searches the first patient view and the patient context bar make. They are defined once
 * here, so the context bar's critical-information marker and the overview's critical-information
 * section share one request.
 */
export const patientSearches = {
  allergies: (patientId: string): SearchParams => ({ patient: patientId, 'clinical-status': 'active', _count: 100 }),
  criticalFlags: (patientId: string): SearchParams => ({ patient: patientId, status: 'active', _count: 100 }),
  activeProblems: (patientId: string): SearchParams => ({ patient: patientId, 'clinical-status': 'active', _sort: '-onset-date', _count: 100 }),
  currentMedications: (patientId: string): SearchParams => ({ patient: patientId, status: 'active', _count: 100 }),
  latestNotes: (patientId: string, count = 5): SearchParams => ({ patient: patientId, status: 'final,amended', _sort: '-date', _count: count }),
};

export const PATIENT_SEARCH_PAGE = 25;

export function patientSearchParams(query: PatientQuery): SearchParams | undefined {
  switch (query.kind) {
    case 'identifier':
      return { identifier: query.value, _count: PATIENT_SEARCH_PAGE };
    case 'birthdate':
      return { birthdate: query.value, _sort: 'family,given', _count: PATIENT_SEARCH_PAGE };
    case 'name':
      return { name: query.value, _sort: 'family,given', _count: PATIENT_SEARCH_PAGE };
    default:
      return undefined;
  }
}

export function usePatientSearch(query: PatientQuery) {
  return useFhirSearch('Patient', patientSearchParams(query), { keepPrevious: true, staleTime: 30_000 });
}

export function usePatient(id: string | undefined) {
  return useFhirRead('Patient', id, { staleTime: PATIENT_STALE_MS });
}

const PATIENT_STALE_MS = 60_000;

/**
 * A Patient the user has just picked from search results is the whole resource: the chart reads
 * it from the cache instead of asking again (a newer copy already cached wins).
 */
export function rememberPatientResource(queryClient: QueryClient, patient: Patient): void {
  if (!patient.id) return;
  queryClient.setQueryData<Patient>(fhirKeys.read('Patient', patient.id), (cached) =>
    cached && (cached.meta?.lastUpdated ?? '') >= (patient.meta?.lastUpdated ?? '') ? cached : patient,
  );
}

/** A severe drug reaction (or other hypersensitivity): criticality high, or a reaction marked severe. */
export function isSevereAllergy(allergy: AllergyIntolerance): boolean {
  return allergy.criticality === 'high' || Boolean(allergy.reaction?.some((r) => r.severity === 'severe'));
}

export function useCriticalInformation(patientId: string | undefined) {
  const allergies = useFhirSearch('AllergyIntolerance', patientId ? patientSearches.allergies(patientId) : undefined);
  const flags = useFhirSearch('Flag', patientId ? patientSearches.criticalFlags(patientId) : undefined);
  // Refuted (or mistaken) entries are not critical information; severe reactions come first.
  const relevantAllergies = (allergies.data?.resources ?? [])
    .filter((a) => !a.verificationStatus?.coding?.some((c) => c.code === 'refuted' || c.code === 'entered-in-error'))
    .sort((a, b) => Number(isSevereAllergy(b)) - Number(isSevereAllergy(a)));
  return {
    allergies: relevantAllergies,
    flags: flags.data?.resources ?? [],
    isPending: allergies.isPending || flags.isPending,
    error: allergies.error ?? flags.error,
    count: relevantAllergies.length + (flags.data?.resources.length ?? 0),
  };
}

export function patientAge(patient: Patient, now: Date): number | undefined {
  if (!patient.birthDate) return undefined;
  const [y, m, d] = patient.birthDate.split('-').map(Number);
  if (!y || !m || !d) return undefined;
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}
