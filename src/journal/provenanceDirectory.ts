import { queryOptions, type QueryClient, type UseQueryResult } from '@tanstack/react-query';
import type { Organization, PractitionerRole, Reference } from 'fhir/r4';
import type { FhirClient } from '../fhir/client';
import type { FhirError } from '../fhir/errors';
import { orgInfo, referencedIds, roleInfo, type OrgInfo, type ProvenanceLookup, type RoleInfo } from './provenance';

/**
 * The roles and units that journal entries name, looked up once per id and shared by every
 * module: each id is its own cache entry, and the ids asked for in the same moment go to the
 * server in one search (`_id=a,b,c`). A page's searches start the lookups for what they return
 * (prefetchProvenance) before the modules render, so the "recorded by" lines do not wait for a
 * second round of requests after the first render.
 */

/** Roles and units change rarely: look each up once per ten minutes. */
export const LOOKUP_STALE = 10 * 60_000;
/** Ids in one search (the address stays a few kilobytes). */
const MAX_IDS = 100;

/** One looked-up id: a role (with its unit, included by the search) or a unit; empty when not found. */
export type DirectoryEntry = { kind: 'role'; id: string; role?: RoleInfo; org?: OrgInfo } | { kind: 'org'; id: string; org?: OrgInfo };

export const provenanceKeys = {
  role: (id: string) => ['fhir', 'PractitionerRole', 'provenance', id] as const,
  org: (id: string) => ['fhir', 'Organization', 'provenance', id] as const,
};

type Load = (id: string) => Promise<DirectoryEntry>;

/**
 * Collects the ids asked for in the current task (every module of a page subscribes in one
 * commit) and fetches them together once it is done: in a microtask, so the requests leave
 * before the renders the same data has scheduled.
 */
function batcher(fetchMany: (ids: string[]) => Promise<Map<string, DirectoryEntry>>, missing: (id: string) => DirectoryEntry): Load {
  let pending = new Map<string, { resolve: (entry: DirectoryEntry) => void; reject: (error: unknown) => void }[]>();
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    const ids = [...batch.keys()].sort();
    for (let i = 0; i < ids.length; i += MAX_IDS) {
      const slice = ids.slice(i, i + MAX_IDS);
      fetchMany(slice).then(
        (found) => {
          for (const id of slice) for (const waiting of batch.get(id) ?? []) waiting.resolve(found.get(id) ?? missing(id));
        },
        (error: unknown) => {
          for (const id of slice) for (const waiting of batch.get(id) ?? []) waiting.reject(error);
        },
      );
    }
  };
  return (id) =>
    new Promise((resolve, reject) => {
      pending.set(id, [...(pending.get(id) ?? []), { resolve, reject }]);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    });
}

const loaders = new WeakMap<FhirClient, { role: Load; org: Load }>();

function loadersFor(client: FhirClient): { role: Load; org: Load } {
  let found = loaders.get(client);
  if (!found) {
    found = {
      role: batcher(
        async (ids) => {
          const bundle = await client.search('PractitionerRole', { _id: ids.join(','), _include: 'PractitionerRole:organization', _count: 1000 });
          const orgs = new Map<string, OrgInfo>();
          const roles: PractitionerRole[] = [];
          for (const entry of bundle.entry ?? []) {
            const r = entry.resource as PractitionerRole | Organization | undefined;
            if (r?.resourceType === 'Organization' && r.id) orgs.set(r.id, orgInfo(r));
            if (r?.resourceType === 'PractitionerRole' && r.id) roles.push(r);
          }
          const out = new Map<string, DirectoryEntry>();
          for (const r of roles) {
            const role = roleInfo(r);
            const org = role.orgId ? orgs.get(role.orgId) : undefined;
            out.set(r.id as string, { kind: 'role', id: r.id as string, role, ...(org ? { org } : {}) });
          }
          return out;
        },
        (id) => ({ kind: 'role', id }),
      ),
      org: batcher(
        async (ids) => {
          const bundle = await client.search('Organization', { _id: ids.join(','), _count: 1000 });
          const out = new Map<string, DirectoryEntry>();
          for (const entry of bundle.entry ?? []) {
            const o = entry.resource as Organization | undefined;
            if (o?.resourceType === 'Organization' && o.id) out.set(o.id, { kind: 'org', id: o.id, org: orgInfo(o) });
          }
          return out;
        },
        (id) => ({ kind: 'org', id }),
      ),
    };
    loaders.set(client, found);
  }
  return found;
}

export function roleQuery(client: FhirClient, id: string) {
  return queryOptions<DirectoryEntry, FhirError>({ queryKey: provenanceKeys.role(id), queryFn: () => loadersFor(client).role(id), staleTime: LOOKUP_STALE });
}

export function orgQuery(client: FhirClient, id: string) {
  return queryOptions<DirectoryEntry, FhirError>({ queryKey: provenanceKeys.org(id), queryFn: () => loadersFor(client).org(id), staleTime: LOOKUP_STALE });
}

/** The lookups' results as one lookup table, and the first error (names still show without them). */
export function combineLookups(results: UseQueryResult<DirectoryEntry, FhirError>[]): { lookup: ProvenanceLookup; error: FhirError | null } {
  const roles = new Map<string, RoleInfo>();
  const orgs = new Map<string, OrgInfo>();
  let error: FhirError | null = null;
  for (const result of results) {
    error ??= result.error;
    const entry = result.data;
    if (entry?.kind === 'role' && entry.role) {
      roles.set(entry.id, entry.role);
      if (entry.org && entry.role.orgId && !orgs.has(entry.role.orgId)) orgs.set(entry.role.orgId, entry.org);
    }
    if (entry?.kind === 'org' && entry.org) orgs.set(entry.id, entry.org);
  }
  return { lookup: { roles, orgs }, error };
}

/** Every reference in a resource or bundle (author, recorder, performer, custodian …). */
function collectReferences(value: unknown, out: Reference[], depth = 0): void {
  if (depth > 12 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, out, depth + 1);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.reference === 'string') out.push(record as Reference);
  for (const key in record) if (key !== 'text' && key !== 'contained') collectReferences(record[key], out, depth + 1);
}

/** Starts the lookups of the roles and units that `data` (a resource, bundle or list) refers to. */
export function prefetchProvenance(queryClient: QueryClient, client: FhirClient, data: unknown): void {
  const refs: Reference[] = [];
  collectReferences(data, refs);
  const { roleIds, orgIds } = referencedIds(refs);
  for (const id of roleIds) void queryClient.prefetchQuery(roleQuery(client, id));
  for (const id of orgIds) void queryClient.prefetchQuery(orgQuery(client, id));
}
