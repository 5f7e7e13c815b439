import { format } from 'date-fns';
import { useTheme } from '@mui/material/styles';

/**
 * A small line chart in plain SVG (no chart library: a few hundred points at most, and it renders
 * the same in tests). It is a picture only (aria-hidden); the text alternative is the summary and
 * the table the trend panel shows beside it.
 */
export interface TrendPoint {
  at: number;
  values: (number | undefined)[];
}

const W = 640;
const H = 220;
const M = { left: 46, right: 14, top: 12, bottom: 28 };

/** 1, 2 or 5 × 10^k: a step that gives about `count` ticks over `span`. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const n = raw / power;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 5 ? 5 : 10) * power;
}

export function yDomain(values: number[], band?: readonly [number, number]): [number, number] {
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (band) {
    // Show the normal band's nearest edge when the values are close to it.
    lo = Math.min(lo, Math.max(band[0], lo - (hi - lo + 1)));
    hi = Math.max(hi, Math.min(band[1], hi + (hi - lo + 1)));
  }
  const pad = Math.max((hi - lo) * 0.1, 1);
  // Every vital sign is zero or more.
  return [Math.max(0, lo - pad), hi + pad];
}

export function TrendChart({
  points,
  seriesCount,
  from,
  to,
  band,
  timeFormat,
  decimals,
  formatValue,
}: {
  points: TrendPoint[];
  seriesCount: number;
  from: number;
  to: number;
  band?: readonly [number, number];
  timeFormat: string;
  decimals: number;
  formatValue: (value: number, decimals?: number) => string;
}) {
  const theme = useTheme();
  const all = points.flatMap((p) => p.values.filter((v): v is number => v !== undefined));
  if (all.length === 0) return null;
  const [y0, y1] = yDomain(all, band);
  const x0 = from;
  const x1 = to > from ? to : from + 1;
  const px = (t: number) => M.left + ((t - x0) / (x1 - x0)) * (W - M.left - M.right);
  const py = (v: number) => M.top + (1 - (v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  // Never finer than the values' own precision (no "2, 2, 3, 3" for whole numbers).
  const step = Math.max(niceStep(y1 - y0, 4), 10 ** -decimals);
  const yTicks: number[] = [];
  for (let v = Math.ceil(y0 / step) * step; v <= y1; v += step) yTicks.push(Number(v.toFixed(6)));
  const xTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => x0 + f * (x1 - x0));
  const colours = [theme.palette.primary.main, theme.palette.secondary.main];
  const grid = theme.palette.divider;
  const text = theme.palette.text.secondary;
  const bandTop = band ? Math.min(band[1], y1) : 0;
  const bandBottom = band ? Math.max(band[0], y0) : 0;
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="presentation" aria-hidden="true" focusable="false" style={{ display: 'block', maxHeight: 260 }}>
      {band && bandTop > bandBottom && (
        <rect x={M.left} width={W - M.left - M.right} y={py(bandTop)} height={py(bandBottom) - py(bandTop)} fill={theme.palette.success.main} opacity={0.12} />
      )}
      {yTicks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={W - M.right} y1={py(v)} y2={py(v)} stroke={grid} />
          <text x={M.left - 6} y={py(v) + 4} textAnchor="end" fontSize={12} fill={text}>
            {formatValue(v, decimals)}
          </text>
        </g>
      ))}
      {xTicks.map((tick, i) => (
        <text key={i} x={px(tick)} y={H - 8} textAnchor={i === 0 ? 'start' : i === xTicks.length - 1 ? 'end' : 'middle'} fontSize={12} fill={text}>
          {format(new Date(tick), timeFormat)}
        </text>
      ))}
      {Array.from({ length: seriesCount }, (_, s) => {
        const pts = points.flatMap((p) => {
          const v = p.values[s];
          return v === undefined ? [] : [[px(p.at), py(v)] as const];
        });
        const colour = colours[s % colours.length];
        return (
          <g key={s}>
            {pts.length > 1 && (
              <polyline points={pts.map(([x, y]) => `${x},${y}`).join(' ')} fill="none" stroke={colour} strokeWidth={2} strokeDasharray={s === 1 ? '6 4' : undefined} />
            )}
            {pts.map(([x, y], i) =>
              s === 1 ? <rect key={i} x={x - 4} y={y - 4} width={8} height={8} fill={colour} /> : <circle key={i} cx={x} cy={y} r={4} fill={colour} />,
            )}
          </g>
        );
      })}
    </svg>
  );
}
