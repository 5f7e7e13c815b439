// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CONSULTATIONS,
  IMMUNISATION_PROGRAMME,
  VACCINES,
  ageInDays,
  assignContacts,
  currentConsultation,
  dosesOf,
  dueStatus,
  immunisationsAt,
  programmeAt,
} from './childProgramme';

describe('the programme tables (DOMAIN.md)', () => {
  it('has the 14 consultations in age order, with a doctor at 6 weeks, 6 and 12 months and 2 years', () => {
    expect(CONSULTATIONS.map((c) => c.key)).toEqual(['7-10d', '4w', '6w', '3m', '4m', '5m', '6m', '8m', '10m', '12m', '15m', '17-18m', '2y', '4y']);
    expect(CONSULTATIONS.filter((c) => c.doctor).map((c) => c.key)).toEqual(['6w', '6m', '12m', '2y']);
    for (let i = 1; i < CONSULTATIONS.length; i++) {
      const prev = CONSULTATIONS[i - 1]!;
      const c = CONSULTATIONS[i]!;
      expect(c.dueFromDays).toBeGreaterThan(prev.overdueAfterDays);
      expect(c.overdueAfterDays).toBeGreaterThan(c.dueFromDays);
      expect(c.headings[0]).toBe('parents');
      expect(c.headings.at(-1)).toBe('plan');
    }
  });

  it('has the immunisation programme per vaccine and dose, with the vaccine consultations', () => {
    expect(dosesOf('6w').map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['rota 1']);
    expect(dosesOf('3m').map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['hexa 1', 'pcv 1', 'rota 2']);
    expect(dosesOf('5m').map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['hexa 2', 'pcv 2']);
    expect(dosesOf('12m').map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['hexa 3', 'pcv 3']);
    expect(dosesOf('15m').map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['mmr 1']);
    expect(IMMUNISATION_PROGRAMME.filter((d) => d.school).map((d) => `${d.vaccine} ${d.dose}`)).toEqual(['dtap-ipv 1', 'mmr 2', 'hpv 1', 'hpv 2', 'dtap-ipv 2']);
    const hpv = IMMUNISATION_PROGRAMME.filter((d) => d.vaccine === 'hpv');
    expect(hpv[1]!.dueFromDays - hpv[0]!.dueFromDays).toBeGreaterThanOrEqual(182); // ≥ 6 months apart
    expect(VACCINES.hexa.atc).toBe('J07CA09');
    expect(VACCINES.rota.defaultSite).toBeUndefined();
  });
});

describe('ageInDays', () => {
  it('counts calendar days from the date of birth, across a leap day', () => {
    expect(ageInDays('2025-11-26', '2025-11-26')).toBe(0);
    expect(ageInDays('2025-11-26', '2026-11-26')).toBe(365);
    expect(ageInDays('2024-02-28', '2025-02-28')).toBe(366);
    expect(ageInDays('2026-03-28', '2026-03-30')).toBe(2); // daylight saving does not shift the count
  });
});

describe('dueStatus at each boundary', () => {
  it('is upcoming the day before, due on the first and last day of the window, overdue the day after', () => {
    for (const c of [...CONSULTATIONS, ...IMMUNISATION_PROGRAMME]) {
      expect(dueStatus(c, c.dueFromDays - 1, false)).toBe('upcoming');
      expect(dueStatus(c, c.dueFromDays, false)).toBe('due');
      expect(dueStatus(c, c.overdueAfterDays, false)).toBe('due');
      expect(dueStatus(c, c.overdueAfterDays + 1, false)).toBe('overdue');
      expect(dueStatus(c, c.overdueAfterDays + 1, true)).toBe('done');
      expect(dueStatus(c, 0, true)).toBe('done');
    }
  });

  it('the 12-month consultation and its vaccines: due from day 365 to 393', () => {
    const twelve = CONSULTATIONS.find((c) => c.key === '12m')!;
    expect([364, 365, 393, 394].map((d) => dueStatus(twelve, d, false))).toEqual(['upcoming', 'due', 'due', 'overdue']);
    for (const d of dosesOf('12m')) expect([364, 365, 393, 394].map((a) => dueStatus(d, a, false))).toEqual(['upcoming', 'due', 'due', 'overdue']);
  });
});

