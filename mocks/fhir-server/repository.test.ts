// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, Basic, Composition, Condition, Encounter, Flag, Patient } from 'fhir/r4';
import { FhirRepository, parseIfMatch } from './repository';
import { FhirServerError } from './errors';
import { allFixtureResources } from './test-fixtures';

function newRepo(): { repo: FhirRepository; tick: () => void } {
  let t = Date.parse('2026-11-26T08:00:00Z');
  const repo = new FhirRepository({ clock: () => new Date(t) });
  repo.loadAll(allFixtureResources());
  repo.markBaseline();
  return { repo, tick: () => (t += 60_000) };
}

function errorOf(fn: () => unknown): FhirServerError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FhirServerError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

const newPatient: Patient = { resourceType: 'Patient', name: [{ family: 'Ny', given: ['Nina'] }], birthDate: '2001-02-03' };

describe('FhirRepository CRUD', () => {
  it('creates with a new id, version 1 and lastUpdated, without touching the input', () => {
    const { repo } = newRepo();
    const input = structuredClone(newPatient);
    const created = repo.create(input);
    expect(created.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
    expect(created.meta?.versionId).toBe('1');
    expect(created.meta?.lastUpdated).toBe('2026-11-26T08:00:00.000Z');
    expect(input.id).toBeUndefined();
    expect(input.meta).toBeUndefined();
    expect(repo.read('Patient', created.id ?? '')).toBe(created);
  });

  it('keeps a given id on create, and refuses a duplicate with 409', () => {
    const { repo } = newRepo();
    expect(repo.create({ ...newPatient, id: 'given-id' }).id).toBe('given-id');
    expect(errorOf(() => repo.create({ ...newPatient, id: 'given-id' })).status).toBe(409);
  });

  it('reads: 404 for unknown id or type', () => {
    const { repo } = newRepo();
    const e = errorOf(() => repo.read('Patient', 'nobody'));
    expect(e.status).toBe(404);
    expect(e.issues[0]?.code).toBe('not-found');
    expect(errorOf(() => repo.read('Patientt', 'p-ola')).status).toBe(404);
  });

  it('updates with version + 1 and replaces the stored object', () => {
    const { repo, tick } = newRepo();
    const before = repo.read<Patient>('Patient', 'p-ola');
    tick();
    const updated = repo.update({ ...before, gender: 'other' });
    expect(updated.meta?.versionId).toBe('2');
    expect(updated.meta?.lastUpdated).toBe('2026-11-26T08:01:00.000Z');
    expect(before.gender).toBe('male');
    expect(before.meta?.versionId).toBe('1');
    expect(repo.read<Patient>('Patient', 'p-ola').gender).toBe('other');
  });

  it('checks If-Match: W/"n", "n" and n; stale → 412', () => {
    const { repo } = newRepo();
    const v1 = repo.read<Patient>('Patient', 'p-ola');
    expect(repo.update({ ...v1, gender: 'other' }, 'W/"1"').meta?.versionId).toBe('2');
    const stale = errorOf(() => repo.update({ ...v1, gender: 'female' }, 'W/"1"'));
    expect(stale.status).toBe(412);
    expect(stale.issues[0]?.diagnostics).toMatch(/current version is 2/);
    expect(repo.update({ ...v1 }, '"2"').meta?.versionId).toBe('3');
    expect(repo.update({ ...v1 }, '3').meta?.versionId).toBe('4');
    expect(parseIfMatch('W/"12"')).toBe('12');
    expect(errorOf(() => parseIfMatch('W/""')).status).toBe(400);
  });

  it('update creates when the id is new (version 1); If-Match on a missing resource is 412', () => {
    const { repo } = newRepo();
    expect(repo.update({ ...newPatient, id: 'brand-new' }).meta?.versionId).toBe('1');
    expect(errorOf(() => repo.update({ ...newPatient, id: 'other-new' }, 'W/"1"')).status).toBe(412);
    expect(errorOf(() => repo.update({ ...newPatient })).status).toBe(400);
  });

  it('keeps the patient index up to date when a resource moves to another patient', () => {
    const { repo } = newRepo();
    const c = repo.read<Condition>('Condition', 'c-1');
    repo.update({ ...c, subject: { reference: 'Patient/p-kari' } });
    const ids = (q: string) => repo.search('Condition', new URLSearchParams(q), '').entry?.map((e) => e.resource?.id) ?? [];
    expect(ids('patient=p-ola')).toEqual(['c-2']);
    expect(ids('patient=p-kari').sort()).toEqual(['c-1', 'c-3']);
  });

  it('answers reference searches, chains and _revinclude from indexes that follow every write', () => {
    const { repo } = newRepo();
    const ids = (type: string, q: string) => repo.search(type, new URLSearchParams(q), '').entry?.map((e) => `${e.search?.mode}:${e.resource?.id}`) ?? [];
    // Builds the indexes (actor on Appointment, appointment on Encounter).
    expect(ids('Appointment', 'actor=PractitionerRole/role-gp&_revinclude=Encounter:appointment')).toEqual(['match:ap-1', 'match:ap-2']);
    expect(ids('Encounter', 'patient.general-practitioner=PractitionerRole/role-gp')).toEqual(['match:e-1']);

    // A new appointment for another role, an encounter for ap-1, and ap-2 moved to the nurse.
    repo.create({ resourceType: 'Appointment', status: 'booked', id: 'ap-3', participant: [{ actor: { reference: 'PractitionerRole/role-nurse' }, status: 'accepted' }] } as Appointment);
    const e = repo.create({ resourceType: 'Encounter', status: 'in-progress', class: { code: 'AMB' }, subject: { reference: 'Patient/p-ola' }, appointment: [{ reference: 'Appointment/ap-1' }] } as Encounter);
    const ap2 = repo.read<Appointment>('Appointment', 'ap-2');
    repo.update({ ...ap2, participant: [{ actor: { reference: 'PractitionerRole/role-nurse' }, status: 'accepted' }] });

    expect(ids('Appointment', 'actor=PractitionerRole/role-gp&_revinclude=Encounter:appointment')).toEqual(['match:ap-1', `include:${e.id}`]);
    expect(ids('Appointment', 'actor=PractitionerRole/role-nurse')).toEqual(['match:ap-2', 'match:ap-3']);
    expect(ids('Encounter', 'patient.general-practitioner=PractitionerRole/role-gp').sort()).toEqual([`match:${e.id}`, 'match:e-1'].sort());

    // The patient moves to another GP: the chain follows.
    const ola = repo.read<Patient>('Patient', 'p-ola');
    repo.update({ ...ola, generalPractitioner: [{ reference: 'PractitionerRole/role-nurse' }] });
    expect(ids('Encounter', 'patient.general-practitioner=PractitionerRole/role-gp')).toEqual([]);
    expect(ids('Patient', 'general-practitioner=PractitionerRole/role-nurse').sort()).toEqual(['match:p-ola', 'match:p-per']);
  });
});

describe('delete rules', () => {
  it('deletes Appointment, Flag and Basic; reads then give 410', () => {
    const { repo } = newRepo();
    repo.delete('Appointment', 'ap-1');
    repo.delete('Flag', 'f-1');
    const basic = repo.create<Basic>({ resourceType: 'Basic', code: { text: 'layout' } });
    repo.delete('Basic', basic.id ?? '');
    expect(errorOf(() => repo.read('Appointment', 'ap-1')).status).toBe(410);
    expect(repo.search('Appointment', new URLSearchParams('patient=p-ola'), '').total).toBe(0);
    // deleting again is fine (idempotent); unknown ids are 404
    expect(() => repo.delete('Flag', 'f-1')).not.toThrow();
    expect(errorOf(() => repo.delete('Flag', 'nope')).status).toBe(404);
  });

  it('refuses clinical entries with 405, but deletes drafts', () => {
    const { repo } = newRepo();
    const e = errorOf(() => repo.delete('Condition', 'c-1'));
    expect(e.status).toBe(405);
    expect(e.issues[0]?.diagnostics).toMatch(/entered-in-error/);
    expect(errorOf(() => repo.delete('Patient', 'p-ola')).status).toBe(405);
    const draft = repo.create<Composition>({ resourceType: 'Composition', status: 'preliminary', type: { text: 'Notat' }, date: '2026-11-26', author: [{ reference: 'Practitioner/pr-gp' }], title: 'Utkast' });
    const final = repo.update({ ...draft, status: 'final' });
    expect(errorOf(() => repo.delete('Composition', final.id ?? '')).status).toBe(405);
    const draft2 = repo.create<Composition>({ ...draft, id: undefined, status: 'preliminary' });
    expect(() => repo.delete('Composition', draft2.id ?? '')).not.toThrow();
  });

  it('re-creating a deleted resource continues its version numbers', () => {
    const { repo } = newRepo();
    const flag = repo.read<Flag>('Flag', 'f-1');
    repo.delete('Flag', 'f-1');
    expect(repo.update({ ...flag }).meta?.versionId).toBe('3');
  });
});

describe('history and vread', () => {
  it('lists every version newest first, including the loaded one and deletions', () => {
    const { repo, tick } = newRepo();
    const v1 = repo.read<Appointment>('Appointment', 'ap-1');
    tick();
    repo.update({ ...v1, status: 'arrived' });
    tick();
    repo.update({ ...v1, status: 'fulfilled' });
    tick();
    repo.delete('Appointment', 'ap-1');
    const history = repo.history('Appointment', 'ap-1', 'http://x/fhir');
    expect(history.type).toBe('history');
    expect(history.entry?.map((e) => e.response?.etag)).toEqual(['W/"4"', 'W/"3"', 'W/"2"', 'W/"1"']);
    expect(history.entry?.map((e) => e.request?.method)).toEqual(['DELETE', 'PUT', 'PUT', 'POST']);
    expect(history.entry?.[0]?.resource).toBeUndefined();
    expect((history.entry?.[1]?.resource as Appointment).status).toBe('fulfilled');
    expect(repo.vread<Appointment>('Appointment', 'ap-1', '1').status).toBe('booked');
    expect(repo.vread<Appointment>('Appointment', 'ap-1', '2').status).toBe('arrived');
    expect(errorOf(() => repo.vread('Appointment', 'ap-1', '4')).status).toBe(410);
    expect(errorOf(() => repo.vread('Appointment', 'ap-1', '9')).status).toBe(404);
  });

  it('a resource never changed has a history of one', () => {
    const { repo } = newRepo();
    expect(repo.history('Patient', 'p-kari').entry?.length).toBe(1);
    expect(errorOf(() => repo.history('Patient', 'nobody')).status).toBe(404);
  });
});

describe('delta', () => {
  it('logs every write after the baseline and replays it exactly', () => {
    const { repo, tick } = newRepo();
    const created = repo.create(newPatient);
    tick();
    const c = repo.read<Condition>('Condition', 'c-1');
    repo.update({ ...c, note: [{ text: 'Oppdatert' }] });
    tick();
    repo.update({ ...repo.read<Condition>('Condition', 'c-1'), note: [{ text: 'Igjen' }] });
    repo.delete('Flag', 'f-1');
    const delta = repo.getDelta();
    expect(delta.entries.map((e) => e.op)).toEqual(['put', 'put', 'put', 'delete']);

    const copy = JSON.parse(JSON.stringify(delta)) as typeof delta;
    const { repo: other } = newRepo();
    other.applyDelta(copy);
    expect(other.read('Patient', created.id ?? '')).toEqual(created);
    expect(other.read<Condition>('Condition', 'c-1')).toEqual(repo.read('Condition', 'c-1'));
    expect(other.read<Condition>('Condition', 'c-1').meta?.versionId).toBe('3');
    expect(errorOf(() => other.read('Flag', 'f-1')).status).toBe(410);
    expect(other.history('Condition', 'c-1').entry?.length).toBe(3);
    expect(other.getDelta().entries.length).toBe(4);
    expect(other.search('Flag', new URLSearchParams('patient=p-ola'), '').total).toBe(0);
  });

  it('loadAll and markBaseline do not appear in the delta', () => {
    const { repo } = newRepo();
    expect(repo.getDelta().entries).toEqual([]);
    expect(repo.count('Patient')).toBe(126);
  });

  it('notifies listeners on writes', () => {
    const { repo } = newRepo();
    const seen: string[] = [];
    const off = repo.onChange((e) => seen.push(e.op));
    repo.create(newPatient);
    off();
    repo.create(newPatient);
    expect(seen).toEqual(['put']);
  });
});
