// @vitest-environment node
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Flag, OperationOutcome } from 'fhir/r4';
import { startNodeServer, type NodeServer } from '../node-server';
import { createMockBackend, type MockState } from './backend';
import { createFaultInjector, mergeFaults, NO_FAULTS, OTHER_USER_TAG } from './faults';
import { parseClock } from './clock';
import { deserializeResponse, serializeResponse } from '../worker-protocol';
import { fixtureDataSource, fixtureScenarios } from './test-fixtures';

/** Fault injection and the tester's clock (issue #9), over real HTTP (the Node front door). */

let server: NodeServer;
let token: string;

beforeAll(async () => {
  server = await startNodeServer({ port: 0, host: '127.0.0.1', scenarioId: 'fixture', dataSource: fixtureDataSource(), scenarios: fixtureScenarios, quiet: true });
  const response = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'gp-bergen' }) });
  token = ((await response.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await server.close();
});

afterEach(async () => {
  await setFaults({ ...NO_FAULTS });
});

async function setFaults(body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/mock/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

const auth = () => ({ Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' });

describe('fault settings', () => {
  it('merges a partial change and refuses bad values with a message', () => {
    expect(mergeFaults(NO_FAULTS, { failureRate: 0.3 })).toEqual({ ...NO_FAULTS, failureRate: 0.3 });
    expect(mergeFaults(NO_FAULTS, { failureRate: 1.5 })).toMatch(/from 0 to 1/);
    expect(mergeFaults(NO_FAULTS, { latencyMs: -1 })).toMatch(/latencyMs/);
    expect(mergeFaults(NO_FAULTS, { unreachable: 'yes' })).toMatch(/true or false/);
    expect(mergeFaults(NO_FAULTS, { speed: 1 })).toMatch(/Unknown fault setting\(s\): speed/);
  });

  it('fails the given share of requests with 503, by the random sequence', async () => {
    const sequence = [0.1, 0.5, 0.29, 0.9];
    const faults = createFaultInjector({ random: () => sequence.shift() ?? 1, sleep: async () => undefined });
    faults.set({ ...NO_FAULTS, failureRate: 0.3 });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await faults.before(new Request('http://x/fhir/Patient'), '/fhir/Patient'))?.status);
    expect(answers).toEqual([503, undefined, 503, undefined]);
    expect(faults.counts().failed).toBe(2);
  });

  it('adds the latency before answering', async () => {
    const slept: number[] = [];
    const faults = createFaultInjector({ sleep: async (ms) => void slept.push(ms) });
    faults.set({ ...NO_FAULTS, latencyMs: 1200 });
    expect(await faults.before(new Request('http://x/fhir/Patient'), '/fhir/Patient')).toBeUndefined();
    expect(slept).toEqual([1200]);
  });

  it('a network error survives the Web Worker protocol as a network error', async () => {
    const serialized = await serializeResponse(Response.error());
    expect(serialized.networkError).toBe(true);
    expect(deserializeResponse(serialized).type).toBe('error');
  });
});

describe('faults over HTTP', () => {
  it('GET /mock/faults and /mock/state show the settings; bad input is 400 with a message', async () => {
    const bad = await setFaults({ failureRate: 2 });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error_description: string }).error_description).toMatch(/failureRate/);
    expect((await setFaults({ latencyMs: 10, failureRate: 0.25 })).status).toBe(200);
    const state = (await (await fetch(`${server.url}/mock/state`)).json()) as MockState;
    expect(state.faults).toEqual({ latencyMs: 10, failureRate: 0.25, unreachable: false, conflictNextWrite: false });
  });

  it('every FHIR request fails with 503 at a failure rate of 1, but /mock and metadata still answer', async () => {
    await setFaults({ failureRate: 1 });
    const response = await fetch(`${server.fhirBaseUrl}/Patient?_count=1`, { headers: auth() });
    expect(response.status).toBe(503);
    expect(((await response.json()) as OperationOutcome).issue[0]?.code).toBe('transient');
    expect((await fetch(`${server.fhirBaseUrl}/metadata`)).status).toBe(200);
    expect((await fetch(`${server.url}/mock/state`)).status).toBe(200);
  });

  it('unreachable: the connection is dropped (a network error), and comes back when switched off', async () => {
    await setFaults({ unreachable: true });
    await expect(fetch(`${server.fhirBaseUrl}/Patient?_count=1`, { headers: auth() })).rejects.toThrow();
    await expect(fetch(`${server.url}/personas`)).rejects.toThrow();
    await setFaults({ unreachable: false });
    expect((await fetch(`${server.fhirBaseUrl}/Patient?_count=1`, { headers: auth() })).status).toBe(200);
  });

  it('a conflicting edit by another user: the next update with If-Match gets 412, once', async () => {
    const flag: Flag = { resourceType: 'Flag', status: 'active', subject: { reference: 'Patient/p-kari' }, code: { text: 'Faller lett' } };
    const created = (await (await fetch(`${server.fhirBaseUrl}/Flag`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(flag) })).json()) as Flag;
    await setFaults({ conflictNextWrite: true });
    const put = (body: Flag, version: string) =>
      fetch(`${server.fhirBaseUrl}/Flag/${created.id}`, { method: 'PUT', headers: { ...auth(), 'Content-Type': 'application/fhir+json', 'If-Match': `W/"${version}"` }, body: JSON.stringify(body) });
    const first = await put({ ...created, code: { text: 'Faller ofte' } }, '1');
    expect(first.status).toBe(412);
    const current = (await (await fetch(`${server.fhirBaseUrl}/Flag/${created.id}`, { headers: auth() })).json()) as Flag;
    expect(current.meta?.versionId).toBe('2');
    expect(current.meta?.tag).toContainEqual(expect.objectContaining({ code: OTHER_USER_TAG.code }));
    expect(current.code.text).toBe('Faller lett');
    const state = (await (await fetch(`${server.url}/mock/faults`)).json()) as { conflictNextWrite: boolean };
    expect(state.conflictNextWrite).toBe(false);
    // The user decides on the newer version: that save goes through.
    expect((await put({ ...current, code: { text: 'Faller ofte' } }, '2')).status).toBe(200);
  });
});

