import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Condition } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { DiagnosisSystem } from '../../domain/diagnosisCodes';
import { VersionConflict } from '../../journal/VersionConflict';
import type { DeviceClass } from '../../layout/types';
import type { Persona } from '../../session/personnel';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DiagnosisCodePicker, type SystemChoice } from '../../ui/DiagnosisCodePicker';
import {
  CONFLICT_FIELDS,
  FIELD_ORDER,
  conflictValues,
  dateInputOf,
  editedByOf,
  formFromCondition,
  isoDateOf,
  validateProblem,
  withCode,
  type ClinicalStatus,
  type ProblemForm,
} from './model';
import { useProblemEditor } from './useProblemEditor';

export type DialogOutcome = 'saved' | 'discarded' | 'cancelled';

/**
 * Add a problem, or change one: code (picker), text, onset, status with resolved date, note.
 * Invalid input gets its message under the field and stays as typed; a failed save keeps the
 * dialog open with the input; a version conflict shows both versions and waits for a choice.
 */
export function ProblemDialog({
  patientId,
  persona,
  start,
  device,
  onClose,
}: {
  patientId: string;
  persona: Persona;
  /** The problem to change; absent for a new one. */
  start?: Condition | undefined;
  device: DeviceClass;
  onClose: (outcome: DialogOutcome) => void;
}) {
  const { t } = useTranslation();
  const tablet = device === 'tablet';
  const size = tablet ? 'medium' : 'small';
  const { form, change, errors, phase, save, keepMine, takeTheirs } = useProblemEditor({ patientId, persona, start });
  const [system, setSystem] = useState<SystemChoice>('both');
  const [showSummary, setShowSummary] = useState(false);
  const ids = { title: useId(), code: useId(), text: useId(), onset: useId(), abatement: useId(), note: useId() };
  const codeRef = useRef<HTMLInputElement>(null);
  const onsetRef = useRef<HTMLInputElement>(null);
  const abatementRef = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'saving';
  const editing = start !== undefined;
  const errorCount = Object.keys(errors).length;

  const update = (patch: Partial<ProblemForm>) => change({ ...form, ...patch });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const result = await save();
    if (result === 'saved') {
      onClose('saved');
      return;
    }
    if (result === 'invalid') {
      setShowSummary(true);
      const found = validateProblem(form, new Date());
      const first = FIELD_ORDER.find((f) => found[f]);
      const target = first === 'code' ? codeRef : first === 'onset' ? onsetRef : first === 'abatement' ? abatementRef : undefined;
      target?.current?.focus();
    }
  };

  const setStatus = (status: ClinicalStatus) => {
    // Resolving suggests today; the user changes it if the problem ended earlier.
    const abatement = status === 'resolved' && !form.abatement.trim() ? dateInputOf(isoDateOf(new Date())) : form.abatement;
    update({ status, abatement });
  };

  const systemLabel = (s: DiagnosisSystem) => t(`problems.system.${s}`);
  const dateError = (field: 'onset' | 'abatement') => {
    const error = errors[field];
    return error ? t(`problems.form.error.${field}.${error}`, { value: form[field].trim() }) : undefined;
  };

  const conflict = (() => {
    if (phase.kind !== 'conflict') return null;
    const mine = conflictValues(form, systemLabel);
    const theirs = conflictValues(formFromCondition(phase.theirs), systemLabel);
    const shown = (key: (typeof CONFLICT_FIELDS)[number], value: string) => (key === 'status' && value ? t(`problems.status.${value}`) : value);
    return (
      <VersionConflict
        fields={CONFLICT_FIELDS.map((key) => ({ label: t(`problems.conflict.field.${key}`), mine: shown(key, mine[key]), theirs: shown(key, theirs[key]) }))}
        changedBy={editedByOf(phase.theirs)?.display}
        busy={busy}
        onKeepMine={() => {
          void keepMine().then((result) => {
            if (result === 'saved') onClose('saved');
          });
        }}
        onTakeTheirs={() => {
          takeTheirs();
          onClose('discarded');
        }}
      />
    );
  })();

  return (
    <Dialog open onClose={busy ? undefined : () => onClose('cancelled')} aria-labelledby={ids.title} fullWidth maxWidth="sm">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={ids.title}>{editing ? t('problems.dialog.editTitle') : t('problems.dialog.newTitle')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: '8px !important' }}>
          {editing && start?.recorder?.display && (
            <Typography variant="body2" color="text.secondary">
              {t('problems.dialog.recordedBy', { date: formatDateTime(start.recordedDate), name: start.recorder.display })}
            </Typography>
          )}
          {showSummary && errorCount > 0 && (
            <Alert severity="error" role="alert">
              {t('problems.form.summary', { count: errorCount })}
            </Alert>
          )}
          <FormControl component="fieldset">
            <FormLabel component="legend">{t('problems.form.systemLegend')}</FormLabel>
            <RadioGroup row value={system} onChange={(_, v) => setSystem(v as SystemChoice)}>
              <FormControlLabel value="both" control={<Radio />} label={t('problems.form.systemBoth')} />
              <FormControlLabel value="icpc2" control={<Radio />} label={systemLabel('icpc2')} />
              <FormControlLabel value="icd10" control={<Radio />} label={systemLabel('icd10')} />
            </RadioGroup>
          </FormControl>
          <DiagnosisCodePicker
            id={ids.code}
            value={form.code}
            onChange={(code) => change(withCode(form, code))}
            system={system}
            error={Boolean(errors.code)}
            helperText={errors.code ? t(`problems.form.error.code.${errors.code}`) : t('problems.form.codeHint')}
            inputRef={codeRef}
            tablet={tablet}
          />
          <TextField id={ids.text} label={t('problems.form.text')} value={form.text} onChange={(e) => update({ text: e.target.value })} helperText={t('problems.form.textHint')} size={size} fullWidth />
          <TextField
            id={ids.onset}
            label={t('problems.form.onset')}
            value={form.onset}
            onChange={(e) => update({ onset: e.target.value })}
            required
            error={Boolean(errors.onset)}
            helperText={dateError('onset')}
            inputRef={onsetRef}
            size={size}
            slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
            sx={{ maxWidth: 280 }}
          />
          {editing && (
            <FormControl component="fieldset">
              <FormLabel component="legend">{t('problems.form.status')}</FormLabel>
              <RadioGroup row value={form.status} onChange={(_, v) => setStatus(v as ClinicalStatus)}>
                <FormControlLabel value="active" control={<Radio />} label={t('problems.status.active')} />
                <FormControlLabel value="resolved" control={<Radio />} label={t('problems.status.resolved')} />
              </RadioGroup>
            </FormControl>
          )}
          {editing && form.status === 'resolved' && (
            <TextField
              id={ids.abatement}
              label={t('problems.form.abatement')}
              value={form.abatement}
              onChange={(e) => update({ abatement: e.target.value })}
              required
              error={Boolean(errors.abatement)}
              helperText={dateError('abatement')}
              inputRef={abatementRef}
              size={size}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off' } }}
              sx={{ maxWidth: 280 }}
            />
          )}
          <TextField id={ids.note} label={t('problems.form.note')} value={form.note} onChange={(e) => update({ note: e.target.value })} multiline minRows={2} size={size} fullWidth />
          {conflict}
          {phase.kind === 'gone' && <Alert severity="error">{t('problems.conflict.gone')}</Alert>}
          {phase.kind === 'failed' && <ErrorAlert error={phase.error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose('cancelled')} disabled={busy}>
            {t('problems.dialog.cancel')}
          </Button>
          <Button type="submit" variant="contained" disabled={busy || phase.kind === 'conflict' || phase.kind === 'gone'}>
            {busy ? t('problems.dialog.saving') : t('problems.dialog.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
