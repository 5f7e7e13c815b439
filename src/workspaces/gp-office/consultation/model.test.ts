// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, Composition, Condition, Encounter, MedicationStatement, ServiceRequest } from 'fhir/r4';
import { findDiagnosisCode } from '../../../domain/diagnosisCodes';
import { CODE_SYSTEM } from '../../../domain/codeSystems';
import type { Persona } from '../../../session/personnel';
import {
  arrivedAppointment,
  emptyConsultation,
  encounterOf,
  followUpPeriod,
  medicationChanges,
  noteSections,
  shortcutOf,
  signingBundle,
  startedEncounter,
  validateConsultation,
  type ConsultationForm,
} from './model';

const gp: Persona = {
  id: 'bergen-gp',
  name: 'Harald Sørensen',
  personnelGroup: 'gp',
  practitionerId: 'prac-4601-gp-1-01',
  practitionerRoleId: 'role-4601-gp-1-01',
  organizationId: 'org-4601-gp-1',
  unitName: 'Landås legekontor',
  unitKind: 'gp-office',
  municipalityCode: '4601',
  municipalityName: 'Bergen',
};

const appointment: Appointment = {
  resourceType: 'Appointment',
  id: 'appt-1',
  meta: { versionId: '2' },
  status: 'booked',
  description: 'Hoste og feber',
  start: '2026-11-26T10:00:00+01:00',
  participant: [
    { actor: { reference: 'Patient/pat-1', display: 'Kari Nordmann' }, status: 'needs-action' },
    { actor: { reference: 'PractitionerRole/role-4601-gp-1-01', display: 'Harald Sørensen' }, status: 'accepted' },
  ],
};
const now = new Date('2026-11-26T10:05:00+01:00');

function filledForm(): ConsultationForm {
  const form = emptyConsultation(appointment);
  form.text.findings = 'Rolig respirasjon. Cor/pulm: normale funn.';
  form.text.assessment = 'Viral øvre luftveisinfeksjon.';
  form.diagnosis = findDiagnosisCode('icpc2', 'R74') ?? null;
  return form;
}

describe('the consultation form', () => {
  it('starts from the appointment’s reason and checks what signing needs', () => {
    const form = emptyConsultation(appointment);
    expect(form.text.reason).toBe('Hoste og feber');
    expect(validateConsultation(form)).toEqual({ diagnosis: 'required', content: 'required' });
    expect(validateConsultation({ ...form, text: { ...form.text, reason: '  ' } }).reason).toBe('required');
    expect(validateConsultation(filledForm())).toEqual({});
  });
});

describe('shortcuts', () => {
  const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({ code, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });
  it('are Alt+letter by physical key, and Ctrl (or Cmd) + Enter to sign', () => {
    expect(shortcutOf(key('KeyK', { altKey: true }))).toBe('diagnosis');
    expect(shortcutOf(key('KeyM', { altKey: true }))).toBe('medications');
    expect(shortcutOf(key('Enter', { ctrlKey: true }))).toBe('sign');
    expect(shortcutOf(key('Enter', { metaKey: true }))).toBe('sign');
  });
  it('leave typing alone: plain letters, AltGr (Ctrl+Alt) and Shift combinations are not shortcuts', () => {
    expect(shortcutOf(key('KeyK'))).toBeUndefined();
    expect(shortcutOf(key('KeyK', { altKey: true, ctrlKey: true }))).toBeUndefined();
    expect(shortcutOf(key('KeyK', { altKey: true, shiftKey: true }))).toBeUndefined();
    expect(shortcutOf(key('Enter'))).toBeUndefined();
  });
});

