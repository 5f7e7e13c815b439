// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentileFromZ, valueFromZ, zFromLms, type Lms, type Sex } from './growth';
import { lmsAt, lmsForLength, parseLmsByDay, parseLmsByLength, type LengthMeasure } from './growthData';

// The verified WHO tables live beside the repository: <root>/main/src/domain → <root>/shared.
const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data/who-growth');
const read = (name: string): string => readFileSync(path.join(DATA_DIR, name), 'utf8');

const wfa = parseLmsByDay(read('who2006-wfa-lms-by-day.csv'));
const lhfa = parseLmsByDay(read('who2006-lhfa-lms-by-day.csv'));
const hcfa = parseLmsByDay(read('who2006-hcfa-lms-by-day.csv'));
const wfl = parseLmsByLength(read('who2006-wfl-lms-by-length.csv'));

const DAYS_PER_MONTH = 30.4375; // WHO: 365.25 / 12

interface MonthlyRow {
  indicator: 'wfa' | 'lhfa-length' | 'lhfa-height' | 'hcfa';
  sex: Sex;
  month: number;
  lms: Lms;
  /** Printed SD lines SD3neg, SD2neg, SD1neg, SD0, SD1, SD2, SD3. */
  sd: number[];
}

function monthlyRows(): MonthlyRow[] {
  const [header, ...lines] = read('who2006-zscores-monthly.csv').trim().split(/\r?\n/);
  expect(header).toBe('indicator,sex,month,L,M,S,SD3neg,SD2neg,SD1neg,SD0,SD1,SD2,SD3');
  return lines.map((line) => {
    const [indicator, sex, month, L, M, S, ...sd] = line.split(',');
    return {
      indicator: indicator as MonthlyRow['indicator'],
      sex: sex as Sex,
      month: Number(month),
      lms: { L: Number(L), M: Number(M), S: Number(S) },
      sd: sd.map(Number),
    };
  });
}

const MONTHLY = monthlyRows();

function tableFor(indicator: MonthlyRow['indicator']): { table: typeof wfa; measure?: LengthMeasure; restricted: boolean } {
  switch (indicator) {
    case 'wfa':
      return { table: wfa, restricted: true };
    case 'lhfa-length':
      return { table: lhfa, measure: 'length', restricted: false };
    case 'lhfa-height':
      return { table: lhfa, measure: 'height', restricted: false };
    case 'hcfa':
      return { table: hcfa, restricted: false };
  }
}

describe('parseLmsByDay', () => {
  it('indexes rows by age in days, per sex, and carries the measure column', () => {
    const t = parseLmsByDay('sex,ageDays,L,M,S,measure\r\nmale,0,1,49.8842,0.03795,length\r\nmale,1,1,50.0601,0.03785,length\r\nfemale,0,1,49.1477,0.0379,length\r\n');
    expect(t.get('male')).toEqual([
      { L: 1, M: 49.8842, S: 0.03795, measure: 'length' },
      { L: 1, M: 50.0601, S: 0.03785, measure: 'length' },
    ]);
    expect(t.get('female')).toHaveLength(1);
  });

  it('leaves measure out when the file has no such column', () => {
    const t = parseLmsByDay('sex,ageDays,L,M,S\nmale,0,0.3487,3.3464,0.14602\n');
    expect(t.get('male')?.[0]).toEqual({ L: 0.3487, M: 3.3464, S: 0.14602 });
  });

  it('rejects malformed files', () => {
    expect(() => parseLmsByDay('sex,age,L,M,S\nmale,0,1,2,3')).toThrow(/ageDays/);
    expect(() => parseLmsByDay('sex,ageDays,L,M,S\nmale,0,1,x,3')).toThrow(/M is not a number/);
    expect(() => parseLmsByDay('sex,ageDays,L,M,S\nboy,0,1,2,3')).toThrow(/sex/);
    expect(() => parseLmsByDay('sex,ageDays,L,M,S\nmale,0,1,2,3\nmale,2,1,2,3')).toThrow(/day 1/);
    expect(() => parseLmsByDay('sex,ageDays,L,M,S\nmale,0,1,2')).toThrow(/fields/);
  });

  it('reads the full WHO files: days 0–1826 for both sexes', () => {
    for (const t of [wfa, lhfa, hcfa]) {
      expect(t.get('male')).toHaveLength(1827);
      expect(t.get('female')).toHaveLength(1827);
    }
    // First rows as in WHO anthro's weianthro.txt / lenanthro.txt
    expect(wfa.get('male')?.[0]).toEqual({ L: 0.3487, M: 3.3464, S: 0.14602 });
    expect(lhfa.get('female')?.[730]).toEqual({ L: 1, M: 86.4008, S: 0.03733, measure: 'length' });
    expect(lhfa.get('female')?.[731]).toEqual({ L: 1, M: 85.7299, S: 0.03764, measure: 'height' });
  });
});