describe('the clock', () => {
  it('parses ISO date-times and refuses anything else', () => {
    expect(parseClock('2026-03-02T08:00:30+01:00')).toEqual({ now: '2026-03-02T07:00:00.000Z' });
    expect(parseClock(null)).toEqual({ now: null });
    expect(parseClock('monday')).toHaveProperty('error');
    expect(parseClock('1980-01-01T00:00')).toHaveProperty('error');
  });

  it('POST /mock/clock rebuilds the data for that now, changes the state id, and null goes back', async () => {
    const backend = createMockBackend({ scenarioId: 'fixture', dataSource: fixtureDataSource(), scenarios: fixtureScenarios, now: () => new Date('2026-11-26T12:00:00+01:00') });
    const before = await backend.state();
    const set = await backend.handle(new Request('http://x/mock/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ now: '2027-01-04T07:30:00+01:00' }) }));
    expect(set?.status).toBe(200);
    const after = (await set!.json()) as MockState;
    expect(after.dataNow).toBe('2027-01-04T06:30:00.000Z');
    expect(after.clockSet).toBe(true);
    expect(after.stateId).not.toBe(before.stateId);
    const bad = await backend.handle(new Request('http://x/mock/clock', { method: 'POST', body: JSON.stringify({ now: 'tomorrow' }) }));
    expect(bad?.status).toBe(400);
    const back = (await (await backend.handle(new Request('http://x/mock/clock', { method: 'POST', body: JSON.stringify({ now: null }) })))!.json()) as MockState;
    expect(back.clockSet).toBe(false);
    expect(back.dataNow).toBe('2026-11-26T08:00:00.000Z');
  });

  it('a reset changes the state id (other devices notice and reload) and drops the changes', async () => {
    const backend = createMockBackend({ scenarioId: 'fixture', dataSource: fixtureDataSource(), scenarios: fixtureScenarios });
    const before = await backend.state();
    const repo = await backend.repository();
    const flagsAtStart = repo.search('Flag', new URLSearchParams({ _summary: 'count' }), '').total;
    repo.create({ resourceType: 'Flag', status: 'active', subject: { reference: 'Patient/p-kari' }, code: { text: 'x' } } satisfies Flag);
    expect((await backend.state()).changes).toBe(1);
    const reset = await backend.handle(new Request('http://x/mock/reset', { method: 'POST', body: JSON.stringify({ scenario: 'fixture' }) }));
    const state = (await reset!.json()) as MockState;
    expect(state.changes).toBe(0);
    expect(state.stateId).not.toBe(before.stateId);
    const flags = await backend.handle(new Request('http://x/fhir/Flag?_summary=count', { headers: { Authorization: `Bearer ${token}` } }));
    expect(((await flags!.json()) as Bundle).total).toBe(flagsAtStart);
  });
});

describe('the clock over a restart', () => {
  it('a clock the tester set is saved and comes back when the backend starts again (the browser reloads)', async () => {
    const { createMemoryDeltaStore } = await import('./persistence');
    const persistence = createMemoryDeltaStore();
    const options = { scenarioId: 'fixture', dataSource: fixtureDataSource(), scenarios: fixtureScenarios, persistence };
    const first = createMockBackend(options);
    await first.ready();
    await first.handle(new Request('http://x/mock/clock', { method: 'POST', body: JSON.stringify({ now: '2027-03-01T08:00:00+01:00' }) }));
    await first.close();
    const second = createMockBackend(options);
    await second.ready();
    const state = await second.state();
    expect(state.dataNow).toBe('2027-03-01T07:00:00.000Z');
    expect(state.clockSet).toBe(true);
  });
});
