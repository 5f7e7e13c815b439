import type { QueryClient } from '@tanstack/react-query';
import type { FhirClient, ResourceType, SearchParams } from '../fhir/client';
import { searchQuery } from '../fhir/hooks';
import { unreadTopSearch } from '../exchange/inbox';
import type { Persona } from '../session/personnel';
import { defaultLayout } from './defaults';
import { layoutSearches } from './storage';
import type { DeviceClass } from './types';

/**
 * At sign-in, while the workspace's code loads, ask for what the home page asks first: the
 * layout documents (which modules the page has) and, for groups whose home has the inbox, the
 * top of the inbox (a small request). The page's own searches then find them in the cache, and
 * the inbox's first screen does not wait behind the layout and the heavier lists.
 */
export function prefetchHome(queryClient: QueryClient, client: FhirClient, persona: Persona, device: DeviceClass): void {
  const prefetch = (type: ResourceType, params: SearchParams, staleTime: number) => void queryClient.prefetchQuery({ ...searchQuery(client, type, params), staleTime });
  if (defaultLayout(persona.personnelGroup, device, 'home').some((item) => item.module === 'inbox')) prefetch('Communication', unreadTopSearch(persona), 15_000);
  if (persona.municipalityCode) prefetch('Basic', layoutSearches.municipality(persona.municipalityCode), 60_000);
  if (persona.practitionerId) prefetch('Basic', layoutSearches.user(persona.practitionerId), 60_000);
}
