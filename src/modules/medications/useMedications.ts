import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { MedicationStatement, Reference } from 'fhir/r4';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { entries } from '../../fhir/client';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { useFhirSearch } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import { useSession } from '../../session/store';
import { compareEvents, medicationHistory, type MedEvent } from './model';
import { medicationSearches } from './searches';

/**
 * The patient's statements: the current list, plus stopped and completed ones when `withEnded`.
 * `isPending`: a search has not answered yet (nor failed). `loaded`: there is an answer to show —
 * the current list has arrived, and the ended ones, when asked for, have arrived or failed. What
 * has arrived is kept when a refresh fails (`error` is then set alongside it).
 */
export function useMedicationStatements(patientId: string | undefined, withEnded: boolean) {
  const current = useFhirSearch('MedicationStatement', patientId ? medicationSearches.current(patientId) : undefined);
  const ended = useFhirSearch('MedicationStatement', patientId && withEnded ? medicationSearches.ended(patientId) : undefined);
  const statements = useMemo(() => {
    const byId = new Map<string, MedicationStatement>();
    for (const ms of [...(current.data?.resources ?? []), ...(withEnded ? (ended.data?.resources ?? []) : [])]) if (ms.id) byId.set(ms.id, ms);
    return [...byId.values()];
  }, [current.data, ended.data, withEnded]);
  return {
    statements,
    isPending: current.isPending || (withEnded && ended.isPending),
    loaded: current.data !== undefined && !(withEnded && ended.isPending),
    error: current.error ?? (withEnded ? ended.error : null),
    refetch: () => {
      void current.refetch();
      if (withEnded) void ended.refetch();
    },
  };
}

/**
 * Every change of the given statements, newest first. A statement still at version 1 has no
 * earlier versions, so its own content is its history; the others' `_history` is fetched (the
 * same query, and cache entry, as useFhirHistory). A changed statement whose history has never
 * arrived (its first load failed) is left out rather than shown as if its current version were its
 * start; `error` says the log is incomplete. Histories that arrived stay when a refresh fails.
 */
export function useMedicationEvents(statements: readonly MedicationStatement[], enabled: boolean) {
  const client = useFhirClient();
  const changed = enabled ? statements.filter((ms) => ms.id && Number(ms.meta?.versionId ?? '1') > 1) : [];
  const histories = useQueries({
    queries: changed.map((ms) => ({
      queryKey: fhirKeys.history('MedicationStatement', ms.id ?? ''),
      queryFn: async () => entries<MedicationStatement>(await client.history('MedicationStatement', ms.id ?? '')),
    })),
  });
  const data = histories.map((h) => h.data);
  const key = JSON.stringify(data.map((d) => d?.map((v) => `${v.id}/${v.meta?.versionId}`)));
  const events = useMemo<MedEvent[]>(() => {
    if (!enabled) return [];
    const out: MedEvent[] = [];
    const byId = new Map<string, MedicationStatement[]>();
    changed.forEach((ms, i) => {
      const versions = data[i];
      if (ms.id && versions) byId.set(ms.id, versions);
    });
    const unknown = new Set(changed.flatMap((ms) => (ms.id && !byId.has(ms.id) ? [ms.id] : [])));
    for (const ms of statements) if (!unknown.has(ms.id ?? '')) out.push(...medicationHistory(byId.get(ms.id ?? '') ?? [ms]));
    return out.sort(compareEvents);
    // `key` stands for `data` (a new array every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [statements, enabled, key]);
  return {
    events,
    isPending: histories.some((h) => h.isPending),
    error: (histories.find((h) => h.error)?.error ?? null) as FhirError | null,
    refetch: () => histories.forEach((h) => void h.refetch()),
  };
}

/** The signed-in prescriber as the author of a statement (PractitionerRole, display = name). */
export function useAuthor(): Reference | undefined {
  const persona = useSession((s) => s.persona);
  return useMemo(() => (persona ? { reference: `PractitionerRole/${persona.practitionerRoleId}`, display: persona.name } : undefined), [persona]);
}

/** A `t` in the journal's language (bokmål): the dosage text is saved in it whatever the screen shows. */
export function useJournalT(): TFunction {
  const { i18n } = useTranslation();
  return useMemo(() => i18n.getFixedT('nb'), [i18n]);
}

/** Reads the stored version now (not from the cache): what a 412 compares with. */
export function useReadCurrent() {
  const client = useFhirClient();
  return (id: string) => client.read('MedicationStatement', id);
}

/** Refreshes every medication query (after choosing the stored version in a conflict). */
export function useRefreshMedications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: fhirKeys.type('MedicationStatement') });
}
