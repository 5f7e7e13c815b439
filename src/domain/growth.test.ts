// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { normalCdf, percentileFromZ, standardiseLengthHeight, valueFromZ, zFromLms, type Lms } from './growth';

// WHO 2006 printed table rows (weight-for-age, month 0, from WHO's z-score tables):
// L, M, S and the SD lines SD3neg … SD3 as printed (one decimal).
const WFA_BOYS_BIRTH: Lms = { L: 0.3487, M: 3.3464, S: 0.14602 };
const WFA_BOYS_BIRTH_SD = [2.1, 2.5, 2.9, 3.3, 3.9, 4.4, 5.0];
// Head circumference-for-age, boys, month 60 (L = 1, i.e. normally distributed).
const HCFA_BOYS_60: Lms = { L: 1, M: 50.7375, S: 0.02946 };
const HCFA_BOYS_60_SD = [46.3, 47.7, 49.2, 50.7, 52.2, 53.7, 55.2];

describe('zFromLms / valueFromZ', () => {
  it('gives z = 0 at the median and ±k at the printed SD lines (to the printed rounding)', () => {
    for (const [lms, sds, restricted] of [
      [WFA_BOYS_BIRTH, WFA_BOYS_BIRTH_SD, true],
      [HCFA_BOYS_60, HCFA_BOYS_60_SD, false],
    ] as const) {
      expect(zFromLms(lms.M, lms, restricted)).toBe(0);
      sds.forEach((printed, i) => {
        const k = i - 3;
        // The true SD line lies within ±0.05 of the printed value, so k must lie between the
        // z-scores of printed − 0.05 and printed + 0.05.
        expect(zFromLms(printed - 0.05, lms, restricted)).toBeLessThanOrEqual(k + 1e-9);
        expect(zFromLms(printed + 0.05, lms, restricted)).toBeGreaterThanOrEqual(k - 1e-9);
        expect(Math.abs(valueFromZ(k, lms) - printed)).toBeLessThanOrEqual(0.05 + 1e-9);
      });
    }
  });

  it('matches WHO anthro worked example: length-for-age, boy 44 days, 50 cm', () => {
    // anthro tests/testthat/test-zscore-length-for-age.R: ((50 / 56.4833)^1 − 1) / (0.03492 · 1), rounded to −3.29
    expect(zFromLms(50, { L: 1, M: 56.4833, S: 0.03492 }, false)).toBeCloseTo(-3.29, 2);
  });

  it('matches WHO anthro worked example: weight-for-age, girl 1522 days, 17 kg → 0.24', () => {
    // LMS at day 1522 (girls) in WHO's daily table: −0.3387, 16.433, 0.14051
    expect(zFromLms(17, { L: -0.3387, M: 16.433, S: 0.14051 }, true)).toBeCloseTo(0.24, 2);
  });

  it('uses ln(X/M)/S and M·exp(S·z) when L is 0', () => {
    const lms = { L: 0, M: 10, S: 0.1 };
    expect(valueFromZ(1, lms)).toBeCloseTo(11.051709180756477, 12); // 10·e^0.1
    expect(valueFromZ(-2, lms)).toBeCloseTo(8.187307530779819, 12); // 10·e^−0.2
    expect(zFromLms(10 * Math.E ** 0.2, lms, false)).toBeCloseTo(2, 12);
    expect(zFromLms(10, lms, false)).toBe(0);
  });

  it('inverts: valueFromZ then zFromLms returns z', () => {
    for (const lms of [WFA_BOYS_BIRTH, HCFA_BOYS_60, { L: -0.3521, M: 9.5032, S: 0.08295 }]) {
      for (const z of [-2.5, -1, 0, 0.7, 2.9]) expect(zFromLms(valueFromZ(z, lms), lms, false)).toBeCloseTo(z, 10);
    }
  });

  it('applies the restricted tail beyond ±3 for weight-based indicators (README rule)', () => {
    // Boys at birth: SD3 = 5.03064 kg, SD2 = 4.41935 kg, SD2neg = 2.45931 kg, SD3neg = 2.08031 kg
    // (from L, M, S above). 6.0 kg: 3 + (6.0 − 5.03064)/(5.03064 − 4.41935) = 4.5858,
    // where the unrestricted LMS z would be 4.4347.
    expect(zFromLms(6.0, WFA_BOYS_BIRTH, true)).toBeCloseTo(4.5858, 3);
    expect(zFromLms(6.0, WFA_BOYS_BIRTH, false)).toBeCloseTo(4.4347, 3);
    // 1.5 kg: −3 + (1.5 − 2.08031)/(2.45931 − 2.08031) = −4.5311 (unrestricted −4.7934).
    expect(zFromLms(1.5, WFA_BOYS_BIRTH, true)).toBeCloseTo(-4.5311, 3);
    expect(zFromLms(1.5, WFA_BOYS_BIRTH, false)).toBeCloseTo(-4.7934, 3);
    // Within ±3 the restriction changes nothing, and it is continuous at ±3.
    expect(zFromLms(4.0, WFA_BOYS_BIRTH, true)).toBe(zFromLms(4.0, WFA_BOYS_BIRTH, false));
    expect(zFromLms(valueFromZ(3, WFA_BOYS_BIRTH), WFA_BOYS_BIRTH, true)).toBeCloseTo(3, 10);
    expect(zFromLms(valueFromZ(-3, WFA_BOYS_BIRTH), WFA_BOYS_BIRTH, true)).toBeCloseTo(-3, 10);
  });

  it('matches WHO anthro: a girl of 10.37 kg on day 1 is flagged (z > 5)', () => {
    // anthro tests: weight-for-age flag threshold −6/+5; LMS day 1 girls: 0.3259, 3.1957, 0.14578
    expect(zFromLms(10.37, { L: 0.3259, M: 3.1957, S: 0.14578 }, true)).toBeGreaterThan(5);
  });

  it('returns NaN for a measurement ≤ 0', () => {
    expect(zFromLms(0, HCFA_BOYS_60, false)).toBeNaN();
    expect(zFromLms(-1, WFA_BOYS_BIRTH, true)).toBeNaN();
    expect(zFromLms(Number.NaN, WFA_BOYS_BIRTH, true)).toBeNaN();
  });
});

