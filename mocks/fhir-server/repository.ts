import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import { badRequest, conflict, gone, methodNotAllowed, notFound, preconditionFailed } from './errors';
import { asFhirResource, isResourceType } from './resourceTypes';
import { executeSearch, hasPatientParam, patientIdsOf, referenceKeysOf, type SearchAccess, type SearchSource } from './search';
import type { SearchParamDef } from './search-parameters';

/**
 * The in-memory FHIR R4 repository behind the mock server.
 *
 * - Stored resources are never mutated: every write stores a new object (a structured clone of
 *   what was sent, with `meta.versionId` and `meta.lastUpdated` set). Reads and searches return
 *   the stored objects themselves, so callers must not mutate what they get (the HTTP layer
 *   only serialises them).
 * - Indexes: by type and id, and per type by patient (the resource's `patient` / `subject`
 *   references to Patient), so patient-scoped searches touch only that patient's resources.
 * - History: versions written after `loadAll` are kept (the loaded version is the first), so
 *   `history()` can show how a note or a medication changed.
 * - Delta: every create, update and delete after the baseline is logged, so a persistence layer
 *   can save just the changes (`getDelta`) and replay them later (`applyDelta`).
 *
 * Deletion: clinical journal entries are not deleted (they are corrected, or set to
 * 'entered-in-error'). `delete` is allowed for:
 * - Appointment (a booking that is cancelled by mistake), Flag, and Basic (layout documents and
 *   other configuration stored as Basic), and
 * - drafts of any type: a resource whose status says it was never put into effect (see
 *   DRAFT_STATUS below: MedicationRequest 'draft', Composition 'preliminary', …).
 * Everything else answers 405 with a diagnostic that says to use 'entered-in-error' instead.
 */

/** Resource types that may always be deleted. */
export const DELETABLE_TYPES: ReadonlySet<string> = new Set(['Appointment', 'Flag', 'Basic']);

/** Per type: the element and values that mark a draft (which may be deleted). */
export const DRAFT_STATUS: Readonly<Record<string, { element: string; values: readonly string[] }>> = {
  Composition: { element: 'status', values: ['preliminary'] },
  DocumentReference: { element: 'docStatus', values: ['preliminary'] },
  MedicationRequest: { element: 'status', values: ['draft'] },
  ServiceRequest: { element: 'status', values: ['draft'] },
  CarePlan: { element: 'status', values: ['draft'] },
  Task: { element: 'status', values: ['draft'] },
  Communication: { element: 'status', values: ['preparation'] },
  CommunicationRequest: { element: 'status', values: ['draft'] },
  QuestionnaireResponse: { element: 'status', values: ['in-progress'] },
  Observation: { element: 'status', values: ['registered'] },
  DiagnosticReport: { element: 'status', values: ['registered'] },
  Goal: { element: 'lifecycleStatus', values: ['proposed'] },
  Consent: { element: 'status', values: ['draft', 'proposed'] },
  List: { element: 'mode', values: ['working'] },
};

export type DeltaEntry =
  | { op: 'put'; resource: Resource }
  | { op: 'delete'; resourceType: string; id: string; versionId: string; lastUpdated: string };

/** The changes made after the baseline, in order. */
export interface DeltaLog {
  entries: DeltaEntry[];
}

/** One version in a resource's history (newest first in `history()`). */
interface VersionRecord {
  versionId: string;
  lastUpdated: string;
  /** Absent for a deletion. */
  resource?: Resource;
  method: 'POST' | 'PUT' | 'DELETE';
}

interface Tombstone {
  versionId: string;
  lastUpdated: string;
}

export interface RepositoryOptions {
  /** The clock for meta.lastUpdated (the mock's "now"). Default: the system clock. */
  clock?: () => Date;
  /** Id generator for created resources. Default: crypto.randomUUID (or a counter fallback). */
  newId?: () => string;
}

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/;

