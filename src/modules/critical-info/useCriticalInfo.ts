import { useMemo } from 'react';
import type { Reference } from 'fhir/r4';
import type { SearchParams } from '../../fhir/client';
import { useFhirSearch } from '../../fhir/hooks';
import { patientSearches } from '../../fhir/patients';
import { entryOf, type CriticalEntry } from './model';

/** Searches for the refuted entries ("Vis avkreftede"); the active ones are the context bar's searches. */
export const criticalSearches = {
  refutedAllergies: (patientId: string): SearchParams => ({ patient: patientId, 'verification-status': 'refuted,entered-in-error', _count: 100 }),
  inactiveFlags: (patientId: string): SearchParams => ({ patient: patientId, status: 'inactive,entered-in-error', _count: 100 }),
};

/**
 * The patient's critical information as entries. The active entries come from the same two
 * searches as the patient context bar (one request, one cache entry, so a write refreshes both);
 * the refuted ones are fetched only while they are shown.
 */
export function useCriticalEntries(patientId: string | undefined, showRefuted: boolean) {
  const allergies = useFhirSearch('AllergyIntolerance', patientId ? patientSearches.allergies(patientId) : undefined);
  const flags = useFhirSearch('Flag', patientId ? patientSearches.criticalFlags(patientId) : undefined);
  const refutedAllergies = useFhirSearch('AllergyIntolerance', patientId && showRefuted ? criticalSearches.refutedAllergies(patientId) : undefined);
  const inactiveFlags = useFhirSearch('Flag', patientId && showRefuted ? criticalSearches.inactiveFlags(patientId) : undefined);

  const entries = useMemo(() => {
    const active = [...(allergies.data?.resources ?? []), ...(flags.data?.resources ?? [])].map(entryOf).filter((e) => !e.refuted);
    const refuted = showRefuted ? [...(refutedAllergies.data?.resources ?? []), ...(inactiveFlags.data?.resources ?? [])].map(entryOf).filter((e) => e.refuted) : [];
    const byKey = new Map<string, CriticalEntry>();
    for (const e of [...active, ...refuted]) byKey.set(e.key, e);
    return [...byKey.values()];
  }, [allergies.data, flags.data, refutedAllergies.data, inactiveFlags.data, showRefuted]);

  const refs = useMemo<(Reference | undefined)[]>(() => entries.flatMap((e) => [e.recorder, e.changedBy]), [entries]);

  return {
    entries,
    refs,
    isPending: allergies.isPending || flags.isPending,
    error: allergies.error ?? flags.error,
    refetch: () => {
      void allergies.refetch();
      void flags.refetch();
    },
    refutedPending: showRefuted && (refutedAllergies.isPending || inactiveFlags.isPending),
    refutedError: showRefuted ? (refutedAllergies.error ?? inactiveFlags.error) : null,
    refetchRefuted: () => {
      void refutedAllergies.refetch();
      void inactiveFlags.refetch();
    },
  };
}