describe('percentileFromZ / normalCdf', () => {
  it('matches the published standard normal table', () => {
    expect(percentileFromZ(0)).toBe(50);
    expect(percentileFromZ(1.6449)).toBeCloseTo(95, 3);
    expect(percentileFromZ(-1.8808)).toBeCloseTo(3, 3);
    expect(percentileFromZ(1.959964)).toBeCloseTo(97.5, 4);
    expect(percentileFromZ(-1.281552)).toBeCloseTo(10, 4);
    // Φ to 10 decimals (Abramowitz & Stegun, table 26.1)
    const table: [number, number][] = [
      [0.5, 0.6914624613],
      [1, 0.8413447461],
      [1.5, 0.9331927987],
      [2, 0.9772498681],
      [2.5, 0.9937903347],
      [3, 0.9986501020],
      [4, 0.9999683288],
    ];
    for (const [x, phi] of table) {
      expect(normalCdf(x)).toBeCloseTo(phi, 9);
      expect(normalCdf(-x)).toBeCloseTo(1 - phi, 9);
    }
  });

  it('stays within 0–100 in the far tails', () => {
    expect(percentileFromZ(-40)).toBe(0);
    expect(percentileFromZ(40)).toBe(100);
    expect(normalCdf(-8)).toBeGreaterThan(0);
    expect(normalCdf(-8)).toBeLessThan(1e-14); // Φ(−8) = 6.22e−16
  });
});

describe('standardiseLengthHeight', () => {
  it('follows WHO: +0.7 cm for standing under 731 days, −0.7 cm for lying from 731 days', () => {
    // anthro tests/testthat/test-zscores.R: ages 730/800 days, 100 cm, measured h/h/l/l → 100.7, 100, 100, 99.3
    expect(standardiseLengthHeight(730, 100, 'height')).toBeCloseTo(100.7, 10);
    expect(standardiseLengthHeight(800, 100, 'height')).toBe(100);
    expect(standardiseLengthHeight(730, 100, 'length')).toBe(100);
    expect(standardiseLengthHeight(800, 100, 'length')).toBeCloseTo(99.3, 10);
    expect(standardiseLengthHeight(730.5, 100, 'length')).toBeCloseTo(99.3, 10); // 24 months rounds up to 731
  });
});

