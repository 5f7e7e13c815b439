import { useMemo } from 'react';
import type { Composition } from 'fhir/r4';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { entries } from '../../fhir/client';
import { useFhirClient } from '../../fhir/context';
import type { FhirError } from '../../fhir/errors';
import { referenceId } from '../../fhir/format';
import { narrativeText } from '../../fhir/narrative';
import { searchQuery, useFhirSearch } from '../../fhir/hooks';
import { fhirKeys } from '../../fhir/queryKeys';
import { orgInfo, roleInfo, threadNotes, toNoteView, type OrgInfo, type RoleInfo } from './model';
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

function idsOf(compositions: readonly Composition[], pick: (c: Composition) => string | undefined): string[] {
  const ids = new Set<string>();
  for (const c of compositions) {
    const id = pick(c);
    if (id) ids.add(id);
  }
  return [...ids].sort();
}

const LOOKUP_STALE = 10 * 60_000;

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
  const roleIds = useMemo(() => idsOf(list ?? [], (c) => referenceId(c.author?.[0], 'PractitionerRole')), [list]);
  const orgIds = useMemo(() => idsOf(list ?? [], (c) => referenceId(c.custodian, 'Organization')), [list]);
  const roles = useFhirSearch('PractitionerRole', roleIds.length ? { _id: roleIds.join(','), _count: 1000 } : undefined, { staleTime: LOOKUP_STALE, keepPrevious: true });
  const orgs = useFhirSearch('Organization', orgIds.length ? { _id: orgIds.join(','), _count: 1000 } : undefined, { staleTime: LOOKUP_STALE, keepPrevious: true });

  const roleMap = useMemo(() => new Map<string, RoleInfo>((roles.data?.resources ?? []).map((r) => [r.id ?? '', roleInfo(r)])), [roles.data]);
  const orgMap = useMemo(() => new Map<string, OrgInfo>((orgs.data?.resources ?? []).map((o) => [o.id ?? '', orgInfo(o)])), [orgs.data]);
  const views = useMemo(() => (list ?? []).map((c) => toNoteView(c, roleMap, orgMap, cachedNarrativeText)), [list, roleMap, orgMap]);
  const threaded = useMemo(() => threadNotes(views, ownRoleId), [views, ownRoleId]);

  return {
    ...threaded,
    total: views.length,
    isPending: compositions.isPending,
    error: compositions.error,
    /** Who/where could not be looked up: the list still shows names and units from the references. */
    lookupError: roles.error ?? orgs.error,
    refetch: () => void compositions.refetch(),
  };
}
