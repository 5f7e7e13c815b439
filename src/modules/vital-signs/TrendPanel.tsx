import { memo, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { formatDateTime } from '../../ui/dates';
import type { VitalSet } from '../../fhir/vitalSignShapes';
import { VISUALLY_HIDDEN, useFormatNumber } from './format';
import { TrendChart, type TrendPoint } from './TrendChart';

export const TREND_PARAMS = ['news2', 'bloodPressure', 'pulse', 'spo2', 'respiratoryRate', 'temperature', 'weight'] as const;
export type TrendParam = (typeof TREND_PARAMS)[number];
export const PERIODS = ['24h', '7d', '30d', '1y', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 24 * 60 * 60 * 1000;
const PERIOD_MS: Record<Exclude<Period, 'all'>, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '1y': 365 * DAY };
const TIME_FORMAT: Record<Period, string> = { '24h': 'HH:mm', '7d': 'dd.MM', '30d': 'dd.MM', '1y': 'MM.yyyy', all: 'MM.yyyy' };

interface ParamDef {
  values: (set: VitalSet) => (number | undefined)[];
  /** i18n keys of the series (more than one for blood pressure). */
  series: string[];
  unit: string;
  decimals: number;
  /** The range that scores 0 NEWS2 points (scale 1 for SpO2), shaded. */
  band?: readonly [number, number];
}

const DEF: Record<TrendParam, ParamDef> = {
  news2: { values: (s) => [s.news2], series: ['vitals.param.news2'], unit: '', decimals: 0 },
  bloodPressure: { values: (s) => [s.values.systolic, s.values.diastolic], series: ['vitals.trend.series.systolic', 'vitals.trend.series.diastolic'], unit: 'mmHg', decimals: 0 },
  pulse: { values: (s) => [s.values.pulse], series: ['vitals.param.pulse'], unit: '/min', decimals: 0, band: [51, 90] },
  spo2: { values: (s) => [s.values.spo2], series: ['vitals.param.spo2'], unit: '%', decimals: 0, band: [96, 100] },
  respiratoryRate: { values: (s) => [s.values.respiratoryRate], series: ['vitals.param.respiratoryRate'], unit: '/min', decimals: 0, band: [12, 20] },
  temperature: { values: (s) => [s.values.temperature], series: ['vitals.param.temperature'], unit: '°C', decimals: 1, band: [36.1, 38.0] },
  weight: { values: (s) => [s.values.weight], series: ['vitals.param.weight'], unit: 'kg', decimals: 1 },
};

function isTrendParam(value: unknown): value is TrendParam {
  return typeof value === 'string' && (TREND_PARAMS as readonly string[]).includes(value);
}
function isPeriod(value: unknown): value is Period {
  return typeof value === 'string' && (PERIODS as readonly string[]).includes(value);
}

/** The current time, refreshed every minute (so "last 24 hours" moves on while the page is open). */
function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

/** Points of a parameter, oldest first. */
export function trendPoints(sets: readonly VitalSet[], param: TrendParam): TrendPoint[] {
  const def = DEF[param];
  return sets
    .map((s) => ({ at: s.at, values: def.values(s) }))
    .filter((p) => p.values.some((v) => v !== undefined))
    .sort((a, b) => a.at - b.at);
}

/**
 * A trend for one parameter over a chosen period: a chart, a summary in words, and the values as a
 * table (hidden on screen unless asked for; always there for screen readers). The module's
 * configuration may set the starting parameter and period (`trendParameter`, `trendPeriod`);
 * otherwise the first parameter with data and the shortest period with two points are shown.
 */
export const TrendPanel = memo(function TrendPanel({ sets, config, device }: { sets: VitalSet[]; config: Record<string, unknown>; device: DeviceClass }) {
  const { t } = useTranslation();
  const fmt = useFormatNumber();
  const headingId = useId();
  const summaryId = useId();
  const now = useNow();
  const [chosenParam, setParam] = useState<TrendParam | null>(isTrendParam(config.trendParameter) ? config.trendParameter : null);
  const [chosenPeriod, setPeriod] = useState<Period | null>(isPeriod(config.trendPeriod) ? config.trendPeriod : null);
  const [showTable, setShowTable] = useState(false);

  const param = chosenParam ?? TREND_PARAMS.find((p) => trendPoints(sets, p).length > 0) ?? 'pulse';
  const def = DEF[param];
  const allPoints = trendPoints(sets, param);
  const last = allPoints[allPoints.length - 1];
  const to = Math.max(now, last?.at ?? now);
  const period: Period = chosenPeriod ?? (['7d', '30d', '1y'] as const).find((p) => allPoints.filter((x) => x.at >= to - PERIOD_MS[p]).length >= 2) ?? 'all';
  const from = period === 'all' ? Math.min(allPoints[0]?.at ?? to - DAY, to - DAY) : to - PERIOD_MS[period];
  const points = allPoints.filter((p) => p.at >= from);

  const paramName = t(`vitals.param.${param}`);
  const periodText = t(`vitals.trend.periodLong.${period}`);
  const withUnit = (v: number) => (def.unit ? `${fmt(v, def.decimals)} ${def.unit}` : fmt(v, def.decimals));
  const pointText = (p: TrendPoint) => p.values.map((v) => (v === undefined ? '–' : fmt(v, def.decimals))).join('/') + (def.unit ? ` ${def.unit}` : '');
  let summary: string;
  const newest = points[points.length - 1];
  if (!newest) summary = t('vitals.trend.empty', { param: paramName, period: periodText });
  else if (points.length === 1) summary = t('vitals.trend.summary', { count: 1, param: paramName, period: periodText, last: pointText(newest), lastTime: formatDateTime(new Date(newest.at).toISOString()) });
  else {
    const ranges = def.series
      .map((key, s) => {
        const vs = points.map((p) => p.values[s]).filter((v): v is number => v !== undefined);
        if (vs.length === 0) return null;
        const range = { min: withUnit(Math.min(...vs)), max: withUnit(Math.max(...vs)) };
        return def.series.length > 1 ? t('vitals.trend.seriesRange', { series: t(key), ...range }) : t('vitals.trend.range', range);
      })
      .filter(Boolean)
      .join(', ');
    summary = t('vitals.trend.summary', { count: points.length, param: paramName, period: periodText, ranges, last: pointText(newest), lastTime: formatDateTime(new Date(newest.at).toISOString()) });
  }

  const size = device === 'tablet' ? 'medium' : 'small';
  const newestFirst = [...points].reverse();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography variant="h3" id={headingId} sx={{ mb: 1 }}>
        {t('vitals.trend.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'center', mb: 1 }}>
        <TextField
          select
          label={t('vitals.trend.parameter')}
          value={param}
          onChange={(e) => setParam(e.target.value as TrendParam)}
          size={size}
          sx={{ minWidth: '14rem' }}
          slotProps={{ select: { native: true } }}
        >
          {TREND_PARAMS.map((p) => (
            <option key={p} value={p}>
              {t(`vitals.param.${p}`)}
            </option>
          ))}
        </TextField>
        <ToggleButtonGroup exclusive size={size} value={period} onChange={(_, value: Period | null) => value && setPeriod(value)} aria-label={t('vitals.trend.period')}>
          {PERIODS.map((p) => (
            <ToggleButton key={p} value={p} sx={{ px: 1.5 }}>
              {t(`vitals.trend.periods.${p}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {points.length > 0 && !showTable && (
        <Box>
          <TrendChart points={points} seriesCount={def.series.length} from={from} to={to} band={def.band} timeFormat={TIME_FORMAT[period]} decimals={def.decimals} formatValue={fmt} />
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }} aria-hidden="true">
            {def.series.length > 1 &&
              def.series.map((key, s) => (
                <Typography key={key} variant="body2" color="text.secondary">
                  {s === 0 ? '●' : '■'} {t(key)}
                </Typography>
              ))}
            {def.band && (
              <Typography variant="body2" color="text.secondary">
                {t('vitals.trend.normalBand')}
              </Typography>
            )}
          </Box>
        </Box>
      )}
      <Typography id={summaryId} variant="body2" sx={{ mt: 0.5 }} data-testid="vitals-trend-summary">
        {summary}
      </Typography>
      {points.length > 0 && (
        <>
          <Box sx={showTable ? { overflowX: 'auto', mt: 1 } : VISUALLY_HIDDEN}>
            <Table size="small" aria-describedby={summaryId}>
              <caption>{t('vitals.trend.tableCaption', { param: paramName, period: periodText })}</caption>
              <TableHead>
                <TableRow>
                  <TableCell>{t('vitals.history.time')}</TableCell>
                  {def.series.map((key) => (
                    <TableCell key={key} align="right">
                      {def.series.length > 1 ? t(key) : t('vitals.trend.value')}
                      {def.unit ? ` (${def.unit})` : ''}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {newestFirst.map((p) => (
                  <TableRow key={p.at}>
                    <TableCell component="th" scope="row">
                      {formatDateTime(new Date(p.at).toISOString())}
                    </TableCell>
                    {p.values.map((v, i) => (
                      <TableCell key={i} align="right">
                        {v === undefined ? '' : fmt(v, def.decimals)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Button variant="text" size={size} onClick={() => setShowTable((v) => !v)} aria-pressed={showTable} sx={{ mt: 0.5 }}>
            {t('vitals.trend.showTable')}
          </Button>
        </>
      )}
    </Box>
  );
});
