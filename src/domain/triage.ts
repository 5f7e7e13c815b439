/**
 * Emergency primary care (legevakt) triage on arrival: five levels with Manchester Triage System
 * colours and target times to assessment (../shared/DOMAIN.md). Green 120 min and blue 240 min are
 * the standard MTS values; a municipality may configure others.
 * Pure: no imports from outside src/domain.
 */

export type TriageLevel = 1 | 2 | 3 | 4 | 5;
export type TriageColour = 'red' | 'orange' | 'yellow' | 'green' | 'blue';
export type WaitingState = 'ok' | 'warning' | 'alarm';

export interface TriageLevelInfo {
  level: TriageLevel;
  colour: TriageColour;
  /** Target time from arrival to assessment, in minutes. */
  targetMinutes: number;
}

export const TRIAGE_LEVELS: readonly TriageLevelInfo[] = [
  { level: 1, colour: 'red', targetMinutes: 0 }, // Rød – immediate
  { level: 2, colour: 'orange', targetMinutes: 10 }, // Oransje – very urgent
  { level: 3, colour: 'yellow', targetMinutes: 60 }, // Gul – urgent
  { level: 4, colour: 'green', targetMinutes: 120 }, // Grønn – standard
  { level: 5, colour: 'blue', targetMinutes: 240 }, // Blå – non-urgent
];

/** Fraction of the target time at which waiting turns into a warning. */
export const TRIAGE_WARNING_FRACTION = 0.75;

export function triageLevelInfo(level: TriageLevel): TriageLevelInfo {
  const info = TRIAGE_LEVELS.find((l) => l.level === level);
  if (!info) throw new RangeError(`Unknown triage level: ${String(level)}`);
  return info;
}

export function triageTargetMinutes(level: TriageLevel): number {
  return triageLevelInfo(level).targetMinutes;
}

/**
 * How a patient's wait compares with the target for their level:
 * - 'alarm' once the target is passed (waited > target);
 * - 'warning' from 75 % of the target up to and including the target;
 * - 'ok' before that.
 * Red (target 0) is 'warning' at exactly 0 minutes and 'alarm' as soon as any time has passed.
 * Negative waits (clock skew) count as 0.
 */
export function waitingState(level: TriageLevel, waitedMinutes: number): WaitingState {
  const target = triageTargetMinutes(level);
  const waited = Math.max(0, waitedMinutes);
  if (waited > target) return 'alarm';
  if (waited >= TRIAGE_WARNING_FRACTION * target) return 'warning';
  return 'ok';
}
