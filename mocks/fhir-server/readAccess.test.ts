// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AuditEvent, Communication, Condition, Patient, PractitionerRole, Resource } from 'fhir/r4';
import { EMERGENCY_ACCESS_MINUTES, EXPLICIT_ACCESS_MINUTES, LEADER_CODE, REDUCED_TAG } from '../../src/domain/access';
import type { Persona, PersonnelGroup, UnitKind } from '../../src/session/personnel';
import { buildAuditEvent } from './audit';
import { AccessControl, scopedPatients } from './readAccess';
import { blockingConsent } from './blocking';
import { FhirServerError } from './errors';

let now = Date.parse('2026-11-26T10:00:00+01:00');

function control(resources: Resource[]): AccessControl {
  return new AccessControl({
    get: (type, id) => resources.find((r) => r.resourceType === type && r.id === id),
    byPatient: (type, patientId) => resources.filter((r) => r.resourceType === type && JSON.stringify(r).includes(`"Patient/${patientId}"`)),
    now: () => new Date(now),
  });
}

function persona(group: PersonnelGroup, unitKind: UnitKind, org: string, municipalityCode = '4601'): Persona {
  return { id: `p-${group}-${org}`, name: group, personnelGroup: group, practitionerId: `prac-${group}`, practitionerRoleId: `role-${group}-${org}`, organizationId: org, unitName: org, unitKind, municipalityCode, municipalityName: 'Bergen' };
}

const bergenAddress = { district: 'Bergen', line: ['Storgata 1'], postalCode: '5003', _district: { extension: [{ url: 'http://hl7.no/fhir/StructureDefinition/no-basis-municipalitycode', valueCoding: { code: '4601' } }] } };
const listed: Patient = {
  resourceType: 'Patient',
  id: 'listed',
  name: [{ family: 'Listet', given: ['Lise'] }],
  birthDate: '1950-01-01',
  identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '01815012345' }],
  generalPractitioner: [{ reference: 'PractitionerRole/role-gp-office' }],
  telecom: [{ system: 'phone', value: '99999999' }],
  address: [bergenAddress],
};
const stranger: Patient = { ...listed, id: 'stranger', generalPractitioner: [{ reference: 'PractitionerRole/someone-else' }] };
const condition = (id: string, patientId: string): Condition => ({ resourceType: 'Condition', id, subject: { reference: `Patient/${patientId}` } });

const gp = persona('gp', 'gp-office', 'office');
const nurse = persona('homecare-nurse', 'home-care-district', 'hc-1');
const admin = persona('admin-staff', 'municipal-admin', 'admin-1');
const edDoctor = persona('ed-doctor', 'emergency-clinic', 'ed-1');

function status(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof FhirServerError ? error.status : -1;
  }
}