describe('programmeAt', () => {
  const at = (key: string) => CONSULTATIONS.find((c) => c.key === key)!;

  it('assigns uncoded contacts to the consultation nearest before them (from a week early)', () => {
    const done = assignContacts([
      { ageDays: 9, date: 'a' },
      { ageDays: 44, date: 'b' },
      { ageDays: 86, date: 'c' }, // 3 months, five days early
      { ageDays: 2, date: 'd' }, // too early for any consultation
    ]);
    expect([...done.keys()]).toEqual(['7-10d', '6w', '3m']);
    expect(done.get('3m')?.date).toBe('c');
  });

  it('uses the coded consultation of a contact the app wrote', () => {
    const done = assignContacts([{ ageDays: 370, date: 'x', consultation: '12m' }, { ageDays: 372, date: 'y' }]);
    expect(done.get('12m')?.date).toBe('x');
    expect(done.get('10m')?.date).toBe('y'); // the nearest before 372 not taken
  });

  it('lays out a 12-month-old: done before, 12 months due, later upcoming; a skipped one missed', () => {
    const contacts = ['7-10d', '6w', '3m', '5m', '6m', '10m'].map((k) => ({ ageDays: at(k).dueFromDays + 1, date: k }));
    const states = programmeAt(365, contacts);
    const byKey = Object.fromEntries(states.map((s) => [s.consultation.key, s.status]));
    expect(byKey).toMatchObject({ '7-10d': 'done', '4w': 'missed', '6w': 'done', '8m': 'missed', '10m': 'done', '12m': 'due', '15m': 'upcoming', '4y': 'upcoming' });
    expect(currentConsultation(states)?.consultation.key).toBe('12m');
  });

  it('is overdue (not missed) past its window while the next one is not yet due', () => {
    // 10 months: window ends on day 318; 12 months starts on day 365.
    expect(programmeAt(319, []).find((s) => s.consultation.key === '10m')?.status).toBe('overdue');
    expect(programmeAt(364, []).find((s) => s.consultation.key === '10m')?.status).toBe('overdue');
    expect(programmeAt(365, []).find((s) => s.consultation.key === '10m')?.status).toBe('missed');
  });
});

describe('immunisationsAt', () => {
  it('counts doses by number, and numberless doses in date order', () => {
    const states = immunisationsAt(365, [
      { atc: 'J07BH01', doseNumber: 1, date: '2025-01-10' },
      { atc: 'J07BH01', date: '2025-02-20' }, // rota without a number → dose 2
      { atc: 'J07CA09', doseNumber: 1, date: '2025-02-20' },
      { atc: 'J07AL02', doseNumber: 1, date: '2025-02-20' },
      { atc: 'J07CA09', doseNumber: 2, date: '2025-04-20' },
    ]);
    const s = (v: string, d: number) => states.find((x) => x.dose.vaccine === v && x.dose.dose === d)!;
    expect(s('rota', 2).status).toBe('done');
    expect(s('rota', 2).given?.date).toBe('2025-02-20');
    expect(s('pcv', 2).status).toBe('overdue'); // due 152–180, the child is 365 days
    expect(s('hexa', 3).status).toBe('due');
    expect(s('pcv', 3).status).toBe('due');
    expect(s('mmr', 1).status).toBe('upcoming');
    expect(s('hpv', 2).status).toBe('upcoming');
  });

  it('ignores vaccines outside the programme', () => {
    const states = immunisationsAt(30, [{ atc: 'J07BB02', doseNumber: 1, date: '2025-01-01' }]);
    expect(states.every((s) => s.status !== 'done')).toBe(true);
  });
});
