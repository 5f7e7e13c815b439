import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Communication } from 'fhir/r4';
import { mockBackendSession } from '../../mocks/testing';
import { FhirClient } from '../fhir/client';
import { fhirKeys } from '../fhir/queryKeys';
import { unreadTopSearch } from '../exchange/inbox';
import { prefetchHome } from './prefetchHome';
import { layoutSearches } from './storage';
import { listedPatientsSearch } from '../modules/listed-patients/searches';

describe('prefetching the home page at sign-in', () => {
  it('asks for the layout documents and the top of the inbox, so the page finds them in the cache', async () => {
    const session = await mockBackendSession('homecare-nurse', { municipality: 'Bergen' });
    await session.backend.ready();
    const queryClient = new QueryClient();
    const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => session.token, fetchImpl: session.fetchImpl });
    void prefetchHome(queryClient, client, session.persona, 'tablet');
    const inboxKey = fhirKeys.search('Communication', unreadTopSearch(session.persona));
    const layoutKey = fhirKeys.search('Basic', layoutSearches.municipality(session.persona.municipalityCode));
    await expect.poll(() => queryClient.getQueryState(inboxKey)?.status, { timeout: 15_000 }).toBe('success');
    await expect.poll(() => queryClient.getQueryState(layoutKey)?.status, { timeout: 15_000 }).toBe('success');
    const top = queryClient.getQueryData<{ resources: Communication[] }>(inboxKey);
    // The scenario's hospital has told the nurse's district about an admission: unread, at the top.
    expect(top?.resources.map((m) => m.id)).toContain('xch-innlagt-1');
  }, 60_000);

  it('once the layout is in, starts the searches of the modules on the home page', async () => {
    const session = await mockBackendSession('gp', { municipality: 'Bergen' });
    await session.backend.ready();
    const queryClient = new QueryClient();
    const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => session.token, fetchImpl: session.fetchImpl });
    await prefetchHome(queryClient, client, session.persona, 'desktop');
    // The GP's home page has the whole patient list (fastlegeliste): its search has started.
    const listKey = fhirKeys.search('Patient', listedPatientsSearch(session.persona.practitionerRoleId));
    expect(queryClient.getQueryState(listKey)).toBeDefined();
    await expect.poll(() => queryClient.getQueryState(listKey)?.status, { timeout: 15_000 }).toBe('success');
  }, 60_000);

  it('does not ask for an inbox a group’s home does not have', async () => {
    const session = await mockBackendSession('config-admin', { municipality: 'Bergen' });
    const queryClient = new QueryClient();
    const client = new FhirClient({ baseUrl: 'http://test/fhir', getToken: () => session.token, fetchImpl: session.fetchImpl });
    await prefetchHome(queryClient, client, session.persona, 'desktop');
    expect(queryClient.getQueryCache().findAll({ queryKey: fhirKeys.type('Communication') })).toHaveLength(0);
  }, 60_000);
});
