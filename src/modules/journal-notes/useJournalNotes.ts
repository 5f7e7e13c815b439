import { useMemo } from 'react';
import type { Composition } from 'fhir/r4';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { entries } from '../../fhir/client';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { narrativeText } from '../../fhir/narrative';
import { searchQuery } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import { threadNotes, toNoteView } from './model';
import { useProvenance } from '../../journal/useProvenance';
import { journalSearch } from './searches';

/** At most this many pages are followed (200 × 50 = 10,000 notes), so a server bug cannot loop forever. */
const MAX_PAGES = 50;

/** Query key of "every note of the patient": under ['fhir', 'Composition'], so every Composition write refreshes it. */
export function journalNotesKey(patientId: string) {
  return [...fhirKeys.type('Composition'), 'journal-notes', patientId] as const;
}

/** Every Composition of the patient, following `next` links; the first page shares the manifest's prefetch. */
export function useAllCompositions(patientId: string | undefined) {
  const client = useFhirClient();
  const queryClient = useQueryClient();
  return useQuery<Composition[], FhirError>({
    queryKey: journalNotesKey(patientId ?? ''),
    enabled: Boolean(patientId),
    queryFn: async () => {
      const first = await queryClient.fetchQuery(searchQuery(client, 'Composition', journalSearch(patientId!)));
      const all = [...first.resources];
      let bundle = first.bundle;
      for (let page = 1; page < MAX_PAGES; page++) {
        const next = client.nextPage(bundle);
        if (!next) break;
        bundle = await next;
        all.push(...entries(bundle, 'Composition'));
      }
      return all;
    },
  });
}

/**
 * Plain text of a section, cached by its XHTML: the list re-reads every note after each write,
 * and parsing a few thousand sections each time is wasted work (many texts repeat, too).
 */
const textCache = new Map<string, string>();
const TEXT_CACHE_MAX = 20_000;
function cachedNarrativeText(div: string | undefined): string {
  if (!div) return '';
  let text = textCache.get(div);
  if (text === undefined) {
    if (textCache.size >= TEXT_CACHE_MAX) textCache.clear();
    text = narrativeText(div);
    textCache.set(div, text);
  }
  return text;
}

/**
 * The patient's notes as the list shows them: threads of corrections, the user's own drafts,
 * and who wrote each note and where. Authors' personnel groups come from their PractitionerRoles
 * and units' service and municipality from the custodian Organizations, fetched in one search
 * each (`_id=a,b,c`), because the Composition itself carries only references with a display.
 */
export function useJournalNotes(patientId: string | undefined, ownRoleId: string | undefined) {
  const compositions = useAllCompositions(patientId);
  const list = compositions.data;
  const authorsAndUnits = useMemo(() => (list ?? []).flatMap((c) => [c.author?.[0], c.custodian]), [list]);
  const provenance = useProvenance(authorsAndUnits);
  const { roles: roleMap, orgs: orgMap } = provenance.lookup;
  const views = useMemo(() => (list ?? []).map((c) => toNoteView(c, roleMap, orgMap, cachedNarrativeText)), [list, roleMap, orgMap]);
  const threaded = useMemo(() => threadNotes(views, ownRoleId), [views, ownRoleId]);

  return {
    ...threaded,
    total: views.length,
    isPending: compositions.isPending,
    error: compositions.error,
    /** Who/where could not be looked up: the list still shows names and units from the references. */
    lookupError: provenance.error,
    refetch: () => void compositions.refetch(),
  };
}
