import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Communication } from 'fhir/r4';
import { mockBackendSession } from '../../mocks/testing';
import type { PersonnelGroup } from '../session/personnel';
import { FhirClient } from '../fhir/client';
import { fhirKeys } from '../fhir/queryKeys';
import { unreadTopSearch } from '../exchange/inbox';
import { prefetchHome } from './prefetchHome';
import { layoutSearches } from './storage';
import { listedPatientsSearch } from '../modules/listed-patients/searches';

/** A signed-in persona of Bergen, its backend's data built, and an empty query cache. */
async function signedIn(group: PersonnelGroup) {
  const session = await mockBackendSession(group, { municipality: 'Bergen' });
  await session.backend.ready();
  const queryClient = new QueryClient();
  const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => session.token, fetchImpl: session.fetchImpl });
  return { persona: session.persona, queryClient, client };
}

describe('prefetching the home page at sign-in', () => {
  it('asks for the layout documents and the top of the inbox, so the page finds them in the cache', async () => {
    const { persona, queryClient, client } = await signedIn('homecare-nurse');
    void prefetchHome(queryClient, client, persona, 'tablet');
    const inboxKey = fhirKeys.search('Communication', unreadTopSearch(persona));
    const layoutKey = fhirKeys.search('Basic', layoutSearches.municipality(persona.municipalityCode));
    await expect.poll(() => queryClient.getQueryState(inboxKey)?.status, { timeout: 15_000 }).toBe('success');
    await expect.poll(() => queryClient.getQueryState(layoutKey)?.status, { timeout: 15_000 }).toBe('success');
    const top = queryClient.getQueryData<{ resources: Communication[] }>(inboxKey);
    // The scenario's hospital has told the nurse's district about an admission: unread, at the top.
    expect(top?.resources.map((m) => m.id)).toContain('xch-innlagt-1');
  }, 60_000);

  it('once the layout is in, starts the searches of the modules on the home page', async () => {
    const { persona, queryClient, client } = await signedIn('gp');
    await prefetchHome(queryClient, client, persona, 'desktop');
    // The GP's home page has the whole patient list (fastlegeliste): its search has started.
    const listKey = fhirKeys.search('Patient', listedPatientsSearch(persona.practitionerRoleId));
    expect(queryClient.getQueryState(listKey)).toBeDefined();
    await expect.poll(() => queryClient.getQueryState(listKey)?.status, { timeout: 15_000 }).toBe('success');
  }, 60_000);

  it('does not ask for an inbox a group’s home does not have', async () => {
    const { persona, queryClient, client } = await signedIn('config-admin');
    await prefetchHome(queryClient, client, persona, 'desktop');
    expect(queryClient.getQueryCache().findAll({ queryKey: fhirKeys.type('Communication') })).toHaveLength(0);
  }, 60_000);
});