describe('the access decision', () => {
  const resources: Resource[] = [listed, stranger, condition('c1', 'listed'), condition('c2', 'stranger')];

  it('implicit with a care relation; none without, until a reason is stated; the grant runs out', () => {
    const access = control(resources);
    expect(access.decide(gp, 'listed')).toMatchObject({ allowed: true, basis: 'implicit', relation: 'gp-list' });
    expect(access.decide(nurse, 'stranger').allowed).toBe(false);
    const grant = access.grant(nurse, 'stranger', 'explicit', 'referral-or-request', 'Spørsmål fra fastlegen');
    expect(grant.expires - grant.granted).toBe(EXPLICIT_ACCESS_MINUTES * 60_000);
    expect(access.decide(nurse, 'stranger')).toMatchObject({ allowed: true, basis: 'explicit' });
    now += EXPLICIT_ACCESS_MINUTES * 60_000 + 1;
    expect(access.decide(nurse, 'stranger').allowed).toBe(false);
  });

  it('emergency access is shorter and says so', () => {
    const access = control(resources);
    const grant = access.grant(edDoctor, 'stranger', 'emergency', 'emergency', 'Bevisstløs, ingen pårørende');
    expect(grant.expires - grant.granted).toBe(EMERGENCY_ACCESS_MINUTES * 60_000);
    expect(access.decide(edDoctor, 'stranger')).toMatchObject({ allowed: true, basis: 'emergency' });
  });

  it('a read or a patient-scoped search without access is a 403 that asks for a reason', () => {
    const access = control(resources);
    expect(status(() => access.guardRead(nurse, stranger))).toBe(403);
    expect(status(() => access.guardRead(nurse, condition('c2', 'stranger')))).toBe(403);
    expect(status(() => access.guardSearch(nurse, 'Condition', new URLSearchParams('patient=stranger')))).toBe(403);
    expect(status(() => access.guardSearch(gp, 'Condition', new URLSearchParams('subject=Patient/listed')))).toBeUndefined();
    try {
      access.guardRead(nurse, stranger);
    } catch (error) {
      const issue = (error as FhirServerError).issues[0];
      expect(issue?.code).toBe('forbidden');
      expect(issue?.details?.coding?.[0]?.code).toBe('reason-required');
    }
  });

  it('searches not scoped to a patient leave out what the user may not see', () => {
    const access = control(resources);
    expect(access.visible(gp, condition('c1', 'listed'))).toBe(true);
    expect(access.visible(gp, condition('c2', 'stranger'))).toBe(false);
  });

  it('a patient without access is reduced to name, birth date, municipality and national id', () => {
    const access = control(resources);
    const reduced = access.transform(nurse, stranger) as Patient;
    expect(reduced.name).toEqual(stranger.name);
    expect(reduced.birthDate).toBe('1950-01-01');
    expect(reduced.address).toEqual([{ district: 'Bergen', _district: bergenAddress._district }]);
    expect(reduced.identifier?.[0]?.value).toBe('01815012345');
    expect(reduced.telecom).toBeUndefined();
    expect(reduced.generalPractitioner).toBeUndefined();
    expect(reduced.meta?.tag).toContainEqual(REDUCED_TAG);
    expect(access.transform(gp, listed)).toBe(listed);
    // the emergency clinic registers arrivals: it also sees the regular GP
    expect((access.transform(edDoctor, stranger) as Patient).generalPractitioner).toEqual(stranger.generalPractitioner);
  });

  it("administrative staff: contact details and appointments in their municipality, never clinical content, and no reasons to state", () => {
    const access = control(resources);
    expect(access.decide(admin, 'stranger')).toMatchObject({ allowed: true, basis: 'administrative' });
    expect(status(() => access.guardRead(admin, stranger))).toBeUndefined();
    expect(status(() => access.guardRead(admin, condition('c2', 'stranger')))).toBe(403);
    expect(status(() => access.guardSearch(admin, 'Observation', new URLSearchParams('patient=stranger')))).toBe(403);
    expect(status(() => access.guardSearch(admin, 'Appointment', new URLSearchParams('patient=stranger')))).toBeUndefined();
    expect(status(() => access.grant(admin, 'stranger', 'explicit', 'ongoing-care', undefined))).toBe(403);
    expect(status(() => access.guardWrite(admin, condition('new', 'stranger'), undefined))).toBe(403);
    const tromsoAdmin = persona('admin-staff', 'municipal-admin', 'admin-2', '5501');
    expect(access.decide(tromsoAdmin, 'stranger').allowed).toBe(false);
  });

  it('administrative staff get message metadata without the payload', () => {
    const message: Communication = { resourceType: 'Communication', id: 'm', status: 'completed', subject: { reference: 'Patient/stranger' }, recipient: [{ reference: 'Organization/admin-1' }], payload: [{ contentString: 'Blodprøvesvar' }] };
    const access = control([...resources, message]);
    expect(access.visible(admin, message)).toBe(true);
    expect((access.transform(admin, message) as Communication).payload).toBeUndefined();
    expect((access.transform(gp, message) as Communication).payload).toHaveLength(1);
  });

  it('the emergency clinic sees critical information before registration, nothing else', () => {
    const access = control(resources);
    expect(status(() => access.guardSearch(edDoctor, 'AllergyIntolerance', new URLSearchParams('patient=stranger')))).toBeUndefined();
    expect(status(() => access.guardSearch(edDoctor, 'Condition', new URLSearchParams('patient=stranger')))).toBe(403);
    // registering the arrival (an Encounter at the own clinic) needs no relation before
    const arrival = { resourceType: 'Encounter', status: 'arrived', class: { code: 'EMER' }, subject: { reference: 'Patient/stranger' }, serviceProvider: { reference: 'Organization/ed-1' } } as Resource;
    expect(status(() => access.guardWrite(edDoctor, arrival, undefined))).toBeUndefined();
    expect(status(() => access.guardWrite(nurse, arrival, undefined))).toBe(403);
  });

  it('audit events: the unit leader sees the free text, others with access only the reason category', () => {
    const leaderRole: PractitionerRole = { resourceType: 'PractitionerRole', id: 'role-ed-nurse-ed-1', code: [{ coding: [{ ...LEADER_CODE }] }] };
    const leader = persona('ed-nurse', 'emergency-clinic', 'ed-1');
    const access = control([...resources, leaderRole]);
    const grant = access.grant(edDoctor, 'listed', 'emergency', 'emergency', 'Bevisstløs');
    const event: AuditEvent = { ...buildAuditEvent({ persona: edDoctor, interaction: 'access-granted', patients: ['listed'], recorded: '2026-11-26T10:00:00+01:00', basis: 'emergency', grant }), id: 'ae' };
    const forLeader = access.transform(leader, event) as AuditEvent;
    expect(access.visible(leader, event)).toBe(true);
    expect(forLeader.purposeOfEvent?.[0]?.text).toBe('Bevisstløs');
    const forGp = access.transform(gp, event) as AuditEvent;
    expect(forGp.purposeOfEvent?.[0]?.text).toBeUndefined();
    expect(forGp.purposeOfEvent?.[0]?.coding?.[0]?.code).toBe('emergency');
    expect(access.visible(nurse, event)).toBe(false); // no access to the patient, not her unit
  });

  it('clients never write audit events', () => {
    const access = control(resources);
    expect(status(() => access.guardWrite(gp, { resourceType: 'AuditEvent' } as Resource, undefined))).toBe(403);
  });
});

