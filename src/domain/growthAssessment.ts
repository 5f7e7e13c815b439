/**
 * Reading a child's measurements against the WHO 2006 standards: z-score and percentile per
 * measurement, and the two flags the health station acts on (issue 6): a value beyond ±2 z, and
 * a crossing of two major percentile lines since an earlier measurement. Pure.
 *
 * The major percentile lines are the ones WHO prints on its percentile charts: 3rd, 15th, 50th,
 * 85th and 97th.
 */
import { percentileFromZ, standardiseLengthHeight, zFromLms, type Lms, type Sex } from './growth';
import { lmsAt, lmsForLength, type LmsByLengthRow, type LmsEntry } from './growthData';

export type Indicator = 'wfa' | 'lhfa' | 'hcfa' | 'wfl';
export const INDICATORS: readonly Indicator[] = ['wfa', 'lhfa', 'hcfa', 'wfl'];

/** WHO's printed percentile lines and their z-scores (the standard normal quantiles). */
export const MAJOR_PERCENTILES: ReadonlyArray<{ p: number; z: number }> = [
  { p: 3, z: -1.880793608 },
  { p: 15, z: -1.036433389 },
  { p: 50, z: 0 },
  { p: 85, z: 1.036433389 },
  { p: 97, z: 1.880793608 },
];

/** Weight-based indicators use WHO's restricted tail beyond ±3 z. */
export const RESTRICTED: Readonly<Record<Indicator, boolean>> = { wfa: true, wfl: true, lhfa: false, hcfa: false };

/**
 * WHO anthro's limits for biologically implausible values (flag_zscores): a z outside these is
 * most likely a measuring or typing error.
 */
export const IMPLAUSIBLE: Readonly<Record<Indicator, readonly [number, number]>> = {
  wfa: [-6, 5],
  lhfa: [-6, 6],
  hcfa: [-5, 5],
  wfl: [-5, 5],
};

export function isImplausible(indicator: Indicator, z: number): boolean {
  const [lo, hi] = IMPLAUSIBLE[indicator];
  return z < lo || z > hi;
}

/** How many major percentile lines lie strictly between two z-scores. */
export function linesCrossed(zFrom: number, zTo: number): number {
  const lo = Math.min(zFrom, zTo);
  const hi = Math.max(zFrom, zTo);
  return MAJOR_PERCENTILES.filter((l) => l.z > lo && l.z < hi).length;
}

export interface WhoTables {
  wfa: ReadonlyMap<Sex, readonly LmsEntry[]>;
  lhfa: ReadonlyMap<Sex, readonly LmsEntry[]>;
  hcfa: ReadonlyMap<Sex, readonly LmsEntry[]>;
  wfl: ReadonlyMap<Sex, readonly LmsByLengthRow[]>;
}

/** One measuring occasion: any of weight (kg), length or height (cm, and how it was measured), head circumference (cm). */
export interface GrowthVisit {
  date: string;
  ageDays: number;
  weightKg?: number;
  lengthCm?: number;
  measuredAs?: 'length' | 'height';
  headCm?: number;
}

export interface Point {
  indicator: Indicator;
  date: string;
  /** Age in days (by-age indicators) or length in cm (weight-for-length): the x of the chart. */
  x: number;
  /** The measured value: kg or cm. */
  value: number;
  z: number;
  percentile: number;
  beyondTwoZ: boolean;
  /** Two or more major percentile lines crossed since an earlier measurement of this indicator. */
  crossedTwoLines: boolean;
  implausible: boolean;
}

/** The LMS of one indicator at an x (age in days, or length in cm for weight-for-length). */
export function lmsOf(tables: WhoTables, indicator: Indicator, sex: Sex, x: number, measure?: 'length' | 'height'): Lms | undefined {
  if (indicator === 'wfl') return lmsForLength(tables.wfl, sex, x);
  return lmsAt(tables[indicator], sex, x, measure);
}

/** The z-score of one value, or undefined outside the tables (over 5 years; lengths outside 45–110 cm). */
export function zOf(tables: WhoTables, indicator: Indicator, sex: Sex, x: number, value: number): number | undefined {
  const lms = lmsOf(tables, indicator, sex, x);
  if (!lms) return undefined;
  const z = zFromLms(value, lms, RESTRICTED[indicator]);
  return Number.isFinite(z) ? z : undefined;
}

/** The raw (indicator, x, value) triples of a visit; length standardised to WHO's lying/standing rule. */
export function pointsOfVisit(v: GrowthVisit): Array<{ indicator: Indicator; x: number; value: number }> {
  const out: Array<{ indicator: Indicator; x: number; value: number }> = [];
  const length = v.lengthCm !== undefined ? standardiseLengthHeight(v.ageDays, v.lengthCm, v.measuredAs ?? (v.ageDays < 731 ? 'length' : 'height')) : undefined;
  if (v.weightKg !== undefined) out.push({ indicator: 'wfa', x: v.ageDays, value: v.weightKg });
  if (length !== undefined) out.push({ indicator: 'lhfa', x: v.ageDays, value: length });
  if (v.headCm !== undefined) out.push({ indicator: 'hcfa', x: v.ageDays, value: v.headCm });
  if (v.weightKg !== undefined && length !== undefined) out.push({ indicator: 'wfl', x: length, value: v.weightKg });
  return out;
}

/** Every measurement's z, percentile and flags, oldest first. */
export function assessGrowth(tables: WhoTables, sex: Sex, visits: readonly GrowthVisit[]): Point[] {
  const sorted = [...visits].sort((a, b) => a.ageDays - b.ageDays);
  const points: Point[] = [];
  const earlier = new Map<Indicator, number[]>();
  for (const v of sorted) {
    for (const raw of pointsOfVisit(v)) {
      const z = zOf(tables, raw.indicator, sex, raw.x, raw.value);
      if (z === undefined) continue;
      const before = earlier.get(raw.indicator) ?? [];
      points.push({
        indicator: raw.indicator,
        date: v.date,
        x: raw.x,
        value: raw.value,
        z,
        percentile: percentileFromZ(z),
        beyondTwoZ: Math.abs(z) > 2,
        crossedTwoLines: before.some((zb) => linesCrossed(zb, z) >= 2),
        implausible: isImplausible(raw.indicator, z),
      });
      earlier.set(raw.indicator, [...before, z]);
    }
  }
  return points;
}
