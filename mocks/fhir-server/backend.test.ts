// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Bundle, CapabilityStatement, Flag, OperationOutcome, Patient } from 'fhir/r4';
import { startNodeServer, type NodeServer } from '../node-server';
import { createMockBackend } from './backend';
import { decodeTokenClaims } from './token';
import { fixtureDataSource, fixtureScenarios } from './test-fixtures';

/** The backend over real HTTP (the Node front door), on hand-made fixture data. */

let server: NodeServer;
let token: string;
/** The home care nurse's token: Per Olav's regular GP in the fixture is her role (a care relation). */
let nurseToken: string;
let fhir: string;

beforeAll(async () => {
  server = await startNodeServer({ port: 0, host: '127.0.0.1', scenarioId: 'fixture', dataSource: fixtureDataSource(), scenarios: fixtureScenarios, quiet: true });
  fhir = server.fhirBaseUrl;
  const response = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'gp-bergen' }) });
  token = ((await response.json()) as { access_token: string }).access_token;
  const nurse = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'nurse-oslo' }) });
  nurseToken = ((await nurse.json()) as { access_token: string }).access_token;
});

afterAll(async () => {
  await server.close();
});

function auth(extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json', ...extra };
}

function nurseAuth(extra: Record<string, string> = {}): Record<string, string> {
  return { ...auth(extra), Authorization: `Bearer ${nurseToken}` };
}

async function outcome(response: Response): Promise<OperationOutcome> {
  expect(response.headers.get('content-type')).toContain('application/fhir+json');
  const body = (await response.json()) as OperationOutcome;
  expect(body.resourceType).toBe('OperationOutcome');
  const issue = body.issue[0];
  expect(issue?.severity).toBe('error');
  expect(issue?.code).toBeTruthy();
  expect(issue?.diagnostics).toBeTruthy();
  expect(issue?.details?.text).toBeTruthy();
  return body;
}

describe('personas and tokens', () => {
  it('GET /personas lists personas without a token', async () => {
    const response = await fetch(`${server.url}/personas`);
    expect(response.status).toBe(200);
    const personas = (await response.json()) as { id: string }[];
    expect(personas.map((p) => p.id)).toEqual(['gp-bergen', 'nurse-oslo']);
  });

  it('POST /token gives a decodable bearer token', async () => {
    const response = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'nurse-oslo' }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number; persona: { id: string } };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(28800);
    expect(body.persona.id).toBe('nurse-oslo');
    const claims = decodeTokenClaims(body.access_token);
    expect(claims).toMatchObject({ sub: 'pr-nurse', persona: 'nurse-oslo', group: 'homecare-nurse', org: 'org-oslo', municipality: '0301' });
    expect((claims?.exp ?? 0) - (claims?.iat ?? 0)).toBe(28800);
  });

  it('POST /token with an unknown persona is 400', async () => {
    const response = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: 'nobody' }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
  });
});

