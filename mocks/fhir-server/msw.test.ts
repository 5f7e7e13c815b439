// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import type { Bundle } from 'fhir/r4';
import { createMockBackend } from './backend';
import { createMswHandlers } from './msw';
import { fixtureDataSource, fixtureScenarios } from './test-fixtures';

/** The msw/node front door (what app unit tests use) runs the same backend. */
const ORIGIN = 'http://app.test';
const backend = createMockBackend({ dataSource: fixtureDataSource(), scenarios: fixtureScenarios });
const server = setupServer(...createMswHandlers(backend, { origins: [ORIGIN] }));

const unhandled: string[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: (request) => void unhandled.push(request.url) }));
afterAll(() => server.close());

describe('createMswHandlers', () => {
  it('serves personas, tokens and FHIR searches through msw/node', async () => {
    const personas = (await (await fetch(`${ORIGIN}/personas`)).json()) as { id: string }[];
    expect(personas[0]?.id).toBe('gp-bergen');
    const tokenResponse = await fetch(`${ORIGIN}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'gp-bergen' }) });
    const { access_token } = (await tokenResponse.json()) as { access_token: string };
    const bundle = (await (await fetch(`${ORIGIN}/fhir/Patient?name=kari`, { headers: { Authorization: `Bearer ${access_token}` } })).json()) as Bundle;
    expect(bundle.entry?.map((e) => e.resource?.id)).toEqual(['p-kari']);
    expect(bundle.link?.[0]?.url).toBe(`${ORIGIN}/fhir/Patient?name=kari`);
  });

  it('does not claim other origins or paths', async () => {
    const handler = createMswHandlers(backend, { origins: [ORIGIN] })[0];
    expect(handler).toBeDefined();
    await fetch('http://elsewhere.test/fhir/Patient').catch(() => undefined);
    await fetch(`${ORIGIN}/assets/app.js`).catch(() => undefined);
    expect(unhandled).toEqual(['http://elsewhere.test/fhir/Patient', `${ORIGIN}/assets/app.js`]);
  });
});
