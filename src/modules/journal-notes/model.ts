import type { Composition } from 'fhir/r4';
import { addDays, addMonths, format } from 'date-fns';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { codingOf, conceptText, referenceId } from '../../fhir/format';
import { narrativeText } from '../../fhir/narrative';
import { replacedId } from '../../journal/notes/compose';
import { SERVICE_OF_NOTE_TYPE, isNoteTypeCode, isServiceCode, type ServiceCode } from '../../journal/notes/noteTypes';
import type { OrgInfo, RoleInfo } from '../../journal/provenance';
import { parseFhirDate } from '../../ui/dates';

/**
 * Pure logic of the journal list: a Composition (plus the author's PractitionerRole and the
 * custodian Organization) read into what a row shows, the correction threads (which note is
 * current and which were replaced), and the filter / full-text search.
 */

// Who and where: shared with every journal module (src/journal/provenance.ts).
export { orgInfo, roleInfo, type OrgInfo, type RoleInfo } from '../../journal/provenance';

// -------------------------------------------------------------------------------------------
// A note as a row shows it

export interface NoteSectionView {
  title: string;
  text: string;
}

export interface NoteView {
  id: string;
  resource: Composition;
  status: Composition['status'];
  typeCode?: string;
  typeText: string;
  title: string;
  date?: string;
  /** Composition.date in ms (0 when missing). */
  time: number;
  authorRoleId?: string;
  authorName: string;
  authorGroup?: string;
  authorRoleText?: string;
  unitId?: string;
  unitName: string;
  service?: ServiceCode;
  municipality?: string;
  sections: NoteSectionView[];
  /** Id of the Composition this one replaces (relatesTo replaces), if any. */
  replaces?: string;
  /** Lower-case title, section titles and texts, for the full-text search. */
  searchText: string;
}

/** The service a note belongs to: its own category, else its unit's kind, else its type. */
export function serviceOfNote(c: Composition, org: OrgInfo | undefined): ServiceCode | undefined {
  for (const concept of c.category ?? []) {
    const code = codingOf(concept, CODE_SYSTEM.service)?.code;
    if (isServiceCode(code)) return code;
  }
  if (org?.service) return org.service;
  const type = codingOf(c.type, CODE_SYSTEM.noteType)?.code;
  return isNoteTypeCode(type) ? SERVICE_OF_NOTE_TYPE[type] : undefined;
}

export { replacedId };

export function normaliseText(text: string): string {
  return text.toLocaleLowerCase('nb').replace(/\s+/g, ' ');
}

function timeOf(date: string | undefined): number {
  if (!date) return 0;
  const t = parseFhirDate(date).getTime();
  return Number.isNaN(t) ? 0 : t;
}

export function toNoteView(
  c: Composition,
  roles: ReadonlyMap<string, RoleInfo>,
  orgs: ReadonlyMap<string, OrgInfo>,
  textOf: (div: string | undefined) => string = narrativeText,
): NoteView {
  const author = c.author?.[0];
  const authorRoleId = referenceId(author, 'PractitionerRole');
  const role = authorRoleId ? roles.get(authorRoleId) : undefined;
  const unitId = referenceId(c.custodian, 'Organization');
  const org = unitId ? orgs.get(unitId) : undefined;
  const sections = (c.section ?? []).map((s) => ({ title: s.title ?? '', text: textOf(s.text?.div) }));
  const title = c.title ?? '';
  const typeText = conceptText(c.type);
  const view: NoteView = {
    id: c.id ?? '',
    resource: c,
    status: c.status,
    typeText,
    title,
    time: timeOf(c.date),
    authorName: author?.display ?? '',
    unitName: c.custodian?.display ?? org?.name ?? '',
    sections,
    searchText: normaliseText([title, ...sections.flatMap((s) => [s.title, s.text])].join('\n')),
  };
  const typeCode = codingOf(c.type, CODE_SYSTEM.noteType)?.code;
  if (typeCode) view.typeCode = typeCode;
  if (c.date) view.date = c.date;
  if (authorRoleId) view.authorRoleId = authorRoleId;
  if (role?.group) view.authorGroup = role.group;
  if (role?.text) view.authorRoleText = role.text;
  if (unitId) view.unitId = unitId;
  const service = serviceOfNote(c, org);
  if (service) view.service = service;
  if (org?.municipality) view.municipality = org.municipality;
  const replaces = replacedId(c);
  if (replaces) view.replaces = replaces;
  return view;
}

// -------------------------------------------------------------------------------------------
// Corrections: which notes are current and which were replaced

export interface ReplacedVersion {
  note: NoteView;
  /** The signed correction that replaced this version directly. */
  replacedBy: NoteView;
}

export interface NoteThread {
  /** Stable through corrections: the id of the first version. */
  key: string;
  /** The version that counts now. */
  current: NoteView;
  /** Earlier versions it replaced, newest first. */
  history: ReplacedVersion[];
  /** When the note was first written (the oldest version): the list's order and the period filter use this. */
  time: number;
}

