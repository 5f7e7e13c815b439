import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { format, formatISO } from 'date-fns';
import type { Condition, MedicationStatement } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DOSE_UNIT_KEYS, drugById, productText, type DoseUnitKey, type Drug } from '../../domain/drugCatalogue';
import { conceptText } from '../../fhir/format';
import { isFhirError } from '../../fhir/errors';
import { useFhirCreate, useFhirUpdate } from '../../fhir/hooks';
import { groupText } from '../../journal/RecordedBy';
import { useProvenance } from '../../journal/useProvenance';
import { VersionConflict } from '../../journal/VersionConflict';
import type { DeviceClass } from '../../layout/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatDate } from '../../ui/dates';
import { DrugPicker } from './DrugPicker';
import {
  FIELD_ORDER,
  REASON_OTHER,
  WHEN_ORDER,
  changedStatement,
  conflictRows,
  dayOf,
  dosageFromForm,
  dosageText,
  emptyForm,
  formFromStatement,
  medicationName,
  mineOverTheirs,
  newStatement,
  stoppedStatement,
  validateForm,
  type FormErrors,
  type FormField,
  type FormMode,
  type MedForm,
  type Schedule,
  type When,
  type WriteContext,
} from './model';
import { useAuthor, useJournalT, useReadCurrent, useRefreshMedications } from './useMedications';

interface ConflictState {
  /** My version, built on the version I opened. */
  mine: MedicationStatement;
  theirs?: MedicationStatement;
  error?: unknown;
}

const TITLE: Record<FormMode, string> = { start: 'medications.form.titleStart', change: 'medications.form.titleChange', stop: 'medications.form.titleStop' };

/**
 * Start a medicine, change its dosage, or stop it. Checks the form before anything is sent and
 * shows each problem next to its field; a failed save keeps the form open with everything typed.
 * Changes are PUT with If-Match = the version the user opened; on a 412 both versions are shown
 * and the user chooses (the form is locked meanwhile, so what is compared is what is written).
 */
