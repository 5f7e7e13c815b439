// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLmsByDay, parseLmsByLength } from './growthData';
import { MAJOR_PERCENTILES, assessGrowth, isImplausible, linesCrossed, zOf, type WhoTables } from './growthAssessment';
import { normalCdf, valueFromZ } from './growth';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/who-growth');
const read = (name: string): string => readFileSync(path.join(DATA_DIR, name), 'utf8');
const tables: WhoTables = {
  wfa: parseLmsByDay(read('who2006-wfa-lms-by-day.csv')),
  lhfa: parseLmsByDay(read('who2006-lhfa-lms-by-day.csv')),
  hcfa: parseLmsByDay(read('who2006-hcfa-lms-by-day.csv')),
  wfl: parseLmsByLength(read('who2006-wfl-lms-by-length.csv')),
};

describe('major percentile lines', () => {
  it('are WHO’s 3rd, 15th, 50th, 85th and 97th percentiles', () => {
    for (const { p, z } of MAJOR_PERCENTILES) expect(100 * normalCdf(z)).toBeCloseTo(p, 6);
  });

  it('counts the lines strictly between two z-scores, either direction', () => {
    expect(linesCrossed(-0.5, 0.5)).toBe(1);
    expect(linesCrossed(-0.5, 1.2)).toBe(2);
    expect(linesCrossed(1.2, -0.5)).toBe(2);
    expect(linesCrossed(-2.5, 2.5)).toBe(5);
    expect(linesCrossed(0, 1)).toBe(0); // on a line is not across it
    expect(linesCrossed(0.1, 0.9)).toBe(0);
  });
});

describe('zOf against WHO’s printed tables', () => {
  it('gives z = 2 at the printed SD2 lines (to the printed rounding), both sexes', () => {
    // who2006-zscores-monthly.csv: wfa boys 12 months SD2 = 12.0 kg, girls 12 months SD2 = 11.5 kg;
    // hcfa boys 6 months SD2neg = 40.9 cm; lhfa girls 24 months (height) SD0 = 85.7 cm.
    expect(zOf(tables, 'wfa', 'male', 12 * 30.4375, 12.0)).toBeCloseTo(2, 1);
    expect(zOf(tables, 'wfa', 'female', 12 * 30.4375, 11.5)).toBeCloseTo(2, 1);
    expect(zOf(tables, 'hcfa', 'male', 6 * 30.4375, 40.9)).toBeCloseTo(-2, 1);
    expect(zOf(tables, 'lhfa', 'female', 24 * 30.4375, 85.7)).toBeCloseTo(0, 1);
    // Weight-for-length, 75.0 cm: boys M = 9.5032 kg, girls M = 9.149 kg (WHO daily tables).
    expect(zOf(tables, 'wfl', 'male', 75, 9.5032)).toBeCloseTo(0, 6);
    expect(zOf(tables, 'wfl', 'female', 75, 9.149)).toBeCloseTo(0, 6);
  });

  it('is undefined outside the tables', () => {
    expect(zOf(tables, 'wfa', 'male', 1900, 20)).toBeUndefined();
    expect(zOf(tables, 'wfl', 'female', 44.9, 2.5)).toBeUndefined();
    expect(zOf(tables, 'wfa', 'female', 100, 0)).toBeUndefined();
  });
});

describe('assessGrowth', () => {
  const lmsAtDay = (day: number) => {
    const row = tables.wfa.get('female')![day]!;
    return { L: row.L, M: row.M, S: row.S };
  };

  it('gives every measurement z, percentile and flags, with weight-for-length from the same visit', () => {
    const points = assessGrowth(tables, 'female', [{ date: '2026-11-26', ageDays: 365, weightKg: lmsAtDay(365).M, lengthCm: 74, headCm: 45 }]);
    expect(points.map((p) => p.indicator)).toEqual(['wfa', 'lhfa', 'hcfa', 'wfl']);
    const wfa = points[0]!;
    expect(wfa.z).toBeCloseTo(0, 6);
    expect(wfa.percentile).toBeCloseTo(50, 4);
    expect(wfa.beyondTwoZ).toBe(false);
    expect(points[3]!.x).toBe(74);
  });

  it('flags beyond ±2 z and a crossing of two major lines since any earlier measurement', () => {
    const w = (day: number, z: number) => ({ date: `d${day}`, ageDays: day, weightKg: valueFromZ(z, lmsAtDay(day)) });
    const points = assessGrowth(tables, 'female', [w(300, -0.2), w(183, -1.5), w(91, -2.2)]);
    expect(points.map((p) => p.date)).toEqual(['d91', 'd183', 'd300']);
    expect(points.map((p) => p.beyondTwoZ)).toEqual([true, false, false]);
    // −2.2 → −1.5 crosses P3 only; −1.5 → −0.2 crosses P15 only, but since −2.2 it has crossed P3 and P15.
    expect(points.map((p) => p.crossedTwoLines)).toEqual([false, false, true]);
    // Along one's own percentile with a little noise: never flagged.
    const steady = assessGrowth(tables, 'female', [w(91, 0.1), w(183, 0.9), w(300, 0.5), w(365, 1.3)]);
    expect(steady.map((p) => p.crossedTwoLines)).toEqual([false, false, false, false]);
    expect(steady.map((p) => p.beyondTwoZ)).toEqual([false, false, false, false]);
    // Just beyond +2 z is flagged; just inside is not.
    const edge = assessGrowth(tables, 'female', [w(100, 1.99), w(200, 2.01)]);
    expect(edge.map((p) => p.beyondTwoZ)).toEqual([false, true]);
  });

  it('standardises lying length measured standing (+0.7 cm) before 2 years', () => {
    const lying = assessGrowth(tables, 'male', [{ date: 'a', ageDays: 500, lengthCm: 80, measuredAs: 'length' }])[0]!;
    const standing = assessGrowth(tables, 'male', [{ date: 'a', ageDays: 500, lengthCm: 80, measuredAs: 'height' }])[0]!;
    expect(standing.value).toBeCloseTo(80.7, 10);
    expect(standing.z).toBeGreaterThan(lying.z);
  });

  it('marks implausible values by WHO anthro’s limits', () => {
    expect(isImplausible('wfa', 5.01)).toBe(true);
    expect(isImplausible('wfa', -5.99)).toBe(false);
    expect(isImplausible('lhfa', 5.5)).toBe(false);
    expect(isImplausible('hcfa', -5.2)).toBe(true);
    const [p] = assessGrowth(tables, 'male', [{ date: 'a', ageDays: 365, weightKg: 95 }]);
    expect(p?.implausible).toBe(true);
  });
});
