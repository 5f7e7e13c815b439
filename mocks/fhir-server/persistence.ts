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
  /**
   * Saves a scenario's delta. The delta only grows (every request adds an AuditEvent), so a
   * store keeps what it has and writes only the entries after `savedBefore`, the number of this
   * delta's entries the caller saved before. When the store holds a different number (another
   * delta, or none) it writes the whole delta anew.
   */
  save(scenarioId: string, delta: Delta, savedBefore?: number): Promise<void>;
  /** Clears one scenario's delta, or every delta when no id is given. */
  clear(scenarioId?: string): Promise<void>;
  getActiveScenario(): Promise<string | null>;
  setActiveScenario(id: string): Promise<void>;
}

export const DATABASE_NAME = 'akson-mock-fhir';

/** A delta's header in the 'deltas' store: everything but the entries, and how many there are. */
type DeltaHeader = Omit<Delta, 'entries'> & { count: number; chunks: number };

interface MockFhirDb extends DBSchema {
  /** One header a scenario; a delta saved before the entries were stored in chunks holds `entries` itself. */
  deltas: { key: string; value: DeltaHeader | Delta };
  /** The entries, in the chunks they were saved in: key [scenarioId, chunk number]. */
  chunks: { key: [string, number]; value: DeltaEntry[] };
  settings: { key: string; value: string };
}

/** A delta saved in more chunks than this is written anew as one (loading stays quick). */
const MAX_CHUNKS = 200;

function isHeader(value: DeltaHeader | Delta): value is DeltaHeader {
  return !('entries' in value);
}

/**
 * The browser store: IndexedDB database 'akson-mock-fhir' (stores 'deltas', 'chunks' and
 * 'settings'). A save appends the new entries as one chunk, so its cost does not grow with the
 * session (a whole delta of thousands of AuditEvents, cloned at every save, held up the requests).
 */
export function createIndexedDbDeltaStore(databaseName: string = DATABASE_NAME): DeltaStore {
  let dbPromise: Promise<IDBPDatabase<MockFhirDb>> | undefined;
  const db = () => {
    dbPromise ??= openDB<MockFhirDb>(databaseName, 2, {
      upgrade(database) {
        if (!database.objectStoreNames.contains('deltas')) database.createObjectStore('deltas');
        if (!database.objectStoreNames.contains('chunks')) database.createObjectStore('chunks');
        if (!database.objectStoreNames.contains('settings')) database.createObjectStore('settings');
      },
    });
    return dbPromise;
  };
  const chunksOf = (scenarioId: string) => IDBKeyRange.bound([scenarioId, 0], [scenarioId, Infinity]);
  return {
    async load(scenarioId) {
      const database = await db();
      const tx = database.transaction(['deltas', 'chunks'], 'readonly');
      const [saved, chunks] = await Promise.all([tx.objectStore('deltas').get(scenarioId), tx.objectStore('chunks').getAll(chunksOf(scenarioId))]);
      await tx.done;
      if (!saved) return null;
      if (!isHeader(saved)) return saved;
      const { count: _count, chunks: _chunks, ...header } = saved;
      return { ...header, entries: chunks.flat() };
    },
    async save(scenarioId, delta, savedBefore = 0) {
      const database = await db();
      const tx = database.transaction(['deltas', 'chunks'], 'readwrite');
      const headers = tx.objectStore('deltas');
      const chunks = tx.objectStore('chunks');
      const held = await headers.get(scenarioId);
      const { entries, ...rest } = delta;
      const append = savedBefore > 0 && held !== undefined && isHeader(held) && held.count === savedBefore && held.chunks < MAX_CHUNKS;
      if (append) {
        if (entries.length > savedBefore) await chunks.put(entries.slice(savedBefore), [scenarioId, held.chunks]);
        await headers.put({ ...rest, count: entries.length, chunks: held.chunks + (entries.length > savedBefore ? 1 : 0) }, scenarioId);
      } else {
        await chunks.delete(chunksOf(scenarioId));
        await chunks.put(entries, [scenarioId, 0]);
        await headers.put({ ...rest, count: entries.length, chunks: 1 }, scenarioId);
      }
      await tx.done;
    },
    async clear(scenarioId) {
      const database = await db();
      const tx = database.transaction(['deltas', 'chunks'], 'readwrite');
      if (scenarioId === undefined) await Promise.all([tx.objectStore('deltas').clear(), tx.objectStore('chunks').clear()]);
      else await Promise.all([tx.objectStore('deltas').delete(scenarioId), tx.objectStore('chunks').delete(chunksOf(scenarioId))]);
      await tx.done;
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
    async save(scenarioId, delta, savedBefore = 0) {
      const held = deltas.get(scenarioId);
      const { entries, ...header } = delta;
      if (held && savedBefore > 0 && held.entries.length === savedBefore) {
        // Only the new entries are copied (the Node mock server saves after every write).
        deltas.set(scenarioId, { ...structuredClone(header), entries: [...held.entries, ...structuredClone(entries.slice(savedBefore))] });
      } else deltas.set(scenarioId, structuredClone(delta));
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
    // The fallback holds nothing from before the switch: its first save writes the whole delta (it checks the count).
    save: (id, delta, savedBefore) => run((s) => s.save(id, delta, savedBefore)),
    clear: (id) => run((s) => s.clear(id)),
    getActiveScenario: () => run((s) => s.getActiveScenario()),
    setActiveScenario: (id) => run((s) => s.setActiveScenario(id)),
  };
}
