import type { QueryClient } from '@tanstack/react-query';
import type { FhirClient } from '../fhir/client';
import { searchQuery } from '../fhir/hooks';
import { prefetchProvenance } from '../journal/provenanceDirectory';
import { fhirKeys } from '../fhir/queryKeys';
import type { Persona } from '../session/personnel';
import type { ResolvedItem } from './resolve';
import type { DataNeed } from './types';

/** The unique searches of a page's modules: two modules asking the same thing cost one request. */
export function uniqueDataNeeds(items: ResolvedItem[], context: { patientId?: string; persona: Persona }): DataNeed[] {
  const seen = new Map<string, DataNeed>();
  for (const item of items) {
    if (item.manifest.needsPatient && !context.patientId) continue;
    for (const need of item.manifest.data(context)) {
      seen.set(JSON.stringify(fhirKeys.search(need.type, need.params)), need);
    }
  }
  return [...seen.values()];
}

/**
 * Starts a page's searches and the download of its modules' code (each chunk loads once). On a
 * patient's page (`lookUpAuthors`) what the results name (authors, units) is looked up as soon as
 * they arrive, not after the modules have rendered them; a home page's lists (every patient on the
 * list, every message) would only start lookups nobody reads.
 */
export function prefetchPage(queryClient: QueryClient, client: FhirClient, items: ResolvedItem[], needs: DataNeed[], lookUpAuthors = false): void {
  for (const need of needs) {
    const search = { ...searchQuery(client, need.type, need.params), staleTime: 15_000 };
    const done = queryClient.prefetchQuery(search);
    if (lookUpAuthors) void done.then(() => prefetchProvenance(queryClient, client, queryClient.getQueryData(search.queryKey)?.bundle));
  }
  // The same import() the lazy component makes later; a failed load shows in the module's own frame.
  for (const item of items) void item.manifest.load().catch(() => undefined);
}

