import { useMemo } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Bundle, Observation, Organization, PractitionerRole, Reference } from 'fhir/r4';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { useFhirSearch } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import type { Persona } from '../../session/personnel';
import { groupVitalSets, unitIdsOf, type VitalSet } from '../../fhir/vitalSignShapes';
import { vitalSearches } from './searches';

export interface VitalHistory {
  sets: VitalSet[];
  roles: ReadonlyMap<string, PractitionerRole>;
  units: ReadonlyMap<string, Organization>;
  /** No answer yet (and no failure): the loading lines. */
  isPending: boolean;
  /** The search has answered: the sets are there to show, and stay when a refresh fails (`error` then set too). */
  loaded: boolean;
  error: FhirError | null;
  refetch: () => void;
  /** The server has more than one page: only the newest are shown. */
  truncated: boolean;
}

/**
 * The patient's vital signs grouped into sets, with who recorded each set and where. One search
 * (the manifest's, so the page's prefetch is used) plus one for the recorders' units.
 */
export function useVitalHistory(patientId: string | undefined): VitalHistory {
  const search = useFhirSearch('Observation', patientId ? vitalSearches.history(patientId) : undefined);
  const bundle = search.data?.bundle;
  const { observations, roles, includedUnits } = useMemo(() => {
    const observations: Observation[] = [];
    const roles = new Map<string, PractitionerRole>();
    const includedUnits = new Map<string, Organization>();
    for (const entry of bundle?.entry ?? []) {
      const r = entry.resource as Observation | PractitionerRole | Organization | undefined;
      if (!r?.id) continue;
      if (r.resourceType === 'Observation' && entry.search?.mode !== 'include') observations.push(r);
      else if (r.resourceType === 'PractitionerRole') roles.set(r.id, r);
      else if (r.resourceType === 'Organization') includedUnits.set(r.id, r);
    }
    return { observations, roles, includedUnits };
  }, [bundle]);
  const sets = useMemo(() => groupVitalSets(observations), [observations]);
  const unitIds = useMemo(() => unitIdsOf(sets, roles), [sets, roles]);
  const unitSearch = useFhirSearch('Organization', unitIds.length > 0 ? vitalSearches.units(unitIds) : undefined, { staleTime: 10 * 60_000 });
  const unitResources = unitSearch.data?.resources;
  const units = useMemo(() => {
    const all = new Map(includedUnits);
    for (const o of unitResources ?? []) if (o.id) all.set(o.id, o);
    return all;
  }, [includedUnits, unitResources]);
  const total = search.data?.total;
  return {
    sets,
    roles,
    units,
    isPending: search.isPending,
    loaded: search.data !== undefined,
    error: search.error,
    refetch: () => void search.refetch(),
    truncated: total !== undefined && total > observations.length,
  };
}

/** performer of what this user records: the PractitionerRole ("Name (group)") and the unit. */
export function performerOf(persona: Persona, groupLabel: string): Reference[] {
  return [
    { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: `${persona.name} (${groupLabel})` },
    { reference: `Organization/${persona.organizationId}`, display: persona.unitName },
  ];
}

/**
 * Posts a transaction Bundle to the FHIR base (all or nothing) and refreshes every Observation
 * query once it is saved (the returned promise waits for the refresh, so the list shows the new
 * set when the form closes).
 */
export function useRecordVitals() {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useMutation<Bundle, FhirError, Bundle>({
    mutationFn: (bundle) => client.request<Bundle>('POST', client.baseUrl, bundle),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fhirKeys.type('Observation') }),
  });
}
