import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
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
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { usePatient } from '../../fhir/patients';
import { VersionConflict } from '../../journal/VersionConflict';
import type { DeviceClass } from '../../layout/types';
import type { Persona } from '../../session/personnel';
import { formatDate, formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { authorOf, changedByName, conflictFields, useEntryWriter } from './conflict';
import {
  CATEGORY_CODES,
  CERTAINTIES,
  CERTAINTY_CATEGORIES,
  FIELD_ORDER,
  MAX_TEXT,
  SOURCES,
  SUBSTANCE_KINDS,
  emptyForm,
  formOf,
  resourceFromForm,
  validateForm,
  type CategoryCode,
  type CriticalEntry,
  type CriticalForm,
  type CriticalResource,
  type FormField,
} from './model';

function Choice<T extends string>({
  id,
  legend,
  value,
  options,
  onChange,
  error,
  required,
  tablet,
}: {
  id: string;
  legend: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange: (value: T | '') => void;
  error: string | undefined;
  required?: boolean;
  tablet: boolean;
}) {
  const errorId = `${id}-error`;
  return (
    <FormControl component="fieldset" id={id} error={Boolean(error)} required={required} sx={{ minWidth: 0 }}>
      <FormLabel component="legend" id={`${id}-legend`}>
        {legend}
      </FormLabel>
      <RadioGroup row value={value} onChange={(_, v) => onChange(v as T | '')} aria-labelledby={`${id}-legend`} aria-describedby={error ? errorId : undefined}>
        {options.map((o) => (
          <FormControlLabel
            key={o.value || 'none'}
            value={o.value}
            control={<Radio slotProps={{ input: { 'aria-invalid': error ? true : undefined } }} />}
            label={o.label}
            sx={tablet ? { minHeight: 48, mr: 2.5 } : { mr: 2 }}
          />
        ))}
      </RadioGroup>
      {error && (
        <FormHelperText id={errorId} sx={{ mx: 0 }}>
          {error}
        </FormHelperText>
      )}
    </FormControl>
  );
}

/**
 * Adding or correcting one entry. What is typed stays in the form whatever happens: a field to
 * correct shows its message under it, a failed save shows why and keeps everything, and a 412
 * shows both versions until the user chooses (keep mine: written on top of the stored version
 * with its If-Match; take theirs: the form closes and the list shows the stored one).
 */
export function EntryDialog({
  patientId,
  persona,
  device,
  entry,
  onClose,
  onDone,
}: {
  patientId: string;
  persona: Persona;
  device: DeviceClass;
  /** The entry to correct, as the user saw it; absent to add a new one. */
  entry?: CriticalEntry | undefined;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const baseId = useId();
  const tablet = device === 'tablet';
  const patient = usePatient(patientId);
  const writer = useEntryWriter();
  const [form, setForm] = useState<CriticalForm>(() => (entry ? formOf(entry) : emptyForm()));
  const [submitted, setSubmitted] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<FormField>>(() => new Set());
  /** The date field holds something the browser cannot read as a date (typed halfway). */
  const [dateUnreadable, setDateUnreadable] = useState(false);

  const base = entry?.resource;
  const allergy = form.category === 'allergy';
  const birthDate = patient.data?.birthDate;
  const errors = useMemo(() => {
    const found = validateForm(form, { today: format(new Date(), 'yyyy-MM-dd'), birthDate });
    if (dateUnreadable) found.startDate = 'dateInvalid';
    return found;
  }, [form, birthDate, dateUnreadable]);
  const errorCount = FIELD_ORDER.filter((f) => errors[f]).length;
  const shown = (field: FormField) => submitted || touched.has(field);
  const errorText = (field: FormField): string | undefined => {
    const key = errors[field];
    if (!key || !shown(field)) return undefined;
    return t(`criticalInfo.error.${key}`, { max: MAX_TEXT, date: formatDate(birthDate) });
  };
  const set = <K extends keyof CriticalForm>(key: K, value: CriticalForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const touch = (field: FormField) => setTouched((prev) => (prev.has(field) ? prev : new Set(prev).add(field)));
  const domId = (field: FormField) => `${baseId}-${field}`;
  /** Moves focus to a field (the first radio button of a group). */
  const focus = (field: FormField) => {
    const element = document.getElementById(domId(field));
    const target = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element : element?.querySelector('input');
    target?.focus();
  };
  const ctx = { patientId, author: authorOf(persona) };
  const build = (on: CriticalResource | undefined) => resourceFromForm(form, { ...ctx, now: new Date() }, on);

  const finish = (saved: CriticalResource) => onDone(t(entry ? 'criticalInfo.done.saved' : 'criticalInfo.done.added', { name: form.text.trim() || saved.id }));

  const save = async () => {
    setSubmitted(true);
    const first = FIELD_ORDER.find((f) => errors[f]);
    if (first) {
      focus(first);
      return;
    }
    const outcome = await writer.write(build, base);
    if (outcome.kind === 'saved') finish(outcome.resource);
  };

  const keepMine = async () => {
    const stored = writer.theirs;
    if (!stored) return;
    const outcome = await writer.write(build, stored);
    if (outcome.kind === 'saved') finish(outcome.resource);
  };

  const takeTheirs = () => {
    writer.takeTheirs();
    onDone(t('criticalInfo.done.tookTheirs', { name: entry?.text ?? form.text }));
  };

  const text = (field: 'text' | 'atcCode' | 'reaction' | 'sourceDetail', label: string, hint?: string, required = false) => {
    const error = errorText(field);
    return (
      <TextField
        id={domId(field)}
        label={label}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        onBlur={() => touch(field)}
        error={Boolean(error)}
        helperText={error ?? hint}
        required={required}
        fullWidth
        slotProps={{ htmlInput: { maxLength: MAX_TEXT + 50, autoComplete: 'off' } }}
      />
    );
  };

  const section = (children: ReactNode) => <Box sx={{ display: 'grid', gap: tablet ? 2.5 : 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, alignItems: 'start' }}>{children}</Box>;
  const categoryLocked = Boolean(entry);

  return (
    <Dialog open onClose={writer.busy ? undefined : onClose} fullScreen={tablet} fullWidth maxWidth="md" scroll="paper" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t(entry ? 'criticalInfo.form.editTitle' : 'criticalInfo.form.addTitle')}</DialogTitle>
      <DialogContent dividers>
        <Box component="form" noValidate onSubmit={(e) => e.preventDefault()} sx={{ display: 'grid', gap: tablet ? 2.5 : 2 }}>
          {entry && (
            <Typography variant="body2" color="text.secondary">
              {t('criticalInfo.form.editing', { version: entry.version, date: formatDateTime(entry.lastUpdated ?? entry.recordedDate) })}
            </Typography>
          )}
          {submitted && errorCount > 0 && (
            <Alert severity="error" role="alert">
              {t('criticalInfo.form.summary', { count: errorCount })}
            </Alert>
          )}
          {writer.error !== null && (
            <Box>
              <ErrorAlert error={writer.error} />
              <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 600 }}>
                {t('criticalInfo.form.saveFailed')}
              </Typography>
            </Box>
          )}
          {writer.theirs && (
            <VersionConflict
              fields={conflictFields(t, build(writer.theirs), writer.theirs)}
              changedBy={changedByName(writer.theirs)}
              onKeepMine={() => void keepMine()}
              onTakeTheirs={takeTheirs}
              busy={writer.busy}
            />
          )}
          <TextField
            select
            id={domId('category')}
            label={t('criticalInfo.form.category')}
            value={form.category}
            onChange={(e) => setForm((f) => ({ ...f, category: e.target.value as CategoryCode }))}
            disabled={categoryLocked}
            helperText={categoryLocked ? t('criticalInfo.form.categoryLocked') : undefined}
            fullWidth
            slotProps={{ select: { native: true } }}
          >
            {CATEGORY_CODES.map((c) => (
              <option key={c} value={c}>
                {t(`criticalInfo.category.${c}`)}
              </option>
            ))}
          </TextField>

          {allergy ? (
            <>
              {text('text', t('criticalInfo.form.substance'), undefined, true)}
              {section(
                <>
                  {text('atcCode', t('criticalInfo.form.atc'), t('criticalInfo.form.atcHint'))}
                  <TextField
                    select
                    id={`${baseId}-kind`}
                    label={t('criticalInfo.form.kind')}
                    value={form.substanceKind}
                    onChange={(e) => set('substanceKind', e.target.value as CriticalForm['substanceKind'])}
                    fullWidth
                    slotProps={{ select: { native: true } }}
                  >
                    {SUBSTANCE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`criticalInfo.kind.${k}`)}
                      </option>
                    ))}
                  </TextField>
                </>,
              )}
              {text('reaction', t('criticalInfo.form.reaction'), t('criticalInfo.form.reactionHint'))}
              <Choice
                id={domId('severity')}
                legend={t('criticalInfo.form.severity')}
                value={form.severity}
                options={[
                  { value: 'severe', label: t('criticalInfo.severity.severe') },
                  { value: 'not-severe', label: t('criticalInfo.severity.not-severe') },
                ]}
                onChange={(v) => set('severity', v)}
                error={errorText('severity')}
                required
                tablet={tablet}
              />
            </>
          ) : (
            text('text', t('criticalInfo.form.description'), t(`criticalInfo.form.descriptionHint.${form.category}`), true)
          )}

          {CERTAINTY_CATEGORIES.has(form.category) && (
            <Choice
              id={domId('certainty')}
              legend={t(allergy ? 'criticalInfo.form.certainty' : 'criticalInfo.form.certaintyOptional')}
              value={form.certainty}
              options={[
                ...(allergy ? [] : [{ value: '' as const, label: t('criticalInfo.certainty.none') }]),
                ...CERTAINTIES.map((c) => ({ value: c, label: t(`criticalInfo.certainty.${c}`) })),
              ]}
              onChange={(v) => set('certainty', v)}
              error={errorText('certainty')}
              required={allergy}
              tablet={tablet}
            />
          )}

          {section(
            <>
              <TextField
                select
                id={domId('source')}
                label={t('criticalInfo.form.source')}
                value={form.source}
                onChange={(e) => {
                  set('source', e.target.value as CriticalForm['source']);
                  touch('source');
                }}
                onBlur={() => touch('source')}
                error={Boolean(errorText('source'))}
                helperText={errorText('source') ?? t('criticalInfo.form.sourceHint')}
                required
                fullWidth
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
              >
                <option value="">{t('criticalInfo.form.sourceChoose')}</option>
                {SOURCES.map((s) => (
                  <option key={s} value={s}>
                    {t(`criticalInfo.source.${s}`)}
                  </option>
                ))}
              </TextField>
              {text('sourceDetail', t('criticalInfo.form.sourceDetail'), t('criticalInfo.form.sourceDetailHint'))}
            </>,
          )}

          <TextField
            id={domId('startDate')}
            type="date"
            label={t(allergy ? 'criticalInfo.form.onsetDate' : 'criticalInfo.form.startDate')}
            value={form.startDate}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              setDateUnreadable(input.validity?.badInput ?? false);
              set('startDate', input.value);
            }}
            onBlur={() => touch('startDate')}
            error={Boolean(errorText('startDate'))}
            helperText={errorText('startDate')}
            sx={{ maxWidth: 260 }}
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: format(new Date(), 'yyyy-MM-dd'), ...(birthDate ? { min: birthDate } : {}) } }}
          />
        </Box>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1, px: 3, py: 1.5 }}>
        <Button variant="outlined" onClick={onClose} disabled={writer.busy}>
          {t('criticalInfo.form.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void save()} disabled={writer.busy || writer.theirs !== null} size={tablet ? 'large' : 'medium'}>
          {writer.busy ? t('criticalInfo.form.saving') : t('criticalInfo.form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
