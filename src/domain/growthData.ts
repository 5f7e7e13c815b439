/**
 * Lookup tables from the WHO 2006 LMS CSV files in ../shared/data/who-growth/ (see its README):
 * - by age in days (`sex,ageDays,L,M,S[,measure]`): weight-, length/height- and head
 *   circumference-for-age;
 * - by length in 0.1 cm steps (`sex,lengthCm,L,M,S`): weight-for-length.
 * The caller reads the files (fetch, fs, bundler import) and passes the text.
 * Pure: no imports from outside src/domain.
 */
import type { Lms, Sex } from './growth';

export type LengthMeasure = 'length' | 'height';

/** One LMS row. `measure` is set for length/height-for-age: recumbent length or standing height. */
export interface LmsEntry extends Lms {
  measure?: LengthMeasure;
}

export interface LmsByLengthRow {
  lengthCm: number;
  lms: Lms;
}

interface Csv {
  col: (name: string) => number;
  has: (name: string) => boolean;
  rows: string[][];
}

function readCsv(csvText: string, required: readonly string[]): Csv {
  const lines = csvText
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  for (const name of required) {
    if (!header.includes(name)) throw new Error(`WHO LMS CSV: missing column "${name}"`);
  }
  const rows = lines.slice(1).map((l, i) => {
    const cells = l.split(',').map((c) => c.trim());
    if (cells.length !== header.length) throw new Error(`WHO LMS CSV: line ${i + 2} has ${cells.length} fields, expected ${header.length}`);
    return cells;
  });
  return { col: (name) => header.indexOf(name), has: (name) => header.includes(name), rows };
}

function num(cells: string[], index: number, what: string, line: number): number {
  const text = cells[index] ?? '';
  const v = Number(text);
  if (text === '' || !Number.isFinite(v)) throw new Error(`WHO LMS CSV: line ${line}: ${what} is not a number: "${text}"`);
  return v;
}

function sexOf(text: string | undefined, line: number): Sex {
  if (text === 'male' || text === 'female') return text;
  throw new Error(`WHO LMS CSV: line ${line}: unknown sex "${text ?? ''}"`);
}

function lmsOf(cells: string[], csv: Csv, line: number): Lms {
  return {
    L: num(cells, csv.col('L'), 'L', line),
    M: num(cells, csv.col('M'), 'M', line),
    S: num(cells, csv.col('S'), 'S', line),
  };
}

/**
 * Parses a by-day LMS file. The array for each sex is indexed by age in days (0, 1, 2, …);
 * `measure` is carried when the file has that column. Throws on malformed input or missing days.
 */
export function parseLmsByDay(csvText: string): Map<Sex, LmsEntry[]> {
  const csv = readCsv(csvText, ['sex', 'ageDays', 'L', 'M', 'S']);
  const withMeasure = csv.has('measure');
  const sparse = new Map<Sex, (LmsEntry | undefined)[]>();
  csv.rows.forEach((cells, i) => {
    const line = i + 2;
    const sex = sexOf(cells[csv.col('sex')], line);
    const day = num(cells, csv.col('ageDays'), 'ageDays', line);
    if (!Number.isInteger(day) || day < 0) throw new Error(`WHO LMS CSV: line ${line}: ageDays must be a whole number ≥ 0`);
    const entry: LmsEntry = lmsOf(cells, csv, line);
    if (withMeasure) {
      const m = cells[csv.col('measure')];
      if (m !== 'length' && m !== 'height') throw new Error(`WHO LMS CSV: line ${line}: unknown measure "${m ?? ''}"`);
      entry.measure = m;
    }
    const list = sparse.get(sex) ?? [];
    list[day] = entry;
    sparse.set(sex, list);
  });
  const table = new Map<Sex, LmsEntry[]>();
  for (const [sex, list] of sparse) {
    const dense: LmsEntry[] = [];
    for (let day = 0; day < list.length; day++) {
      const e = list[day];
      if (!e) throw new Error(`WHO LMS CSV: ${sex}: no row for day ${day}`);
      dense.push(e);
    }
    table.set(sex, dense);
  }
  return table;
}

/** Parses a by-length LMS file (weight-for-length); rows sorted by length. */
export function parseLmsByLength(csvText: string): Map<Sex, LmsByLengthRow[]> {
  const csv = readCsv(csvText, ['sex', 'lengthCm', 'L', 'M', 'S']);
  const table = new Map<Sex, LmsByLengthRow[]>();
  csv.rows.forEach((cells, i) => {
    const line = i + 2;
    const sex = sexOf(cells[csv.col('sex')], line);
    const lengthCm = num(cells, csv.col('lengthCm'), 'lengthCm', line);
    const list = table.get(sex) ?? [];
    list.push({ lengthCm, lms: lmsOf(cells, csv, line) });
    table.set(sex, list);
  });
  for (const list of table.values()) list.sort((a, b) => a.lengthCm - b.lengthCm);
  return table;
}

