import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatISO } from 'date-fns';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import InputAdornment from '@mui/material/InputAdornment';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { NEWS2_PARAMETERS, news2, type Acvpu, type News2Parameter, type News2Result } from '../../domain/news2';
import type { DeviceClass } from '../../layout/types';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { EMPTY_DRAFT, NUMBER_FIELDS, checkDraft, isDraftEmpty, valuesToSave, warningSignature, type Finding, type NumberField, type VitalsDraft } from './draft';
import { buildVitalsTransaction, news2InputOf, newUuid } from '../../fhir/vitalSignShapes';
import { useFormatNumber } from './format';
import { News2Badge } from './News2Badge';
import { performerOf, useRecordVitals } from './useVitalSigns';

const ACVPU_LEVELS: readonly Acvpu[] = ['A', 'C', 'V', 'P', 'U'];

/** A field's name without its unit (the confirmation of unusual values lists them). */
const LABEL_KEY: Record<NumberField, string> = {
  respiratoryRate: 'vitals.param.respiratoryRate',
  spo2: 'vitals.param.spo2',
  systolic: 'vitals.param.systolicBp',
  diastolic: 'vitals.param.diastolicBp',
  pulse: 'vitals.param.pulse',
  temperature: 'vitals.param.temperature',
  weight: 'vitals.param.weight',
};

/** The NEWS2 parameter a field scores. */
const NEWS2_OF_FIELD: Partial<Record<NumberField, News2Parameter>> = {
  respiratoryRate: 'respiratoryRate',
  spo2: 'spo2',
  systolic: 'systolicBp',
  pulse: 'pulse',
  temperature: 'temperature',
};

function ScoreTag({ score }: { score: number }) {
  return (
    <Box
      component="span"
      aria-hidden="true"
      sx={{
        fontSize: '0.75rem',
        fontWeight: 700,
        px: 0.75,
        py: 0.25,
        borderRadius: 0.5,
        whiteSpace: 'nowrap',
        bgcolor: score === 3 ? 'error.main' : score > 0 ? 'warning.main' : 'action.selected',
        color: score === 3 ? 'error.contrastText' : score > 0 ? 'warning.contrastText' : 'text.primary',
      }}
    >
      {`NEWS2 ${score}`}
    </Box>
  );
}

function NumberInput({
  field,
  value,
  finding,
  show,
  score,
  tablet,
  onChange,
  onBlur,
  inputRef,
}: {
  field: NumberField;
  value: string;
  finding: Finding | undefined;
  show: boolean;
  score: number | undefined;
  tablet: boolean;
  onChange: (value: string) => void;
  onBlur: () => void;
  inputRef: (element: HTMLInputElement | null) => void;
}) {
  const { t } = useTranslation();
  const level = show ? finding?.level : undefined;
  return (
    <TextField
      id={`vitals-${field}`}
      label={t(`vitals.form.label.${field}`)}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      error={level === 'error'}
      helperText={show && finding ? t(finding.key, finding.params) : undefined}
      size={tablet ? 'medium' : 'small'}
      inputRef={inputRef}
      fullWidth
      slotProps={{
        inputLabel: { shrink: true },
        htmlInput: { inputMode: 'decimal', autoComplete: 'off', enterKeyHint: 'next', 'data-field': field, sx: tablet ? { fontSize: '1.25rem', py: 1.75 } : undefined },
        input: score !== undefined ? { endAdornment: <InputAdornment position="end"><ScoreTag score={score} /></InputAdornment> } : undefined,
        formHelperText: level === 'warning' ? { sx: { color: 'warning.main', fontWeight: 600 } } : undefined,
      }}
      sx={level === 'warning' ? { '& .MuiOutlinedInput-notchedOutline': { borderColor: 'warning.main', borderWidth: 2 } } : undefined}
    />
  );
}

function Choice<T extends string>({
  legend,
  value,
  options,
  onChange,
  tablet,
  hint,
}: {
  legend: string;
  value: T | null;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  tablet: boolean;
  hint?: ReactNode;
}) {
  return (
    <FormControl component="fieldset" sx={{ minWidth: 0 }}>
      <FormLabel component="legend">{legend}</FormLabel>
      <RadioGroup row value={value ?? ''} onChange={(_, v) => onChange(v as T)}>
        {options.map((o) => (
          <FormControlLabel key={o.value} value={o.value} control={<Radio />} label={o.label} sx={tablet ? { minHeight: 48, mr: 2.5 } : { mr: 2 }} />
        ))}
      </RadioGroup>
      {hint && <FormHelperText sx={{ mx: 0 }}>{hint}</FormHelperText>}
    </FormControl>
  );
}