describe('z-scores and percentiles at several ages, both sexes (WHO printed monthly tables)', () => {
  // Rows of who2006-zscores-monthly.csv: L, M, S and the printed SD2neg, SD0, SD2 (one decimal).
  const rows: Array<{ what: string; lms: Lms; sd2neg: number; sd0: number; sd2: number; restricted: boolean }> = [
    { what: 'wfa boys 12 m', lms: { L: 0.0644, M: 9.6479, S: 0.10925 }, sd2neg: 7.7, sd0: 9.6, sd2: 12.0, restricted: true },
    { what: 'wfa girls 12 m', lms: { L: -0.2024, M: 8.9481, S: 0.12268 }, sd2neg: 7.0, sd0: 8.9, sd2: 11.5, restricted: true },
    { what: 'wfa girls 0 m', lms: { L: 0.3809, M: 3.2322, S: 0.14171 }, sd2neg: 2.4, sd0: 3.2, sd2: 4.2, restricted: true },
    { what: 'wfa boys 60 m', lms: { L: -0.1506, M: 18.3366, S: 0.13517 }, sd2neg: 14.1, sd0: 18.3, sd2: 24.2, restricted: true },
    { what: 'lhfa boys 6 m', lms: { L: 1, M: 67.6236, S: 0.03165 }, sd2neg: 63.3, sd0: 67.6, sd2: 71.9, restricted: false },
    { what: 'lhfa girls 24 m (height)', lms: { L: 1, M: 85.7153, S: 0.03764 }, sd2neg: 79.3, sd0: 85.7, sd2: 92.2, restricted: false },
    { what: 'hcfa boys 6 m', lms: { L: 1, M: 43.3306, S: 0.02817 }, sd2neg: 40.9, sd0: 43.3, sd2: 45.8, restricted: false },
    { what: 'hcfa girls 36 m', lms: { L: 1, M: 48.5099, S: 0.02912 }, sd2neg: 45.7, sd0: 48.5, sd2: 51.3, restricted: false },
  ];

  it.each(rows)('$what: the printed SD2neg, median and SD2 lie at z −2, 0, +2 (percentiles 2.3, 50, 97.7)', ({ lms, sd2neg, sd0, sd2, restricted }) => {
    // The true line is within ±0.05 of the printed value: the printed value's z is within that of ±0.05.
    for (const [printed, k] of [[sd2neg, -2], [sd0, 0], [sd2, 2]] as const) {
      const lo = zFromLms(printed - 0.05, lms, restricted);
      const hi = zFromLms(printed + 0.05, lms, restricted);
      expect(lo).toBeLessThanOrEqual(k);
      expect(hi).toBeGreaterThanOrEqual(k);
      expect(percentileFromZ(k)).toBeCloseTo(k === -2 ? 2.275 : k === 0 ? 50 : 97.725, 2);
    }
    expect(percentileFromZ(zFromLms(lms.M, lms, restricted))).toBeCloseTo(50, 10);
  });
});

describe('the LMS formula at its edges', () => {
  it('is continuous as L approaches 0 from either side (the ln form takes over below 1e-9)', () => {
    const at = (L: number) => zFromLms(11, { L, M: 10, S: 0.1 }, false);
    const limit = Math.log(1.1) / 0.1; // 0.9531
    expect(at(0)).toBeCloseTo(limit, 12);
    expect(at(1e-10)).toBeCloseTo(limit, 12);
    expect(at(-1e-10)).toBeCloseTo(limit, 12);
    expect(at(1e-6)).toBeCloseTo(limit, 5);
    expect(at(-1e-6)).toBeCloseTo(limit, 5);
  });

  it('handles a negative L (skewed weight distributions) in both directions', () => {
    const lms = { L: -0.3387, M: 16.4322, S: 0.14051 }; // wfa girls 50 months
    expect(valueFromZ(-2, lms)).toBeLessThan(lms.M);
    expect(zFromLms(valueFromZ(-2, lms), lms, false)).toBeCloseTo(-2, 10);
    expect(zFromLms(valueFromZ(2.5, lms), lms, true)).toBeCloseTo(2.5, 10);
  });

  it('gives the restricted tail for girls too, continuous at −3 and +3', () => {
    const girls12 = { L: -0.2024, M: 8.9481, S: 0.12268 };
    const sd3 = valueFromZ(3, girls12);
    const sd2 = valueFromZ(2, girls12);
    expect(zFromLms(sd3 + (sd3 - sd2), girls12, true)).toBeCloseTo(4, 10); // one SD2–SD3 distance beyond SD3
    const sd3neg = valueFromZ(-3, girls12);
    const sd2neg = valueFromZ(-2, girls12);
    expect(zFromLms(sd3neg - (sd2neg - sd3neg) / 2, girls12, true)).toBeCloseTo(-3.5, 10);
    expect(zFromLms(sd3 + 1e-9, girls12, true)).toBeCloseTo(3, 6);
  });
});
