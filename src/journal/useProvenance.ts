import { useMemo } from 'react';
import type { Reference } from 'fhir/r4';
import { useQueries } from '@tanstack/react-query';
import { useFhirClient } from '../fhir/context';
import { describeProvenance, referencedIds, type Provenance } from './provenance';
import { combineLookups, orgQuery, roleQuery } from './provenanceDirectory';

/**
 * Who and where for a list of entries: the authors' PractitionerRoles (with their organisations)
 * and the organisations referenced directly, each id looked up once and shared by every module
 * (./provenanceDirectory.ts). While they load, `describe` still gives the names and units the
 * references carry.
 */
export function useProvenance(refs: readonly (Reference | undefined)[]) {
  const client = useFhirClient();
  const { roleIds, orgIds } = useMemo(() => referencedIds(refs), [refs]);
  const { lookup, error } = useQueries({
    queries: [...roleIds.map((id) => roleQuery(client, id)), ...orgIds.map((id) => orgQuery(client, id))],
    combine: combineLookups,
  });
  return useMemo(
    () => ({
      lookup,
      describe: (author: Reference | undefined, unit?: Reference): Provenance => describeProvenance(author, unit, lookup),
      /** Personnel group, service and municipality could not be looked up (names still show). */
      error,
    }),
    [lookup, error],
  );
}
