import type { Encounter } from 'fhir/r4';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { entries } from '../../fhir/client';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { searchQuery } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import { encountersSearch } from './searches';

/** At most this many pages are followed (200 × 50 = 10,000 contacts), so a server bug cannot loop forever. */
const MAX_PAGES = 50;

/** Query key of "every contact of the patient": under ['fhir', 'Encounter'], so every Encounter write refreshes it. */
export function allEncountersKey(patientId: string) {
  return [...fhirKeys.type('Encounter'), 'all-encounters', patientId] as const;
}

/** Every Encounter of the patient, following `next` links; the first page shares the manifest's prefetch. */
export function useAllEncounters(patientId: string | undefined) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useQuery<Encounter[], FhirError>({
    queryKey: allEncountersKey(patientId ?? ''),
    enabled: Boolean(patientId),
    queryFn: async () => {
      const first = await queryClient.fetchQuery(searchQuery(client, 'Encounter', encountersSearch(patientId!)));
      const all = [...first.resources];
      let bundle = first.bundle;
      for (let page = 1; page < MAX_PAGES; page++) {
        const next = client.nextPage(bundle);
        if (!next) break;
        bundle = await next;
        all.push(...entries(bundle, 'Encounter'));
      }
      return all;
    },
  });
}
