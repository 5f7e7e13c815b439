import { useAllPages } from '../../fhir/hooks';
import { encountersSearch } from './searches';

/** Every Encounter of the patient, following `next` links; the first page shares the manifest's prefetch. */
export function useAllEncounters(patientId: string | undefined) {
  return useAllPages('Encounter', patientId ? encountersSearch(patientId) : undefined);
}
