// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { TRIAGE_LEVELS, triageTargetMinutes, waitingState, type TriageLevel } from './triage';

describe('TRIAGE_LEVELS', () => {
  it('matches the DOMAIN.md table', () => {
    expect(TRIAGE_LEVELS.map((l) => [l.level, l.colour, l.targetMinutes])).toEqual([
      [1, 'red', 0],
      [2, 'orange', 10],
      [3, 'yellow', 60],
      [4, 'green', 120],
      [5, 'blue', 240],
    ]);
  });

  it('triageTargetMinutes gives the target per level', () => {
    expect([1, 2, 3, 4, 5].map((l) => triageTargetMinutes(l as TriageLevel))).toEqual([0, 10, 60, 120, 240]);
  });
});

describe('waitingState', () => {
  it('red: warning at exactly 0 minutes, alarm as soon as any time has passed', () => {
    expect(waitingState(1, 0)).toBe('warning');
    expect(waitingState(1, 0.01)).toBe('alarm');
    expect(waitingState(1, 1)).toBe('alarm');
    expect(waitingState(1, -2)).toBe('warning'); // clock skew counts as 0
  });

  // [level, ok just before 75 %, warning at 75 %, warning at the target, alarm just after]
  it.each([
    [2, 7, 7.5, 10, 11],
    [3, 44, 45, 60, 61],
    [4, 89, 90, 120, 121],
    [5, 179, 180, 240, 241],
  ] as const)('level %s: ok at %s, warning from %s through %s, alarm at %s', (level, ok, warnFrom, target, alarm) => {
    expect(waitingState(level, 0)).toBe('ok');
    expect(waitingState(level, ok)).toBe('ok');
    expect(waitingState(level, warnFrom - 0.01)).toBe('ok');
    expect(waitingState(level, warnFrom)).toBe('warning');
    expect(waitingState(level, target)).toBe('warning');
    expect(waitingState(level, target + 0.01)).toBe('alarm');
    expect(waitingState(level, alarm)).toBe('alarm');
    expect(waitingState(level, 10_000)).toBe('alarm');
  });
});
