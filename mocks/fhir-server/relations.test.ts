// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, CarePlan, Encounter, EpisodeOfCare, Patient, Resource } from 'fhir/r4';
import type { Persona, PersonnelGroup, UnitKind } from '../../src/session/personnel';
import { relationOf, type RelationSource } from './relations';

/** A tiny repository: get by id and the patient index, as FhirRepository offers them. */
function sourceOf(resources: Resource[]): RelationSource {
  return {
    get: (type, id) => resources.find((r) => r.resourceType === type && r.id === id),
    byPatient: (type, patientId) =>
      resources.filter((r) => {
        if (r.resourceType !== type) return false;
        const refs = JSON.stringify(r);
        return refs.includes(`"Patient/${patientId}"`);
      }),
  };
}

function persona(group: PersonnelGroup, unitKind: UnitKind, org: string, role = `role-${group}`): Persona {
  return { id: `p-${group}`, name: group, personnelGroup: group, practitionerId: `prac-${group}`, practitionerRoleId: role, organizationId: org, unitName: org, unitKind, municipalityCode: '4601', municipalityName: 'Bergen' };
}

const NOW = Date.parse('2026-11-26T10:00:00+01:00');
const patient = (id: string, extra: Partial<Patient> = {}): Patient => ({ resourceType: 'Patient', id, ...extra });
const episode = (id: string, patientId: string, org: string, status: EpisodeOfCare['status'] = 'active'): EpisodeOfCare => ({
  resourceType: 'EpisodeOfCare',
  id,
  status,
  patient: { reference: `Patient/${patientId}` },
  managingOrganization: { reference: `Organization/${org}` },
});

