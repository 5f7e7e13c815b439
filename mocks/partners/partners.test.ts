// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, Communication, DocumentReference, Task } from 'fhir/r4';
import { buildMessage, buildReferral } from '../../src/exchange/builders';
import { messageTypeOf } from '../../src/exchange/messageTypes';
import { statusOf } from '../../src/exchange/status';
import type { Persona } from '../../src/session/personnel';
import { createMockBackend, type MockBackend } from '../fhir-server/backend';

/** The simulated partners through the backend's own handler, on the small scenario, with a clock the test moves. */

let clock = Date.parse('2026-11-26T09:00:00+01:00');
let backend: MockBackend;
let token = '';
let nurse: Persona;

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await backend.handle(
    new Request(`http://test${path}`, { method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }),
  );
  const text = (await response?.text()) ?? '';
  return { status: response?.status ?? 404, body: (text ? JSON.parse(text) : undefined) as T };
}

const toUnit = async (persona: Persona) => (await call<Bundle<Communication>>('GET', `/fhir/Communication?recipient=Organization/${persona.organizationId}&_count=100`)).body.entry?.map((e) => e.resource!) ?? [];

beforeAll(async () => {
  backend = createMockBackend({ scenarioId: 'small', now: () => new Date(clock) });
  await backend.ready();
  nurse = (await backend.personas()).find((p) => p.personnelGroup === 'homecare-nurse' && p.municipalityName === 'Bergen')!;
  token = (await call<{ access_token: string }>('POST', '/token', { persona: nurse.id })).body.access_token;
}, 60_000);

describe('simulated hospital', () => {
  it('has admitted a home care patient, then sends discharge-ready and the epikrise as the scenario clock passes their times', async () => {
    let messages = await toUnit(nurse);
    expect(messages.map((m) => messageTypeOf(m.category))).toEqual(['innlagt-pasient']);
    const patient = messages[0]!.subject?.reference;
    clock += 4 * 60_000;
    messages = await toUnit(nurse);
    const ready = messages.find((m) => messageTypeOf(m.category) === 'utskrivningsklar');
    expect(ready).toMatchObject({ priority: 'urgent', subject: { reference: patient }, sender: { reference: 'Organization/org-hus' } });
    expect(messages.some((m) => messageTypeOf(m.category) === 'epikrise')).toBe(false);
    clock += 5 * 60_000;
    const epikrise = (await toUnit(nurse)).find((m) => messageTypeOf(m.category) === 'epikrise');
    expect(epikrise?.subject?.reference).toBe(patient);
    const docRef = epikrise?.payload?.find((p) => p.contentReference)?.contentReference?.reference ?? '';
    const doc = (await call<DocumentReference>('GET', `/fhir/${docRef}`)).body;
    expect(doc.type?.coding?.[0]?.code).toBe('epikrise');
    expect(doc.subject?.reference).toBe(patient);
  });

  it('sends a discharge-ready notice at once when a tester triggers it', async () => {
    const before = (await toUnit(nurse)).length;
    const response = await call<{ created: string }>('POST', '/mock/partners/trigger', { event: 'utskrivningsklar' });
    expect(response.status).toBe(200);
    const after = await toUnit(nurse);
    expect(after).toHaveLength(before + 1);
    expect(after.some((m) => `Communication/${m.id}` === response.body.created && messageTypeOf(m.category) === 'utskrivningsklar')).toBe(true);
    expect((await call('POST', '/mock/partners/trigger', { event: 'nonsense' })).status).toBe(400);
  });
});

describe('simulated Nav and barnevern', () => {
  it('barnevern acknowledges a notice of concern: the message is received and a receipt Task says Mottatt', async () => {
    const message = buildMessage({
      type: 'bekymringsmelding',
      patient: { reference: (await toUnit(nurse))[0]!.subject!.reference! },
      sender: { person: { reference: `PractitionerRole/${nurse.practitionerRoleId}` }, unit: { reference: `Organization/${nurse.organizationId}` } },
      recipients: [{ reference: 'Organization/org-barnevern-4601' }],
      text: 'Bekymring',
      sent: new Date(clock).toISOString(),
    });
    const created = (await call<Communication>('POST', '/fhir/Communication', message)).body;
    clock += 2_000;
    const read = (await call<Communication>('GET', `/fhir/Communication/${created.id}`)).body;
    expect(statusOf(read)).toBe('received');
    const receipts = (await call<Bundle<Task>>('GET', `/fhir/Task?focus=Communication/${created.id}`)).body.entry?.map((e) => e.resource!) ?? [];
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ status: 'received', businessStatus: { text: 'Mottatt' }, owner: { reference: 'Organization/org-barnevern-4601' } });
  });

  it('Nav acknowledges a sick note, and a minute later takes it into processing', async () => {
    const message = buildMessage({
      type: 'sykmelding',
      patient: { reference: (await toUnit(nurse))[0]!.subject!.reference! },
      sender: { unit: { reference: `Organization/${nurse.organizationId}` } },
      recipients: [{ reference: 'Organization/org-nav-4601' }],
      text: 'Sykmelding',
      sent: new Date(clock).toISOString(),
    });
    const created = (await call<Communication>('POST', '/fhir/Communication', message)).body;
    clock += 2_000;
    const task = async () => (await call<Bundle<Task>>('GET', `/fhir/Task?focus=Communication/${created.id}`)).body.entry?.[0]?.resource;
    expect((await task())?.businessStatus?.text).toBe('Mottatt');
    clock += 61_000;
    await call('GET', '/fhir/Communication?_count=1');
    expect(await task()).toMatchObject({ status: 'in-progress', businessStatus: { text: 'Under behandling' } });
  });

  it('the hospital acknowledges a referral, and two minutes later has assessed it with an appointment date', async () => {
    const { bundle } = buildReferral({
      patient: { reference: (await toUnit(nurse))[0]!.subject!.reference! },
      sender: { unit: { reference: `Organization/${nurse.organizationId}` } },
      recipients: [],
      text: 'Vurdering av brystsmerter',
      sent: new Date(clock).toISOString(),
      reasonText: 'Brystsmerter',
      performer: { reference: 'Organization/org-hus' },
    });
    const result = (await call<Bundle>('POST', '/fhir', bundle)).body;
    const messageId = result.entry?.map((e) => /Communication\/([^/]+)/.exec(e.response?.location ?? '')?.[1]).find(Boolean);
    expect(messageId).toBeTruthy();
    clock += 2_000;
    const task = async () => (await call<Bundle<Task>>('GET', `/fhir/Task?focus=Communication/${messageId ?? ''}`)).body.entry?.[0]?.resource;
    expect(await task()).toMatchObject({ status: 'received', businessStatus: { text: 'Mottatt' }, owner: { reference: 'Organization/org-hus' } });
    clock += 121_000;
    await call('GET', '/fhir/Communication?_count=1');
    expect(await task()).toMatchObject({ status: 'accepted', businessStatus: { text: expect.stringMatching(/^Vurdert: rett til helsehjelp, time \d{2}\.\d{2}\.\d{4}$/) as unknown as string } });
  });
});