describe('authentication', () => {
  it('401 with WWW-Authenticate without a token', async () => {
    const response = await fetch(`${fhir}/Patient`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    const body = await outcome(response);
    expect(body.issue[0]?.code).toBe('login');
  });

  it('401 for a malformed or expired token', async () => {
    expect((await fetch(`${fhir}/Patient`, { headers: { Authorization: 'Bearer nonsense' } })).status).toBe(401);
    const later = createMockBackend({ dataSource: fixtureDataSource(), scenarios: fixtureScenarios, now: () => new Date(Date.now() + 9 * 3600_000) });
    const response = await later.handle(new Request('http://x/fhir/Patient', { headers: { Authorization: `Bearer ${token}` } }));
    expect(response?.status).toBe(401);
    expect((await response?.json()) as OperationOutcome).toMatchObject({ issue: [{ diagnostics: expect.stringMatching(/expired/) }] });
  });

  it('metadata needs no token', async () => {
    const response = await fetch(`${fhir}/metadata`);
    expect(response.status).toBe(200);
    const cs = (await response.json()) as CapabilityStatement;
    expect(cs.fhirVersion).toBe('4.0.1');
    const patient = cs.rest?.[0]?.resource?.find((r) => r.type === 'Patient');
    expect(patient?.searchParam?.map((p) => p.name)).toContain('general-practitioner');
  });
});

describe('FHIR REST', () => {
  it('reads with ETag and Last-Modified', async () => {
    const response = await fetch(`${fhir}/Patient/p-ola`, { headers: auth() });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/fhir+json');
    expect(response.headers.get('etag')).toBe('W/"1"');
    expect(response.headers.get('last-modified')).toBe(new Date('2026-01-01T00:00:00Z').toUTCString());
    expect(((await response.json()) as Patient).name?.[0]?.family).toBe('Nordmann');
  });

  it('404 for an unknown id and an unknown type, with OperationOutcome not-found', async () => {
    const r1 = await fetch(`${fhir}/Patient/nobody`, { headers: auth() });
    expect(r1.status).toBe(404);
    expect((await outcome(r1)).issue[0]?.code).toBe('not-found');
    const r2 = await fetch(`${fhir}/Patientt/p-ola`, { headers: auth() });
    expect(r2.status).toBe(404);
    expect((await outcome(r2)).issue[0]?.code).toBe('not-found');
  });

  it('404 OperationOutcome for paths that are not the mock', async () => {
    const response = await fetch(`${server.url}/elsewhere`);
    expect(response.status).toBe(404);
    await outcome(response);
  });

  it('400 for malformed JSON, the wrong resourceType, an id mismatch and missing required elements', async () => {
    const post = (path: string, body: string, method = 'POST') => fetch(`${fhir}/${path}`, { method, headers: auth({ 'Content-Type': 'application/fhir+json' }), body });
    const bad = await post('Patient', '{"resourceType": "Patient",');
    expect(bad.status).toBe(400);
    expect((await outcome(bad)).issue[0]?.code).toBe('structure');
    const wrongType = await post('Patient', JSON.stringify({ resourceType: 'Flag' }));
    expect(wrongType.status).toBe(400);
    expect((await outcome(wrongType)).issue[0]?.diagnostics).toMatch(/Flag/);
    const noType = await post('Patient', JSON.stringify({ name: [] }));
    expect(noType.status).toBe(400);
    const mismatch = await post('Patient/p-ola', JSON.stringify({ resourceType: 'Patient', id: 'p-kari' }), 'PUT');
    expect(mismatch.status).toBe(400);
    expect((await outcome(mismatch)).issue[0]?.diagnostics).toMatch(/does not match/);
    const missing = await post('Flag', JSON.stringify({ resourceType: 'Flag', status: 'active' }));
    expect(missing.status).toBe(400);
    const body = await outcome(missing);
    expect(body.issue.map((i) => i.expression?.[0])).toEqual(['Flag.code', 'Flag.subject']);
    const badCode = await post('Flag', JSON.stringify({ resourceType: 'Flag', status: 'on', code: { text: 'x' }, subject: { reference: 'Patient/p-ola' } }));
    expect(badCode.status).toBe(400);
    expect((await outcome(badCode)).issue[0]?.code).toBe('code-invalid');
  });

  it('422 when a new resource refers to a patient that does not exist', async () => {
    const response = await fetch(`${fhir}/Flag`, {
      method: 'POST',
      headers: auth({ 'Content-Type': 'application/fhir+json' }),
      body: JSON.stringify({ resourceType: 'Flag', status: 'active', code: { text: 'x' }, subject: { reference: 'Patient/ghost' } }),
    });
    expect(response.status).toBe(422);
    await outcome(response);
  });

  it('201 on create with Location and ETag; the server assigns the id', async () => {
    const flag: Flag = { resourceType: 'Flag', id: 'client-chosen', status: 'active', code: { text: 'Fallrisiko' }, subject: { reference: 'Patient/p-kari' } };
    const response = await fetch(`${fhir}/Flag`, { method: 'POST', headers: auth({ 'Content-Type': 'application/fhir+json' }), body: JSON.stringify(flag) });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Flag;
    expect(created.id).not.toBe('client-chosen');
    expect(response.headers.get('location')).toBe(`${fhir}/Flag/${created.id}/_history/1`);
    expect(response.headers.get('etag')).toBe('W/"1"');
    const read = await fetch(`${fhir}/Flag/${created.id}`, { headers: auth() });
    expect(((await read.json()) as Flag).code.text).toBe('Fallrisiko');
  });

  it('PUT with If-Match: 200 when current, 412 with OperationOutcome when stale', async () => {
    const patient = (await (await fetch(`${fhir}/Patient/p-per`, { headers: nurseAuth() })).json()) as Patient;
    const put = (ifMatch: string, body: Patient) =>
      fetch(`${fhir}/Patient/p-per`, { method: 'PUT', headers: nurseAuth({ 'Content-Type': 'application/fhir+json', 'If-Match': ifMatch }), body: JSON.stringify(body) });
    const ok = await put('W/"1"', { ...patient, gender: 'other' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('W/"2"');
    const stale = await put('W/"1"', { ...patient, gender: 'unknown' });
    expect(stale.status).toBe(412);
    const body = await outcome(stale);
    expect(body.issue[0]?.diagnostics).toMatch(/changed by someone else/);
    const history = (await (await fetch(`${fhir}/Patient/p-per/_history`, { headers: nurseAuth() })).json()) as Bundle;
    expect(history.entry?.map((e) => e.response?.etag)).toEqual(['W/"2"', 'W/"1"']);
    const v1 = await fetch(`${fhir}/Patient/p-per/_history/1`, { headers: nurseAuth() });
    expect(((await v1.json()) as Patient).gender).toBe('male');
  });

  it('DELETE: 204 for a flag, 405 for a condition', async () => {
    expect((await fetch(`${fhir}/Flag/f-1`, { method: 'DELETE', headers: auth() })).status).toBe(204);
    expect((await fetch(`${fhir}/Flag/f-1`, { headers: auth() })).status).toBe(410);
    const refused = await fetch(`${fhir}/Condition/c-1`, { method: 'DELETE', headers: auth() });
    expect(refused.status).toBe(405);
    await outcome(refused);
  });

  it('searches with paging links under the server URL, and POST _search', async () => {
    const response = await fetch(`${fhir}/Patient?family=testesen&_count=100`, { headers: auth() });
    const bundle = (await response.json()) as Bundle;
    expect(bundle.total).toBe(120);
    const next = bundle.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next.startsWith(`${fhir}/Patient?`)).toBe(true);
    const page2 = (await (await fetch(next, { headers: auth() })).json()) as Bundle;
    expect(page2.entry?.length).toBe(20);
    const viaPost = await fetch(`${fhir}/Patient/_search`, { method: 'POST', headers: auth({ 'Content-Type': 'application/x-www-form-urlencoded' }), body: 'name=ola%20nor' });
    expect(((await viaPost.json()) as Bundle).entry?.map((e) => e.resource?.id)).toEqual(['p-ola']);
  });

  it('GET /fhir/Patient?_summary=count gives the total', async () => {
    const bundle = (await (await fetch(`${fhir}/Patient?_summary=count`, { headers: auth() })).json()) as Bundle;
    expect(bundle.type).toBe('searchset');
    expect(bundle.total).toBe(126);
    expect(bundle.entry).toBeUndefined();
  });

  it('unknown search parameter is 400', async () => {
    const response = await fetch(`${fhir}/Patient?shoe=42`, { headers: auth() });
    expect(response.status).toBe(400);
    expect((await outcome(response)).issue[0]?.diagnostics).toContain("'shoe'");
  });
});

describe('audit', () => {
  it('logs opening a patient’s journal as an AuditEvent, once per persona within ten minutes', async () => {
    const before = (await (await fetch(`${fhir}/AuditEvent?patient=p-ase`, { headers: auth() })).json()) as Bundle;
    expect(before.total).toBe(0);
    await fetch(`${fhir}/Patient/p-ase`, { headers: auth() });
    await fetch(`${fhir}/Patient/p-ase`, { headers: auth() });
    const after = (await (await fetch(`${fhir}/AuditEvent?patient=p-ase&agent=PractitionerRole/role-gp`, { headers: auth() })).json()) as Bundle;
    expect(after.total).toBe(1);
    const event = after.entry?.[0]?.resource as AuditEvent;
    expect(event.action).toBe('R');
    expect(event.agent[0]?.altId).toBe('gp-bergen');
    expect(event.recorded.startsWith('2026-11-26')).toBe(true);
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and the allowed headers', async () => {
    const response = await fetch(`${fhir}/Patient/p-ola`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://tablet.local:5173', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'authorization,if-match,content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const allowed = response.headers.get('access-control-allow-headers') ?? '';
    for (const h of ['Authorization', 'Content-Type', 'If-Match', 'Prefer']) expect(allowed).toContain(h);
  });

  it('exposes ETag and Location on normal responses', async () => {
    const response = await fetch(`${fhir}/Patient/p-ola`, { headers: auth({ Origin: 'http://tablet.local:5173' }) });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/ETag.*Location|Location.*ETag/);
  });
});

describe('scenario control', () => {
  it('lists scenarios, shows state and resets to a scenario', async () => {
    const list = (await (await fetch(`${server.url}/mock/scenarios`)).json()) as { id: string; tasks: { nb: string[] } }[];
    expect(list.map((s) => s.id)).toEqual(['fixture', 'fixture-flag']);
    const state = (await (await fetch(`${server.url}/mock/state`)).json()) as { scenarioId: string; now: string; resourceCount: number };
    expect(state.scenarioId).toBe('fixture');
    expect(state.resourceCount).toBeGreaterThan(130);

    const reset = await fetch(`${server.url}/mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'fixture-flag' }) });
    expect(reset.status).toBe(200);
    expect(((await reset.json()) as { scenarioId: string }).scenarioId).toBe('fixture-flag');
    // Changes made earlier in this file are gone, the scenario's own flag is there.
    expect((await fetch(`${fhir}/Flag/f-1`, { headers: auth() })).status).toBe(200);
    expect((await fetch(`${fhir}/Flag/scenario-flag`, { headers: auth() })).status).toBe(200);
    const patient = (await (await fetch(`${fhir}/Patient/p-per`, { headers: nurseAuth() })).json()) as Patient;
    expect(patient.meta?.versionId).toBe('1');

    const unknown = await fetch(`${server.url}/mock/reset`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'nope' }) });
    expect(unknown.status).toBe(400);
  });
});
