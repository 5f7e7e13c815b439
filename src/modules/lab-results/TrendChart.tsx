import { format } from 'date-fns';
import { useTheme } from '@mui/material/styles';

/**
 * A small line chart in plain SVG (no chart library: a patient has tens of results of one
 * analysis, and it renders the same in tests). The picture is one image with a label and a
 * description (the summary in words beside it); the table beside it carries every value.
 * Abnormal points are triangles, normal ones circles, so the difference is not colour alone.
 */
export interface ChartPoint {
  at: number;
  value: number;
  abnormal: boolean;
  /** "12.03.2026: 6,4 mmol/L (Høy)": a tooltip for a pointer. */
  label: string;
}

const W = 640;
const H = 220;
const M = { left: 52, right: 16, top: 12, bottom: 28 };
const DAY = 24 * 3600_000;

/** 1, 2 or 5 × 10^k: a step that gives about `count` ticks over `span`. */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

/** The value axis: the values and the reference range's edges, with some room; never below 0 for values that are all ≥ 0. */
export function valueDomain(values: readonly number[], band?: { low?: number; high?: number }): [number, number] {
  const all = [...values];
  if (band?.low !== undefined) all.push(band.low);
  if (band?.high !== undefined) all.push(band.high);
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  const pad = Math.max((hi - lo) * 0.1, Math.abs(hi) * 0.05, 0.1);
  const positive = values.every((v) => v >= 0);
  lo -= pad;
  hi += pad;
  if (positive) lo = Math.max(0, lo);
  return [lo, hi];
}

/** Date labels that suit the span: hours within two days, days within a year, months beyond. */
export function timeFormatFor(spanMs: number): string {
  if (spanMs <= 2 * DAY) return 'dd.MM HH:mm';
  if (spanMs <= 366 * DAY) return 'dd.MM.yy';
  return 'MM.yyyy';
}

export function TrendChart({
  points,
  band,
  formatValue,
  label,
  describedBy,
}: {
  points: readonly ChartPoint[];
  band?: { low?: number; high?: number } | undefined;
  formatValue: (value: number) => string;
  label: string;
  describedBy?: string;
}) {
  const theme = useTheme();
  if (points.length === 0) return null;
  const [y0, y1] = valueDomain(points.map((p) => p.value), band);
  const first = points[0]!.at;
  const last = points[points.length - 1]!.at;
  const x0 = first === last ? first - DAY : first;
  const x1 = first === last ? last + DAY : last;
  const px = (t: number) => M.left + ((t - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (v: number) => M.top + (1 - (v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const step = niceStep(y1 - y0, 4);
  const yTicks: number[] = [];
  for (let v = Math.ceil(y0 / step) * step; v <= y1 + 1e-9; v += step) yTicks.push(Number(v.toFixed(6)));
  const timeFormat = timeFormatFor(x1 - x0);
  const xTicks = first === last ? [first] : [0, 0.5, 1].map((f) => x0 + f * (x1 - x0));
  const grid = theme.palette.divider;
  const text = theme.palette.text.secondary;
  const line = theme.palette.primary.main;
  const bad = theme.palette.error.main;
  const bandTop = Math.min(band?.high ?? y1, y1);
  const bandBottom = Math.max(band?.low ?? y0, y0);
  const hasBand = band !== undefined && (band.low !== undefined || band.high !== undefined) && bandTop > bandBottom;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={label}
      {...(describedBy ? { 'aria-describedby': describedBy } : {})}
      focusable="false"
      style={{ display: 'block', maxHeight: 260 }}
    >
      {hasBand && <rect data-band x={M.left} width={W - M.left - M.right} y={py(bandTop)} height={py(bandBottom) - py(bandTop)} fill={theme.palette.success.main} opacity={0.14} />}
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={py(v)} y2={py(v)} stroke={grid} />
          <text x={M.left - 6} y={py(v) + 4} textAnchor="end" fontSize={12} fill={text}>
            {formatValue(v)}
          </text>
        </g>
      ))}
      {xTicks.map((tick, i) => (
        <text
          key={i}
          x={px(tick)}
          y={H - 8}
          textAnchor={xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'}
          fontSize={12}
          fill={text}
        >
          {format(new Date(tick), timeFormat)}
        </text>
      ))}
      {points.length > 1 && <polyline points={points.map((p) => `${px(p.at)},${py(p.value)}`).join(' ')} fill="none" stroke={line} strokeWidth={2} />}
      {points.map((p, i) => {
        const x = px(p.at);
        const y = py(p.value);
        return p.abnormal ? (
          <path key={i} data-point="abnormal" d={`M ${x} ${y - 7} L ${x + 7} ${y + 5} L ${x - 7} ${y + 5} Z`} fill={bad} stroke={theme.palette.background.paper} strokeWidth={1}>
            <title>{p.label}</title>
          </path>
        ) : (
          <circle key={i} data-point="normal" cx={x} cy={y} r={4.5} fill={line} stroke={theme.palette.background.paper} strokeWidth={1}>
            <title>{p.label}</title>
          </circle>
        );
      })}
    </svg>
  );
}
