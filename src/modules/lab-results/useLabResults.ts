import { useCallback, useMemo } from 'react';
import type { Bundle, Organization } from 'fhir/r4';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { referenceId } from '../../fhir/format';
import { searchQuery, useFhirSearch } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import type { ServiceCode } from '../../domain/services';
import { orgInfo, type Provenance } from '../../journal/provenance';
import { useProvenance } from '../../journal/useProvenance';
import { buildViews, collectBundles, performerOrgIds, type LabData, type ReportView } from '../../fhir/results/model';
import { LAB_MAX_PAGES, labReportSearch } from './searches';

/** Query key of "every report of the patient": under ['fhir', 'DiagnosticReport'], so every report write refreshes it. */
export function labResultsKey(patientId: string) {
  return [...fhirKeys.type('DiagnosticReport'), 'lab-results', patientId] as const;
}

/** Every DiagnosticReport of the patient with its results, following `next` links; the first page shares the manifest's prefetch. */
export function useAllReports(patientId: string | undefined) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useQuery<LabData, FhirError>({
    queryKey: labResultsKey(patientId ?? ''),
    enabled: Boolean(patientId),
    queryFn: async () => {
      const first = await queryClient.fetchQuery(searchQuery(client, 'DiagnosticReport', labReportSearch(patientId!)));
      const bundles: Bundle[] = [first.bundle];
      let bundle: Bundle = first.bundle;
      for (let page = 1; page < LAB_MAX_PAGES; page++) {
        const next = client.nextPage(bundle);
        if (!next) break;
        bundle = await next;
        bundles.push(bundle);
      }
      return collectBundles(bundles);
    },
  });
}

const LOOKUP_STALE = 10 * 60_000;

/**
 * Units whose own Organization names no service (a GP office's laboratory is a department of
 * the office): the service of the unit they are part of (`partOf`), in one search.
 */
function useParentServices(orgIds: readonly string[]): ReadonlyMap<string, ServiceCode> {
  const search = useFhirSearch(
    'Organization',
    orgIds.length ? { _id: orgIds.join(','), _include: 'Organization:partof', _count: 1000 } : undefined,
    { staleTime: LOOKUP_STALE, keepPrevious: true },
  );
  return useMemo(() => {
    const byId = new Map<string, Organization>();
    for (const e of search.data?.bundle.entry ?? []) {
      const r = e.resource as Organization | undefined;
      if (r?.resourceType === 'Organization' && r.id) byId.set(r.id, r);
    }
    const out = new Map<string, ServiceCode>();
    for (const id of orgIds) {
      const parentId = referenceId(byId.get(id)?.partOf, 'Organization');
      const parent = parentId ? byId.get(parentId) : undefined;
      const service = parent ? orgInfo(parent).service : undefined;
      if (service) out.set(id, service);
    }
    return out;
  }, [search.data, orgIds]);
}

/**
 * The patient's lab and radiology reports as the module shows them, with who produced each and
 * where: the lab (an Organization) for a lab report; the radiologist (PractitionerRole) and the
 * radiology department for a radiology report.
 */
export function useLabResults(patientId: string | undefined) {
  const query = useAllReports(patientId);
  const views = useMemo(() => buildViews(query.data), [query.data]);
  const refs = useMemo(() => views.flatMap((v) => [v.performer, v.interpreter]), [views]);
  const provenance = useProvenance(refs);
  const { lookup } = provenance;
  // Performers the lookup found but whose unit names no service (GP office laboratories).
  const withoutService = useMemo(() => performerOrgIds(views).filter((id) => lookup.orgs.has(id) && !lookup.orgs.get(id)?.service), [views, lookup]);
  const parentServices = useParentServices(withoutService);

  const describe = useCallback(
    (view: ReportView): Provenance => {
      const p = view.kind === 'rad' && view.interpreter ? provenance.describe(view.interpreter, view.performer) : provenance.describe(view.performer);
      if (p.service) return p;
      const orgId = referenceId(view.performer, 'Organization');
      const service = orgId ? parentServices.get(orgId) : undefined;
      return service ? { ...p, service } : p;
    },
    [provenance, parentServices],
  );
  const serviceOf = useCallback((view: ReportView) => describe(view).service, [describe]);

  return {
    views,
    describe,
    serviceOf,
    isPending: query.isPending,
    error: query.error,
    lookupError: provenance.error,
    refetch: () => void query.refetch(),
  };
}
