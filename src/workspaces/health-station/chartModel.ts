import { valueFromZ, type Sex } from '../../domain/growth';
import { MAJOR_PERCENTILES, lmsOf, type Indicator, type Point, type WhoTables } from '../../domain/growthAssessment';

/**
 * What a growth chart draws, in data units: the WHO percentile curves over the chart's range and
 * the child's points. Pure, so the bench and the tests measure the same work the page does.
 */
export interface Curve {
  p: number;
  points: Array<[number, number]>;
}

export interface ChartModel {
  indicator: Indicator;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  curves: Curve[];
  points: Point[];
  /** Tick positions on x (days or cm) and y. */
  xTicks: number[];
  yTicks: number[];
}

const DAYS_PER_MONTH = 30.4375;

function niceStep(range: number, target: number): number {
  const raw = range / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * mag;
}

/** The chart of one indicator: 0–2 years while the child is under two (else 0–5), weight-for-length over 45–110 cm (cut to the child's lengths). */
export function chartModel(tables: WhoTables, indicator: Indicator, sex: Sex, ageDays: number, allPoints: readonly Point[]): ChartModel {
  const points = allPoints.filter((p) => p.indicator === indicator);
  let xMin: number;
  let xMax: number;
  if (indicator === 'wfl') {
    const lengths = points.map((p) => p.x);
    xMin = lengths.length > 0 ? Math.max(45, Math.floor((Math.min(...lengths) - 5) / 5) * 5) : 45;
    xMax = Math.min(110, Math.max(xMin + 30, lengths.length > 0 ? Math.ceil((Math.max(...lengths) + 10) / 5) * 5 : ageDays < 731 ? 95 : 110));
  } else {
    xMin = 0;
    xMax = ageDays < 700 && points.every((p) => p.x <= 730) ? 730 : 1826;
  }
  const steps = 120;
  const curves: Curve[] = MAJOR_PERCENTILES.map(({ p, z }) => {
    const pts: Array<[number, number]> = [];
    for (let i = 0; i <= steps; i++) {
      const x = xMin + ((xMax - xMin) * i) / steps;
      const lms = lmsOf(tables, indicator, sex, x);
      if (lms) pts.push([x, valueFromZ(z, lms)]);
    }
    return { p, points: pts };
  });
  const ys = [...curves.flatMap((c) => c.points.map((q) => q[1])), ...points.map((p) => p.value)];
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const yStep = niceStep(hi - lo, 6);
  const yMin = Math.floor(lo / yStep) * yStep;
  const yMax = Math.ceil(hi / yStep) * yStep;
  const yTicks: number[] = [];
  for (let y = yMin; y <= yMax + 1e-9; y += yStep) yTicks.push(Number(y.toFixed(6)));
  const xTicks: number[] = [];
  if (indicator === 'wfl') for (let x = Math.ceil(xMin / 5) * 5; x <= xMax; x += 5) xTicks.push(x);
  else for (let m = 0; m * DAYS_PER_MONTH <= xMax + 1; m += xMax > 800 ? 6 : 2) xTicks.push(m * DAYS_PER_MONTH);
  return { indicator, xMin, xMax, yMin, yMax, curves, points, xTicks, yTicks };
}
