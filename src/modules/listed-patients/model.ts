import type { Bundle, Encounter, EpisodeOfCare, Patient } from 'fhir/r4';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { foldedWords } from '../../domain/text';
import { formatNameFamilyFirst, nationalIdOf, referenceId } from '../../fhir/format';
import { patientAge } from '../../fhir/patients';
import { collectBundles, toReportView } from '../../fhir/results/model';

/** One patient on the list, with what the list shows and filters on. */
export interface ListRow {
  id: string;
  /** "Nordmann, Ola". */
  name: string;
  birthDate: string | undefined;
  age: number | undefined;
  nationalId: string | undefined;
  gender: Patient['gender'];
  deceased: boolean;
  /** Start of the newest contact with the office within the window; undefined: none in the window. */
  lastContact: string | undefined;
  homeCare: boolean;
  nursingHome: boolean;
  /** Results outside the reference range that nobody at the office has marked seen. */
  unseenAbnormal: number;
  /** For the search field: folded name words, and the digit forms of the fødselsnummer and birth date. */
  words: readonly string[];
  digits: readonly string[];
}

export interface ListSources {
  patients: readonly Patient[];
  /** The office's contacts in the window (Encounter.subject and period are enough). */
  contacts: readonly Encounter[];
  /** Active care episodes (home care, nursing home). */
  episodes: readonly EpisodeOfCare[];
  /** Pages of the unseen-results search, with their Observations included. */
  unseenResults: readonly Bundle[];
  now: Date;
}

function hasService(episode: EpisodeOfCare, code: string): boolean {
  return Boolean(episode.type?.some((t) => t.coding?.some((c) => c.system === CODE_SYSTEM.service && c.code === code)));
}

function birthDigits(birthDate: string | undefined): string[] {
  const m = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!m) return [];
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  // 31121999 (how it is typed), 19991231 (ISO without dashes), 311299 (the fødselsnummer's start).
  return [`${d}${mo}${y}`, `${y}${mo}${d}`, `${d}${mo}${y.slice(2)}`];
}

/** The list's rows, from the searches' answers: one row per patient, in the order given. */
export function buildRows({ patients, contacts, episodes, unseenResults, now }: ListSources): ListRow[] {
  const lastContact = new Map<string, string>();
  for (const e of contacts) {
    const id = referenceId(e.subject, 'Patient');
    const start = e.period?.start ?? e.period?.end;
    if (!id || !start) continue;
    const known = lastContact.get(id);
    if (!known || Date.parse(start) > Date.parse(known)) lastContact.set(id, start);
  }
  const homeCare = new Set<string>();
  const nursingHome = new Set<string>();
  for (const e of episodes) {
    if (e.status !== 'active') continue;
    const id = referenceId(e.patient, 'Patient');
    if (!id) continue;
    if (hasService(e, 'home-care')) homeCare.add(id);
    if (hasService(e, 'nursing-home')) nursingHome.add(id);
  }
  const unseenAbnormal = new Map<string, number>();
  const lab = collectBundles(unseenResults);
  for (const report of lab.reports) {
    const view = toReportView(report, lab.observations);
    const id = referenceId(report.subject, 'Patient');
    if (id && view.unseen && view.abnormal) unseenAbnormal.set(id, (unseenAbnormal.get(id) ?? 0) + 1);
  }
  const rows: ListRow[] = [];
  const seen = new Set<string>();
  for (const p of patients) {
    if (!p.id || seen.has(p.id)) continue;
    seen.add(p.id);
    const name = formatNameFamilyFirst(p.name);
    const nationalId = nationalIdOf(p.identifier);
    rows.push({
      id: p.id,
      name,
      birthDate: p.birthDate,
      age: patientAge(p, now),
      nationalId,
      gender: p.gender,
      deceased: Boolean(p.deceasedBoolean || p.deceasedDateTime),
      lastContact: lastContact.get(p.id),
      homeCare: homeCare.has(p.id),
      nursingHome: nursingHome.has(p.id),
      unseenAbnormal: unseenAbnormal.get(p.id) ?? 0,
      words: foldedWords((p.name ?? []).flatMap((n) => [n.family ?? '', ...(n.given ?? []), n.text ?? '']).join(' ')),
      digits: [...(nationalId ? [nationalId] : []), ...birthDigits(p.birthDate)],
    });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Searching

/** What was typed, understood: name words (folded) and number parts (fødselsnummer, birth date). */
export interface ListQuery {
  words: string[];
  digits: string[];
}

/**
 * "hansen", "ola h", "311299", "31.12.1999", "1.2.1980", "1999-12-31", "hansen 1980": every
 * part must match. Digits match the start of the fødselsnummer or of the birth date (written
 * ddmmyyyy, ddmmyy or yyyymmdd); a 4-digit part also matches the birth year.
 */
export function parseListQuery(text: string): ListQuery {
  const query: ListQuery = { words: [], digits: [] };
  // A fødselsnummer as it is written ("311299 56715") is one number.
  for (const part of text.trim().replace(/\b(\d{6})\s+(\d{5})\b/g, '$1$2').split(/\s+/)) {
    if (!part) continue;
    if (/^[\d.\-/]+$/.test(part)) {
      const dotted = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{0,4}))?$/.exec(part);
      const iso = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(part);
      if (dotted) query.digits.push(`${dotted[1]!.padStart(2, '0')}${dotted[2]!.padStart(2, '0')}${dotted[3] ?? ''}`);
      else if (iso) query.digits.push(`${iso[1]}${iso[2]!.padStart(2, '0')}${iso[3] ? iso[3].padStart(2, '0') : ''}`);
      else {
        const digits = part.replace(/\D/g, '');
        if (digits) query.digits.push(digits);
      }
    } else {
      query.words.push(...foldedWords(part));
    }
  }
  return query;
}

