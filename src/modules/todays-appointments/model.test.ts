import { describe, expect, it } from 'vitest';
import type { Appointment, Bundle } from 'fhir/r4';
import { dayCounts, dayRows, markedArrived, unseenCountByPatient } from './model';

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
