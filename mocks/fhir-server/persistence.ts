import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SeedOptions } from '../seed/index';
import type { DeltaEntry } from './repository';

/**
 * Persistence for the mock backend in the browser: only the changes made after a scenario's
 * starting state (the delta) are saved, never the 300k generated resources, which are
 * regenerated from the seed on every start.
 */

/** What is saved for one scenario. */
export interface Delta {
  format: 1;
  scenarioId: string;
  scenarioVersion: number;
  /** The seed the scenario was started with (its `now` included), so a reload rebuilds the same world. */
  seed: SeedOptions;
  /** Real time (epoch ms) when the scenario was started; the mock clock runs on from there. */
  startedAt: number;
  /** When this delta was saved (ISO). */
  savedAt: string;
  entries: DeltaEntry[];
  /** A tester set the clock (POST /mock/clock): `seed.now` is that moment, kept over a reload. */
  clockSet?: boolean;
}

export interface DeltaStore {
  load(scenarioId: string): Promise<Delta | null>;
  save(scenarioId: string, delta: Delta): Promise<void>;
  /** Clears one scenario's delta, or every delta when no id is given. */
  clear(scenarioId?: string): Promise<void>;
  getActiveScenario(): Promise<string | null>;
  setActiveScenario(id: string): Promise<void>;
}

export const DATABASE_NAME = 'akson-mock-fhir';

interface MockFhirDb extends DBSchema {
  deltas: { key: string; value: Delta };
  settings: { key: string; value: string };
}

/** The browser store: IndexedDB database 'akson-mock-fhir' (stores 'deltas' and 'settings'). */
export function createIndexedDbDeltaStore(databaseName: string = DATABASE_NAME): DeltaStore {
  let dbPromise: Promise<IDBPDatabase<MockFhirDb>> | undefined;
  const db = () => {
    dbPromise ??= openDB<MockFhirDb>(databaseName, 1, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('deltas')) database.createObjectStore('deltas');
        if (!database.objectStoreNames.contains('settings')) database.createObjectStore('settings');
      },
    });
    return dbPromise;
  };
  return {
    async load(scenarioId) {
      return (await (await db()).get('deltas', scenarioId)) ?? null;
    },
    async save(scenarioId, delta) {
      await (await db()).put('deltas', delta, scenarioId);
    },
    async clear(scenarioId) {
      const database = await db();
      if (scenarioId === undefined) await database.clear('deltas');
      else await database.delete('deltas', scenarioId);
    },
    async getActiveScenario() {
      return (await (await db()).get('settings', 'activeScenario')) ?? null;
    },
    async setActiveScenario(id) {
      await (await db()).put('settings', id, 'activeScenario');
    },
  };
}

/** An in-memory store (tests; a Node server that should survive `reset` only). */
export function createMemoryDeltaStore(): DeltaStore {
  const deltas = new Map<string, Delta>();
  let active: string | null = null;
  return {
    async load(scenarioId) {
      const d = deltas.get(scenarioId);
      return d ? structuredClone(d) : null;
    },
    async save(scenarioId, delta) {
      deltas.set(scenarioId, structuredClone(delta));
    },
    async clear(scenarioId) {
      if (scenarioId === undefined) deltas.clear();
      else deltas.delete(scenarioId);
    },
    async getActiveScenario() {
      return active;
    },
    async setActiveScenario(id) {
      active = id;
    },
  };
}

/**
 * Wraps a store so that a failure (no IndexedDB in a private window, quota exceeded) does not
 * break the mock backend: the first error is reported and from then on an in-memory store is
 * used, so the session goes on without surviving a reload.
 */
export function withMemoryFallback(primary: DeltaStore, onError: (message: string) => void = () => {}): DeltaStore {
  let active = primary;
  const fallback = createMemoryDeltaStore();
  async function run<T>(call: (store: DeltaStore) => Promise<T>): Promise<T> {
    if (active === fallback) return call(fallback);
    try {
      return await call(active);
    } catch (error) {
      onError(`mock-fhir: the browser store failed (${String(error)}); changes are kept in memory only from now on.`);
      active = fallback;
      return call(fallback);
    }
  }
  return {
    load: (id) => run((s) => s.load(id)),
    save: (id, delta) => run((s) => s.save(id, delta)),
    clear: (id) => run((s) => s.clear(id)),
    getActiveScenario: () => run((s) => s.getActiveScenario()),
    setActiveScenario: (id) => run((s) => s.setActiveScenario(id)),
  };
}