export function isEmptyQuery(q: ListQuery): boolean {
  return q.words.length === 0 && q.digits.length === 0;
}

export function matchesQuery(row: ListRow, q: ListQuery): boolean {
  for (const w of q.words) if (!row.words.some((x) => x.startsWith(w))) return false;
  for (const d of q.digits) {
    const year = d.length === 4 && row.birthDate?.startsWith(d);
    if (!year && !row.digits.some((x) => x.startsWith(d))) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Filters and order

export interface ListFilters {
  /** An active home-care episode. */
  homeCare: boolean;
  /** At least one result outside the reference range that nobody at the office has seen. */
  unseenAbnormal: boolean;
  /** No contact with the office in the last 12 months. */
  noRecentContact: boolean;
}

export const NO_FILTERS: ListFilters = { homeCare: false, unseenAbnormal: false, noRecentContact: false };
export type FilterKey = keyof ListFilters;
export const FILTER_KEYS: readonly FilterKey[] = ['homeCare', 'unseenAbnormal', 'noRecentContact'];

const FILTER_TESTS: Record<FilterKey, (row: ListRow) => boolean> = {
  homeCare: (r) => r.homeCare,
  unseenAbnormal: (r) => r.unseenAbnormal > 0,
  noRecentContact: (r) => r.lastContact === undefined,
};

export type SortKey = 'name' | 'age' | 'lastContact';
export type SortDirection = 'asc' | 'desc';
export interface ListSort {
  key: SortKey;
  direction: SortDirection;
}
export const DEFAULT_SORT: ListSort = { key: 'name', direction: 'asc' };

/** Norwegian alphabetical order: æ, ø, å after z, and "Aa" is "Å" (Aasen after Øvrebø), as in the national registers. */
const collator = new Intl.Collator('nb', { sensitivity: 'base', numeric: true });

function byName(a: ListRow, b: ListRow): number {
  return collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
}

function timeOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Ascending: name A–Å; age youngest first (by birth date, so two 40-year-olds are in order too);
 * last contact longest ago first, those without a contact in the window before everyone else.
 * Patients without a birth date sort last either way. Ties in name order.
 */
export function compareRows(sort: ListSort): (a: ListRow, b: ListRow) => number {
  const sign = sort.direction === 'asc' ? 1 : -1;
  switch (sort.key) {
    case 'name':
      return (a, b) => sign * byName(a, b);
    case 'age':
      return (a, b) => {
        if (!a.birthDate || !b.birthDate) return a.birthDate ? -1 : b.birthDate ? 1 : byName(a, b);
        // Younger = later birth date.
        return sign * (a.birthDate < b.birthDate ? 1 : a.birthDate > b.birthDate ? -1 : 0) || byName(a, b);
      };
    case 'lastContact':
      return (a, b) => {
        const x = timeOf(a.lastContact) ?? Number.NEGATIVE_INFINITY;
        const y = timeOf(b.lastContact) ?? Number.NEGATIVE_INFINITY;
        return sign * (x < y ? -1 : x > y ? 1 : 0) || byName(a, b);
      };
  }
}

export interface ListView {
  rows: ListRow[];
  /** All patients on the list. */
  total: number;
  /** How many of the list each filter would keep on its own (for the filters' labels). */
  filterCounts: Record<FilterKey, number>;
}

/** The rows to show: those matching the search and every chosen filter, in the chosen order. */
export function listView(all: readonly ListRow[], options: { query: ListQuery; filters: ListFilters; sort: ListSort }): ListView {
  const active = FILTER_KEYS.filter((k) => options.filters[k]);
  const searching = !isEmptyQuery(options.query);
  const filterCounts: Record<FilterKey, number> = { homeCare: 0, unseenAbnormal: 0, noRecentContact: 0 };
  const rows: ListRow[] = [];
  for (const row of all) {
    for (const k of FILTER_KEYS) if (FILTER_TESTS[k](row)) filterCounts[k]++;
    if (searching && !matchesQuery(row, options.query)) continue;
    if (active.some((k) => !FILTER_TESTS[k](row))) continue;
    rows.push(row);
  }
  rows.sort(compareRows(options.sort));
  return { rows, total: all.length, filterCounts };
}

/** The order a column header click gives: the other way round when it is the current one, else its natural first order. */
export function nextSort(current: ListSort, key: SortKey): ListSort {
  if (current.key === key) return { key, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { key, direction: 'asc' };
}
