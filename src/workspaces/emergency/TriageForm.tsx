import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { news2, type Acvpu } from '../../domain/news2';
import { TRIAGE_LEVELS, type TriageLevel } from '../../domain/triage';
import { colourOf, triageBundle, type EdVisit } from '../../fhir/emergency';
import type { Persona } from '../../session/personnel';
import { nowMs } from '../../ui/clock';
import { ReasonAndSave } from './ReasonAndSave';
import { TriageBadge } from '../../ui/triage';
import { useTransaction } from './hooks';
import { parseVitals, VITAL_FIELDS, type VitalField, type VitalText } from '../../domain/vitalsForm';

/**
 * Triage: vital signs with NEWS2 as they are typed, the level (colour and word) and a reason.
 * A later triage changes the level; every triage is kept (the history below the form).
 */
export function TriageForm({ visit, persona, tablet, onSaved, onConflict }: { visit: EdVisit; persona: Persona; tablet: boolean; onSaved: (level: TriageLevel) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [values, setValues] = useState<VitalText>({});
  const [onOxygen, setOnOxygen] = useState(false);
  const [acvpu, setAcvpu] = useState<Acvpu | ''>('');
  const [level, setLevel] = useState<TriageLevel | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ fields: Partial<Record<VitalField, string>>; level?: string; reason?: string }>({ fields: {} });
  const refs = useRef<Partial<Record<string, HTMLElement | null>>>({});
  const save = useTransaction(['Encounter', 'Observation']);
  const size = tablet ? 'medium' : 'small';

  const parsed = useMemo(() => parseVitals(values), [values]);
  const score = useMemo(() => news2({ ...parsed.values, onOxygen, ...(acvpu ? { consciousness: acvpu } : {}) }), [parsed, onOxygen, acvpu]);
  const scored = Object.keys(score.scores).length;

  const submit = () => {
    const fieldErrors: Partial<Record<VitalField, string>> = {};
    for (const [field, error] of Object.entries(parsed.errors) as [VitalField, { kind: 'number' } | { kind: 'range'; min: number; max: number }][]) {
      fieldErrors[field] = error.kind === 'number' ? t('edPages.triage.invalidNumber') : t('edPages.triage.outOfRange', { min: error.min, max: error.max });
    }
    const next = { fields: fieldErrors, ...(level ? {} : { level: t('edPages.triage.levelRequired') }), ...(reason.trim() ? {} : { reason: t('edPages.triage.reasonRequired') }) };
    setErrors(next);
    const first = VITAL_FIELDS.find((f) => fieldErrors[f]) ?? (next.level ? 'level' : next.reason ? 'reason' : undefined);
    if (first) {
      refs.current[first]?.focus();
      return;
    }
    if (!level) return;
    const vitals = { ...parsed.values, onOxygen, ...(acvpu ? { consciousness: acvpu } : {}) };
    save.mutate(triageBundle(visit.encounter, { level, reason, vitals }, persona, nowMs()), {
      onSuccess: () => {
        setValues({});
        setAcvpu('');
        setOnOxygen(false);
        setLevel(null);
        setReason('');
        onSaved(level);
      },
      // Someone else changed the visit meanwhile: read it again; the form keeps what was typed, to send once more.
      onError: (error) => {
        if (error.kind === 'conflict') onConflict();
      },
    });
  };

  const field = (f: VitalField) => (
    <TextField
      key={f}
      id={`${ids}-${f}`}
      label={t(`edPages.triage.${f}`)}
      value={values[f] ?? ''}
      onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
      inputRef={(el: HTMLInputElement | null) => {
        refs.current[f] = el;
      }}
      error={Boolean(errors.fields[f])}
      helperText={errors.fields[f] ?? ' '}
      size={size}
      slotProps={{ htmlInput: { inputMode: 'decimal' } }}
      sx={{ width: '12rem' }}
    />
  );

  return (
    <Box component="form" noValidate aria-label={visit.level ? t('edPages.triage.change') : t('edPages.triage.title')} onSubmit={(e) => { e.preventDefault(); submit(); }} sx={{ display: 'grid', gap: 1.5 }}>
      <Typography component="h3" variant="h3">
        {t('edPages.triage.vitals')}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap', alignItems: 'flex-start' }}>
        {VITAL_FIELDS.map(field)}
        <TextField select id={`${ids}-acvpu`} label={t('edPages.triage.acvpu')} value={acvpu} onChange={(e) => setAcvpu(e.target.value as Acvpu)} size={size} sx={{ width: '14rem' }} helperText=" ">
          {(['A', 'C', 'V', 'P', 'U'] as const).map((c) => (
            <MenuItem key={c} value={c}>
              {t(`edPages.triage.acvpuOptions.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel control={<Switch checked={onOxygen} onChange={(e) => setOnOxygen(e.target.checked)} />} label={t('edPages.triage.oxygen')} />
      </Box>
      <Alert severity={score.band === 'high' ? 'error' : score.band === 'medium' || score.band === 'low-single-red' ? 'warning' : 'info'} role="status">
        {scored === 0
          ? t('edPages.triage.news2None')
          : `${score.complete ? t('edPages.triage.news2', { total: score.total }) : t('edPages.triage.news2Incomplete', { total: score.total, count: scored })} – ${t(`edPages.triage.band.${score.band}`)}`}
      </Alert>
      <FormControl error={Boolean(errors.level)}>
        <FormLabel id={`${ids}-level`}>{t('edPages.triage.level')}</FormLabel>
        <RadioGroup
          ref={(el: HTMLDivElement | null) => {
            refs.current.level = el?.querySelector('input') ?? null;
          }}
          aria-labelledby={`${ids}-level`} value={level ? String(level) : ''} onChange={(e) => setLevel(Number(e.target.value) as TriageLevel)} sx={{ gap: 0.5 }}>
          {TRIAGE_LEVELS.map((l) => (
            <FormControlLabel
              key={l.level}
              value={String(l.level)}
              control={<Radio />}
              label={
                <Box component="span" sx={{ display: 'inline-flex', gap: 1, alignItems: 'center' }}>
                  <TriageBadge level={l.level} />
                  <span>{t(`emergency.levelLong.${colourOf(l.level)}`)}</span>
                </Box>
              }
              sx={{ minHeight: tablet ? 44 : 32 }}
            />
          ))}
        </RadioGroup>
        {errors.level && <FormHelperText>{errors.level}</FormHelperText>}
      </FormControl>
      <ReasonAndSave
        id={`${ids}-reason`}
        label={t('edPages.triage.reason')}
        value={reason}
        onChange={setReason}
        inputRef={(el: HTMLInputElement | null) => {
          refs.current.reason = el;
        }}
        error={errors.reason}
        size={size}
        saveError={save.error}
        saving={save.isPending}
        saveLabel={t('edPages.triage.save')}
      />
    </Box>
  );
}