export function MedicationDialog({
  mode,
  patientId,
  base,
  conditions,
  device,
  onClose,
  onSaved,
  onTookTheirs,
}: {
  mode: FormMode;
  patientId: string;
  /** The version the user opened (change and stop). */
  base?: MedicationStatement | undefined;
  conditions: readonly Condition[];
  device: DeviceClass;
  onClose: () => void;
  onSaved: (message: string) => void;
  onTookTheirs: () => void;
}) {
  const { t } = useTranslation();
  const tNb = useJournalT();
  const author = useAuthor();
  const today = format(new Date(), 'yyyy-MM-dd');
  const [form, setForm] = useState<MedForm>(() => (base ? formFromStatement(base, tNb, today) : emptyForm(today)));
  const [submitted, setSubmitted] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ConflictState | null>(null);
  const [busy, setBusy] = useState(false);
  const create = useFhirCreate<MedicationStatement>();
  const update = useFhirUpdate<MedicationStatement>();
  const readCurrent = useReadCurrent();
  const refresh = useRefreshMedications();
  const theirsSource = useMemo(() => [conflict?.theirs?.informationSource], [conflict?.theirs]);
  const provenance = useProvenance(theirsSource);
  const uid = useId();
  const idOf = (field: FormField) => `${uid}-${field}`;
  const size = device === 'tablet' ? 'medium' : 'small';
  // Checkboxes and radios are 42 px; on a tablet their rows are made 48 px high (touch targets).
  const choiceSx = device === 'tablet' ? { minHeight: 48, mr: 2.5 } : undefined;

  const errors: FormErrors = submitted ? validateForm(form, mode, base, tNb) : {};
  const errorCount = Object.keys(errors).filter((k) => k !== 'form').length;
  const message = (field: FormField) => {
    const e = errors[field];
    if (!e) return undefined;
    const params = e.params?.start ? { ...e.params, start: formatDate(String(e.params.start)) } : e.params;
    return t(`medications.error.${e.key}`, params);
  };
  const set = <K extends keyof MedForm>(key: K, value: MedForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const { dosage } = dosageFromForm(form);
  const preview = dosage ? dosageText(dosage, tNb) : '';
  const drugName = base ? medicationName(base) : '';

  const context = (): WriteContext | undefined => (author ? { patientId, author, now: formatISO(new Date()), conditions, t: tNb } : undefined);

  const saved = (statement: MedicationStatement) => {
    const drug = medicationName(statement);
    onSaved(t(mode === 'start' ? 'medications.saved.started' : mode === 'change' ? 'medications.saved.changed' : 'medications.saved.stopped', { drug }));
  };

  const loadTheirs = async (mine: MedicationStatement) => {
    setConflict({ mine });
    try {
      setConflict({ mine, theirs: await readCurrent(mine.id ?? '') });
    } catch (error) {
      setConflict({ mine, error });
    }
  };

  const write = async (resource: MedicationStatement, ifMatch: string | undefined, mine: MedicationStatement) => {
    try {
      const result = await update.mutateAsync({ resource, ifMatch: ifMatch ?? false });
      setConflict(null);
      saved(result);
    } catch (error) {
      if (isFhirError(error) && error.kind === 'conflict') await loadTheirs(mine);
      else setSaveError(error);
    }
  };

  const submit = async () => {
    setSubmitted(true);
    const found = validateForm(form, mode, base, tNb);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) {
      (document.getElementById(idOf(first)) ?? document.getElementById(idOf('form')))?.focus();
      return;
    }
    const ctx = context();
    if (!ctx) return;
    setBusy(true);
    setSaveError(null);
    try {
      if (mode === 'start') {
        saved(await create.mutateAsync(newStatement(form, ctx)));
      } else if (base) {
        const mine = mode === 'change' ? changedStatement(base, form, ctx) : stoppedStatement(base, form, ctx);
        await write(mine, base.meta?.versionId, mine);
      }
    } catch (error) {
      setSaveError(error);
    } finally {
      setBusy(false);
    }
  };

  const keepMine = async () => {
    if (!conflict?.theirs || !base) return;
    setBusy(true);
    try {
      await write(mineOverTheirs(conflict.mine, base, conflict.theirs), conflict.theirs.meta?.versionId, conflict.mine);
    } finally {
      setBusy(false);
    }
  };

  const takeTheirs = () => {
    void refresh();
    onTookTheirs();
  };

  const changedBy = (() => {
    if (!conflict?.theirs?.informationSource) return undefined;
    const p = provenance.describe(conflict.theirs.informationSource);
    const group = groupText(t, p);
    return group ? `${p.name} (${group})` : p.name;
  })();

  const pickDrug = (drug: Drug | undefined) =>
    setForm((f) => {
      const before = drugById(f.drugId);
      const unit: DoseUnitKey | '' = drug && (!f.unit || f.unit === before?.unit) ? drug.unit : f.unit;
      return { ...f, drugId: drug?.id ?? '', drugQuery: drug ? productText(drug) : '', unit };
    });

  const toggleWhen = (w: When, on: boolean) => setForm((f) => ({ ...f, when: WHEN_ORDER.filter((x) => (x === w ? on : f.when.includes(x))) }));

  const countLabel =
    form.schedule === 'perWeek'
      ? form.asNeeded
        ? 'medications.form.maxPerWeek'
        : 'medications.form.timesPerWeek'
      : form.asNeeded
        ? 'medications.form.maxPerDay'
        : 'medications.form.timesPerDay';

  const dosageFields = (
    <>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TextField
          label={t('medications.form.dose')}
          required
          value={form.dose}
          onChange={(e) => set('dose', e.target.value)}
          error={Boolean(errors.dose)}
          helperText={message('dose') ?? t('medications.form.doseHint')}
          size={size}
          id={idOf('dose')}
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          sx={{ flex: '1 1 10rem' }}
        />
        <TextField
          select
          label={t('medications.form.unit')}
          required
          value={form.unit}
          onChange={(e) => set('unit', e.target.value as DoseUnitKey | '')}
          error={Boolean(errors.unit)}
          helperText={message('unit')}
          size={size}
          id={idOf('unit')}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ flex: '1 1 10rem' }}
        >
          <option value="">{t('medications.form.chooseUnit')}</option>
          {DOSE_UNIT_KEYS.map((u) => (
            <option key={u} value={u}>
              {t(`medications.unitName.${u}`)}
            </option>
          ))}
        </TextField>
      </Box>
      <FormControl component="fieldset" sx={{ minWidth: 0 }}>
        <FormLabel component="legend">{t('medications.form.schedule')}</FormLabel>
        <RadioGroup row value={form.schedule} onChange={(_, v) => set('schedule', v as Schedule)}>
          <FormControlLabel value="times" sx={choiceSx} control={<Radio />} label={t('medications.form.scheduleTimes')} />
          <FormControlLabel value="perDay" sx={choiceSx} control={<Radio />} label={t('medications.form.schedulePerDay')} />
          <FormControlLabel value="perWeek" sx={choiceSx} control={<Radio />} label={t('medications.form.schedulePerWeek')} />
        </RadioGroup>
      </FormControl>
      {form.schedule === 'times' ? (
        <FormControl component="fieldset" error={Boolean(errors.when)} sx={{ minWidth: 0 }}>
          <FormLabel component="legend">{t('medications.form.times')}</FormLabel>
          <FormGroup row>
            {WHEN_ORDER.map((w, i) => (
              <FormControlLabel
                key={w}
                sx={choiceSx}
                control={<Checkbox checked={form.when.includes(w)} onChange={(e) => toggleWhen(w, e.target.checked)} slotProps={{ input: i === 0 ? { id: idOf('when') } : {} }} />}
                label={t(`medications.whenLabel.${w}`)}
              />
            ))}
          </FormGroup>
          {errors.when && <FormHelperText>{message('when')}</FormHelperText>}
        </FormControl>
      ) : (
        <TextField
          label={t(countLabel)}
          required={!form.asNeeded}
          value={form.count}
          onChange={(e) => set('count', e.target.value)}
          error={Boolean(errors.count)}
          helperText={message('count')}
          size={size}
          id={idOf('count')}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
        />
      )}
      <FormControlLabel sx={choiceSx} control={<Checkbox checked={form.asNeeded} onChange={(e) => set('asNeeded', e.target.checked)} />} label={t('medications.form.asNeeded')} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TextField
          label={t('medications.form.duration')}
          value={form.durationDays}
          onChange={(e) => set('durationDays', e.target.value)}
          error={Boolean(errors.durationDays)}
          helperText={message('durationDays') ?? t('medications.form.durationHint')}
          size={size}
          id={idOf('durationDays')}
          slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
          sx={{ flex: '1 1 10rem' }}
        />
        <TextField
          label={t('medications.form.instruction')}
          value={form.instruction}
          onChange={(e) => set('instruction', e.target.value)}
          helperText={t('medications.form.instructionHint')}
          size={size}
          sx={{ flex: '2 1 14rem' }}
        />
      </Box>
      <Box role="status" aria-live="polite" sx={{ p: 1.5, borderRadius: 1, bgcolor: 'action.hover' }}>
        <Typography variant="body2" color="text.secondary">
          {t('medications.form.preview')}
        </Typography>
        <Typography sx={{ fontWeight: 600 }}>{preview || t('medications.form.previewEmpty')}</Typography>
        {preview && (
          <Typography variant="body2" color="text.secondary">
            {t('medications.form.previewNote')}
          </Typography>
        )}
      </Box>
    </>
  );

  return (
    <Dialog open fullWidth maxWidth="sm" fullScreen={device === 'tablet'} onClose={(_, reason) => reason !== 'backdropClick' && onClose()}>
      <DialogTitle>{t(TITLE[mode])}</DialogTitle>
      <DialogContent>
        <Box
          component="form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          id="medication-form"
          sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}
        >
          {conflict && (
            <Box>
              {conflict.theirs ? (
                <VersionConflict
                  fields={conflictRows(t, base ? mineOverTheirs(conflict.mine, base, conflict.theirs) : conflict.mine, conflict.theirs, formatDate)}
                  changedBy={changedBy}
                  onKeepMine={() => void keepMine()}
                  onTakeTheirs={takeTheirs}
                  busy={busy}
                />
              ) : conflict.error ? (
                <ErrorAlert error={conflict.error} onRetry={() => void loadTheirs(conflict.mine)} />
              ) : (
                <Typography role="status">{t('medications.conflict.loading')}</Typography>
              )}
            </Box>
          )}
          {submitted && (errorCount > 0 || errors.form) && (
            <Alert severity="error" role="alert" tabIndex={-1} id={idOf('form')}>
              {errorCount > 0 && t('medications.form.summary', { count: errorCount })}
              {errors.form && <div>{message('form')}</div>}
            </Alert>
          )}
          {saveError !== null && (
            <Box>
              <ErrorAlert error={saveError} onRetry={() => void submit()} />
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                {t('medications.form.saveFailed')}
              </Typography>
            </Box>
          )}
          <Box component="fieldset" disabled={Boolean(conflict) || busy} sx={{ border: 0, p: 0, m: 0, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 2 }}>
            {mode === 'start' ? (
              <DrugPicker
                drugId={form.drugId}
                query={form.drugQuery}
                onPick={pickDrug}
                onQuery={(q) =>
                  setForm((f) => {
                    const chosen = drugById(f.drugId);
                    const keep = chosen && productText(chosen) === q;
                    return { ...f, drugQuery: q, drugId: keep ? f.drugId : '' };
                  })
                }
                error={message('drugId')}
                id={idOf('drugId')}
                size={size}
              />
            ) : (
              <Box>
                <Typography sx={{ fontWeight: 600 }}>{t('medications.form.medicine', { drug: drugName })}</Typography>
                {mode === 'change' && base?.dosage?.[0]?.text && <Typography variant="body2">{t('medications.form.current', { text: base.dosage[0].text })}</Typography>}
                {mode === 'stop' && <Typography variant="body2">{t('medications.form.startedOn', { date: formatDate(dayOf(base?.effectivePeriod?.start)) })}</Typography>}
              </Box>
            )}
            {mode !== 'stop' && dosageFields}
            {mode === 'start' && (
              <>
                <TextField
                  type="date"
                  label={t('medications.form.start')}
                  required
                  value={form.start}
                  onChange={(e) => set('start', e.target.value)}
                  error={Boolean(errors.start)}
                  helperText={message('start')}
                  size={size}
                  id={idOf('start')}
                  slotProps={{ inputLabel: { shrink: true } }}
                  sx={{ maxWidth: 240 }}
                />
                <TextField
                  select
                  label={t('medications.form.reason')}
                  required
                  value={form.reasonChoice}
                  onChange={(e) => set('reasonChoice', e.target.value)}
                  error={Boolean(errors.reasonChoice)}
                  helperText={message('reasonChoice')}
                  size={size}
                  id={idOf('reasonChoice')}
                  slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                >
                  <option value="">{t('medications.form.chooseReason')}</option>
                  {conditions.length > 0 && (
                    <optgroup label={t('medications.form.conditions')}>
                      {conditions.map((c) => (
                        <option key={c.id} value={c.id}>
                          {conceptText(c.code)}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  <option value={REASON_OTHER}>{t('medications.form.reasonOther')}</option>
                </TextField>
                {form.reasonChoice === REASON_OTHER && (
                  <TextField
                    label={t('medications.form.reasonText')}
                    required
                    value={form.reasonText}
                    onChange={(e) => set('reasonText', e.target.value)}
                    error={Boolean(errors.reasonText)}
                    helperText={message('reasonText')}
                    size={size}
                    id={idOf('reasonText')}
                  />
                )}
              </>
            )}
            {mode === 'change' && (
              <TextField
                label={t('medications.form.changeReason')}
                required
                multiline
                minRows={2}
                value={form.changeReason}
                onChange={(e) => set('changeReason', e.target.value)}
                error={Boolean(errors.changeReason)}
                helperText={message('changeReason') ?? t('medications.form.changeReasonHint')}
                size={size}
                id={idOf('changeReason')}
              />
            )}
            {mode === 'stop' && (
              <>
                <TextField
                  type="date"
                  label={t('medications.form.stopDate')}
                  required
                  value={form.stopDate}
                  onChange={(e) => set('stopDate', e.target.value)}
                  error={Boolean(errors.stopDate)}
                  helperText={message('stopDate')}
                  size={size}
                  id={idOf('stopDate')}
                  slotProps={{ inputLabel: { shrink: true } }}
                  sx={{ maxWidth: 240 }}
                />
                <TextField
                  label={t('medications.form.stopReason')}
                  required
                  multiline
                  minRows={2}
                  value={form.stopReason}
                  onChange={(e) => set('stopReason', e.target.value)}
                  error={Boolean(errors.stopReason)}
                  helperText={message('stopReason') ?? t('medications.form.stopReasonHint')}
                  size={size}
                  id={idOf('stopReason')}
                />
              </>
            )}
          </Box>
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('medications.form.cancel')}</Button>
        <Button type="submit" form="medication-form" variant="contained" color={mode === 'stop' ? 'error' : 'primary'} disabled={busy || Boolean(conflict)}>
          {busy && !conflict ? t('medications.form.saving') : mode === 'stop' ? t('medications.form.saveStop') : t('medications.form.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
