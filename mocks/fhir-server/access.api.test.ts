// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent, Bundle, Composition, Condition, Consent, EpisodeOfCare, Flag, OperationOutcome, Parameters, Patient } from 'fhir/r4';
import { blockingConsent } from './blocking';
import { REDUCED_TAG } from '../../src/domain/access';
import type { Persona } from '../../src/session/personnel';
import { startNodeServer, type NodeServer } from '../node-server';

/**
 * Issue #8's API checks against the Node mock server (`npm run mock-server`'s front door), with
 * tokens of different personas of the small scenario.
 */
let server: NodeServer;
let personas: Persona[];
const tokens = new Map<string, string>();

beforeAll(async () => {
  server = await startNodeServer({ port: 0, host: '127.0.0.1', scenarioId: 'small', now: () => new Date('2026-11-26T10:00:00+01:00'), quiet: true });
  personas = (await (await fetch(`${server.url}/personas`)).json()) as Persona[];
}, 120_000);

afterAll(async () => {
  await server?.close();
});

async function tokenOf(personaId: string): Promise<string> {
  let token = tokens.get(personaId);
  if (!token) {
    const response = await fetch(`${server.url}/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ persona: personaId }) });
    token = ((await response.json()) as { access_token: string }).access_token;
    tokens.set(personaId, token);
  }
  return token;
}

async function call<T>(personaId: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.fhirBaseUrl}/${path}`, {
    method: init.method ?? 'GET',
    headers: { Authorization: `Bearer ${await tokenOf(personaId)}`, 'Content-Type': 'application/fhir+json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const reason = (code: string, text?: string): Parameters => ({
  resourceType: 'Parameters',
  parameter: [{ name: 'reason', valueCode: code }, ...(text ? [{ name: 'text', valueString: text }] : [])],
});

/** A Bergen patient the persona has no relation to (reduced in the search). */
async function strangerTo(personaId: string): Promise<Patient> {
  const { body } = await call<Bundle<Patient>>(personaId, 'Patient?address-district=Bergen&_count=100');
  const found = body.entry?.map((e) => e.resource!).find((p) => p.meta?.tag?.some((t) => t.code === REDUCED_TAG.code));
  if (!found) throw new Error(`No patient without relation for ${personaId}`);
  return found;
}

describe('need-to-know over HTTP', () => {
  it('a home care nurse reading a patient without relation gets 403 with an OperationOutcome; after a stated reason it is allowed and logged', async () => {
    const nurse = 'bergen-homecare-nurse';
    const patient = await strangerTo(nurse);
    expect(patient.telecom).toBeUndefined();

    const refused = await call<OperationOutcome>(nurse, `Patient/${patient.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.resourceType).toBe('OperationOutcome');
    expect(refused.body.issue[0]?.code).toBe('forbidden');
    expect(refused.body.issue[0]?.details?.coding?.[0]?.code).toBe('reason-required');
    expect((await call(nurse, `Condition?patient=${patient.id}`)).status).toBe(403);

    const status = await call<Parameters>(nurse, `Patient/${patient.id}/$access`);
    expect(status.body.parameter?.find((p) => p.name === 'allowed')?.valueBoolean).toBe(false);

    const granted = await call<Parameters>(nurse, `Patient/${patient.id}/$access`, { method: 'POST', body: reason('referral-or-request', 'Forespørsel fra fastlegen om sårstell') });
    expect(granted.status).toBe(200);
    expect(granted.body.parameter?.find((p) => p.name === 'kind')?.valueCode).toBe('explicit');

    const read = await call<Patient>(nurse, `Patient/${patient.id}`);
    expect(read.status).toBe(200);
    expect(read.body.meta?.tag?.some((t) => t.code === REDUCED_TAG.code) ?? false).toBe(false);
    expect((await call(nurse, `Condition?patient=${patient.id}`)).status).toBe(200);

    const log = await call<Bundle<AuditEvent>>(nurse, `AuditEvent?patient=${patient.id}&_sort=-date`);
    const events = log.body.entry?.map((e) => e.resource!) ?? [];
    const grant = events.find((e) => e.subtype?.some((s) => s.code === 'access-granted'));
    expect(grant?.purposeOfEvent?.[0]?.coding?.[0]?.code).toBe('referral-or-request');
    expect(grant?.agent[0]?.altId).toBe(nurse);
    expect(grant?.source.observer?.display).toBeTruthy();
    expect(grant?.agent[0]?.purposeOfUse?.[0]?.coding?.[0]?.code).toBe('explicit');
    // her own event: with her words
    expect(grant?.purposeOfEvent?.[0]?.text).toBe('Forespørsel fra fastlegen om sårstell');
    const reads = events.filter((e) => e.subtype?.some((s) => s.code === 'read'));
    expect(reads.length).toBeGreaterThanOrEqual(1);
    expect(reads[0]?.agent[0]?.purposeOfUse?.[0]?.coding?.[0]?.code).toBe('explicit');
  });

  it('refuses a reason that is missing, not on the list, or "other" / emergency without words, with 400', async () => {
    const gp = 'bergen-gp';
    const patient = await strangerTo(gp);
    expect((await call(gp, `Patient/${patient.id}/$access`, { method: 'POST', body: { resourceType: 'Parameters', parameter: [] } })).status).toBe(400);
    expect((await call(gp, `Patient/${patient.id}/$access`, { method: 'POST', body: reason('curiosity') })).status).toBe(400);
    expect((await call(gp, `Patient/${patient.id}/$access`, { method: 'POST', body: reason('other') })).status).toBe(400);
    const emergencyWithoutWords = { resourceType: 'Parameters', parameter: [{ name: 'emergency', valueBoolean: true }] };
    const refused = await call<OperationOutcome>(gp, `Patient/${patient.id}/$access`, { method: 'POST', body: emergencyWithoutWords });
    expect(refused.status).toBe(400);
    expect(refused.body.issue[0]?.diagnostics).toMatch(/reason in words/);
    expect((await call(gp, `Patient/${patient.id}`)).status).toBe(403);
  });

  it('emergency access opens the journal and is listed for the unit leader with the words', async () => {
    const doctor = 'bergen-ed-doctor';
    const patient = await strangerTo(doctor);
    const body = { resourceType: 'Parameters', parameter: [{ name: 'emergency', valueBoolean: true }, { name: 'text', valueString: 'Bevisstløs, ingen pårørende' }] };
    const granted = await call<Parameters>(doctor, `Patient/${patient.id}/$access`, { method: 'POST', body });
    expect(granted.body.parameter?.find((p) => p.name === 'kind')?.valueCode).toBe('emergency');
    expect((await call(doctor, `Patient/${patient.id}`)).status).toBe(200);
    const doctorPersona = personas.find((p) => p.id === doctor)!;
    const leader = 'bergen-ed-nurse';
    const review = await call<Bundle<AuditEvent>>(leader, `AuditEvent?source=Organization/${doctorPersona.organizationId}&subtype=access-granted&_sort=-date`);
    expect(review.status).toBe(200);
    const event = review.body.entry?.map((e) => e.resource!).find((e) => e.entity?.[0]?.what?.reference === `Patient/${patient.id}`);
    expect(event?.purposeOfEvent?.[0]?.text).toBe('Bevisstløs, ingen pårørende');
  });

  it('unscoped searches leave out patients without relation; writes for them are refused', async () => {
    const gp = 'bergen-gp';
    const gpPersona = personas.find((p) => p.id === gp)!;
    const conditions = await call<Bundle<Condition | Patient>>(gp, 'Condition?_count=200&_include=Condition:subject');
    expect(conditions.status).toBe(200);
    const patients = (conditions.body.entry ?? []).filter((e) => e.resource?.resourceType === 'Patient').map((e) => e.resource as Patient);
    expect(patients.length).toBeGreaterThan(0);
    // each is one of his: on his list, or with an appointment with him
    const listedCount = patients.filter((p) => JSON.stringify(p.generalPractitioner).includes(gpPersona.practitionerRoleId)).length;
    expect(listedCount).toBeGreaterThan(0);
    for (const p of patients) expect((await call(gp, `Patient/${p.id}`)).status, p.id).toBe(200);
    const all = await call<Bundle>(gp, 'Condition?_summary=count');
    expect(all.body.total).toBeLessThan(1000); // the small data set has thousands of conditions

    const stranger = await strangerTo(gp);
    const flag: Flag = { resourceType: 'Flag', status: 'active', code: { text: 'Smitte' }, subject: { reference: `Patient/${stranger.id}` } };
    expect((await call(gp, 'Flag', { method: 'POST', body: flag })).status).toBe(403);
  });

  it('administrative staff get 403 on clinical resources, but see contact details and appointments', async () => {
    const admin = 'bergen-admin-staff';
    const gp = personas.find((p) => p.id === 'bergen-gp')!;
    const { body: listed } = await call<Bundle<Patient>>('bergen-gp', `Patient?general-practitioner=PractitionerRole/${gp.practitionerRoleId}&_count=1`);
    const patient = listed.entry![0]!.resource!;
    for (const type of ['Condition', 'Observation', 'MedicationStatement', 'Composition', 'DocumentReference']) {
      const refused = await call<OperationOutcome>(admin, `${type}?patient=${patient.id}`);
      expect(refused.status, type).toBe(403);
      expect(refused.body.issue[0]?.diagnostics).toMatch(/not clinical content/);
    }
    expect((await call(admin, `Patient/${patient.id}`)).status).toBe(200);
    expect((await call(admin, `Appointment?patient=${patient.id}`)).status).toBe(200);
    expect((await call(admin, `Patient/${patient.id}/$access`, { method: 'POST', body: reason('ongoing-care') })).status).toBe(403);
  });

  it('a blocked note is absent for the blocked unit and present for others; only the GP registers it, and lifting it is logged', async () => {
    const gp = personas.find((p) => p.id === 'bergen-gp')!;
    const nurse = personas.find((p) => p.id === 'bergen-homecare-nurse')!;
    // A home care patient of the nurse's district on the GP's list, with notes.
    const { body: episodes } = await call<Bundle<EpisodeOfCare>>(nurse.id, `EpisodeOfCare?organization=Organization/${nurse.organizationId}&status=active&_count=200`);
    let patientId: string | undefined;
    for (const e of episodes.entry ?? []) {
      const id = e.resource!.patient.reference!.split('/')[1]!;
      const { body: p } = await call<Patient>(nurse.id, `Patient/${id}`);
      if (p.generalPractitioner?.[0]?.reference === `PractitionerRole/${gp.practitionerRoleId}`) {
        patientId = id;
        break;
      }
    }
    expect(patientId).toBeDefined();
    const notes = async (who: string) => ((await call<Bundle<Composition>>(who, `Composition?patient=${patientId}&_count=1000`)).body.entry ?? []).map((e) => e.resource!.id);
    const before = await notes(nurse.id);
    const target = before[0]!;
    const consent = blockingConsent({ patientId: patientId!, blocked: [`Organization/${nurse.organizationId}`], data: [`Composition/${target}`], date: '2026-11-26' });

    expect((await call(nurse.id, 'Consent', { method: 'POST', body: consent })).status).toBe(403);
    const created = await call<Consent>(gp.id, 'Consent', { method: 'POST', body: consent });
    expect(created.status).toBe(201);

    expect(await notes(nurse.id)).not.toContain(target);
    expect((await notes(nurse.id)).length).toBe(before.length - 1);
    expect(await notes(gp.id)).toContain(target);
    expect((await call(nurse.id, `Composition/${target}`)).status).toBe(403);
    const { body: seen } = await call<Patient>(nurse.id, `Patient/${patientId}`);
    expect(seen.meta?.tag?.some((t) => t.code === 'blocked-content')).toBe(true);

    // Lifted at the patient's request: the note is back, and the lifting is in the log.
    const lifted = await call<Consent>(gp.id, `Consent/${created.body.id}`, { method: 'PUT', body: { ...created.body, status: 'inactive' } });
    expect(lifted.status).toBe(200);
    expect(await notes(nurse.id)).toContain(target);
    const { body: log } = await call<Bundle<AuditEvent>>(gp.id, `AuditEvent?patient=${patientId}&action=U&agent=PractitionerRole/${gp.practitionerRoleId}`);
    expect(log.total).toBeGreaterThanOrEqual(1);
  });
});