describe('starting the consultation', () => {
  it('turns the encounter made at arrival into the consultation, keeping its start and status history', () => {
    const arrivedEnc: Encounter = { resourceType: 'Encounter', id: 'enc-1', status: 'arrived', class: { code: 'AMB' }, period: { start: '2026-11-26T09:55:00+01:00' } };
    const started = startedEncounter(appointment, arrivedEnc, gp, now);
    expect(started.status).toBe('in-progress');
    expect(started.period?.start).toBe('2026-11-26T09:55:00+01:00');
    expect(started.statusHistory?.[0]?.status).toBe('arrived');
  });
  it('makes a new encounter for the appointment when there is none', () => {
    const started = startedEncounter(appointment, undefined, gp, now);
    expect(started).toMatchObject({ status: 'in-progress', subject: { reference: 'Patient/pat-1' }, appointment: [{ reference: 'Appointment/appt-1' }], reasonCode: [{ text: 'Hoste og feber' }] });
    expect(started.participant?.[0]?.individual?.reference).toBe('PractitionerRole/role-4601-gp-1-01');
  });
  it('marks a booked appointment arrived, and leaves an arrived one as it is', () => {
    expect(arrivedAppointment(appointment)?.status).toBe('arrived');
    expect(arrivedAppointment({ ...appointment, status: 'arrived' })).toBeUndefined();
  });
  it('finds the open encounter among those of the appointment', () => {
    const list: Encounter[] = [
      { resourceType: 'Encounter', id: 'a', status: 'cancelled', class: {} },
      { resourceType: 'Encounter', id: 'b', status: 'arrived', class: {} },
      { resourceType: 'Encounter', id: 'c', status: 'in-progress', class: {} },
    ];
    expect(encounterOf(list)?.id).toBe('c');
    expect(encounterOf(list.slice(0, 2))?.id).toBe('b');
    expect(encounterOf([])).toBeUndefined();
  });
});

describe('medication changes during the consultation', () => {
  const ms = (id: string, over: Partial<MedicationStatement>): MedicationStatement => ({
    resourceType: 'MedicationStatement',
    id,
    status: 'active',
    subject: { reference: 'Patient/pat-1' },
    medicationCodeableConcept: { text: id },
    informationSource: { reference: 'PractitionerRole/role-4601-gp-1-01' },
    dateAsserted: '2026-11-26T10:03:00+01:00',
    meta: { versionId: '3' },
    ...over,
  });
  it('lists what the GP started, changed and stopped since the start, and nothing older or by others', () => {
    const changes = medicationChanges(
      [
        ms('Metformin 500 mg', { dosage: [{ text: '2 tabletter morgen og kveld' }] }),
        ms('Ibux 400 mg', { status: 'stopped', statusReason: [{ text: 'Magesmerter' }] }),
        ms('Paracet 500 mg', { meta: { versionId: '1' }, dosage: [{ text: '2 tabletter inntil 4 ganger daglig ved behov' }] }),
        ms('Older', { dateAsserted: '2026-11-20T10:00:00+01:00' }),
        ms('Others', { informationSource: { reference: 'PractitionerRole/someone-else' } }),
      ],
      gp,
      '2026-11-26T10:00:00+01:00',
    );
    expect(changes).toEqual([
      { kind: 'stopped', name: 'Ibux 400 mg', detail: 'Magesmerter' },
      { kind: 'changed', name: 'Metformin 500 mg', detail: '2 tabletter morgen og kveld' },
      { kind: 'started', name: 'Paracet 500 mg', detail: '2 tabletter inntil 4 ganger daglig ved behov' },
    ]);
    expect(medicationChanges([ms('x', {})], gp, undefined)).toEqual([]);
  });
});

describe('the signed note', () => {
  it('has the four headings as written, then the diagnosis, medication changes, requisition and follow-up', () => {
    const form = { ...filledForm(), labs: ['crp', 'hb'], followUp: '2w' as const };
    const sections = noteSections(form, [{ kind: 'stopped', name: 'Ibux 400 mg', detail: 'Magesmerter' }]);
    expect(sections.map((s) => s.title)).toEqual(['Årsak', 'Funn', 'Vurdering', 'Plan', 'Diagnose', 'Legemidler', 'Rekvisisjon', 'Oppfølging']);
    expect(sections.find((s) => s.key === 'diagnosis')?.text).toMatch(/^R74 /);
    expect(sections.find((s) => s.key === 'medications')?.text).toBe('Seponert: Ibux 400 mg – Magesmerter');
    expect(sections.find((s) => s.key === 'labs')?.text).toBe('P-CRP, B-Hemoglobin');
    expect(sections.find((s) => s.key === 'followUp')?.text).toBe('Ny time om 2 uker');
    expect(noteSections(filledForm(), []).map((s) => s.key)).toEqual(['reason', 'findings', 'assessment', 'plan', 'diagnosis']);
  });

  it('puts the follow-up in the week it is due', () => {
    const twoWeeks = followUpPeriod('2w', now);
    expect(twoWeeks.start.slice(0, 10)).toBe('2026-12-10');
    expect(twoWeeks.end.slice(0, 10)).toBe('2026-12-17');
    expect(followUpPeriod('3m', now).start.slice(0, 10)).toBe('2027-02-26');
  });
});

