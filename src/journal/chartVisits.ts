import { useMemo, useState } from 'react';
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { Reference } from 'fhir/r4';
import { referenceId } from '../fhir/format';
import { useSession } from '../session/store';
import { parseFhirDate } from '../ui/dates';

/**
 * "New since you last looked": when each user last opened each patient's record, on this
 * device. An entry recorded by someone else after the user's previous opening is marked new.
 *
 * - Opening the record again within VISIT_GAP_MS (a reload, going back and forth between
 *   patients) continues the same visit, so the markers stay while the user works.
 * - A record the user has never opened here marks what others recorded in the last
 *   FIRST_VISIT_WINDOW_MS (three days: the time between a GP's two working days over a weekend).
 *
 * Kept in localStorage with ids and times only (no patient data), at most MAX_ENTRIES.
 */
export const VISIT_GAP_MS = 30 * 60_000;
export const FIRST_VISIT_WINDOW_MS = 3 * 24 * 3600_000;
const MAX_ENTRIES = 500;

interface Visit {
  /** Start of the current visit. */
  current: number;
  /** Start of the visit before it (undefined: first visit on this device). */
  previous?: number;
}

interface ChartVisitsState {
  visits: Record<string, Visit>;
  open: (key: string, now: number) => void;
}

export function visitAfterOpening(visit: Visit | undefined, now: number): Visit {
  if (!visit) return { current: now };
  if (now - visit.current < VISIT_GAP_MS) return visit;
  return { current: now, previous: visit.current };
}

export const useChartVisits = create<ChartVisitsState>()(
  persist(
    (set) => ({
      visits: {},
      open: (key, now) =>
        set((state) => {
          const next = visitAfterOpening(state.visits[key], now);
          if (next === state.visits[key]) return state;
          const entries = Object.entries({ ...state.visits, [key]: next });
          entries.sort((a, b) => b[1].current - a[1].current);
          return { visits: Object.fromEntries(entries.slice(0, MAX_ENTRIES)) };
        }),
    }),
    { name: 'akson.chart-visits', storage: createJSONStorage(() => localStorage) },
  ),
);

export function visitKey(personaId: string, patientId: string): string {
  return `${personaId}|${patientId}`;
}

/** The time after which entries by others count as new (ms). */
export function newSinceOf(visit: Visit | undefined, now: number): number {
  return visit?.previous ?? (visit?.current ?? now) - FIRST_VISIT_WINDOW_MS;
}

export interface NewEntryRule {
  since: number;
  ownRoleId: string | undefined;
}

/** True when someone other than the user recorded the entry after `since`. */
export function isNewEntry(rule: NewEntryRule, date: string | undefined, author: Reference | undefined): boolean {
  if (!date) return false;
  const time = parseFhirDate(date).getTime();
  if (Number.isNaN(time) || time <= rule.since) return false;
  const authorRole = referenceId(author, 'PractitionerRole');
  return !authorRole || authorRole !== rule.ownRoleId;
}

/** The chart page calls this once per patient it shows. */
export function useOpenChartVisit(): (patientId: string) => void {
  const personaId = useSession((s) => s.persona?.id);
  const open = useChartVisits((s) => s.open);
  return (patientId: string) => {
    if (personaId) open(visitKey(personaId, patientId), Date.now());
  };
}

/** What a module needs to mark entries new for the signed-in user and this patient. */
export function useNewEntryRule(patientId: string | undefined): NewEntryRule {
  const persona = useSession((s) => s.persona);
  const visit = useChartVisits((s) => (persona && patientId ? s.visits[visitKey(persona.id, patientId)] : undefined));
  const ownRoleId = persona?.practitionerRoleId;
  const [mountedAt] = useState(() => Date.now());
  const previous = visit?.previous;
  const current = visit?.current;
  return useMemo(() => ({ since: previous ?? (current ?? mountedAt) - FIRST_VISIT_WINDOW_MS, ownRoleId }), [previous, current, mountedAt, ownRoleId]);
}
