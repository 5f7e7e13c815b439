// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { Bundle, Organization, PractitionerRole } from 'fhir/r4';
import { FhirClient } from '../fhir/client';
import { orgQuery, prefetchProvenance, provenanceKeys, roleQuery, type DirectoryEntry } from './provenanceDirectory';

const unit: Organization = { resourceType: 'Organization', id: 'org-gp', name: 'Landås legekontor', address: [{ district: 'Bergen' }] };
const lab: Organization = { resourceType: 'Organization', id: 'org-lab', name: 'Laboratoriet' };
const gp: PractitionerRole = {
  resourceType: 'PractitionerRole',
  id: 'role-gp',
  organization: { reference: 'Organization/org-gp', display: 'Landås legekontor' },
  code: [{ coding: [{ system: 'urn:akson:codesystem:personnel-group', code: 'gp' }], text: 'Fastlege' }],
};

/** A server that knows one role (with its unit) and one laboratory; records every search. */
function server() {
  const urls: string[] = [];
  const fetchImpl = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input));
    urls.push(`${url.pathname.replace('/fhir/', '')}?${url.searchParams.get('_id') ?? ''}`);
    const ids = (url.searchParams.get('_id') ?? '').split(',');
    const resources = url.pathname.endsWith('/PractitionerRole') ? (ids.includes('role-gp') ? [gp, unit] : []) : [unit, lab].filter((o) => ids.includes(o.id ?? ''));
    const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
    return new Response(JSON.stringify(bundle), { status: 200, headers: { 'Content-Type': 'application/fhir+json' } });
  });
  const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 'tok', fetchImpl });
  return { client, urls, fetchImpl };
}

describe('the provenance directory', () => {
  it('asks for the ids wanted at the same moment in one search, and each id once', async () => {
    const { client, urls } = server();
    const queryClient = new QueryClient();
    const [role, missing, org] = await Promise.all([
      queryClient.fetchQuery(roleQuery(client, 'role-gp')),
      queryClient.fetchQuery(roleQuery(client, 'role-gone')),
      queryClient.fetchQuery(orgQuery(client, 'org-lab')),
    ]);
    expect(urls).toEqual(['PractitionerRole?role-gone,role-gp', 'Organization?org-lab']);
    expect(role).toMatchObject({ kind: 'role', id: 'role-gp', role: { group: 'gp', orgId: 'org-gp' }, org: { name: 'Landås legekontor', municipality: 'Bergen' } });
    expect(missing).toEqual({ kind: 'role', id: 'role-gone' });
    expect(org).toMatchObject({ kind: 'org', id: 'org-lab', org: { name: 'Laboratoriet' } });

    // Asked again (another module): from the cache.
    await queryClient.fetchQuery(roleQuery(client, 'role-gp'));
    expect(urls).toHaveLength(2);
  });

  it('starts the lookups for every role and unit a bundle refers to', async () => {
    const { client, urls } = server();
    const queryClient = new QueryClient();
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/p1' }, recorder: { reference: 'PractitionerRole/role-gp' } } },
        { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Hb' }, performer: [{ reference: 'Organization/org-lab' }] } },
      ],
    };
    prefetchProvenance(queryClient, client, bundle);
    await vi.waitFor(() => expect(queryClient.getQueryData<DirectoryEntry>(provenanceKeys.org('org-lab'))).toMatchObject({ org: { name: 'Laboratoriet' } }));
    await vi.waitFor(() => expect(queryClient.getQueryData<DirectoryEntry>(provenanceKeys.role('role-gp'))).toMatchObject({ role: { group: 'gp' } }));
    expect(urls.sort()).toEqual(['Organization?org-lab', 'PractitionerRole?role-gp']);
  });

  it('a failed search fails each id it asked for', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'transient' }] }), { status: 503, headers: { 'Content-Type': 'application/fhir+json' } }));
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 'tok', fetchImpl });
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const results = await Promise.allSettled([queryClient.fetchQuery(roleQuery(client, 'a')), queryClient.fetchQuery(roleQuery(client, 'b'))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
