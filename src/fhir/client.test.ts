// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { Patient } from 'fhir/r4';
import { FhirClient, toQuery } from './client';
import { FhirError } from './errors';
import { fhirKeys } from './queryKeys';

function fakeFetch(status: number, body: unknown, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/fhir+json', ...headers } }),
  );
}

const patient: Patient = { resourceType: 'Patient', id: 'pat-1', meta: { versionId: '3' } };

describe('FhirClient', () => {
  it('sends the bearer token, and no cookies, and reads a resource', async () => {
    const fetchImpl = fakeFetch(200, patient);
    const client = new FhirClient({ baseUrl: 'http://x/fhir/', getToken: () => 'tok', fetchImpl });
    await expect(client.read('Patient', 'pat-1')).resolves.toEqual(patient);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://x/fhir/Patient/pat-1');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect(init?.credentials).toBe('omit');
  });

  it("withToken: a user being signed in is asked for with their own token, not the session's", async () => {
    const fetchImpl = fakeFetch(200, patient);
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 'previous-user', fetchImpl });
    await client.withToken('next-user').read('Patient', 'pat-1');
    await client.read('Patient', 'pat-1');
    const sent = fetchImpl.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).Authorization);
    expect(sent).toEqual(['Bearer next-user', 'Bearer previous-user']);
  });

  it('sends If-Match with the version the user saw on update', async () => {
    const fetchImpl = fakeFetch(200, { ...patient, meta: { versionId: '4' } });
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => null, fetchImpl });
    await client.update(patient);
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('http://x/fhir/Patient/pat-1');
    expect(init?.method).toBe('PUT');
    const headers = init?.headers as Record<string, string>;
    expect(headers['If-Match']).toBe('W/"3"');
    expect(headers.Authorization).toBeUndefined();
  });

  it('turns a 412 OperationOutcome into a conflict error with the server words', async () => {
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'conflict', diagnostics: 'Version 3 is not current (5)' }] };
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 't', fetchImpl: fakeFetch(412, outcome) });
    const error = await client.update(patient).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirError);
    expect((error as FhirError).kind).toBe('conflict');
    expect((error as FhirError).status).toBe(412);
    expect((error as FhirError).details).toEqual(['Version 3 is not current (5)']);
  });

  it('maps statuses to kinds and tells the session about a 401', async () => {
    const onUnauthorized = vi.fn();
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 't', onUnauthorized, fetchImpl: fakeFetch(401, undefined) });
    await expect(client.read('Patient', 'a')).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
    const notFound = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 't', fetchImpl: fakeFetch(404, undefined) });
    await expect(notFound.read('Patient', 'a')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
  });

  it('reports an unreachable server as a network error', async () => {
    const fetchImpl = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = new FhirClient({ baseUrl: 'http://x/fhir', getToken: () => 't', fetchImpl });
    await expect(client.search('Patient', { name: 'ola' })).rejects.toMatchObject({ kind: 'network', status: 0 });
  });

  it('builds search queries with repeated parameters for AND', () => {
    expect(toQuery({ name: 'ola', date: ['ge2024-01-01', 'lt2025-01-01'], skip: undefined, _count: 5 })).toBe(
      '?name=ola&date=ge2024-01-01&date=lt2025-01-01&_count=5',
    );
  });
});

describe('query keys', () => {
  it('are equal for the same search whatever the parameter order', () => {
    expect(fhirKeys.search('Observation', { patient: 'p', code: 'x' })).toEqual(fhirKeys.search('Observation', { code: 'x', patient: 'p' }));
  });
  it('start with the type so one invalidation refreshes every read and search of it', () => {
    const prefix = fhirKeys.type('Condition');
    expect(fhirKeys.read('Condition', '1').slice(0, 2)).toEqual([...prefix]);
    expect(fhirKeys.search('Condition', {}).slice(0, 2)).toEqual([...prefix]);
  });
});
