// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addPhrase,
  checkOutProblems,
  deviationsOf,
  deviationTextNb,
  dueInSlot,
  IPLOS_VARIABLES,
  nextStop,
  orderRoute,
  parseWeeklyHours,
  reasonMissing,
  slotOfHour,
  validAssessmentDate,
  validateIplos,
  type IplosVariable,
} from './homeCare';

describe('the route', () => {
  const stop = (id: string, hh: number, mm: number, patientName: string, state: 'planned' | 'in-progress' | 'finished' | 'cancelled' = 'planned') => ({
    id,
    startMs: Date.UTC(2026, 10, 26, hh, mm),
    patientName,
    state,
  });

  it('is ordered by planned start, then patient name (Norwegian order), then id', () => {
    const ordered = orderRoute([stop('c', 9, 0, 'Åse'), stop('b', 8, 0, 'Øyvind'), stop('a', 9, 0, 'Ærle'), stop('d', 9, 0, 'Åse')]);
    expect(ordered.map((s) => s.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('goes next to the first visit not finished or cancelled', () => {
    const stops = [stop('a', 8, 0, 'A', 'finished'), stop('b', 8, 30, 'B', 'cancelled'), stop('c', 9, 0, 'C', 'in-progress'), stop('d', 9, 30, 'D')];
    expect(nextStop(stops)?.id).toBe('c');
    expect(nextStop([stop('a', 8, 0, 'A', 'finished')])).toBeUndefined();
  });

  it('puts a visit in the morning before 11, midday until 15, evening after', () => {
    expect([7, 10, 11, 14, 15, 21].map(slotOfHour)).toEqual(['MORN', 'MORN', 'NOON', 'NOON', 'EVE', 'EVE']);
  });

  it('finds the doses due in a slot by the dosage’s times of day', () => {
    expect(dueInSlot(['MORN', 'EVE'], 'MORN')).toBe(true);
    expect(dueInSlot(['MORN', 'EVE'], 'NOON')).toBe(false);
    expect(dueInSlot(['HS'], 'EVE')).toBe(true);
    expect(dueInSlot([], 'MORN')).toBe(false);
  });
});

describe('a visit’s record', () => {
  it('needs a reason for a task not done and for a dose not given or refused, not for one given', () => {
    expect(reasonMissing({ done: true })).toBe(false);
    expect(reasonMissing({ done: false, reason: '  ' })).toBe(true);
    expect(reasonMissing({ done: false, reason: 'Sov' })).toBe(false);
    expect(reasonMissing({ status: 'given' })).toBe(false);
    expect(reasonMissing({ status: 'refused' })).toBe(true);
    expect(reasonMissing({ status: 'not-given', reason: 'Tom for tabletter' })).toBe(false);
    expect(reasonMissing(undefined)).toBe(false);
  });

  it('has deviations for tasks not done, doses not given or refused, and NEWS2 at 5 or above, NEWS2 first', () => {
    const deviations = deviationsOf({
      tasks: { 'personal-hygiene': { done: true }, 'wound-care': { done: false, reason: 'Pasienten sov' } },
      doses: { a: { status: 'given' }, b: { status: 'refused', reason: 'Kvalm' }, c: { status: 'not-given', reason: 'Ikke levert fra apoteket' } },
      doseNames: { a: 'Ramipril', b: 'Metformin', c: 'Furosemid' },
      news2Total: 5,
    });
    expect(deviations).toEqual([
      { kind: 'news2', total: 5 },
      { kind: 'dose-not-given', medication: 'Metformin', status: 'refused', reason: 'Kvalm' },
      { kind: 'dose-not-given', medication: 'Furosemid', status: 'not-given', reason: 'Ikke levert fra apoteket' },
      { kind: 'task-not-done', task: 'wound-care', reason: 'Pasienten sov' },
    ]);
    expect(deviations.map(deviationTextNb)).toEqual([
      'NEWS2 5 (middels)',
      'Metformin: ikke tatt, pasienten ville ikke – Kvalm',
      'Furosemid: ikke gitt – Ikke levert fra apoteket',
      'Sårstell: ikke utført – Pasienten sov',
    ]);
  });

  it('has no deviation at NEWS2 4 or without vital signs', () => {
    expect(deviationsOf({ tasks: {}, doses: {}, doseNames: {}, news2Total: 4 })).toEqual([]);
    expect(deviationsOf({ tasks: {}, doses: {}, doseNames: {}, news2Total: undefined })).toEqual([]);
    expect(deviationTextNb({ kind: 'news2', total: 7 })).toBe('NEWS2 7 (høy)');
  });

  it('can be checked out only when checked in, every task and dose decided with its reasons, and a report written', () => {
    const base = { checkedIn: true, plannedTasks: ['medication', 'meals'] as const, doseKeys: ['a', 'b'], report: 'Rolig.' };
    expect(checkOutProblems({ ...base, plannedTasks: [...base.plannedTasks], record: { tasks: { medication: { done: true }, meals: { done: true } }, doses: { a: { status: 'given' }, b: { status: 'refused', reason: 'Kvalm' } } } })).toEqual([]);
    expect(
      checkOutProblems({ checkedIn: false, plannedTasks: ['medication', 'meals'], doseKeys: ['a', 'b'], report: ' ', record: { tasks: { meals: { done: false, reason: '' } }, doses: { b: { status: 'not-given' } } } }),
    ).toEqual([
      { kind: 'not-checked-in' },
      { kind: 'task-undecided', task: 'medication' },
      { kind: 'task-reason', task: 'meals' },
      { kind: 'dose-unsigned', key: 'a' },
      { kind: 'dose-reason', key: 'b' },
      { kind: 'report-empty' },
    ]);
  });

  it('adds a quick phrase on a line of its own, not twice in a row', () => {
    expect(addPhrase('', 'Rolig.')).toBe('Rolig.');
    expect(addPhrase('Spiste.  ', 'Rolig.')).toBe('Spiste.\nRolig.');
    expect(addPhrase('Spiste.\nRolig.', 'Rolig.')).toBe('Spiste.\nRolig.');
  });
});

describe('IPLOS and service decisions', () => {
  const all = (score: number) => Object.fromEntries(IPLOS_VARIABLES.map((v) => [v, score])) as Record<IplosVariable, number>;

  it('has twenty variables', () => {
    expect(IPLOS_VARIABLES).toHaveLength(20);
    expect(new Set(IPLOS_VARIABLES).size).toBe(20);
  });

  it('accepts scores 1–5 and 9 for every variable, and names what is missing or invalid', () => {
    expect(validateIplos(all(1))).toEqual({});
    expect(validateIplos(all(9))).toEqual({});
    expect(validateIplos({ ...all(3), memory: 6, vision: 0, hearing: undefined })).toEqual({ memory: 'invalid', vision: 'invalid', hearing: 'missing' });
    expect(validateIplos({ ...all(2), toilet: 2.5 })).toEqual({ toilet: 'invalid' });
  });

  it('takes an assessment date that is a real day, not in the future', () => {
    expect(validAssessmentDate('2026-11-26', '2026-11-26')).toBe(true);
    expect(validAssessmentDate('2026-11-27', '2026-11-26')).toBe(false);
    expect(validAssessmentDate('2026-02-30', '2026-11-26')).toBe(false);
    expect(validAssessmentDate('26.11.2026', '2026-11-26')).toBe(false);
  });

  it('reads weekly hours in quarter hours from 0.5 to 168, with a decimal comma', () => {
    expect(parseWeeklyHours('3,5')).toBe(3.5);
    expect(parseWeeklyHours(' 14 ')).toBe(14);
    expect(parseWeeklyHours('0.25')).toBeUndefined();
    expect(parseWeeklyHours('2,1')).toBeUndefined();
    expect(parseWeeklyHours('169')).toBeUndefined();
    expect(parseWeeklyHours('tre')).toBeUndefined();
  });
});
