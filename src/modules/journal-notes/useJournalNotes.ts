import { useMemo } from 'react';
import { narrativeText } from '../../fhir/narrative';
import { useAllPages } from '../../fhir/hooks';
import { threadNotes, toNoteView } from './model';
import { useProvenance } from '../../journal/useProvenance';
import { journalSearch } from './searches';

/** Every Composition of the patient, following `next` links; the first page shares the manifest's prefetch. */
export function useAllCompositions(patientId: string | undefined) {
  return useAllPages('Composition', patientId ? journalSearch(patientId) : undefined);
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
    /**
     * The server has answered at least once: the notes are known (kept through a refresh that
     * fails, when `error` is set as well). Without it, an empty list says nothing.
     */
    hasData: list !== undefined,
    /** The last load or refresh failed; whatever was loaded before is still in the lists above. */
    error: compositions.error,
    /** Who/where could not be looked up: the list still shows names and units from the references. */
    lookupError: provenance.error,
    refetch: () => void compositions.refetch(),
  };
}
