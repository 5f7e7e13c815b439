import { useMemo } from 'react';
import type { Organization, PractitionerRole, Reference } from 'fhir/r4';
import { useFhirSearch } from '../fhir/hooks';
import { describeProvenance, orgInfo, referencedIds, roleInfo, type OrgInfo, type Provenance, type ProvenanceLookup, type RoleInfo } from './provenance';

/** Roles and units change rarely: look them up once per ten minutes. */
const LOOKUP_STALE = 10 * 60_000;

/**
 * Who and where for a list of entries: one search for the authors' PractitionerRoles (with their
 * organisations included) and one for organisations referenced directly, both batched by `_id`.
 * While they load, `describe` still gives the names and units the references carry.
 */
export function useProvenance(refs: readonly (Reference | undefined)[]) {
  const { roleIds, orgIds } = useMemo(() => referencedIds(refs), [refs]);
  const roles = useFhirSearch(
    'PractitionerRole',
    roleIds.length ? { _id: roleIds.join(','), _include: 'PractitionerRole:organization', _count: 1000 } : undefined,
    { staleTime: LOOKUP_STALE, keepPrevious: true },
  );
  const orgs = useFhirSearch('Organization', orgIds.length ? { _id: orgIds.join(','), _count: 1000 } : undefined, { staleTime: LOOKUP_STALE, keepPrevious: true });

  const lookup = useMemo<ProvenanceLookup>(() => {
    const roleMap = new Map<string, RoleInfo>();
    const orgMap = new Map<string, OrgInfo>();
    for (const entry of roles.data?.bundle.entry ?? []) {
      const r = entry.resource as PractitionerRole | Organization | undefined;
      if (r?.resourceType === 'PractitionerRole' && r.id) roleMap.set(r.id, roleInfo(r));
      if (r?.resourceType === 'Organization' && r.id) orgMap.set(r.id, orgInfo(r));
    }
    for (const o of orgs.data?.resources ?? []) if (o.id) orgMap.set(o.id, orgInfo(o));
    return { roles: roleMap, orgs: orgMap };
  }, [roles.data, orgs.data]);

  return useMemo(
    () => ({
      lookup,
      describe: (author: Reference | undefined, unit?: Reference): Provenance => describeProvenance(author, unit, lookup),
      /** Personnel group, service and municipality could not be looked up (names still show). */
      error: roles.error ?? orgs.error,
    }),
    [lookup, roles.error, orgs.error],
  );
}