/** NEWS2 as it is being entered: total and band, what is missing, and the score of each parameter. */
function LiveNews2({ result }: { result: News2Result }) {
  const { t } = useTranslation();
  const scored = NEWS2_PARAMETERS.filter((p) => result.scores[p] !== undefined);
  const missing = NEWS2_PARAMETERS.filter((p) => result.scores[p] === undefined);
  const threes = scored.filter((p) => result.scores[p] === 3);
  return (
    <Box
      sx={{
        // Stuck flush to the top of the scrolling content (over DialogContent's 16 px padding), on
        // exactly the dialog's own surface (Paper's dark-mode overlay included).
        position: 'sticky',
        top: -16,
        mt: -2,
        mx: -3,
        pt: 2,
        px: 3,
        pb: 1,
        mb: 1.5,
        zIndex: 3,
        bgcolor: 'background.paper',
        backgroundImage: 'var(--Paper-overlay)',
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="body2" color="text.secondary">
        {t('vitals.news2.live')}
      </Typography>
      <Box role="status" aria-live="polite">
        {scored.length === 0 ? (
          <Typography>{t('vitals.news2.start')}</Typography>
        ) : (
          <>
            <News2Badge total={result.total} band={result.band} complete={result.complete} />
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              {result.complete ? t(`vitals.news2.response.${result.band}`) : t('vitals.news2.missing', { list: missing.map((p) => t(`vitals.param.${p}`)).join(', ') })}
            </Typography>
            {threes.length > 0 && (
              <Typography variant="body2" color="error" sx={{ fontWeight: 600 }}>
                {t('vitals.news2.singleThreeList', { list: threes.map((p) => t(`vitals.param.${p}`)).join(', ') })}
              </Typography>
            )}
          </>
        )}
      </Box>
      {scored.length > 0 && (
        <Box component="ul" aria-label={t('vitals.news2.scores')} sx={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 0.75, p: 0, m: 0, mt: 0.5 }}>
          {scored.map((p) => {
            const score = result.scores[p] ?? 0;
            return (
              <Box
                component="li"
                key={p}
                sx={{ fontSize: '0.8125rem', px: 0.75, py: 0.25, borderRadius: 0.5, border: 1, borderColor: score === 3 ? 'error.main' : 'divider', fontWeight: score === 3 ? 700 : 400, color: score === 3 ? 'error.main' : 'text.primary' }}
              >
                {t('vitals.news2.scoreItem', { param: t(`vitals.short.${p}`), score })}
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
}

/**
 * The recording form. What is typed lives in the parent (the draft) as text, exactly as typed, so
 * closing the dialog, a wrong value or a failed save never loses anything. Impossible values
 * block saving with a message under the field; unusual values are shown, and saving them takes a
 * second press ("Lagre likevel"). Saving is one transaction: everything or nothing.
 */
export function RecordVitalsDialog({
  patientId,
  persona,
  device,
  draft,
  onDraftChange,
  onClose,
  onSaved,
}: {
  patientId: string;
  persona: Persona;
  device: DeviceClass;
  draft: VitalsDraft;
  onDraftChange: (draft: VitalsDraft) => void;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormatNumber();
  const titleId = useId();
  const tablet = device === 'tablet';
  const save = useRecordVitals();
  const [touched, setTouched] = useState<ReadonlySet<NumberField>>(() => new Set(NUMBER_FIELDS.filter((f) => draft[f].trim() !== '')));
  const [submitted, setSubmitted] = useState(false);
  const [warnedSignature, setWarnedSignature] = useState<string | null>(null);
  const [nothingEntered, setNothingEntered] = useState(false);
  const inputs = useRef<Partial<Record<NumberField, HTMLInputElement | null>>>({});

  const check = useMemo(() => checkDraft(draft, (n) => fmt(n, 3)), [draft, fmt]);
  const live = news2(news2InputOf(check.values));
  const signature = warningSignature(draft, check);
  const confirming = check.warnings.length > 0 && warnedSignature === signature;
  const shown = (field: NumberField) => submitted || touched.has(field);

  const update = <K extends keyof VitalsDraft>(key: K, value: VitalsDraft[K]) => {
    onDraftChange({ ...draft, [key]: value });
    setNothingEntered(false);
  };
  const touch = (field: NumberField) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));

  const clear = () => {
    onDraftChange(EMPTY_DRAFT);
    setTouched(new Set());
    setSubmitted(false);
    setWarnedSignature(null);
    setNothingEntered(false);
    save.reset();
  };

  const handleSave = async () => {
    setSubmitted(true);
    const firstError = check.errors[0];
    if (firstError) {
      inputs.current[firstError]?.focus();
      return;
    }
    if (check.empty) {
      setNothingEntered(true);
      return;
    }
    if (check.warnings.length > 0 && warnedSignature !== signature) {
      setWarnedSignature(signature);
      return;
    }
    // The journal's own words for the recorder's group, whatever language the screen is in.
    const groupLabel = i18n.getFixedT('nb')(`group.${persona.personnelGroup}`);
    const bundle = buildVitalsTransaction(valuesToSave(check), {
      patientId,
      performer: performerOf(persona, groupLabel),
      effective: formatISO(new Date()),
      newId: newUuid,
    });
    try {
      await save.mutateAsync(bundle);
    } catch {
      return; // save.error is shown; the draft is untouched
    }
    onSaved();
  };

  const field = (name: NumberField) => {
    const news2Param = NEWS2_OF_FIELD[name];
    return (
      <NumberInput
        field={name}
        value={draft[name]}
        finding={check.findings[name]}
        show={shown(name)}
        score={news2Param ? live.scores[news2Param] : undefined}
        tablet={tablet}
        onChange={(value) => update(name, value)}
        onBlur={() => touch(name)}
        inputRef={(element) => {
          inputs.current[name] = element;
        }}
      />
    );
  };

  const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(auto-fill, minmax(13rem, 1fr))' }, gap: tablet ? 2.5 : 2, alignItems: 'start' } as const;
  const section = (title: string, children: ReactNode) => (
    <Box component="section" sx={{ mb: 2.5 }}>
      <Typography variant="h3" component="h3" sx={{ mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );

  return (
    <Dialog open onClose={save.isPending ? undefined : onClose} fullScreen={tablet} fullWidth maxWidth="md" scroll="paper" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('vitals.form.title')}</DialogTitle>
      <DialogContent dividers sx={{ scrollPaddingTop: '10rem' /* focused fields scroll into view below the NEWS2 panel */ }}>
        <LiveNews2 result={live} />
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('vitals.form.intro')}
        </Typography>
        {submitted && check.errors.length > 0 && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {t('vitals.error.summary', { count: check.errors.length })}
          </Alert>
        )}
        {nothingEntered && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {t('vitals.error.nothingEntered')}
          </Alert>
        )}
        {confirming && (
          <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
            <AlertTitle>{t('vitals.warning.confirmTitle')}</AlertTitle>
            {t('vitals.warning.confirm', { list: check.warnings.map((f) => t(LABEL_KEY[f])).join(', ') })}
          </Alert>
        )}
        {save.error && (
          <Box sx={{ mb: 2 }}>
            <ErrorAlert error={save.error} />
            <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
              {t('vitals.form.saveFailed')}
            </Typography>
          </Box>
        )}
        {section(
          t('vitals.form.breathing'),
          <Box sx={grid}>
            {field('respiratoryRate')}
            {field('spo2')}
            <Choice
              legend={t('vitals.param.airOrOxygen')}
              value={draft.oxygen}
              options={[
                { value: 'air', label: t('vitals.oxygen.air') },
                { value: 'oxygen', label: t('vitals.oxygen.oxygen') },
              ]}
              onChange={(v) => update('oxygen', v)}
              tablet={tablet}
            />
            <Choice
              legend={t('vitals.scale.label')}
              value={draft.spo2Scale === 2 ? '2' : '1'}
              options={[
                { value: '1', label: t('vitals.scale.scale1') },
                { value: '2', label: t('vitals.scale.scale2') },
              ]}
              onChange={(v) => update('spo2Scale', v === '2' ? 2 : 1)}
              tablet={tablet}
              hint={t('vitals.scale.hint')}
            />
          </Box>,
        )}
        {section(
          t('vitals.form.circulation'),
          <Box sx={grid}>
            {field('systolic')}
            {field('diastolic')}
            {field('pulse')}
          </Box>,
        )}
        {section(
          t('vitals.form.other'),
          <Box sx={{ display: 'grid', gap: tablet ? 2.5 : 2 }}>
            <Choice
              legend={t('vitals.param.consciousness')}
              value={draft.consciousness}
              options={ACVPU_LEVELS.map((level) => ({ value: level, label: t(`vitals.acvpu.${level}`) }))}
              onChange={(v) => update('consciousness', v)}
              tablet={tablet}
            />
            <Box sx={grid}>
              {field('temperature')}
              {field('weight')}
            </Box>
          </Box>,
        )}
        <Typography variant="body2" color="text.secondary">
          {t('vitals.form.keptOnClose')}
        </Typography>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, py: 1.5 }}>
        <Button onClick={clear} disabled={save.isPending || isDraftEmpty(draft)} sx={{ mr: 'auto' }}>
          {t('vitals.form.clear')}
        </Button>
        <Button variant="outlined" onClick={onClose} disabled={save.isPending}>
          {t('vitals.form.close')}
        </Button>
        <Button variant="contained" color={confirming ? 'warning' : 'primary'} onClick={() => void handleSave()} disabled={save.isPending} size={tablet ? 'large' : 'medium'}>
          {save.isPending ? t('vitals.form.saving') : confirming ? t('vitals.form.saveAnyway') : t('vitals.form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