describe('parseLmsByLength', () => {
  it('reads the WHO weight-for-length file: 45.0–110.0 cm in 0.1 cm steps', () => {
    for (const sex of ['male', 'female'] as const) {
      const rows = wfl.get(sex) ?? [];
      expect(rows).toHaveLength(651);
      expect(rows[0]?.lengthCm).toBe(45);
      expect(rows[650]?.lengthCm).toBe(110);
    }
  });
});

describe('lmsAt', () => {
  it('returns the daily row at whole days', () => {
    expect(lmsAt(wfa, 'male', 0)).toEqual({ L: 0.3487, M: 3.3464, S: 0.14602 });
    expect(lmsAt(lhfa, 'male', 44)).toEqual({ L: 1, M: 56.4833, S: 0.03492, measure: 'length' }); // anthro test fixture
  });

  it('reproduces WHO’s monthly L, M, S at month × 30.4375 days, every month, both sexes, all indicators', () => {
    expect(MONTHLY.length).toBe(368);
    for (const row of MONTHLY) {
      const { table, measure } = tableFor(row.indicator);
      const lms = lmsAt(table, row.sex, row.month * DAYS_PER_MONTH, measure);
      const where = `${row.indicator} ${row.sex} month ${row.month}`;
      expect(lms, where).toBeDefined();
      if (!lms) continue;
      // Both tables print L and M to 4 decimals and S to 5; the daily values are themselves
      // rounded and M curves slightly within a day (up to 0.00016 cm in the first months), so
      // agreement is to about one unit in the last printed place.
      expect(Math.abs(lms.L - row.lms.L), where).toBeLessThanOrEqual(0.0001 + 1e-9);
      expect(Math.abs(lms.M - row.lms.M), where).toBeLessThanOrEqual(0.0002);
      expect(Math.abs(lms.S - row.lms.S), where).toBeLessThanOrEqual(0.00001 + 1e-9);
    }
  });

  it('uses length before 731 days and height from 731 days (WHO rule, age rounded) unless told', () => {
    expect(lmsAt(lhfa, 'female', 730)?.measure).toBe('length');
    expect(lmsAt(lhfa, 'female', 730.4)?.measure).toBe('length');
    expect(lmsAt(lhfa, 'female', 730.5)?.measure).toBe('height'); // 24 months
    // 24 months in WHO's monthly tables: length 86.4153, height 85.7153 (girls)
    expect(lmsAt(lhfa, 'female', 730.5, 'length')?.M).toBeCloseTo(86.4153, 3);
    expect(lmsAt(lhfa, 'female', 730.5, 'height')?.M).toBeCloseTo(85.7153, 3);
  });

  it('is undefined outside the tables', () => {
    expect(lmsAt(wfa, 'male', -1)).toBeUndefined();
    expect(lmsAt(wfa, 'male', 1828)).toBeUndefined();
    expect(lmsAt(wfa, 'male', Number.NaN)).toBeUndefined();
    expect(lmsAt(lhfa, 'male', 100, 'height')).toBeUndefined();
    expect(lmsAt(lhfa, 'male', 1000, 'length')).toBeUndefined();
    expect(lmsAt(new Map(), 'male', 10)).toBeUndefined();
  });
});