function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function interpolate(a: Lms, b: Lms, t: number): Lms {
  if (t === 0) return { L: a.L, M: a.M, S: a.S };
  return { L: lerp(a.L, b.L, t), M: lerp(a.M, b.M, t), S: lerp(a.S, b.S, t) };
}

/** First and last index of the rows with the given measure (rows of one measure are contiguous). */
const segmentCache = new WeakMap<readonly LmsEntry[], Map<LengthMeasure, [number, number]>>();
function segment(rows: readonly LmsEntry[], measure: LengthMeasure): [number, number] | undefined {
  let bySegment = segmentCache.get(rows);
  if (!bySegment) {
    bySegment = new Map();
    rows.forEach((r, i) => {
      if (r.measure === undefined) return;
      const s = bySegment?.get(r.measure);
      bySegment?.set(r.measure, s ? [s[0], i] : [i, i]);
    });
    segmentCache.set(rows, bySegment);
  }
  return bySegment.get(measure);
}

/**
 * L, M, S at an age in days, linearly interpolated between whole days (so the WHO monthly values
 * at month × 30.4375 days come out exactly).
 *
 * For length/height-for-age (rows with `measure`): `measure` picks the recumbent-length rows
 * (days 0–730) or the standing-height rows (731 on); by default WHO's rule applies — length when
 * the age rounded to whole days is under 731, height from 731. The two are never mixed: near the
 * switch, and up to one day past the end of the table (60 months = 1826.25 days), the nearest
 * two rows of the chosen measure are extended linearly. Returns undefined outside that range,
 * for a negative or non-finite age, or for an unknown sex.
 */
export function lmsAt(
  table: ReadonlyMap<Sex, readonly LmsEntry[]>,
  sex: Sex,
  ageDays: number,
  measure?: LengthMeasure,
): LmsEntry | undefined {
  const rows = table.get(sex);
  if (!rows || rows.length === 0 || !Number.isFinite(ageDays) || ageDays < 0) return undefined;

  let lo = 0;
  let hi = rows.length - 1;
  let want: LengthMeasure | undefined;
  if (rows[0]?.measure !== undefined) {
    want = measure ?? (Math.round(ageDays) < 731 ? 'length' : 'height');
    const seg = segment(rows, want);
    if (!seg) return undefined;
    [lo, hi] = seg;
  }
  if (ageDays < lo - 1 || ageDays > hi + 1) return undefined;

  let result: Lms;
  if (lo === hi) {
    const only = rows[lo];
    if (!only) return undefined;
    result = interpolate(only, only, 0);
  } else {
    const i = Math.min(Math.max(Math.floor(ageDays), lo), hi - 1);
    const a = rows[i];
    const b = rows[i + 1];
    if (!a || !b) return undefined;
    result = interpolate(a, b, ageDays - i);
  }
  return want === undefined ? result : { ...result, measure: want };
}

/**
 * L, M, S for weight-for-length at a length in cm, linearly interpolated between the 0.1 cm rows
 * (as WHO anthro does). Returns undefined outside the table (45–110 cm) or for an unknown sex.
 */
export function lmsForLength(
  table: ReadonlyMap<Sex, readonly LmsByLengthRow[]>,
  sex: Sex,
  lengthCm: number,
): Lms | undefined {
  const rows = table.get(sex);
  if (!rows || rows.length === 0 || !Number.isFinite(lengthCm)) return undefined;
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (!first || !last) return undefined;
  const eps = 1e-9;
  if (lengthCm < first.lengthCm - eps || lengthCm > last.lengthCm + eps) return undefined;

  // Largest i with rows[i].lengthCm ≤ lengthCm.
  let lo = 0;
  let hi = rows.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((rows[mid]?.lengthCm ?? Infinity) <= lengthCm + eps) lo = mid;
    else hi = mid - 1;
  }
  const a = rows[lo];
  if (!a) return undefined;
  const b = rows[lo + 1];
  if (!b || Math.abs(lengthCm - a.lengthCm) <= eps) return interpolate(a.lms, a.lms, 0);
  return interpolate(a.lms, b.lms, (lengthCm - a.lengthCm) / (b.lengthCm - a.lengthCm));
}
