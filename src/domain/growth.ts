/**
 * WHO 2006 Child Growth Standards: z-scores and percentiles from LMS values
 * (../shared/DOMAIN.md, ../shared/data/who-growth/README.md). Pure: no imports from outside
 * src/domain.
 */

export type Sex = 'male' | 'female';

export interface Lms {
  L: number;
  M: number;
  S: number;
}

/** |L| below this is treated as 0 (the limit form), avoiding cancellation in (X/M)^L − 1. */
const L_ZERO = 1e-9;

/**
 * z = ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L is 0 (|L| < 1e-9).
 * With `restrictedTail` (WHO's rule for the weight-based indicators: weight-for-age and
 * weight-for-length/height) a z beyond ±3 is measured in units of the distance between the
 * SD2 and SD3 lines instead:
 *   above SD3:    z = 3 + (X − SD3) / (SD3 − SD2)
 *   below SD3neg: z = −3 + (X − SD3neg) / (SD2neg − SD3neg)
 * Returns NaN for X ≤ 0 or a non-finite input.
 */
export function zFromLms(x: number, lms: Lms, restrictedTail: boolean): number {
  if (!Number.isFinite(x) || x <= 0) return Number.NaN;
  const { L, M, S } = lms;
  const z = Math.abs(L) < L_ZERO ? Math.log(x / M) / S : ((x / M) ** L - 1) / (L * S);
  if (!restrictedTail) return z;
  if (z > 3) {
    const sd3 = valueFromZ(3, lms);
    const sd2 = valueFromZ(2, lms);
    return 3 + (x - sd3) / (sd3 - sd2);
  }
  if (z < -3) {
    const sd3neg = valueFromZ(-3, lms);
    const sd2neg = valueFromZ(-2, lms);
    return -3 + (x - sd3neg) / (sd2neg - sd3neg);
  }
  return z;
}

/** The measurement at a z-score: M·(1 + L·S·z)^(1/L), or M·exp(S·z) when L is 0 (|L| < 1e-9). */
export function valueFromZ(z: number, lms: Lms): number {
  const { L, M, S } = lms;
  if (Math.abs(L) < L_ZERO) return M * Math.exp(S * z);
  return M * (1 + L * S * z) ** (1 / L);
}

/**
 * Standard normal cumulative distribution Φ(x), by Hart's (1968) rational approximation as given
 * by West, "Better approximations to cumulative normal functions" (2005): accurate to about
 * 1e-14, far better than the 1e-6 needed here.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp(-(a * a) / 2);
    if (a < 7.07106781186547) {
      let n = 3.52624965998911e-2 * a + 0.700383064443688;
      n = n * a + 6.37396220353165;
      n = n * a + 33.912866078383;
      n = n * a + 112.079291497871;
      n = n * a + 221.213596169931;
      n = n * a + 220.206867912376;
      let d = 8.83883476483184e-2 * a + 1.75566716318264;
      d = d * a + 16.064177579207;
      d = d * a + 86.7807322029461;
      d = d * a + 296.564248779674;
      d = d * a + 637.333633378831;
      d = d * a + 793.826512519948;
      d = d * a + 440.413735824752;
      tail = (e * n) / d;
    } else {
      let c = a + 0.65;
      c = a + 4 / c;
      c = a + 3 / c;
      c = a + 2 / c;
      c = a + 1 / c;
      tail = e / c / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}

/** Percentile (0–100) of a z-score: 100·Φ(z). */
export function percentileFromZ(z: number): number {
  return 100 * normalCdf(z);
}

/**
 * WHO's rule for length versus height: the length/height-for-age and weight-for-length tables
 * assume recumbent length below 731 days (age rounded) and standing height from 731 days.
 * A child under 731 days measured standing gets 0.7 cm added; a child of 731 days or more
 * measured lying gets 0.7 cm subtracted (WHO anthro `adjust_lenhei`).
 */
export function standardiseLengthHeight(ageDays: number, valueCm: number, measuredAs: 'length' | 'height'): number {
  const lyingExpected = Math.round(ageDays) < 731;
  if (lyingExpected && measuredAs === 'height') return valueCm + 0.7;
  if (!lyingExpected && measuredAs === 'length') return valueCm - 0.7;
  return valueCm;
}