describe('WHO printed SD lines (who2006-zscores-monthly.csv)', () => {
  // The printed SD lines are rounded to 0.1, so the true line lies within ±0.05 of the printed
  // value: k must lie between z(printed − 0.05) and z(printed + 0.05). That interval is the
  // exact test. For length and head circumference it lies within ±0.05 of k; for weight at young
  // ages 0.05 kg is up to 0.1 SD, so a flat ±0.05 tolerance in z cannot hold there.
  // Weight-for-age uses the restricted tail, so SD3neg and SD3 exercise it at ±3.
  it.each(['wfa', 'lhfa-length', 'lhfa-height', 'hcfa'] as const)('%s: z of SD3neg … SD3 ≈ −3 … 3, both sexes, every month', (indicator) => {
    const rows = MONTHLY.filter((r) => r.indicator === indicator);
    expect(new Set(rows.map((r) => r.sex))).toEqual(new Set(['male', 'female']));
    for (const row of rows) {
      const { table, measure, restricted } = tableFor(row.indicator);
      const lms = lmsAt(table, row.sex, row.month * DAYS_PER_MONTH, measure);
      if (!lms) throw new Error(`no LMS for ${row.indicator} ${row.sex} ${row.month}`);
      row.sd.forEach((printed, i) => {
        const k = i - 3;
        const where = `${row.indicator} ${row.sex} month ${row.month} SD${k}`;
        // exact, with the L, M, S printed beside the SD lines
        expect(zFromLms(printed - 0.05, row.lms, restricted), where).toBeLessThanOrEqual(k + 1e-9);
        expect(zFromLms(printed + 0.05, row.lms, restricted), where).toBeGreaterThanOrEqual(k - 1e-9);
        expect(Math.abs(valueFromZ(k, row.lms) - printed), where).toBeLessThanOrEqual(0.05 + 1e-9);
        // with L, M, S interpolated from the daily table (a last-decimal difference allowed)
        expect(zFromLms(printed - 0.05, lms, restricted), where).toBeLessThanOrEqual(k + 0.002);
        expect(zFromLms(printed + 0.05, lms, restricted), where).toBeGreaterThanOrEqual(k - 0.002);
        expect(Math.abs(zFromLms(printed, lms, restricted) - k), where).toBeLessThan(indicator === 'wfa' ? 0.11 : 0.05);
      });
    }
  });

  it('spot checks against the printed WHO table', () => {
    // Boys 12 months, weight-for-age: 6.9 7.7 8.6 9.6 10.8 12.0 13.3
    const lms = lmsAt(wfa, 'male', 12 * DAYS_PER_MONTH);
    if (!lms) throw new Error('no LMS');
    expect(zFromLms(9.6, lms, true)).toBeCloseTo(0, 1);
    expect(zFromLms(7.7, lms, true)).toBeCloseTo(-2, 1);
    expect(zFromLms(12.0, lms, true)).toBeCloseTo(2, 1);
    expect(percentileFromZ(zFromLms(lms.M, lms, true))).toBeCloseTo(50, 10);
  });
});

describe('WHO anthro worked examples (tests of the WHO anthro R package)', () => {
  // anthro rounds the age to whole days before the table look-up; so do these calls.
  it('weight-for-age: girl, 1522 days, 17 kg → 0.24', () => {
    const lms = lmsAt(wfa, 'female', 1522);
    if (!lms) throw new Error('no LMS');
    expect(Math.round(zFromLms(17, lms, true) * 100) / 100).toBe(0.24);
  });

  it('length-for-age: boy, 987 days, 72.86 cm lying (→ 72.16 cm) → −6.09', () => {
    const lms = lmsAt(lhfa, 'male', 987);
    if (!lms) throw new Error('no LMS');
    expect(Math.round(zFromLms(72.86 - 0.7, lms, false) * 100) / 100).toBe(-6.09);
  });

  it('height measurements are used at 24 months: girl, 77.5 cm → −2.55', () => {
    const lms = lmsAt(lhfa, 'female', 731);
    if (!lms) throw new Error('no LMS');
    expect(lms.measure).toBe('height');
    expect(Math.round(zFromLms(77.5, lms, false) * 100) / 100).toBe(-2.55);
    // Interpolated at exactly 24 months (730.5 days) the result is the same to two decimals.
    const at24 = lmsAt(lhfa, 'female', 24 * DAYS_PER_MONTH);
    if (!at24) throw new Error('no LMS');
    expect(Math.round(zFromLms(77.5, at24, false) * 100) / 100).toBe(-2.55);
  });

  it('boys measured standing, 60 cm at 8 months → −4.81 and 60.7 cm at 9 months → −5.02', () => {
    const m8 = lmsAt(lhfa, 'male', Math.round(8 * DAYS_PER_MONTH));
    const m9 = lmsAt(lhfa, 'male', Math.round(9 * DAYS_PER_MONTH));
    if (!m8 || !m9) throw new Error('no LMS');
    expect(zFromLms(60, m8, false)).toBeCloseTo(-4.81, 2);
    expect(zFromLms(60.7, m9, false)).toBeCloseTo(-5.02, 2);
  });
});

