/**
 * The scenario clock for usability sessions (issue #9): a tester sets the data's "now" (POST
 * /mock/clock {"now": "2026-03-02T08:00:00+01:00"}), and the journal is rebuilt for that moment:
 * today's visits, triage timers and due vaccines are then right whatever day the session is held.
 * {"now": null} goes back to the scenario's own clock (its fixed `now`, or the current minute).
 * The clock runs on in real time from the moment it was set.
 */

export const EARLIEST_CLOCK = Date.UTC(2000, 0, 1);
export const LATEST_CLOCK = Date.UTC(2100, 0, 1);

/** Reads a clock setting: an ISO date-time (with or without zone), or null for the scenario's own. */
export function parseClock(value: unknown): { now: string | null } | { error: string } {
  if (value === null) return { now: null };
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) {
    return { error: 'Say when: {"now": "2026-03-02T08:00:00+01:00"} (an ISO date-time), or {"now": null} for the scenario\'s own clock.' };
  }
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return { error: `'${value}' is not a date-time.` };
  if (ms < EARLIEST_CLOCK || ms >= LATEST_CLOCK) return { error: 'The clock must be set between the years 2000 and 2099.' };
  // Whole minutes, like a scenario's live clock.
  return { now: new Date(Math.floor(ms / 60_000) * 60_000).toISOString() };
}
