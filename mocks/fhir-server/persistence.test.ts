// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Flag, Patient } from 'fhir/r4';
import { createMockBackend, type MockBackend } from './backend';
import { createIndexedDbDeltaStore, createMemoryDeltaStore, withMemoryFallback, type Delta, type DeltaStore } from './persistence';
import type { DeltaEntry } from './repository';
import { fixtureDataSource, fixtureScenarios } from './test-fixtures';

const ORIGIN = 'http://localhost:5173';

function backendWith(store: DeltaStore, scenarioId = 'fixture') {
  const dataSource = fixtureDataSource();
  const backend = createMockBackend({ persistence: store, scenarioId, dataSource, scenarios: fixtureScenarios, saveDelayMs: 20 });
  return { backend, dataSource };
}

async function signIn(backend: MockBackend): Promise<string> {
  const response = await backend.handle(new Request(`${ORIGIN}/token`, { method: 'POST', body: JSON.stringify({ persona: 'gp-bergen' }) }));
  return ((await response?.json()) as { access_token: string }).access_token;
}

async function call(backend: MockBackend, token: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${token}`);
  if (init.body) headers.set('Content-Type', 'application/fhir+json');
  const response = await backend.handle(new Request(`${ORIGIN}/fhir/${path}`, { ...init, headers }));
  if (!response) throw new Error(`not handled: ${path}`);
  return response;
}

const newFlag: Flag = { resourceType: 'Flag', status: 'active', code: { text: 'Lagret' }, subject: { reference: 'Patient/p-ola' } };

async function roundTrip(store: DeltaStore) {
  const first = backendWith(store);
  const token = await signIn(first.backend);
  const created = (await (await call(first.backend, token, 'Flag', { method: 'POST', body: JSON.stringify(newFlag) })).json()) as Flag;
  const patient = (await (await call(first.backend, token, 'Patient/p-kari')).json()) as Patient;
  await call(first.backend, token, 'Patient/p-kari', { method: 'PUT', body: JSON.stringify({ ...patient, gender: 'other' }), headers: { 'If-Match': 'W/"1"' } });
  await first.backend.flush();

  // A new backend (a reload) on the same store sees the writes, versions and history.
  const second = backendWith(store);
  const token2 = await signIn(second.backend);
  const flag = await call(second.backend, token2, `Flag/${created.id}`);
  expect(flag.status).toBe(200);
  expect(((await flag.json()) as Flag).code.text).toBe('Lagret');
  const kari = (await (await call(second.backend, token2, 'Patient/p-kari')).json()) as Patient;
  expect(kari.gender).toBe('other');
  expect(kari.meta?.versionId).toBe('2');
  // the flag and its AuditEvent (a write), the AuditEvent for opening Kari's journal, the update
  // and its AuditEvent, and after the reload the AuditEvents for reading the flag (Ola's data)
  // and opening Kari's journal again
  expect((await second.backend.state()).changes).toBe(7);
  expect((await second.backend.state()).dataNow).toBe((await first.backend.state()).dataNow);

  // Reset discards the saved changes, for this instance and the next.
  await second.backend.reset('fixture');
  expect((await call(second.backend, token2, `Flag/${created.id}`)).status).toBe(404);
  const third = backendWith(store);
  const token3 = await signIn(third.backend);
  expect((await call(third.backend, token3, `Flag/${created.id}`)).status).toBe(404);
  expect((await third.backend.state()).changes).toBe(0);
}

describe('persistence of the delta', () => {
  it('memory store: a write survives a new backend instance; reset discards it', async () => {
    await roundTrip(createMemoryDeltaStore());
  });

  it('IndexedDB store (fake-indexeddb): the same round trip', async () => {
    await roundTrip(createIndexedDbDeltaStore('akson-mock-fhir-test-1'));
  });

  it('saves after the debounce without an explicit flush', async () => {
    const store = createMemoryDeltaStore();
    const { backend } = backendWith(store);
    const token = await signIn(backend);
    await call(backend, token, 'Flag', { method: 'POST', body: JSON.stringify(newFlag) });
    await new Promise((resolve) => setTimeout(resolve, 80));
    // the flag and the AuditEvent of the write
    expect((await store.load('fixture'))?.entries.length).toBe(2);
  });

  it('remembers the active scenario across reloads, and reset switches it', async () => {
    const store = createIndexedDbDeltaStore('akson-mock-fhir-test-2');
    const first = backendWith(store);
    await first.backend.reset('fixture-flag');
    expect(await store.getActiveScenario()).toBe('fixture-flag');
    const second = backendWith(store, 'fixture');
    expect((await second.backend.state()).scenarioId).toBe('fixture-flag');
  });

  it('drops a saved delta made for another scenario version', async () => {
    const store = createMemoryDeltaStore();
    const first = backendWith(store);
    const token = await signIn(first.backend);
    await call(first.backend, token, 'Flag', { method: 'POST', body: JSON.stringify(newFlag) });
    await first.backend.flush();
    const saved = await store.load('fixture');
    if (!saved) throw new Error('nothing saved');
    await store.save('fixture', { ...saved, scenarioVersion: 0 });
    const second = backendWith(store);
    await second.backend.ready();
    expect((await second.backend.state()).changes).toBe(0);
  });

  it('generates the clinical data only when a FHIR request needs it', async () => {
    const { backend, dataSource } = backendWith(createMemoryDeltaStore());
    const personas = await backend.handle(new Request(`${ORIGIN}/personas`));
    expect(personas?.status).toBe(200);
    await backend.handle(new Request(`${ORIGIN}/fhir/metadata`));
    expect(dataSource.clinicalCalls).toBe(0);
    expect((await backend.state()).clinicalLoaded).toBe(false);
    const token = await signIn(backend);
    await call(backend, token, 'Patient?_summary=count');
    expect(dataSource.clinicalCalls).toBe(1);
    expect((await backend.state()).clinicalLoaded).toBe(true);
  });

  it('passes on requests that are not for the mock', async () => {
    const { backend } = backendWith(createMemoryDeltaStore());
    expect(await backend.handle(new Request(`${ORIGIN}/assets/app.js`))).toBeUndefined();
    expect(await backend.handle(new Request(`${ORIGIN}/config.json`))).toBeUndefined();
  });
});

describe('saving a growing delta', () => {
  const flagEntry = (n: number): DeltaEntry => ({ op: 'put', resource: { resourceType: 'Flag', id: `f${n}`, status: 'active', code: { text: `Flagg ${n}` }, subject: { reference: 'Patient/p-ola' } } as Flag });
  const deltaOf = (count: number, startedAt = 1): Delta => ({
    format: 1,
    scenarioId: 'fixture',
    scenarioVersion: 1,
    seed: { seed: 1, patients: 10, now: '2026-11-26T09:00:00+01:00' },
    startedAt,
    savedAt: new Date(0).toISOString(),
    entries: Array.from({ length: count }, (_, i) => flagEntry(i)),
  });
  const ids = (delta: Delta | null) => delta?.entries.map((e) => (e.op === 'put' ? e.resource.id : e.id));

  for (const [name, make] of [
    ['memory', () => createMemoryDeltaStore()],
    ['IndexedDB', () => createIndexedDbDeltaStore(`akson-mock-fhir-test-grow-${Math.random()}`)],
  ] as const) {
    it(`${name} store: appends the entries after savedBefore, and writes anew when it holds another count`, async () => {
      const store = make();
      await store.save('fixture', deltaOf(3));
      await store.save('fixture', deltaOf(5), 3);
      await store.save('fixture', deltaOf(5), 5);
      expect(ids(await store.load('fixture'))).toEqual(['f0', 'f1', 'f2', 'f3', 'f4']);
      // The caller's count does not match what the store holds (a new world after a reset): all anew.
      await store.save('fixture', { ...deltaOf(2, 2), entries: [flagEntry(7), flagEntry(8)] }, 4);
      const loaded = await store.load('fixture');
      expect(ids(loaded)).toEqual(['f7', 'f8']);
      expect(loaded?.startedAt).toBe(2);
      await store.clear('fixture');
      expect(await store.load('fixture')).toBeNull();
    });
  }

  it('IndexedDB store: a save writes only the new entries', async () => {
    const store = createIndexedDbDeltaStore(`akson-mock-fhir-test-grow-puts`);
    await store.save('fixture', deltaOf(1000));
    const cloned: unknown[] = [];
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      cloned.push(value);
      return original.call(this, value, key);
    };
    try {
      await store.save('fixture', deltaOf(1002), 1000);
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    const written = cloned.flatMap((value) => (Array.isArray(value) ? value : []));
    expect(written).toHaveLength(2);
    expect((await store.load('fixture'))?.entries).toHaveLength(1002);
  });

  it('the backend saves a long session in appended pieces, and a reload gets every change back', async () => {
    const store = createIndexedDbDeltaStore('akson-mock-fhir-test-grow-backend');
    const first = backendWith(store);
    const token = await signIn(first.backend);
    for (let i = 0; i < 5; i++) {
      await call(first.backend, token, 'Flag', { method: 'POST', body: JSON.stringify({ ...newFlag, code: { text: `Lagret ${i}` } }) });
      await call(first.backend, token, 'Patient/p-kari');
    }
    await first.backend.flush();
    const changes = (await first.backend.state()).changes;
    const second = backendWith(store);
    await second.backend.ready();
    // the reload's own reads add AuditEvents only once a request is made
    expect((await second.backend.state()).changes).toBe(changes);
  });
});

describe('withMemoryFallback', () => {
  it('keeps working in memory when the primary store fails', async () => {
    const broken: DeltaStore = {
      load: () => Promise.reject(new Error('no IndexedDB')),
      save: () => Promise.reject(new Error('no IndexedDB')),
      clear: () => Promise.reject(new Error('no IndexedDB')),
      getActiveScenario: () => Promise.reject(new Error('no IndexedDB')),
      setActiveScenario: () => Promise.reject(new Error('no IndexedDB')),
    };
    const messages: string[] = [];
    const store = withMemoryFallback(broken, (m) => messages.push(m));
    const { backend } = backendWith(store);
    const token = await signIn(backend);
    const response = await call(backend, token, 'Flag', { method: 'POST', body: JSON.stringify(newFlag) });
    expect(response.status).toBe(201);
    expect(messages.length).toBe(1);
    expect(await store.getActiveScenario()).toBe('fixture');
  });
});