describe('which patients a search is scoped to', () => {
  it('reads patient=, subject=, subject:Patient= and, for Patient, _id', () => {
    expect(scopedPatients('Condition', new URLSearchParams('patient=a,b&subject=Patient/c'))).toEqual(['a', 'b', 'c']);
    expect(scopedPatients('Condition', new URLSearchParams('subject:Patient=d&code=x'))).toEqual(['d']);
    expect(scopedPatients('Patient', new URLSearchParams('_id=e,f'))).toEqual(['e', 'f']);
    expect(scopedPatients('Observation', new URLSearchParams('patient.general-practitioner=PractitionerRole/r'))).toEqual([]);
    expect(scopedPatients('Observation', new URLSearchParams('subject=Group/g'))).toEqual([]);
  });
});

describe('blocking (sperring)', () => {
  const note = (id: string, custodian: string): Resource => ({ resourceType: 'Composition', id, status: 'final', subject: { reference: 'Patient/listed' }, custodian: { reference: `Organization/${custodian}` } }) as Resource;
  const homeCareNote = note('n-hc', 'hc-1');
  const gpNote = note('n-gp', 'office');
  const episode = { resourceType: 'EpisodeOfCare', id: 'e', status: 'active', patient: { reference: 'Patient/listed' }, managingOrganization: { reference: 'Organization/hc-1' } } as Resource;
  const nurseHc2 = persona('homecare-nurse', 'home-care-district', 'hc-2');
  const episode2 = { ...episode, id: 'e2', managingOrganization: { reference: 'Organization/hc-2' } } as Resource;

  it('a blocked note is not sent to the blocked unit, but to the author’s unit and others; the patient shows that something is blocked', () => {
    const block = { ...blockingConsent({ patientId: 'listed', blocked: ['Organization/hc-2'], data: ['Composition/n-hc'], date: '2026-11-26' }), id: 'b1' };
    const access = control([listed, episode, episode2, homeCareNote, gpNote, block]);
    expect(access.visible(nurseHc2, homeCareNote)).toBe(false);
    expect(access.visible(nurseHc2, gpNote)).toBe(true);
    expect(access.visible(nurse, homeCareNote)).toBe(true); // the author's unit
    expect(access.visible(gp, homeCareNote)).toBe(true);
    expect((access.transform(nurseHc2, listed) as Patient).meta?.tag).toContainEqual(expect.objectContaining({ code: 'blocked-content' }));
    expect((access.transform(gp, listed) as Patient).meta?.tag ?? []).not.toContainEqual(expect.objectContaining({ code: 'blocked-content' }));
    expect(status(() => access.guardRead(nurseHc2, homeCareNote))).toBe(403);
  });

  it('everything from one service, or the whole journal, for named personnel', () => {
    const byService = { ...blockingConsent({ patientId: 'listed', blocked: ['PractitionerRole/role-homecare-nurse-hc-2'], custodian: 'Organization/hc-1', date: '2026-11-26' }), id: 'b2' };
    const access = control([listed, episode, episode2, homeCareNote, gpNote, byService]);
    expect(access.visible(nurseHc2, homeCareNote)).toBe(false);
    expect(access.visible(nurseHc2, gpNote)).toBe(true);
    const whole = { ...blockingConsent({ patientId: 'listed', blocked: ['Organization/hc-2'], date: '2026-11-26' }), id: 'b3' };
    const all = control([listed, episode, episode2, homeCareNote, gpNote, whole]);
    expect(all.visible(nurseHc2, gpNote)).toBe(false);
    expect(all.visible(nurseHc2, listed)).toBe(true); // the patient, not the journal
  });

  it('a lifted block no longer applies; only the patient’s GP writes blocks', () => {
    const lifted = { ...blockingConsent({ patientId: 'listed', blocked: ['Organization/hc-2'], date: '2026-11-26' }), id: 'b4', status: 'inactive' as const };
    const access = control([listed, episode2, gpNote, lifted]);
    expect(access.visible(nurseHc2, gpNote)).toBe(true);
    expect(status(() => access.guardWrite(gp, lifted, undefined))).toBeUndefined();
    expect(status(() => access.guardWrite(nurseHc2, lifted, undefined))).toBe(403);
  });
});
