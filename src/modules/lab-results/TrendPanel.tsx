import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DeviceClass } from '../../layout/types';
import { formatDate } from '../../ui/dates';
import { analysisOptions, defaultAnalysis, trendSeries, type ReportView, type TrendPoint } from '../../fhir/results/model';
import { flagText, rangeText, useNumberFormat, VISUALLY_HIDDEN } from '../../ui/resultFormat';
import { TrendChart } from './TrendChart';
import { HeadRow } from './HeadRow';

/**
 * The trend of one analysis over time: choose the analysis (the analyses present in the
 * patient's results, by NLK code and unit), see a line with the reference range shaded and the
 * abnormal results marked, a summary in words, and every value in a table (hidden on screen
 * until asked for; always there for screen readers). Layout config `trendAnalysis` (an NLK
 * code) sets the starting analysis; otherwise the newest abnormal result's analysis is shown.
 */
export const TrendPanel = memo(function TrendPanel({ views, device, config }: { views: readonly ReportView[]; device: DeviceClass; config: Record<string, unknown> }) {
  const { t } = useTranslation();
  const num = useNumberFormat();
  const selectId = useId();
  const summaryId = useId();
  const tableId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const options = useMemo(() => analysisOptions(views), [views]);
  const configured = typeof config.trendAnalysis === 'string' ? options.find((o) => o.code === config.trendAnalysis)?.key : undefined;
  const key = (chosen && options.some((o) => o.key === chosen) ? chosen : undefined) ?? configured ?? defaultAnalysis(views, options);
  const series = useMemo(() => (key ? trendSeries(views, key) : undefined), [views, key]);
  const size = device === 'tablet' ? 'medium' : 'small';

  if (!key || !series) {
    return <Typography color="text.secondary">{t('labResults.trend.none')}</Typography>;
  }

  const withUnit = (v: number) => (series.unit ? `${num(v)} ${series.unit}` : num(v));
  const pointValue = (p: TrendPoint) => {
    const flag = flagText(t, p.flag);
    return flag ? `${withUnit(p.value)} (${flag})` : withUnit(p.value);
  };
  const pts = series.points;
  const newest = pts[pts.length - 1]!;
  const values = pts.map((p) => p.value);
  const abnormalCount = pts.filter((p) => p.abnormal).length;
  const summary =
    pts.length === 1
      ? t('labResults.trend.summary', { count: 1, name: series.name, last: pointValue(newest), lastDate: formatDate(newest.iso) })
      : t('labResults.trend.summary', {
          count: pts.length,
          name: series.name,
          from: formatDate(pts[0]!.iso),
          to: formatDate(newest.iso),
          min: withUnit(Math.min(...values)),
          max: withUnit(Math.max(...values)),
          last: pointValue(newest),
          lastDate: formatDate(newest.iso),
        });
  const bandRange = series.band ? rangeText(t, num, series.band) : '';

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <TextField
        select
        id={selectId}
        label={t('labResults.trend.analysis')}
        value={key}
        onChange={(e) => setChosen(e.target.value)}
        size={size}
        sx={{ maxWidth: '32rem' }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        {options.map((o) => (
          <option key={o.key} value={o.key}>
            {t('labResults.trend.option', { count: o.count, name: o.name, unit: o.unit })}
          </option>
        ))}
      </TextField>
      <Typography id={summaryId} variant="body2">
        {summary}
        {abnormalCount > 0 && ` ${t('labResults.trend.abnormalCount', { count: abnormalCount })}`}
      </Typography>
      <TrendChart
        points={pts.map((p) => ({ at: p.at, value: p.value, abnormal: p.abnormal, label: t('labResults.trend.point', { date: formatDate(p.iso), value: pointValue(p) }) }))}
        band={series.band}
        formatValue={num}
        label={t('labResults.trend.chartLabel', { name: series.name })}
        describedBy={summaryId}
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, rowGap: 0.5 }}>
        {bandRange && (
          <Typography variant="body2" color="text.secondary">
            {t('labResults.trend.band', { range: series.unit ? `${bandRange} ${series.unit}` : bandRange })}
          </Typography>
        )}
        {abnormalCount > 0 && (
          <Typography variant="body2" color="text.secondary">
            {t('labResults.trend.legendNormal')} · {t('labResults.trend.legendAbnormal')}
          </Typography>
        )}
      </Box>
      <Box>
        <Button size={size} aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {showTable ? t('labResults.trend.hideTable') : t('labResults.trend.showTable')}
        </Button>
      </Box>
      <Box id={tableId} sx={showTable ? { overflowX: 'auto' } : VISUALLY_HIDDEN}>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>{t('labResults.trend.tableCaption', { name: series.name })}</caption>
          <HeadRow columns={[{ label: t('labResults.trend.date') }, { label: t('labResults.table.value'), numeric: true }, { label: t('labResults.table.range') }, { label: t('labResults.table.flag') }, { label: t('labResults.trend.lab') }]} />
          <TableBody>
            {[...pts].reverse().map((p, i) => (
              <TableRow key={`${p.reportId}-${i}`} sx={p.abnormal ? { '& td, & th': { fontWeight: 700 } } : undefined}>
                <TableCell component="th" scope="row">
                  <time dateTime={p.iso}>{formatDate(p.iso)}</time>
                </TableCell>
                <TableCell align="right">{withUnit(p.value)}</TableCell>
                <TableCell>{rangeText(t, num, p)}</TableCell>
                <TableCell sx={p.abnormal ? { color: 'error.main' } : undefined}>{flagText(t, p.flag)}</TableCell>
                <TableCell>{p.performer?.display ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Box>
  );
});
