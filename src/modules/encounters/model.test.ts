// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Appointment, Encounter } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { encounterKind, monthOf, pastEncounters, timelineRows, toAppointmentView, upcomingAppointments } from './model';

function enc(id: string, start: string, extra: Partial<Encounter> = {}): Encounter {
  return {
    resourceType: 'Encounter',
    id,
    status: 'finished',
    class: { code: 'AMB' },
    serviceType: { coding: [{ system: CODE_SYSTEM.service, code: 'gp' }] },
    period: { start, end: start.replace(/T(\d\d)/, (_m, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`) },
    ...extra,
  };
}

function appt(id: string, start: string | undefined, status: Appointment['status'] = 'booked', extra: Partial<Appointment> = {}): Appointment {
  return {
    resourceType: 'Appointment',
    id,
    status,
    ...(start ? { start, end: new Date(Date.parse(start) + 30 * 60_000).toISOString() } : {}),
    participant: [
      { actor: { reference: 'Patient/p1' }, status: 'accepted' },
      { actor: { reference: 'PractitionerRole/r1', display: 'Ola Lege' }, status: 'accepted' },
      { actor: { reference: 'Location/l1', display: 'Rom 2' }, status: 'accepted' },
    ],
    ...extra,
  };
}

describe('encounter kinds', () => {
  it('names the kind from the class and the service', () => {
    expect(encounterKind('AMB', 'gp')).toBe('consultation');
    expect(encounterKind('AMB', 'hospital')).toBe('outpatient');
    expect(encounterKind('HH', 'home-care')).toBe('home-visit');
    expect(encounterKind('EMER', 'emergency')).toBe('emergency');
    expect(encounterKind('VR', 'gp')).toBe('phone');
    expect(encounterKind('IMP', 'hospital')).toBe('hospital-stay');
    expect(encounterKind('IMP', 'nursing-home')).toBe('nursing-home-stay');
    expect(encounterKind('IMP', undefined)).toBe('stay');
    expect(encounterKind('XYZ', 'gp')).toBe('other');
  });
});

describe('the timeline', () => {
  it('reads an Encounter: reason, service, participants, unit and place', () => {
    const [v] = pastEncounters([
      enc('e1', '2026-03-02T10:00:00+01:00', {
        reasonCode: [{ text: 'Hoste' }],
        participant: [{ individual: { reference: 'PractitionerRole/a' } }, { individual: { reference: 'PractitionerRole/b' } }],
        serviceProvider: { reference: 'Organization/o', display: 'Legekontoret' },
        location: [{ location: { reference: 'Location/l', display: 'Rom 3' } }],
      }),
    ]);
    expect(v).toMatchObject({ id: 'e1', classCode: 'AMB', service: 'gp', reason: 'Hoste', serviceProvider: { display: 'Legekontoret' }, location: { display: 'Rom 3' } });
    expect(v?.participants.map((p) => p.reference)).toEqual(['PractitionerRole/a', 'PractitionerRole/b']);
  });

  it('puts the newest first, leaves out entries recorded in error, and heads each month with its count', () => {
    const views = pastEncounters([
      enc('a', '2026-01-05T10:00:00+01:00'),
      enc('b', '2026-03-02T10:00:00+01:00'),
      enc('x', '2026-03-03T10:00:00+01:00', { status: 'entered-in-error' }),
      enc('c', '2026-03-20T10:00:00+01:00'),
      enc('d', '2025-12-31T10:00:00+01:00'),
    ]);
    expect(views.map((v) => v.id)).toEqual(['c', 'b', 'a', 'd']);
    expect(timelineRows(views).map((r) => (r.kind === 'month' ? `${r.month}:${r.count}` : r.view.id))).toEqual(['2026-03:2', 'c', 'b', '2026-01:1', 'a', '2025-12:1', 'd']);
    expect(monthOf(undefined)).toBe('');
  });
});

describe('upcoming appointments', () => {
  const now = Date.parse('2026-11-26T09:00:00+01:00');

  it('keeps what is still to come, soonest first, with personnel and place', () => {
    const list = upcomingAppointments(
      [
        appt('later', '2026-12-10T10:00:00+01:00', 'booked', { serviceType: [{ coding: [{ system: CODE_SYSTEM.service, code: 'hospital' }] }], description: 'Poliklinisk kontroll' }),
        appt('soon', '2026-11-27T08:00:00+01:00'),
        appt('done', '2026-11-20T08:00:00+01:00', 'fulfilled'),
        appt('past', '2026-11-25T08:00:00+01:00'),
        appt('cancelled', '2026-12-01T08:00:00+01:00', 'cancelled'),
        appt('now', '2026-11-26T08:45:00+01:00', 'arrived'),
        appt('wait', undefined, 'waitlist'),
      ],
      now,
    );
    expect(list.map((a) => a.id)).toEqual(['now', 'soon', 'later', 'wait']);
    expect(list[2]).toMatchObject({ service: 'hospital', reason: 'Poliklinisk kontroll', location: { display: 'Rom 2' } });
    expect(list[2]?.personnel.map((p) => p.display)).toEqual(['Ola Lege']);
  });

  it('leaves declined participants out and finds a unit taking part', () => {
    const v = toAppointmentView(
      appt('a', '2026-12-10T10:00:00+01:00', 'booked', {
        participant: [
          { actor: { reference: 'Patient/p1' }, status: 'accepted' },
          { actor: { reference: 'PractitionerRole/r1' }, status: 'declined' },
          { actor: { reference: 'PractitionerRole/r2' }, status: 'accepted' },
          { actor: { reference: 'Organization/o1', display: 'Fysioterapi' }, status: 'accepted' },
        ],
        reasonCode: [{ text: 'Kneet' }],
      }),
    );
    expect(v.personnel.map((p) => p.reference)).toEqual(['PractitionerRole/r2']);
    expect(v.organization?.display).toBe('Fysioterapi');
    expect(v.reason).toBe('Kneet');
    expect(v.location).toBeUndefined();
  });
});
