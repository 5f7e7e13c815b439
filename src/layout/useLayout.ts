import { useMemo } from 'react';
import { useFhirSearch } from '../fhir/hooks';
import type { Persona, PersonnelGroup } from '../session/personnel';
import { MODULE_REGISTRY } from '../modules/registry';
import { defaultLayout } from './defaults';
import { resolveLayout, type LayoutLevel, type LayoutNotice, type ResolvedItem } from './resolve';
import type { LayoutDocument } from './schema';
import { basicToLayout, LAYOUT_ID, layoutSearches, type StoredLayout } from './storage';
import type { DeviceClass, PageKind } from './types';

export interface LayoutTarget {
  municipality: string;
  group: PersonnelGroup;
  device: DeviceClass;
  page: PageKind;
  user?: string;
}

/** Every stored layout document of a municipality (and of one user), read once and cached. */
export function useLayoutSources(municipality: string | undefined, user: string | undefined) {
  const municipal = useFhirSearch('Basic', municipality ? layoutSearches.municipality(municipality) : undefined, { staleTime: 60_000 });
  const personal = useFhirSearch('Basic', user ? layoutSearches.user(user) : undefined, { staleTime: 60_000 });
  const municipalDocs = useMemo(() => (municipal.data?.resources ?? []).map(basicToLayout), [municipal.data]);
  const userDocs = useMemo(() => (personal.data?.resources ?? []).map(basicToLayout), [personal.data]);
  return {
    municipalDocs,
    userDocs,
    isPending: (Boolean(municipality) && municipal.isPending) || (Boolean(user) && personal.isPending),
    /** Every search asked for has answered at least once (what arrived stays, with `error` set, when a refresh fails). */
    hasData: (!municipality || municipal.data !== undefined) && (!user || personal.data !== undefined),
    error: municipal.error ?? personal.error,
  };
}

function keyParts(stored: StoredLayout): string[] {
  return (stored.basic.identifier?.find((i) => i.system === LAYOUT_ID.key)?.value ?? '').split('|');
}

function matches(doc: LayoutDocument, target: LayoutTarget, level: LayoutLevel): boolean {
  const s = doc.scope;
  if (s.device !== target.device || s.page !== target.page) return false;
  if (level === 'municipality') return s.municipality === target.municipality && !s.group && !s.user;
  if (level === 'group') return s.municipality === target.municipality && s.group === target.group && !s.user;
  return s.user === target.user && (!s.group || s.group === target.group);
}

export interface PickedDocuments {
  municipality: StoredLayout | undefined;
  group: StoredLayout | undefined;
  groupVariants: StoredLayout[];
  user: StoredLayout | undefined;
  invalid: { level: LayoutLevel; detail: string }[];
}

/** The documents that apply to one page: the municipality's, the group's active variant, the user's. */
export function pickDocuments(municipalDocs: StoredLayout[], userDocs: StoredLayout[], target: LayoutTarget): PickedDocuments {
  const invalid: PickedDocuments['invalid'] = [];
  const find = (docs: StoredLayout[], level: LayoutLevel) => docs.filter((d) => d.document && matches(d.document, target, level));
  for (const stored of [...municipalDocs, ...userDocs]) {
    if (stored.document || !('problems' in stored)) continue;
    const [municipality, group, device, page, user] = keyParts(stored);
    if (device !== target.device || page !== target.page) continue;
    if (user && user !== '*') {
      if (user === target.user) invalid.push({ level: 'user', detail: stored.problems.join('; ') });
    } else if (municipality === target.municipality && (group === '*' || group === target.group)) {
      invalid.push({ level: group === '*' ? 'municipality' : 'group', detail: stored.problems.join('; ') });
    }
  }
  const groupVariants = find(municipalDocs, 'group');
  const group = groupVariants.find((d) => d.document?.active) ?? groupVariants.find((d) => !d.document?.variant);
  return {
    municipality: find(municipalDocs, 'municipality')[0],
    group,
    groupVariants,
    user: target.user ? find(userDocs, 'user')[0] : undefined,
    invalid,
  };
}

export interface ResolvedLayout {
  items: ResolvedItem[];
  notices: LayoutNotice[];
  /** The group's layout before the user's own changes (what "reset" returns to). */
  groupItems: ResolvedItem[];
  picked: PickedDocuments;
  isPending: boolean;
  error: unknown;
}

export function resolveFor(target: LayoutTarget, picked: PickedDocuments) {
  const base = {
    registry: MODULE_REGISTRY,
    group: target.group,
    page: target.page,
    defaults: defaultLayout(target.group, target.device, target.page),
    municipality: picked.municipality?.document,
    groupLayout: picked.group?.document,
  };
  return {
    full: resolveLayout({ ...base, user: picked.user?.document, invalid: picked.invalid }),
    group: resolveLayout(base),
  };
}

/** The layout the signed-in user sees on one page: default → municipality → group → user. */
export function useResolvedLayout(persona: Persona | null, device: DeviceClass, page: PageKind): ResolvedLayout {
  const sources = useLayoutSources(persona?.municipalityCode || undefined, persona?.practitionerId || undefined);
  return useMemo(() => {
    const empty = { municipality: undefined, group: undefined, groupVariants: [], user: undefined, invalid: [] };
    if (!persona) return { items: [], notices: [], groupItems: [], picked: empty, isPending: true, error: null };
    const target: LayoutTarget = { municipality: persona.municipalityCode, group: persona.personnelGroup, device, page, user: persona.practitionerId };
    const picked = pickDocuments(sources.municipalDocs, sources.userDocs, target);
    const { full, group } = resolveFor(target, picked);
    return { items: full.items, notices: full.notices, groupItems: group.items, picked, isPending: sources.isPending, error: sources.error };
  }, [persona, device, page, sources.municipalDocs, sources.userDocs, sources.isPending, sources.error]);
}
