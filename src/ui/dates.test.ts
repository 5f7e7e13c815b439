// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, parseFhirDate } from './dates';

describe('parseFhirDate', () => {
  it('reads a dateTime with a zone as that instant', () => {
    expect(parseFhirDate('2026-11-26T08:15:00+01:00').toISOString()).toBe('2026-11-26T07:15:00.000Z');
    expect(parseFhirDate('2026-06-01T08:15:30.250Z').toISOString()).toBe('2026-06-01T08:15:30.250Z');
    expect(parseFhirDate('2026-06-01T10:15+02:00').toISOString()).toBe('2026-06-01T08:15:00.000Z');
  });

  it('reads a date without a time as local midnight, and partial dates as their start', () => {
    const d = parseFhirDate('2026-11-26');
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2026, 10, 26, 0, 0]);
    const m = parseFhirDate('2026-03');
    expect([m.getFullYear(), m.getMonth(), m.getDate()]).toEqual([2026, 2, 1]);
  });

  it('gives an invalid date for what is not a date', () => {
    expect(Number.isNaN(parseFhirDate('i går').getTime())).toBe(true);
    expect(Number.isNaN(parseFhirDate('2026-13-45T25:00:00Z').getTime())).toBe(true);
  });
});

describe('formatDate and formatDateTime', () => {
  it('write dates the Norwegian way, in local time', () => {
    expect(formatDate('2026-01-05')).toBe('05.01.2026');
    const local = new Date(2026, 0, 5, 7, 3);
    expect(formatDate(local.toISOString())).toBe('05.01.2026');
    expect(formatDateTime(local.toISOString())).toBe('05.01.2026 07:03');
  });

  it('leave what they cannot read as it is, and nothing as nothing', () => {
    expect(formatDate('ukjent')).toBe('ukjent');
    expect(formatDateTime('ukjent')).toBe('ukjent');
    expect(formatDate(undefined)).toBe('');
  });
});
