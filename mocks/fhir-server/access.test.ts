// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Appointment, Basic, Bundle, CarePlan, Communication, Composition, OperationOutcome } from 'fhir/r4';
import { buildMessage } from '../../src/exchange/builders';
import type { Persona } from '../../src/session/personnel';
import { layoutToBasic } from '../../src/layout/storage';
import type { LayoutDocument } from '../../src/layout/schema';
import { createMockBackend, type MockBackend } from './backend';

/** Layout documents over the backend's own request handler, with the small scenario's personas. */
let backend: MockBackend;
let personas: Persona[];
const base = 'http://mock.test';

async function tokenFor(persona: Persona): Promise<string> {
  const response = await backend.handle(new Request(`${base}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: persona.id }) }));
  return ((await response!.json()) as { access_token: string }).access_token;
}

async function write(persona: Persona, resource: Basic, method = 'POST'): Promise<Response> {
  const path = method === 'POST' ? 'Basic' : `Basic/${resource.id}`;
  const response = await backend.handle(
    new Request(`${base}/fhir/${path}`, {
      method,
      headers: { Authorization: `Bearer ${await tokenFor(persona)}`, 'Content-Type': 'application/fhir+json' },
      body: method === 'DELETE' ? undefined : JSON.stringify(resource),
    }),
  );
  return response!;
}

/** A FHIR request as the persona. */
async function call(persona: Persona, method: string, path: string, body?: unknown): Promise<Response> {
  const token = await tokenFor(persona);
  return (await backend.handle(
    new Request(`${base}/fhir/${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: body ? JSON.stringify(body) : undefined }),
  ))!;
}

const find = (group: string, municipality: string) => personas.find((p) => p.personnelGroup === group && p.municipalityName === municipality)!;

const groupLayout = (municipality: string): LayoutDocument => ({
  schemaVersion: 1,
  scope: { municipality, group: 'homecare-nurse', device: 'tablet', page: 'home' },
  items: [{ module: 'recent-patients', w: 12, h: 3 }],
});

beforeAll(async () => {
  backend = createMockBackend({ scenarioId: 'small', now: () => new Date('2026-11-26T08:00:00+01:00') });
  personas = await backend.personas();
});

describe('who may write layout documents', () => {
  it("lets a municipality's configuration administrator save a group layout", async () => {
    const admin = find('config-admin', 'Bergen');
    const response = await write(admin, layoutToBasic(groupLayout(admin.municipalityCode)));
    expect(response.status).toBe(201);
  });

  it('refuses a group layout from anyone who is not configuration administrator, with 403 and an OperationOutcome', async () => {
    const nurse = find('homecare-nurse', 'Bergen');
    const response = await write(nurse, layoutToBasic(groupLayout(nurse.municipalityCode)));
    expect(response.status).toBe(403);
    const outcome = (await response.json()) as OperationOutcome;
    expect(outcome.issue[0]?.code).toBe('forbidden');
    expect(outcome.issue[0]?.diagnostics).toMatch(/configuration administrator/);
  });

  it("refuses another municipality's administrator, on create, update and delete", async () => {
    const bergen = find('config-admin', 'Bergen');
    const trondheim = find('config-admin', 'Trondheim');
    expect((await write(bergen, layoutToBasic(groupLayout(trondheim.municipalityCode)))).status).toBe(403);
    const created = (await (await write(bergen, layoutToBasic({ ...groupLayout(bergen.municipalityCode), variant: 'B' }))).json()) as Basic;
    expect((await write(trondheim, created, 'PUT')).status).toBe(403);
    expect((await write(trondheim, created, 'DELETE')).status).toBe(403);
    expect((await write(bergen, created, 'DELETE')).status).toBe(204);
  });

  it('lets users write only their own personal layout', async () => {
    const nurse = find('homecare-nurse', 'Bergen');
    const other = find('homecare-worker', 'Bergen');
    const own: LayoutDocument = { schemaVersion: 1, scope: { device: 'tablet', page: 'home', user: nurse.practitionerId }, changes: [{ op: 'remove', module: 'my-unit' }] };
    const created = await write(nurse, layoutToBasic(own));
    expect(created.status).toBe(201);
    expect((await write(other, layoutToBasic(own))).status).toBe(403);
    expect((await write(other, (await created.json()) as Basic, 'DELETE')).status).toBe(403);
  });
});

