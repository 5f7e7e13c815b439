import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Sex } from '../../domain/growth';
import { INDICATORS, assessGrowth, isImplausible, pointsOfVisit, zOf, type GrowthVisit, type Indicator, type Point, type WhoTables } from '../../domain/growthAssessment';
import { ageInDays, type GrowthMeasure } from '../../domain/childProgramme';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { GrowthChart } from './GrowthChart';
import { chartModel } from './chartModel';
import { formatChildAge, formatDay, formatNumber, parseDecimal } from './format';
import { useTransaction, useWhoTables } from './hooks';
import { growthTransaction } from './model';

type Field = 'weight' | 'length' | 'head';
const LIMITS: Record<Field, [number, number]> = { weight: [0.3, 60], length: [30, 130], head: [20, 60] };

/** The four charts and the table: what the bench renders too. */
export function GrowthCharts({ tables, sex, ageDays, points, birthDate }: { tables: WhoTables; sex: Sex; ageDays: number; points: Point[]; birthDate: string }) {
  const { t, i18n } = useTranslation();
  const models = useMemo(() => INDICATORS.map((i) => chartModel(tables, i, sex, ageDays, points)), [tables, sex, ageDays, points]);
  const flagsOf = (p: Point) => [p.implausible && t('hs.growth.flagImplausible'), p.beyondTwoZ && t('hs.growth.flagBeyond'), p.crossedTwoLines && t('hs.growth.flagCrossed')].filter(Boolean).join('; ');
  const rows = [...points].sort((a, b) => b.date.localeCompare(a.date) || INDICATORS.indexOf(a.indicator) - INDICATORS.indexOf(b.indicator));
  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Typography component="h3" variant="h3">
        {t('hs.growth.charts')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' } }} data-testid="growth-charts">
        {models.map((m) => (
          <Box key={m.indicator}>
            <Typography component="h4" variant="subtitle1" sx={{ fontWeight: 700 }}>
              {t(`hs.growth.chartTitle.${m.indicator}`)}
            </Typography>
            <GrowthChart model={m} sex={sex} />
          </Box>
        ))}
      </Box>
      <Typography component="h3" variant="h3" id="growth-table">
        {t('hs.growth.table')}
      </Typography>
      {rows.length === 0 ? (
        <Typography>{t('hs.growth.noMeasurements')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-labelledby="growth-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('hs.growth.tableDate')}</TableCell>
                <TableCell>{t('hs.growth.tableAge')}</TableCell>
                <TableCell>{t('hs.growth.tableMeasure')}</TableCell>
                <TableCell align="right">{t('hs.growth.tableValue')}</TableCell>
                <TableCell align="right">{t('hs.growth.tableZ')}</TableCell>
                <TableCell align="right">{t('hs.growth.tablePercentile')}</TableCell>
                <TableCell>{t('hs.growth.tableFlags')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => {
                const unit = p.indicator === 'wfa' || p.indicator === 'wfl' ? 'kg' : 'cm';
                const flags = flagsOf(p);
                return (
                  <TableRow key={`${p.date}-${p.indicator}`}>
                    <TableCell>{formatDay(p.date)}</TableCell>
                    <TableCell>{formatChildAge(t, birthDate, p.date)}</TableCell>
                    <TableCell>{t(`hs.growth.chartTitle.${p.indicator}`)}</TableCell>
                    <TableCell align="right">{`${formatNumber(p.value, i18n.language, unit === 'kg' ? 2 : 1)} ${unit}`}</TableCell>
                    <TableCell align="right">{formatNumber(p.z, i18n.language, 2)}</TableCell>
                    <TableCell align="right">{formatNumber(p.percentile, i18n.language, p.percentile < 1 || p.percentile > 99 ? 1 : 0)}</TableCell>
                    <TableCell sx={flags ? { color: 'error.main', fontWeight: 600 } : undefined}>{flags || '–'}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

function GrowthForm({ tables, sex, birthDate, today, patientId, persona, expected }: {
  tables: WhoTables | undefined;
  sex: Sex;
  birthDate: string;
  today: string;
  patientId: string;
  persona: Persona;
  expected: readonly GrowthMeasure[];
}) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(today);
  const [text, setText] = useState<Record<Field, string>>({ weight: '', length: '', head: '' });
  const ageAtDate = date ? ageInDays(birthDate, date) : 0;
  const [measuredAs, setMeasuredAs] = useState<'length' | 'height'>(ageInDays(birthDate, today) < 731 ? 'length' : 'height');
  const [tried, setTried] = useState(false);
  const [confirmed, setConfirmed] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useTransaction(['Observation']);

  const values = { weight: parseDecimal(text.weight), length: parseDecimal(text.length), head: parseDecimal(text.head) };
  const dateError = date === '' || date > today || date < birthDate ? t('hs.growth.dateInvalid') : undefined;
  const errors: Partial<Record<Field, string>> = {};
  for (const f of ['weight', 'length', 'head'] as const) {
    const v = values[f];
    if (v === undefined) continue;
    if (Number.isNaN(v)) errors[f] = t('hs.growth.notNumber');
    else if (v < LIMITS[f][0] || v > LIMITS[f][1]) errors[f] = t('hs.growth.outOfRange', { min: formatNumber(LIMITS[f][0], i18n.language, 1), max: LIMITS[f][1] });
  }
  // Implausible for the age (WHO anthro's limits): said in words; the nurse can save anyway after checking.
  const warnings: Partial<Record<Field, string>> = {};
  if (tables && !dateError) {
    const visit: GrowthVisit = { date, ageDays: ageAtDate, measuredAs };
    if (values.weight !== undefined && !errors.weight) visit.weightKg = values.weight;
    if (values.length !== undefined && !errors.length) visit.lengthCm = values.length;
    if (values.head !== undefined && !errors.head) visit.headCm = values.head;
    const fieldOf: Record<Indicator, Field> = { wfa: 'weight', lhfa: 'length', hcfa: 'head', wfl: 'weight' };
    for (const raw of pointsOfVisit(visit)) {
      const z = zOf(tables, raw.indicator, sex, raw.x, raw.value);
      const field = fieldOf[raw.indicator];
      if (z !== undefined && isImplausible(raw.indicator, z) && !warnings[field]) {
        const unit = field === 'weight' ? 'kg' : 'cm';
        warnings[field] = t('hs.growth.implausible', { value: `${text[field].trim()} ${unit}`, age: formatChildAge(t, birthDate, date), z: formatNumber(z, i18n.language, 1) });
      }
    }
  }
  const nothing = values.weight === undefined && values.length === undefined && values.head === undefined;
  const warningKey = JSON.stringify([date, text, measuredAs]);
  const needsConfirm = Object.keys(warnings).length > 0 && confirmed !== warningKey;

  /** Saves; `force` after the nurse has checked an implausible value ("Lagre likevel"). */
  const submit = (force = false) => {
    setTried(true);
    setSaved(false);
    if (nothing || dateError || Object.keys(errors).length > 0) return;
    if (!tables) return; // the plausibility check needs the WHO tables (the button waits for them)
    if (needsConfirm && !force) return;
    const input = { date, measuredAs, ...(values.weight !== undefined ? { weightKg: values.weight } : {}), ...(values.length !== undefined ? { lengthCm: values.length } : {}), ...(values.head !== undefined ? { headCm: values.head } : {}) };
    save.mutate(growthTransaction(input, patientId, persona, new Date()), {
      onSuccess: () => {
        setText({ weight: '', length: '', head: '' });
        setTried(false);
        setConfirmed(null);
        setSaved(true);
      },
    });
  };

  const field = (f: Field, label: string) => {
    const message = (tried || text[f] !== '') && errors[f] ? errors[f] : tried && warnings[f] ? warnings[f] : undefined;
    return (
      <TextField
        label={label}
        value={text[f]}
        onChange={(e) => {
          setSaved(false);
          setText((s) => ({ ...s, [f]: e.target.value }));
        }}
        error={Boolean(message)}
        helperText={message ?? ' '}
        slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
      />
    );
  };

  return (
    <Box component="form" noValidate aria-labelledby="growth-form-title" onSubmit={(e) => { e.preventDefault(); submit(); }} sx={{ display: 'grid', gap: 1.5 }}>
      <Typography component="h3" variant="h3" id="growth-form-title">
        {t('hs.growth.record')}
      </Typography>
      {expected.length > 0 && <Typography color="text.secondary">{t('hs.growth.expected', { what: expected.map((m) => t(`hs.growth.what.${m}`)).join(', ') })}</Typography>}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', lg: 'repeat(5, minmax(0, 1fr))' }, alignItems: 'start' }}>
        <TextField label={t('hs.growth.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} error={Boolean(dateError)} helperText={dateError ?? ' '} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today, min: birthDate } }} />
        {field('weight', t('hs.growth.weight'))}
        {field('length', t('hs.growth.lengthOrHeight'))}
        <TextField select label={t('hs.growth.measuredAs')} value={measuredAs} onChange={(e) => setMeasuredAs(e.target.value as 'length' | 'height')} helperText=" ">
          <MenuItem value="length">{t('hs.growth.lying')}</MenuItem>
          <MenuItem value="height">{t('hs.growth.standing')}</MenuItem>
        </TextField>
        {field('head', t('hs.growth.head'))}
      </Box>
      <Box role="status">
        {tried && nothing && <Alert severity="error">{t('hs.growth.nothing')}</Alert>}
        {saved && <Alert severity="success">{t('hs.growth.saved')}</Alert>}
      </Box>
      {tried && needsConfirm && (
        <Alert
          severity="warning"
          action={
            <Button
              color="inherit"
              sx={{ minHeight: 44 }}
              onClick={() => {
                setConfirmed(warningKey);
                submit(true);
              }}
            >
              {t('hs.growth.confirm')}
            </Button>
          }
        >
          {Object.values(warnings).join(' ')}
        </Alert>
      )}
      {save.error && (
        <Box>
          <Alert severity="error">{t('hs.growth.failed')}</Alert>
          <ErrorAlert error={save.error} />
        </Box>
      )}
      <Box>
        <Button type="submit" variant="contained" disabled={save.isPending || !tables} sx={{ minHeight: 44 }}>
          {save.isPending ? t('hs.growth.saving') : t('hs.growth.save')}
        </Button>
      </Box>
    </Box>
  );
}

/** Growth: record weight, length/height and head circumference; WHO curves with the child's z-scores and flags. */
export function GrowthPanel({ sex, birthDate, today, ageDays, visits, patientId, persona, expected }: {
  sex: Sex;
  birthDate: string;
  today: string;
  ageDays: number;
  visits: GrowthVisit[];
  patientId: string;
  persona: Persona;
  expected: readonly GrowthMeasure[];
}) {
  const { t } = useTranslation();
  const tables = useWhoTables();
  const points = useMemo(() => (tables.data ? assessGrowth(tables.data, sex, visits) : []), [tables.data, sex, visits]);
  const latestDate = points.at(-1)?.date;
  const latest = points.filter((p) => p.date === latestDate);
  const flagged = latest.filter((p) => p.beyondTwoZ || p.crossedTwoLines || p.implausible);
  return (
    <Box sx={{ display: 'grid', gap: 3 }}>
      <GrowthForm tables={tables.data} sex={sex} birthDate={birthDate} today={today} patientId={patientId} persona={persona} expected={expected} />
      {tables.error && <ErrorAlert error={tables.error} onRetry={() => void tables.refetch()} />}
      {tables.isPending && (
        <Box>
          <Typography>{t('hs.growth.loadingCurves')}</Typography>
          <LoadingLines />
        </Box>
      )}
      {tables.data && (
        <>
          {latest.length > 0 && (
            <Alert severity={flagged.length > 0 ? 'warning' : 'success'}>
              <strong>{t('hs.growth.flagsSummary')} ({formatDay(latestDate)}): </strong>
              {flagged.length > 0
                ? flagged.map((p) => `${t(`hs.growth.chartTitle.${p.indicator}`)}: ${[p.implausible && t('hs.growth.flagImplausible'), p.beyondTwoZ && t('hs.growth.flagBeyond'), p.crossedTwoLines && t('hs.growth.flagCrossed')].filter(Boolean).join(', ')}`).join('. ')
                : t('hs.growth.noFlags')}
            </Alert>
          )}
          <GrowthCharts tables={tables.data} sex={sex} ageDays={ageDays} points={points} birthDate={birthDate} />
        </>
      )}
    </Box>
  );
}