describe('care relations that give implicit access (one per relation type)', () => {
  it("gp-list: the patient is on the GP's list; another GP at the office has no relation", () => {
    const src = sourceOf([patient('a', { generalPractitioner: [{ reference: 'PractitionerRole/role-gp' }], managingOrganization: { reference: 'Organization/office' } })]);
    expect(relationOf(src, persona('gp', 'gp-office', 'office'), 'a', NOW)).toBe('gp-list');
    expect(relationOf(src, persona('gp', 'gp-office', 'other-office', 'role-other-gp'), 'a', NOW)).toBeNull();
  });

  it("gp-office-list: the office nurse and front desk of the patient's GP office", () => {
    const src = sourceOf([patient('a', { generalPractitioner: [{ reference: 'PractitionerRole/role-gp' }], managingOrganization: { reference: 'Organization/office' } })]);
    expect(relationOf(src, persona('gp-nurse', 'gp-office', 'office'), 'a', NOW)).toBe('gp-office-list');
    expect(relationOf(src, persona('admin-staff', 'gp-office', 'office'), 'a', NOW)).toBe('gp-office-list');
    expect(relationOf(src, persona('gp-nurse', 'gp-office', 'office-2'), 'a', NOW)).toBeNull();
  });

  it("home-care: an active episode of the worker's district, or an active home care decision (CarePlan) of the district", () => {
    const plan: CarePlan = {
      resourceType: 'CarePlan',
      id: 'cp',
      status: 'active',
      intent: 'order',
      subject: { reference: 'Patient/b' },
      author: { reference: 'Organization/hc-1' },
      category: [{ coding: [{ system: 'urn:akson:codesystem:service', code: 'home-care' }] }],
    };
    const src = sourceOf([patient('a'), patient('b'), patient('c'), episode('e1', 'a', 'hc-1'), plan, episode('e2', 'c', 'hc-1', 'finished')]);
    const nurse = persona('homecare-nurse', 'home-care-district', 'hc-1');
    expect(relationOf(src, nurse, 'a', NOW)).toBe('home-care');
    expect(relationOf(src, nurse, 'b', NOW)).toBe('home-care');
    expect(relationOf(src, nurse, 'c', NOW)).toBeNull(); // the service has ended
    expect(relationOf(src, persona('homecare-worker', 'home-care-district', 'hc-2'), 'a', NOW)).toBeNull(); // another district
  });

  it('emergency-registered: an Encounter at the clinic that is arrived, triaged or in progress, or finished within 24 hours', () => {
    const enc = (id: string, patientId: string, status: Encounter['status'], end?: string): Encounter => ({
      resourceType: 'Encounter',
      id,
      status,
      class: { code: 'EMER' },
      subject: { reference: `Patient/${patientId}` },
      serviceProvider: { reference: 'Organization/ed-1' },
      ...(end ? { period: { start: end, end } } : {}),
    });
    const src = sourceOf([
      patient('a'),
      patient('b'),
      patient('c'),
      patient('d'),
      enc('1', 'a', 'arrived'),
      enc('2', 'b', 'in-progress'),
      enc('3', 'c', 'finished', '2026-11-20T10:00:00+01:00'),
      enc('4', 'd', 'finished', '2026-11-26T08:00:00+01:00'),
    ]);
    const doctor = persona('ed-doctor', 'emergency-clinic', 'ed-1');
    expect(relationOf(src, doctor, 'a', NOW)).toBe('emergency-registered');
    expect(relationOf(src, doctor, 'b', NOW)).toBe('emergency-registered');
    expect(relationOf(src, doctor, 'c', NOW)).toBeNull(); // a visit last week
    expect(relationOf(src, doctor, 'd', NOW)).toBe('emergency-registered'); // sent home this morning
    expect(relationOf(src, persona('ed-nurse', 'emergency-clinic', 'ed-2'), 'a', NOW)).toBeNull();
  });

  it('health-station: a child enrolled at the health station', () => {
    const src = sourceOf([patient('kid'), episode('e', 'kid', 'hs-1')]);
    expect(relationOf(src, persona('hs-nurse', 'health-station', 'hs-1'), 'kid', NOW)).toBe('health-station');
    expect(relationOf(src, persona('hs-nurse', 'health-station', 'hs-2'), 'kid', NOW)).toBeNull();
  });

  it('nursing-home: a resident of the nursing home', () => {
    const src = sourceOf([patient('r'), episode('e', 'r', 'nh-1')]);
    expect(relationOf(src, persona('nh-nurse', 'nursing-home', 'nh-1'), 'r', NOW)).toBe('nursing-home');
    expect(relationOf(src, persona('nh-nurse', 'nursing-home', 'nh-9'), 'r', NOW)).toBeNull();
  });

  it('physio: a series in progress at the physiotherapy clinic', () => {
    const src = sourceOf([patient('p'), episode('e', 'p', 'physio-1')]);
    expect(relationOf(src, persona('physio', 'physio-clinic', 'physio-1'), 'p', NOW)).toBe('physio');
  });

  it('an episode at a unit of another kind gives no relation (a GP office is not a home care district)', () => {
    const src = sourceOf([patient('p'), episode('e', 'p', 'office')]);
    expect(relationOf(src, persona('gp', 'gp-office', 'office'), 'p', NOW)).toBeNull();
  });

  it('appointment: an appointment with the user from 24 hours ago on; not cancelled, not long past', () => {
    const appt = (id: string, patientId: string, start: string, status: Appointment['status'] = 'booked'): Appointment => ({
      resourceType: 'Appointment',
      id,
      status,
      start,
      end: start,
      participant: [
        { actor: { reference: `Patient/${patientId}` }, status: 'accepted' },
        { actor: { reference: 'PractitionerRole/role-physio' }, status: 'accepted' },
      ],
    });
    const src = sourceOf([
      patient('soon'),
      patient('cancelled'),
      patient('old'),
      appt('1', 'soon', '2026-11-27T09:00:00+01:00'),
      appt('2', 'cancelled', '2026-11-27T09:00:00+01:00', 'cancelled'),
      appt('3', 'old', '2026-10-01T09:00:00+02:00', 'fulfilled'),
    ]);
    const physio = persona('physio', 'physio-clinic', 'physio-1');
    expect(relationOf(src, physio, 'soon', NOW)).toBe('appointment');
    expect(relationOf(src, physio, 'cancelled', NOW)).toBeNull();
    expect(relationOf(src, physio, 'old', NOW)).toBeNull();
    expect(relationOf(src, persona('gp', 'gp-office', 'office'), 'soon', NOW)).toBeNull(); // not with this user
  });

  it('no patient, no relation', () => {
    expect(relationOf(sourceOf([]), persona('gp', 'gp-office', 'office'), 'nobody', NOW)).toBeNull();
  });
});