describe('signed notes', () => {
  it('cannot be changed or deleted, only marked entered-in-error', async () => {
    const gp = find('gp', 'Bergen');
    const token = await tokenFor(gp);
    const call = async (method: string, path: string, body?: unknown) =>
      (await backend.handle(
        new Request(`${base}/fhir/${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/fhir+json' }, body: body ? JSON.stringify(body) : undefined }),
      ))!;
    const search = (await (await call('GET', 'Composition?status=final&_count=1')).json()) as { entry: { resource: Composition }[] };
    const note = search.entry[0]!.resource;
    const changed = await call('PUT', `Composition/${note.id}`, { ...note, title: 'Endret i ettertid' });
    expect(changed.status).toBe(422);
    expect(((await changed.json()) as OperationOutcome).issue[0]?.diagnostics).toMatch(/correction/);
    expect((await call('DELETE', `Composition/${note.id}`)).status).toBe(405);
    expect((await call('PUT', `Composition/${note.id}`, { ...note, status: 'entered-in-error' })).status).toBe(200);
  });
});

describe('home care', () => {
  it('lets only the coordinator change a service decision or move a visit; any worker may check in', async () => {
    const coordinator = find('homecare-nurse', 'Bergen');
    const worker = find('homecare-worker', 'Bergen');
    const visits = (await (await call(worker, 'GET', `Appointment?actor=PractitionerRole/${worker.practitionerRoleId}&_count=1&_include=Appointment:supporting-info`)).json()) as Bundle;
    const visit = visits.entry!.find((e) => e.resource?.resourceType === 'Appointment')!.resource as Appointment;
    const plan = visits.entry!.find((e) => e.resource?.resourceType === 'CarePlan')!.resource as CarePlan;

    const denied = await call(worker, 'PUT', `CarePlan/${plan.id}`, { ...plan, title: 'Endret' });
    expect(denied.status).toBe(403);
    expect(((await denied.json()) as OperationOutcome).issue[0]?.diagnostics).toMatch(/coordinator/);
    expect((await call(coordinator, 'PUT', `CarePlan/${plan.id}`, { ...plan, title: 'Endret' })).status).toBe(200);

    const moved = { ...visit, participant: visit.participant.map((p) => (p.actor?.reference?.startsWith('PractitionerRole/') ? { ...p, actor: { reference: `PractitionerRole/${coordinator.practitionerRoleId}` } } : p)) };
    expect((await call(worker, 'PUT', `Appointment/${visit.id}`, moved)).status).toBe(403);
    expect((await call(worker, 'PUT', `Appointment/${visit.id}`, { ...visit, status: 'arrived' })).status).toBe(200);
    const current = (await (await call(coordinator, 'GET', `Appointment/${visit.id}`)).json()) as Appointment;
    expect((await call(coordinator, 'PUT', `Appointment/${visit.id}`, { ...moved, meta: current.meta })).status).toBe(200);
  });
});

describe('messages', () => {
  it('are sent in one’s own name, and changed only by their sender, recipients and their units', async () => {
    const nurse = find('homecare-nurse', 'Bergen');
    const gp = find('gp', 'Bergen');
    const stranger = find('hs-nurse', 'Bergen');
    const patient = ((await (await call(gp, 'GET', `Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=1`)).json()) as Bundle).entry![0]!.resource!;
    const question = buildMessage({
      type: 'foresporsel',
      patient: { reference: `Patient/${patient.id ?? ''}` },
      sender: { person: { reference: `PractitionerRole/${nurse.practitionerRoleId}` }, unit: { reference: `Organization/${nurse.organizationId}` } },
      recipients: [{ reference: `PractitionerRole/${gp.practitionerRoleId}` }],
      text: 'Spørsmål',
      sent: '2026-11-26T08:00:00+01:00',
    });
    const forged = await call(stranger, 'POST', 'Communication', question);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as OperationOutcome).issue[0]?.diagnostics).toMatch(/own name/);
    const created = await call(nurse, 'POST', 'Communication', question);
    expect(created.status).toBe(201);
    const saved = (await created.json()) as Communication;
    expect((await call(stranger, 'PUT', `Communication/${saved.id ?? ''}`, { ...saved, status: 'completed' })).status).toBe(403);
    expect((await call(gp, 'PUT', `Communication/${saved.id ?? ''}`, { ...saved, status: 'completed' })).status).toBe(200);
  });
});