describe('weight-for-length', () => {
  // Rows of WHO's printed weight-for-length tables (boys / girls, 0–2 years):
  // length, L, M, S, SD3neg … SD3.
  const PRINTED: [Sex, number, number, number, number, number[]][] = [
    ['male', 45, -0.3521, 2.441, 0.09182, [1.9, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3]],
    ['male', 60, -0.3521, 5.9907, 0.08342, [4.7, 5.1, 5.5, 6.0, 6.5, 7.1, 7.8]],
    ['male', 75, -0.3521, 9.5032, 0.08295, [7.5, 8.1, 8.8, 9.5, 10.3, 11.3, 12.3]],
    ['male', 90, -0.3521, 12.7209, 0.08041, [10.1, 10.9, 11.8, 12.7, 13.8, 15.0, 16.4]],
    ['male', 110, -0.3521, 18.2689, 0.08755, [14.2, 15.4, 16.8, 18.3, 20.0, 21.9, 24.1]],
    ['female', 45, -0.3833, 2.4607, 0.09029, [1.9, 2.1, 2.3, 2.5, 2.7, 3.0, 3.3]],
    ['female', 60, -0.3833, 5.8742, 0.09136, [4.5, 4.9, 5.4, 5.9, 6.4, 7.1, 7.8]],
    ['female', 75, -0.3833, 9.149, 0.09005, [7.1, 7.7, 8.4, 9.1, 10.0, 11.0, 12.2]],
    ['female', 87, -0.3833, 11.7201, 0.08895, [9.1, 9.9, 10.7, 11.7, 12.8, 14.1, 15.5]],
    ['female', 110, -0.3833, 18.3324, 0.09401, [14.0, 15.3, 16.7, 18.3, 20.2, 22.3, 24.7]],
  ];

  it.each(PRINTED)('%s %s cm: L, M, S and SD lines as printed', (sex, length, L, M, S, sd) => {
    const lms = lmsForLength(wfl, sex, length);
    expect(lms).toEqual({ L, M, S });
    if (!lms) return;
    sd.forEach((printed, i) => {
      const k = i - 3;
      expect(zFromLms(printed - 0.05, lms, true)).toBeLessThanOrEqual(k + 1e-6);
      expect(zFromLms(printed + 0.05, lms, true)).toBeGreaterThanOrEqual(k - 1e-6);
      // at 45 cm half a printed step (0.05 kg) is about 0.2 SD
      expect(Math.abs(zFromLms(printed, lms, true) - k)).toBeLessThan(0.25);
    });
  });

  it('interpolates linearly between the 0.1 cm rows', () => {
    // boys 75.0 cm: M 9.5032, S 0.08295; 75.1 cm: M 9.5235, S 0.08297
    const mid = lmsForLength(wfl, 'male', 75.05);
    expect(mid?.L).toBe(-0.3521);
    expect(mid?.M).toBeCloseTo(9.51335, 10);
    expect(mid?.S).toBeCloseTo(0.08296, 10);
    const quarter = lmsForLength(wfl, 'male', 75.025);
    expect(quarter?.M).toBeCloseTo(9.5032 + 0.25 * (9.5235 - 9.5032), 10);
    // a row that floating point would put just below its own value
    expect(lmsForLength(wfl, 'female', 75.1)).toEqual({ L: -0.3833, M: 9.1676, S: 0.09004 });
    expect(lmsForLength(wfl, 'female', 0.1 * 751)).toEqual({ L: -0.3833, M: 9.1676, S: 0.09004 });
  });

  it('is undefined outside 45–110 cm', () => {
    expect(lmsForLength(wfl, 'male', 44.9)).toBeUndefined();
    expect(lmsForLength(wfl, 'male', 110.1)).toBeUndefined();
    expect(lmsForLength(wfl, 'male', Number.NaN)).toBeUndefined();
    expect(lmsForLength(wfl, 'female', 110)).toEqual({ L: -0.3833, M: 18.3324, S: 0.09401 });
  });
});