describe('signing', () => {
  const encounter: Encounter = { resourceType: 'Encounter', id: 'enc-1', meta: { versionId: '4' }, status: 'in-progress', class: { code: 'AMB' }, period: { start: '2026-11-26T10:00:00+01:00' } };
  let n = 0;
  const newId = () => `urn:uuid:00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

  it('is one transaction: diagnosis, signed note, lab orders, follow-up, finished encounter and fulfilled appointment', () => {
    const form = { ...filledForm(), labs: ['crp', 'hb'], followUp: '4w' as const };
    const bundle = signingBundle({ form, persona: gp, appointment, encounter, changes: [], now, newId });
    expect(bundle.type).toBe('transaction');
    const byType = (type: string) => (bundle.entry ?? []).filter((e) => e.resource?.resourceType === type);
    const condition = byType('Condition')[0]?.resource as Condition;
    expect(condition.code?.coding?.[0]).toMatchObject({ system: CODE_SYSTEM.icpc2, code: 'R74' });
    expect(condition.category?.[0]?.coding?.[0]?.code).toBe('encounter-diagnosis');
    const note = byType('Composition')[0]?.resource as Composition;
    expect(note).toMatchObject({ status: 'final', title: 'Hoste og feber', encounter: { reference: 'Encounter/enc-1' }, subject: { reference: 'Patient/pat-1' } });
    expect(note.attester?.[0]?.party?.reference).toBe('PractitionerRole/role-4601-gp-1-01');
    const orders = byType('ServiceRequest').map((e) => e.resource as ServiceRequest);
    expect(orders.map((o) => o.code?.coding?.[0]?.code)).toEqual(['NPU19748', 'NPU28309']);
    expect(new Set(orders.map((o) => o.requisition?.value)).size).toBe(1);
    expect(orders[0]?.reasonReference?.[0]?.reference).toBe(byType('Condition')[0]?.fullUrl);
    expect((byType('Appointment')[0]?.resource as Appointment).status).toBe('proposed');
    const encounterEntry = byType('Encounter')[0];
    expect(encounterEntry?.request).toMatchObject({ method: 'PUT', url: 'Encounter/enc-1', ifMatch: 'W/"4"' });
    expect((encounterEntry?.resource as Encounter).status).toBe('finished');
    expect((encounterEntry?.resource as Encounter).diagnosis?.[0]?.condition?.reference).toBe(byType('Condition')[0]?.fullUrl);
    const appointmentEntry = byType('Appointment')[1];
    expect(appointmentEntry?.request).toMatchObject({ method: 'PUT', url: 'Appointment/appt-1', ifMatch: 'W/"2"' });
    expect((appointmentEntry?.resource as Appointment).status).toBe('fulfilled');
  });

  it('writes no lab order or follow-up when none is chosen, and refuses a form that is not ready', () => {
    const bundle = signingBundle({ form: filledForm(), persona: gp, appointment, encounter, changes: [], now, newId });
    expect((bundle.entry ?? []).map((e) => e.resource?.resourceType)).toEqual(['Condition', 'Composition', 'Encounter', 'Appointment']);
    expect(() => signingBundle({ form: emptyConsultation(appointment), persona: gp, appointment, encounter, changes: [], now, newId })).toThrow();
  });
});
