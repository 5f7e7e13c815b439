// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import type { Bundle, Flag, OperationOutcome, Patient } from 'fhir/r4';
import { createMockBackend, type MockBackend } from './backend';
import { FhirRepository } from './repository';
import { allFixtureResources, fixtureDataSource, fixtureScenarios } from './test-fixtures';

const ORIGIN = 'http://mock.test';
let backend: MockBackend;
let token: string;

beforeEach(async () => {
  backend = createMockBackend({ dataSource: fixtureDataSource(), scenarios: fixtureScenarios });
  const response = await backend.handle(new Request(`${ORIGIN}/token`, { method: 'POST', body: JSON.stringify({ persona: 'gp-bergen' }) }));
  token = ((await response?.json()) as { access_token: string }).access_token;
});

async function post(bundle: Bundle): Promise<Response> {
  const response = await backend.handle(
    new Request(`${ORIGIN}/fhir`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: JSON.stringify(bundle) }),
  );
  if (!response) throw new Error('not handled');
  return response;
}

describe('transaction Bundles', () => {
  it('creates linked resources, rewriting urn:uuid references', async () => {
    const response = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:flag-1',
          resource: { resourceType: 'Flag', status: 'active', code: { text: 'Ny' }, subject: { reference: 'urn:uuid:patient-1' } },
          request: { method: 'POST', url: 'Flag' },
        },
        { fullUrl: 'urn:uuid:patient-1', resource: { resourceType: 'Patient', name: [{ family: 'Transaksjon' }] }, request: { method: 'POST', url: 'Patient' } },
        { request: { method: 'GET', url: 'Patient/p-ola' } },
      ],
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Bundle;
    expect(result.type).toBe('transaction-response');
    expect(result.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '201 Created', '200 OK']);
    const flag = result.entry?.[0]?.resource as Flag;
    const patient = result.entry?.[1]?.resource as Patient;
    expect(flag.subject.reference).toBe(`Patient/${patient.id}`);
    const repo = await backend.repository();
    expect(repo.search('Flag', new URLSearchParams({ patient: patient.id ?? '' }), '').total).toBe(1);
  });

  it('is all or nothing: a stale If-Match undoes the other entries', async () => {
    const repo = await backend.repository();
    const before = repo.count();
    const ola = repo.read<Patient>('Patient', 'p-ola');
    const response = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: { resourceType: 'Flag', status: 'active', code: { text: 'Skal bort' }, subject: { reference: 'Patient/p-ola' } }, request: { method: 'POST', url: 'Flag' } },
        { resource: { ...ola, gender: 'other' }, request: { method: 'PUT', url: 'Patient/p-ola', ifMatch: 'W/"1"' } },
        { resource: { ...ola, gender: 'female' }, request: { method: 'PUT', url: 'Patient/p-ola', ifMatch: 'W/"1"' } },
        { request: { method: 'DELETE', url: 'Flag/f-1' } },
      ],
    });
    expect(response.status).toBe(412);
    const outcome = (await response.json()) as OperationOutcome;
    expect(outcome.issue[0]?.diagnostics).toMatch(/^Entry 3 \(PUT Patient\/p-ola\)/);
    expect(repo.count()).toBe(before);
    expect(repo.read<Patient>('Patient', 'p-ola')).toBe(ola);
    expect(repo.read('Flag', 'f-1').meta?.versionId).toBe('1');
    expect(repo.history('Patient', 'p-ola').entry?.length).toBe(1);
    expect(repo.getDelta().entries).toEqual([]);
    expect(repo.search('Flag', new URLSearchParams({ patient: 'p-ola' }), '').total).toBe(1);
  });

  it('checks patient references after all entries, so a new patient can be referred to', async () => {
    const response = await post({
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ resource: { resourceType: 'Flag', status: 'active', code: { text: 'x' }, subject: { reference: 'Patient/ghost' } }, request: { method: 'POST', url: 'Flag' } }],
    });
    expect(response.status).toBe(422);
  });
});

describe('batch Bundles', () => {
  it('runs entries independently and reports each outcome', async () => {
    const response = await post({
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: { resourceType: 'Flag', status: 'active', code: { text: 'OK' }, subject: { reference: 'Patient/p-kari' } }, request: { method: 'POST', url: 'Flag' } },
        { request: { method: 'GET', url: 'Patient/nobody' } },
        { request: { method: 'GET', url: 'Condition?patient=p-ola' } },
      ],
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as Bundle;
    expect(result.type).toBe('batch-response');
    expect(result.entry?.map((e) => e.response?.status)).toEqual(['201 Created', '404 Not Found', '200 OK']);
    expect((result.entry?.[1]?.response?.outcome as OperationOutcome).issue[0]?.code).toBe('not-found');
    expect((result.entry?.[2]?.resource as Bundle).total).toBe(2);
  });

  it('rejects other Bundle types', async () => {
    expect((await post({ resourceType: 'Bundle', type: 'collection' })).status).toBe(400);
  });
});

describe('FhirRepository.atomically', () => {
  it('undoes creates, updates and deletes, indexes included', () => {
    const repo = new FhirRepository();
    repo.loadAll(allFixtureResources());
    const c1 = repo.read('Condition', 'c-1');
    expect(() =>
      repo.atomically(() => {
        repo.update({ ...c1, subject: { reference: 'Patient/p-kari' } } as typeof c1);
        repo.delete('Flag', 'f-1');
        repo.create({ resourceType: 'Flag', id: 'tmp', status: 'active', code: { text: 'x' }, subject: { reference: 'Patient/p-ola' } } as Flag);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(repo.read('Condition', 'c-1')).toBe(c1);
    expect(repo.search('Condition', new URLSearchParams('patient=p-ola'), '').entry?.map((e) => e.resource?.id)).toEqual(['c-1', 'c-2']);
    expect(repo.search('Condition', new URLSearchParams('patient=p-kari'), '').entry?.map((e) => e.resource?.id)).toEqual(['c-3']);
    expect(repo.read('Flag', 'f-1').id).toBe('f-1');
    expect(repo.get('Flag', 'tmp')).toBeUndefined();
    expect(() => repo.read('Flag', 'tmp')).toThrow(/not found/);
    expect(repo.getDelta().entries).toEqual([]);
  });
});
