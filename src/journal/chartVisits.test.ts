// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIRST_VISIT_WINDOW_MS, VISIT_GAP_MS, isNewEntry, newSinceOf, visitAfterOpening } from './chartVisits';

const T = Date.parse('2026-11-26T09:00:00+01:00');

describe('new since the last visit', () => {
  it('a first opening marks the last three days', () => {
    const visit = visitAfterOpening(undefined, T);
    expect(visit).toEqual({ current: T });
    expect(newSinceOf(visit, T)).toBe(T - FIRST_VISIT_WINDOW_MS);
  });

  it('opening again within the gap continues the visit; later starts a new one', () => {
    const first = { current: T - 3 * 24 * 3600_000, previous: T - 10 * 24 * 3600_000 };
    const again = visitAfterOpening(first, first.current + VISIT_GAP_MS - 1);
    expect(again).toBe(first);
    const next = visitAfterOpening(first, T);
    expect(next).toEqual({ current: T, previous: first.current });
    expect(newSinceOf(next, T)).toBe(first.current);
  });

  it('only entries by someone else after the threshold are new', () => {
    const rule = { since: T, ownRoleId: 'role-me' };
    const later = '2026-11-26T10:00:00+01:00';
    expect(isNewEntry(rule, later, { reference: 'PractitionerRole/role-other' })).toBe(true);
    expect(isNewEntry(rule, later, { reference: 'PractitionerRole/role-me' })).toBe(false);
    expect(isNewEntry(rule, '2026-11-26T08:59:00+01:00', { reference: 'PractitionerRole/role-other' })).toBe(false);
    expect(isNewEntry(rule, undefined, undefined)).toBe(false);
    expect(isNewEntry(rule, later, { reference: 'Organization/lab' })).toBe(true);
  });
});
