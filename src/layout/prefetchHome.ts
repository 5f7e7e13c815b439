import type { QueryClient } from '@tanstack/react-query';
import type { FhirClient, ResourceType, SearchParams } from '../fhir/client';
import { searchQuery } from '../fhir/hooks';
import { unreadTopSearch } from '../exchange/inbox';
import type { Persona } from '../session/personnel';
import { defaultLayout } from './defaults';
import { layoutSearches } from './storage';
import type { DeviceClass } from './types';
import { basicToLayout } from './storage';
import { pickDocuments, resolveFor, type LayoutTarget } from './useLayout';
import { prefetchPage, uniqueDataNeeds } from './prefetchPage';

/**
 * At sign-in, while the workspace's code loads, ask for what the home page asks first: the
 * layout documents (which modules the page has) and, for groups whose home has the inbox, the
 * top of the inbox (a small request). The page's own searches then find them in the cache, and
 * the inbox's first screen does not wait behind the layout and the heavier lists. Once the
 * layout documents are in, the home page is resolved from them exactly as the page will resolve
 * it, and its modules' searches and code start too (nothing the page will not show).
 */
export async function prefetchHome(queryClient: QueryClient, client: FhirClient, persona: Persona, device: DeviceClass): Promise<void> {
  const prefetch = (type: ResourceType, params: SearchParams, staleTime: number) => queryClient.prefetchQuery({ ...searchQuery(client, type, params), staleTime });
  if (defaultLayout(persona.personnelGroup, device, 'home').some((item) => item.module === 'inbox')) void prefetch('Communication', unreadTopSearch(persona), 15_000);
  const sources = [
    persona.municipalityCode ? layoutSearches.municipality(persona.municipalityCode) : undefined,
    persona.practitionerId ? layoutSearches.user(persona.practitionerId) : undefined,
  ];
  await Promise.all(sources.map((params) => (params ? prefetch('Basic', params, 60_000) : undefined)));
  const docs = sources.map((params) => {
    if (!params) return [];
    const state = queryClient.getQueryState(searchQuery(client, 'Basic', params).queryKey);
    return state?.status === 'success' ? state.data?.resources.map(basicToLayout) : undefined;
  });
  // A layout document that could not be read: the page will say so; nothing is guessed here.
  if (docs.some((d) => d === undefined)) return;
  const target: LayoutTarget = { municipality: persona.municipalityCode, group: persona.personnelGroup, device, page: 'home', user: persona.practitionerId };
  const { full } = resolveFor(target, pickDocuments(docs[0] ?? [], docs[1] ?? [], target));
  prefetchPage(queryClient, client, full.items, uniqueDataNeeds(full.items, { persona }));
}