export interface ThreadedNotes {
  threads: NoteThread[];
  /** The user's own unsigned drafts (others' drafts are not part of the journal yet). */
  drafts: NoteView[];
}

export function isSigned(note: NoteView): boolean {
  return note.status === 'final' || note.status === 'amended';
}

/**
 * Correction model: a signed Composition with relatesTo `replaces` → X replaces X. The
 * replaced version is never changed; it is shown as history under the newest version of its
 * chain (A ← B ← C: C is current, history [B, A]). A draft correction replaces nothing until it
 * is signed. When two signed corrections replace the same note, the later one wins; the other
 * stays a current note of its own.
 */
export function threadNotes(notes: readonly NoteView[], ownRoleId?: string): ThreadedNotes {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const replacedBy = new Map<string, NoteView>();
  for (const n of notes) {
    if (!isSigned(n) || !n.replaces || n.replaces === n.id || !byId.has(n.replaces)) continue;
    const previous = replacedBy.get(n.replaces);
    if (!previous || previous.time < n.time) replacedBy.set(n.replaces, n);
  }
  // A cycle of replacements (bad data) must not hide notes: its members count as current.
  for (const id of [...replacedBy.keys()]) {
    const seen = new Set<string>([id]);
    let r = replacedBy.get(id);
    while (r && replacedBy.has(r.id)) {
      if (seen.has(r.id)) {
        for (const s of seen) replacedBy.delete(s);
        break;
      }
      seen.add(r.id);
      r = replacedBy.get(r.id);
    }
  }
  const drafts: NoteView[] = [];
  const current: NoteView[] = [];
  for (const n of notes) {
    if (n.status === 'preliminary') {
      if (ownRoleId && n.authorRoleId === ownRoleId) drafts.push(n);
      continue;
    }
    if (!replacedBy.has(n.id)) current.push(n);
  }
  const historyOf = new Map<string, ReplacedVersion[]>();
  for (const [id, replacer] of replacedBy) {
    const note = byId.get(id);
    if (!note) continue;
    let root = replacer;
    while (replacedBy.has(root.id)) root = replacedBy.get(root.id)!;
    const list = historyOf.get(root.id) ?? [];
    list.push({ note, replacedBy: replacer });
    historyOf.set(root.id, list);
  }
  const threads = current.map((c): NoteThread => {
    const history = (historyOf.get(c.id) ?? []).sort((a, b) => b.note.time - a.note.time);
    const first = history.reduce((oldest, h) => (h.note.time < oldest.time ? h.note : oldest), c);
    return { key: first.id, current: c, history, time: first.time };
  });
  threads.sort((a, b) => b.time - a.time || b.current.time - a.current.time);
  drafts.sort((a, b) => b.time - a.time);
  return { threads, drafts };
}

// -------------------------------------------------------------------------------------------
// Filters and full-text search

export interface NoteFilter {
  /** '' = all. */
  service: string;
  group: string;
  type: string;
  /** yyyy-MM-dd, inclusive; '' = open. */
  from: string;
  to: string;
  text: string;
}

export const NO_FILTER: NoteFilter = { service: '', group: '', type: '', from: '', to: '', text: '' };

export function isFiltered(filter: NoteFilter): boolean {
  return Object.values(filter).some((v) => v.trim() !== '');
}

/**
 * The threads that match every given filter. Service, author group, type and text look at the
 * current version; the period looks at when the note was first written. Text: every word must
 * occur (case-insensitive) in the title or the section headings and text.
 */
export function filterThreads(threads: readonly NoteThread[], filter: NoteFilter): NoteThread[] {
  const words = normaliseText(filter.text).split(' ').filter(Boolean);
  return threads.filter(({ current: n, time }) => {
    if (filter.service && n.service !== filter.service) return false;
    if (filter.group && n.authorGroup !== filter.group) return false;
    if (filter.type && n.typeCode !== filter.type) return false;
    if (filter.from || filter.to) {
      if (!time) return false;
      const day = format(new Date(time), 'yyyy-MM-dd');
      if (filter.from && day < filter.from) return false;
      if (filter.to && day > filter.to) return false;
    }
    return words.every((w) => n.searchText.includes(w));
  });
}

export type FacetKey = 'service' | 'group' | 'type';

/** The values a filter can take among the notes, with how many notes have each, most first. */
export function facetCounts(threads: readonly NoteThread[], key: FacetKey): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const { current: n } of threads) {
    const value = key === 'service' ? n.service : key === 'group' ? n.authorGroup : n.typeCode;
    if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

export type PeriodPreset = 'all' | '30d' | '12m' | 'custom';

/** The from/to days (yyyy-MM-dd) of a period preset, counted back from `now`. */
export function periodRange(preset: PeriodPreset, now: Date): { from: string; to: string } | undefined {
  const day = (d: Date) => format(d, 'yyyy-MM-dd');
  switch (preset) {
    case 'all':
      return { from: '', to: '' };
    case '30d':
      return { from: day(addDays(now, -30)), to: '' };
    case '12m':
      return { from: day(addMonths(now, -12)), to: '' };
    default:
      return undefined;
  }
}
