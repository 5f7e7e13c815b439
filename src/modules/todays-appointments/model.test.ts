import { describe, expect, it } from 'vitest';
import type { Appointment, Bundle, Composition, DocumentReference, Encounter } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { appointmentsInConsultation, dayCounts, dayRows, markedArrived, newFromOthersByPatient, unseenCountByPatient } from './model';

const appt = (id: string, status: Appointment['status'], patient = 'p1'): Appointment => ({
  resourceType: 'Appointment',
  id,
  status,
  start: '2026-11-26T09:00:00+01:00',
  participant: [
    { actor: { reference: `Patient/${patient}`, display: `Pasient ${patient}` }, status: 'needs-action' },
    { actor: { reference: 'PractitionerRole/r1', display: 'Tone Hanssen' }, status: 'accepted' },
  ],
});

describe('the day list', () => {
  it('counts each patient’s unseen reports, not the included analyses', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: { resourceType: 'DiagnosticReport', id: 'r1', status: 'final', code: {}, subject: { reference: 'Patient/p1' } }, search: { mode: 'match' } },
        { resource: { resourceType: 'DiagnosticReport', id: 'r2', status: 'final', code: {}, subject: { reference: 'Patient/p1' } }, search: { mode: 'match' } },
        { resource: { resourceType: 'DiagnosticReport', id: 'r3', status: 'final', code: {}, subject: { reference: 'Patient/p2' } }, search: { mode: 'match' } },
        { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: {} }, search: { mode: 'include' } },
      ],
    };
    const counts = unseenCountByPatient(bundle);
    expect(Object.fromEntries(counts)).toEqual({ p1: 2, p2: 1 });
    const rows = dayRows([appt('a1', 'booked', 'p1'), appt('a2', 'booked', 'p3')], counts);
    expect(rows.map((r) => [r.patientName, r.practitionerName, r.unseenResults])).toEqual([
      ['Pasient p1', 'Tone Hanssen', 2],
      ['Pasient p3', 'Tone Hanssen', 0],
    ]);
  });

  it('counts the day without cancelled appointments', () => {
    expect(dayCounts([appt('a', 'booked'), appt('b', 'arrived'), appt('c', 'fulfilled'), appt('d', 'cancelled'), appt('e', 'fulfilled')])).toEqual({ total: 4, arrived: 1, done: 2 });
  });

  it('marks the appointment and the patient’s participation arrived, and nothing else', () => {
    const before = appt('a', 'booked');
    const after = markedArrived(before);
    expect(after.status).toBe('arrived');
    expect(after.participant[0]!.status).toBe('accepted');
    expect(after.participant[1]).toEqual(before.participant[1]);
    expect(before.status).toBe('booked');
  });
});

describe('what the GP has not seen yet besides results', () => {
  const note = (patient: string, service: string, status: Composition['status'] = 'final'): Composition => ({
    resourceType: 'Composition',
    status,
    type: { text: 'Notat' },
    date: '2026-11-20',
    author: [{ display: 'x' }],
    title: 'x',
    subject: { reference: `Patient/${patient}` },
    category: [{ coding: [{ system: CODE_SYSTEM.service, code: service }] }],
  });
  const doc = (patient: string, author: string): DocumentReference => ({ resourceType: 'DocumentReference', status: 'current', content: [], subject: { reference: `Patient/${patient}` }, author: [{ reference: author }] });

  it('counts signed notes from other services and documents written by others, per patient', () => {
    const counts = newFromOthersByPatient(
      [note('p1', 'home-care'), note('p1', 'emergency'), note('p1', 'gp'), note('p1', 'home-care', 'preliminary'), note('p2', 'gp')],
      [doc('p1', 'Organization/org-hus'), doc('p2', 'PractitionerRole/r1')],
      'r1',
    );
    expect(counts.get('p1')).toEqual({ notes: 2, documents: 1 });
    expect(counts.get('p2')).toBeUndefined();
    const [row] = dayRows([appt('a1', 'booked')], new Map(), new Set(), counts);
    expect(row).toMatchObject({ newNotes: 2, newDocuments: 1, inConsultation: false });
  });

  it('reads "in consultation" from the appointment’s open encounter', () => {
    const enc = (status: Encounter['status'], appointment: string): Encounter => ({ resourceType: 'Encounter', status, class: {}, appointment: [{ reference: `Appointment/${appointment}` }] });
    const bundle: Bundle = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: enc('in-progress', 'a1'), search: { mode: 'include' } }, { resource: enc('finished', 'a2'), search: { mode: 'include' } }] };
    const open = appointmentsInConsultation(bundle);
    expect([...open]).toEqual(['a1']);
    const rows = dayRows([appt('a1', 'arrived'), appt('a2', 'fulfilled')], new Map(), open);
    expect(rows.map((r) => r.inConsultation)).toEqual([true, false]);
  });
});
