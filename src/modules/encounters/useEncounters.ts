import { useAllPages } from '../../fhir/hooks';
import { encountersSearch } from './searches';

/**
 * Every Encounter of the patient, following `next` links; the first page shares the manifest's prefetch.
 * `data` is kept through a refresh that fails (`error` is set as well): whether the contacts are
 * known is `data !== undefined`, not the absence of an error.
 */
export function useAllEncounters(patientId: string | undefined) {
  return useAllPages('Encounter', patientId ? encountersSearch(patientId) : undefined);
}