let fallbackCounter = 0;
function defaultNewId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  fallbackCounter += 1;
  return `${Date.now().toString(36)}-${fallbackCounter.toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Parses an If-Match value: W/"3", "3" or 3 → "3". */
export function parseIfMatch(value: string): string {
  const m = /^\s*(?:W\/)?"?([^"\s]+)"?\s*$/.exec(value);
  if (!m?.[1]) throw badRequest(`If-Match '${value}' is not a version tag. Send W/"<versionId>", for example W/"3".`, 'value');
  return m[1];
}

function isDraft(resource: Resource): boolean {
  const rule = DRAFT_STATUS[resource.resourceType];
  if (!rule) return false;
  const value = (resource as unknown as Record<string, unknown>)[rule.element];
  return typeof value === 'string' && rule.values.includes(value);
}

export class FhirRepository implements SearchSource {
  private readonly byType = new Map<string, Map<string, Resource>>();
  /** type → patient id → that type's current resources belonging to the patient (load order). */
  private readonly patientIndex = new Map<string, Map<string, Resource[]>>();
  /** "Type/id" → versions written after load, oldest first (the loaded version is implicit). */
  private readonly versions = new Map<string, VersionRecord[]>();
  private readonly tombstones = new Map<string, Tombstone>();
  private delta: DeltaEntry[] = [];
  private readonly clock: () => Date;
  private readonly newId: () => string;
  /** Bumped on every change; lets callers notice writes (e.g. to schedule a save). */
  private revision = 0;
  /** Per type, bumped on every put or remove: a reference index older than this is rebuilt. */
  private readonly typeRevisions = new Map<string, number>();
  /** type → reference parameter → "Type/id" → the resources holding it (built on first use). */
  private readonly referenceIndexes = new Map<string, Map<SearchParamDef, { revision: number; index: Map<string, Resource[]> }>>();
  private readonly listeners = new Set<(entry: DeltaEntry) => void>();

  constructor(options: RepositoryOptions = {}) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? defaultNewId;
  }

  // ------------------------------------------------------------------------------- loading

  /**
   * Bulk load (seed data). No cloning, no history, no delta: the objects are stored as they
   * are and must not be mutated afterwards. Resources without meta.versionId get version 1.
   * Replaces a resource with the same type and id.
   */
  loadAll(resources: readonly Resource[]): void {
    const loadedAt = this.clock().toISOString();
    for (let resource of resources) {
      const id = resource.id;
      if (!id) throw badRequest(`loadAll: a ${resource.resourceType} has no id.`, 'required');
      if (!resource.meta?.versionId) resource = { ...resource, meta: { ...resource.meta, versionId: '1', lastUpdated: resource.meta?.lastUpdated ?? loadedAt } };
      this.put(resource, true);
    }
    this.revision++;
  }

  /** Forgets the delta so far: what is stored now becomes the baseline (after seed + scenario). */
  markBaseline(): void {
    this.delta = [];
  }

  /** Removes everything. */
  clear(): void {
    this.byType.clear();
    this.patientIndex.clear();
    this.referenceIndexes.clear();
    this.versions.clear();
    this.tombstones.clear();
    this.delta = [];
    this.revision++;
  }

  // ------------------------------------------------------------------------------- reading

  read<T extends Resource = Resource>(type: T['resourceType'] | string, id: string): T {
    this.assertType(type);
    const resource = this.byType.get(type)?.get(id);
    if (resource) return resource as T;
    if (this.tombstones.has(`${type}/${id}`)) throw gone(`${type}/${id} has been deleted.`);
    throw notFound(`${type}/${id} was not found.`);
  }

  /** The resource, or undefined (no error) when it does not exist. */
  get(type: string, id: string): Resource | undefined {
    return this.byType.get(type)?.get(id);
  }

  vread<T extends Resource = Resource>(type: T['resourceType'] | string, id: string, versionId: string): T {
    this.assertType(type);
    const key = `${type}/${id}`;
    const current = this.byType.get(type)?.get(id);
    const records = this.versions.get(key);
    if (records) {
      const record = records.find((r) => r.versionId === versionId);
      if (record?.resource) return record.resource as T;
      if (record) throw gone(`Version ${versionId} of ${key} is a deletion.`);
      // The loaded (first) version is not in `records` when it was replaced later.
    }
    if (current?.meta?.versionId === versionId) return current as T;
    const first = this.loadedVersions.get(key);
    if (first?.meta?.versionId === versionId) return first as T;
    if (!current && !records && !this.tombstones.has(key)) throw notFound(`${key} was not found.`);
    throw notFound(`${key} has no version ${versionId}.`);
  }

  /** The loaded version of resources that were changed later (so vread/history can show it). */
  private readonly loadedVersions = new Map<string, Resource>();

  /** All versions of a resource, newest first, as a FHIR history Bundle. */
  history(type: string, id: string, baseUrl = ''): Bundle {
    this.assertType(type);
    const key = `${type}/${id}`;
    const current = this.byType.get(type)?.get(id);
    const records = this.versions.get(key);
    if (!current && !records && !this.tombstones.has(key)) throw notFound(`${key} was not found.`);
    const list: VersionRecord[] = [];
    const loaded = this.loadedVersions.get(key);
    if (loaded) list.push({ versionId: loaded.meta?.versionId ?? '1', lastUpdated: loaded.meta?.lastUpdated ?? '', resource: loaded, method: 'POST' });
    if (records) list.push(...records);
    else if (current) list.push({ versionId: current.meta?.versionId ?? '1', lastUpdated: current.meta?.lastUpdated ?? '', resource: current, method: 'POST' });
    list.reverse();
    const entry: BundleEntry[] = list.map((record) => {
      const e: BundleEntry = {
        fullUrl: `${baseUrl}/${key}`,
        request: { method: record.method, url: record.method === 'POST' ? type : key },
        response: {
          status: record.method === 'DELETE' ? '204' : record.method === 'POST' || record.versionId === '1' ? '201' : '200',
          etag: `W/"${record.versionId}"`,
          lastModified: record.lastUpdated,
        },
      };
      if (record.resource) e.resource = asFhirResource(record.resource);
      return e;
    });
    return { resourceType: 'Bundle', type: 'history', total: entry.length, link: [{ relation: 'self', url: `${baseUrl}/${key}/_history` }], entry };
  }

  // SearchSource
  all(type: string): Iterable<Resource> {
    return this.byType.get(type)?.values() ?? [];
  }

  byPatient(type: string, patientId: string): Iterable<Resource> | undefined {
    if (!hasPatientParam(type)) return undefined;
    return this.patientIndex.get(type)?.get(patientId) ?? [];
  }

  byReference(type: string, def: SearchParamDef, key: string): readonly Resource[] {
    const revision = this.typeRevisions.get(type) ?? 0;
    let perType = this.referenceIndexes.get(type);
    if (!perType) {
      perType = new Map();
      this.referenceIndexes.set(type, perType);
    }
    let entry = perType.get(def);
    if (!entry || entry.revision !== revision) {
      // One scan of the type, then every search by this parameter is a lookup until the next write.
      const index = new Map<string, Resource[]>();
      for (const resource of this.all(type)) {
        for (const k of new Set(referenceKeysOf(resource, def))) {
          const list = index.get(k);
          if (list) list.push(resource);
          else index.set(k, [resource]);
        }
      }
      entry = { revision, index };
      perType.set(def, entry);
    }
    return entry.index.get(key) ?? [];
  }

  search(type: string, params: URLSearchParams, baseUrl: string, access?: SearchAccess): Bundle {
    this.assertType(type);
    return executeSearch(this, type, params, baseUrl, access);
  }

  /** Number of current resources, of one type or of all. */
  count(type?: string): number {
    if (type) return this.byType.get(type)?.size ?? 0;
    let n = 0;
    for (const m of this.byType.values()) n += m.size;
    return n;
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  /** The repository's clock (the mock's "now"). */
  now(): Date {
    return this.clock();
  }

  /** Changes on every write; cheap way to tell whether anything changed. */
  getRevision(): number {
    return this.revision;
  }

  // ------------------------------------------------------------------------------- writing

  /**
   * Creates a resource. Keeps a given id (programmatic use: scenarios) unless it exists (409);
   * assigns a new one when absent. Returns the stored resource (version 1).
   */
  create<T extends Resource>(resource: T): T {
    this.assertType(resource.resourceType);
    const id = resource.id ?? this.newId();
    if (!ID_RE.test(id)) throw badRequest(`'${id}' is not a valid FHIR id (1–64 letters, digits, '-' and '.').`, 'value', [`${resource.resourceType}.id`]);
    const key = `${resource.resourceType}/${id}`;
    if (this.byType.get(resource.resourceType)?.has(id)) throw conflict(`${key} already exists.`);
    const previous = this.tombstones.get(key);
    const versionId = previous ? String(Number(previous.versionId) + 1) : '1';
    const stored = this.stamp(resource, id, versionId);
    this.beforeWrite(resource.resourceType, id);
    this.tombstones.delete(key);
    this.put(stored, false);
    this.record(key, { versionId, lastUpdated: stored.meta?.lastUpdated ?? '', resource: stored, method: previous ? 'PUT' : 'POST' });
    this.log({ op: 'put', resource: stored });
    return stored;
  }

  /**
   * Updates (or creates, when it does not exist: "update as create") a resource. With
   * `ifMatch` (W/"n", "n" or n) the update only happens when the current version is n, else 412.
   */
  update<T extends Resource>(resource: T, ifMatch?: string): T {
    this.assertType(resource.resourceType);
    const id = resource.id;
    if (!id) throw badRequest(`An update needs the resource's id.`, 'required', [`${resource.resourceType}.id`]);
    if (!ID_RE.test(id)) throw badRequest(`'${id}' is not a valid FHIR id (1–64 letters, digits, '-' and '.').`, 'value', [`${resource.resourceType}.id`]);
    const key = `${resource.resourceType}/${id}`;
    const current = this.byType.get(resource.resourceType)?.get(id);
    const tomb = this.tombstones.get(key);
    const currentVersion = current?.meta?.versionId ?? tomb?.versionId;
    if (ifMatch !== undefined) {
      const wanted = parseIfMatch(ifMatch);
      if (!current) {
        throw preconditionFailed(`${key} ${tomb ? 'has been deleted' : 'does not exist'}, so If-Match ${ifMatch} cannot match.`);
      }
      if (wanted !== currentVersion) {
        throw preconditionFailed(
          `${key} has been changed by someone else: you sent If-Match for version ${wanted}, but the current version is ${currentVersion}. Read it again and redo your change.`,
        );
      }
    }
    const versionId = currentVersion ? String(Number(currentVersion) + 1) : '1';
    const stored = this.stamp(resource, id, versionId);
    this.beforeWrite(resource.resourceType, id);
    if (current && !this.versions.has(key)) this.loadedVersions.set(key, current);
    this.tombstones.delete(key);
    this.put(stored, false, current);
    this.record(key, { versionId, lastUpdated: stored.meta?.lastUpdated ?? '', resource: stored, method: 'PUT' });
    this.log({ op: 'put', resource: stored });
    return stored;
  }

  /** Whether `delete` would be allowed for this resource (see the class comment). */
  canDelete(resource: Resource): boolean {
    return DELETABLE_TYPES.has(resource.resourceType) || isDraft(resource);
  }

  delete(type: string, id: string): void {
    this.assertType(type);
    const key = `${type}/${id}`;
    const current = this.byType.get(type)?.get(id);
    if (!current) {
      if (this.tombstones.has(key)) return; // already deleted: idempotent
      if (!DELETABLE_TYPES.has(type) && !DRAFT_STATUS[type]) throw this.notDeletable(type);
      throw notFound(`${key} was not found.`);
    }
    if (!this.canDelete(current)) throw this.notDeletable(type, current);
    const versionId = String(Number(current.meta?.versionId ?? '1') + 1);
    const lastUpdated = this.clock().toISOString();
    this.beforeWrite(type, id);
    if (!this.versions.has(key)) this.loadedVersions.set(key, current);
    this.remove(current);
    this.tombstones.set(key, { versionId, lastUpdated });
    this.record(key, { versionId, lastUpdated, method: 'DELETE' });
    this.log({ op: 'delete', resourceType: type, id, versionId, lastUpdated });
  }

  private notDeletable(type: string, resource?: Resource) {
    const draft = DRAFT_STATUS[type];
    if (draft && resource) {
      return methodNotAllowed(
        `${type}/${resource.id} cannot be deleted because it is no longer a draft (${draft.element} is not ${draft.values.join(' or ')}). Journal entries are corrected, or marked 'entered-in-error', not deleted.`,
      );
    }
    return methodNotAllowed(`${type} resources cannot be deleted: journal entries are corrected, or marked 'entered-in-error', not deleted.`);
  }

  // ------------------------------------------------------------------------------- delta

  /** The changes since the baseline, in order (a copy of the list; entries are shared). */
  getDelta(): DeltaLog {
    return { entries: [...this.delta] };
  }

  /**
   * Replays saved changes exactly (same ids, versions and timestamps), e.g. after a reload.
   * The replayed entries become part of this repository's delta again.
   */
  applyDelta(delta: DeltaLog): void {
    for (const entry of delta.entries) {
      if (entry.op === 'put') {
        const r = entry.resource;
        if (!r.id || !isResourceType(r.resourceType)) continue;
        const key = `${r.resourceType}/${r.id}`;
        const current = this.byType.get(r.resourceType)?.get(r.id);
        if (current && !this.versions.has(key)) this.loadedVersions.set(key, current);
        const wasDeleted = this.tombstones.delete(key);
        this.put(r, false, current);
        this.record(key, { versionId: r.meta?.versionId ?? '1', lastUpdated: r.meta?.lastUpdated ?? '', resource: r, method: current || wasDeleted ? 'PUT' : 'POST' });
      } else {
        const key = `${entry.resourceType}/${entry.id}`;
        const current = this.byType.get(entry.resourceType)?.get(entry.id);
        if (current) {
          if (!this.versions.has(key)) this.loadedVersions.set(key, current);
          this.remove(current);
        }
        this.tombstones.set(key, { versionId: entry.versionId, lastUpdated: entry.lastUpdated });
        this.record(key, { versionId: entry.versionId, lastUpdated: entry.lastUpdated, method: 'DELETE' });
      }
      this.delta.push(entry);
      this.revision++;
    }
  }

  /** Called after every logged write (create, update, delete). Returns an unsubscribe function. */
  onChange(listener: (entry: DeltaEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ------------------------------------------------------------------------------- atomic

  /** Undo steps of the running `atomically` call, or null. */
  private journal: (() => void)[] | null = null;

  /**
   * Runs `fn`; if it throws, every create, update and delete it made is undone (state, indexes,
   * history and delta) and the error is rethrown. Used for FHIR transaction Bundles.
   */
  atomically<T>(fn: () => T): T {
    if (this.journal) return fn();
    const journal: (() => void)[] = [];
    this.journal = journal;
    const deltaLength = this.delta.length;
    try {
      return fn();
    } catch (error) {
      for (let i = journal.length - 1; i >= 0; i--) journal[i]?.();
      this.delta.length = deltaLength;
      this.revision++;
      throw error;
    } finally {
      this.journal = null;
    }
  }

  private beforeWrite(type: string, id: string): void {
    const journal = this.journal;
    if (!journal) return;
    const key = `${type}/${id}`;
    const before = this.byType.get(type)?.get(id);
    const tomb = this.tombstones.get(key);
    const versionCount = this.versions.get(key)?.length;
    const loaded = this.loadedVersions.get(key);
    const perType = this.patientIndex.get(type);
    const positions = before && perType ? patientIdsOf(before).map((pid) => [pid, perType.get(pid)?.indexOf(before) ?? -1] as const) : [];
    journal.push(() => {
      const now = this.byType.get(type)?.get(id);
      if (before) {
        this.put(before, false, now);
        // Back to its old place in each patient's list, so result order is as before.
        for (const [pid, at] of positions) {
          const list = this.patientIndex.get(type)?.get(pid);
          const current = list ? list.indexOf(before) : -1;
          if (list && at >= 0 && current >= 0 && current !== at) {
            list.splice(current, 1);
            list.splice(Math.min(at, list.length), 0, before);
          }
        }
      } else if (now) this.remove(now);
      if (tomb) this.tombstones.set(key, tomb);
      else this.tombstones.delete(key);
      if (versionCount === undefined) this.versions.delete(key);
      else this.versions.get(key)?.splice(versionCount);
      if (loaded) this.loadedVersions.set(key, loaded);
      else this.loadedVersions.delete(key);
    });
  }

  // ------------------------------------------------------------------------------- internals

  private assertType(type: string): void {
    if (!isResourceType(type)) throw notFound(`'${type}' is not a FHIR R4 resource type.`);
  }

  private stamp<T extends Resource>(resource: T, id: string, versionId: string): T {
    const copy = structuredClone(resource);
    copy.id = id;
    copy.meta = { ...copy.meta, versionId, lastUpdated: this.clock().toISOString() };
    return copy;
  }

  private put(resource: Resource, bulk: boolean, previous?: Resource): void {
    const type = resource.resourceType;
    const id = resource.id as string;
    let store = this.byType.get(type);
    if (!store) {
      store = new Map();
      this.byType.set(type, store);
    }
    const old = !bulk || store.has(id) ? (previous ?? store.get(id)) : undefined;
    store.set(id, resource);
    this.typeRevisions.set(type, (this.typeRevisions.get(type) ?? 0) + 1);
    if (type === 'Patient') return;
    const now = patientIdsOf(resource);
    const before = old ? patientIdsOf(old) : [];
    if (now.length === 0 && before.length === 0) return;
    const perType = this.patientIndexOf(type);
    for (const pid of before) {
      const list = perType.get(pid);
      if (!list || !old) continue;
      const at = list.indexOf(old);
      if (at < 0) continue;
      // Same patient: replace in place, so the order of a patient's resources stays stable.
      if (now.includes(pid)) list[at] = resource;
      else list.splice(at, 1);
    }
    for (const pid of now) {
      if (before.includes(pid)) continue;
      const list = perType.get(pid);
      if (list) list.push(resource);
      else perType.set(pid, [resource]);
    }
  }

  private remove(resource: Resource): void {
    this.byType.get(resource.resourceType)?.delete(resource.id as string);
    this.typeRevisions.set(resource.resourceType, (this.typeRevisions.get(resource.resourceType) ?? 0) + 1);
    const perType = this.patientIndex.get(resource.resourceType);
    if (!perType) return;
    for (const pid of patientIdsOf(resource)) {
      const list = perType.get(pid);
      const at = list ? list.indexOf(resource) : -1;
      if (list && at >= 0) list.splice(at, 1);
    }
  }

  private patientIndexOf(type: string): Map<string, Resource[]> {
    let perType = this.patientIndex.get(type);
    if (!perType) {
      perType = new Map();
      this.patientIndex.set(type, perType);
    }
    return perType;
  }

  private record(key: string, record: VersionRecord): void {
    let list = this.versions.get(key);
    if (!list) {
      list = [];
      this.versions.set(key, list);
    }
    list.push(record);
  }

  private log(entry: DeltaEntry): void {
    this.delta.push(entry);
    this.revision++;
    for (const listener of this.listeners) listener(entry);
  }
}
