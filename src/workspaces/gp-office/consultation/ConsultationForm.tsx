import { useEffect, useEffectEvent, useId, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ANALYSES, LAB_PANELS } from '../../../domain/labCatalogue';
import type { DeviceClass } from '../../../layout/types';
import { DiagnosisCodePicker } from '../../../ui/DiagnosisCodePicker';
import { FOLLOW_UPS, NOTE_SECTION_KEYS, shortcutOf, validateConsultation, type ConsultationForm as Form, type FollowUp, type MedicationChange, type NoteSectionKey, type ShortcutId } from './model';
import { ShortcutHelp } from './ShortcutHelp';

/**
 * The consultation note beside the patient summary: reason, findings, assessment and plan;
 * the ICPC-2 diagnosis; the medication changes made on the shared list; a laboratory
 * requisition; follow-up; and signing. Every step has a shortcut (ShortcutHelp lists them).
 */
export function ConsultationForm({
  form,
  onChange,
  changes,
  onSign,
  signing,
  signError,
  medicationsRef,
  device,
}: {
  form: Form;
  onChange: (form: Form) => void;
  changes: readonly MedicationChange[];
  onSign: () => void;
  signing: boolean;
  /** Shown above the sign button when signing failed (the form stays as it is). */
  signError?: React.ReactNode;
  /** The medication list beside the form (Alt+M goes there). */
  medicationsRef: RefObject<HTMLElement | null>;
  device: DeviceClass;
}) {
  const { t } = useTranslation();
  const ids = { heading: useId(), labs: useId(), followUp: useId(), summary: useId() };
  const reasonRef = useRef<HTMLInputElement>(null);
  const diagnosisRef = useRef<HTMLInputElement>(null);
  const labsRef = useRef<HTMLButtonElement>(null);
  const followUpRef = useRef<HTMLFieldSetElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [attempted, setAttempted] = useState(false);
  const [help, setHelp] = useState(false);
  const errors = attempted ? validateConsultation(form) : {};
  const errorList = Object.keys(errors) as (keyof typeof errors)[];
  const size = device === 'tablet' ? 'medium' : 'small';

  const setText = (key: NoteSectionKey, value: string) => onChange({ ...form, text: { ...form.text, [key]: value } });
  const toggleLab = (key: string) => onChange({ ...form, labs: form.labs.includes(key) ? form.labs.filter((k) => k !== key) : [...form.labs, key] });
  const addPanel = (keys: readonly string[]) => onChange({ ...form, labs: [...form.labs, ...keys.filter((k) => !form.labs.includes(k))] });

  const sign = () => {
    setAttempted(true);
    if (Object.keys(validateConsultation(form)).length > 0) {
      // The summary lists what is missing, with a link to each field.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    onSign();
  };

  const focusField = (key: string) => {
    if (key === 'diagnosis') diagnosisRef.current?.focus();
    else if (key === 'reason') reasonRef.current?.focus();
    else document.getElementById(`consultation-findings`)?.focus();
  };

  const run = (id: ShortcutId) => {
    if (id === 'note') reasonRef.current?.focus();
    else if (id === 'diagnosis') diagnosisRef.current?.focus();
    else if (id === 'medications') {
      medicationsRef.current?.scrollIntoView({ block: 'start' });
      medicationsRef.current?.focus();
    } else if (id === 'labs') labsRef.current?.focus();
    else if (id === 'followUp') followUpRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    else if (id === 'sign') {
      if (!signing) sign();
    } else setHelp(true);
  };
  // The shortcuts work wherever the focus is on the page (they are Alt or Ctrl combinations, never typing).
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const id = shortcutOf(event);
    if (!id || event.defaultPrevented) return;
    event.preventDefault();
    run(id);
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <Paper component="section" aria-labelledby={ids.heading} sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2" id={ids.heading} sx={{ flex: 1 }}>
          {t('consultation.note')}
        </Typography>
        <Button size="small" onClick={() => setHelp(true)} aria-keyshortcuts="Alt+H">
          {t('consultation.shortcuts')} (Alt+H)
        </Button>
      </Box>

      {errorList.length > 0 && (
        <Alert severity="error" ref={summaryRef} tabIndex={-1} aria-labelledby={ids.summary}>
          <Typography id={ids.summary}>{t('consultation.errors.summary', { count: errorList.length })}</Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {errorList.map((key) => (
              <li key={key}>
                <Link component="button" type="button" onClick={() => focusField(key)} sx={{ textAlign: 'left' }}>
                  {t(`consultation.errors.${key}`)}
                </Link>
              </li>
            ))}
          </Box>
        </Alert>
      )}

      {NOTE_SECTION_KEYS.map((key) => (
        <TextField
          key={key}
          id={`consultation-${key}`}
          label={t(`consultation.section.${key}`)}
          value={form.text[key]}
          onChange={(e) => setText(key, e.target.value)}
          inputRef={key === 'reason' ? reasonRef : undefined}
          required={key === 'reason'}
          error={key === 'reason' ? Boolean(errors.reason) : key === 'findings' && Boolean(errors.content)}
          helperText={key === 'reason' && errors.reason ? t('consultation.errors.reason') : key === 'findings' && errors.content ? t('consultation.errors.content') : undefined}
          multiline
          minRows={key === 'reason' ? 1 : 3}
          size={size}
          fullWidth
          slotProps={{ htmlInput: { 'aria-keyshortcuts': key === 'reason' ? 'Alt+N' : undefined } }}
        />
      ))}

      <DiagnosisCodePicker
        id="consultation-diagnosis"
        label={t('consultation.diagnosis')}
        value={form.diagnosis}
        onChange={(diagnosis) => onChange({ ...form, diagnosis })}
        system="icpc2"
        error={Boolean(errors.diagnosis)}
        helperText={errors.diagnosis ? t('consultation.errors.diagnosis') : t('consultation.diagnosisHint')}
        inputRef={diagnosisRef}
        tablet={device === 'tablet'}
      />

      <Box component="section" aria-labelledby={`${ids.heading}-meds`}>
        <Typography variant="h3" id={`${ids.heading}-meds`}>
          {t('consultation.medications')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('consultation.medicationsHint')}
        </Typography>
        {changes.length === 0 ? (
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            {t('consultation.noChanges')}
          </Typography>
        ) : (
          <Box component="ul" sx={{ my: 0.5, pl: 2.5 }}>
            {changes.map((c) => (
              <li key={`${c.kind}-${c.name}`}>
                <strong>{t(`consultation.change.${c.kind}`)}:</strong> {c.name}
                {c.detail ? ` – ${c.detail}` : ''}
              </li>
            ))}
          </Box>
        )}
        <Button size="small" onClick={() => run('medications')} aria-keyshortcuts="Alt+M">
          {t('consultation.goToMedications')}
        </Button>
      </Box>

      <FormControl component="fieldset" aria-describedby={`${ids.labs}-hint`}>
        <FormLabel component="legend">
          <Typography variant="h3" component="span">
            {t('consultation.labs')}
          </Typography>
        </FormLabel>
        <Typography variant="body2" color="text.secondary" id={`${ids.labs}-hint`}>
          {t('consultation.labsHint')} {t('consultation.chosenLabs', { count: form.labs.length })}.
        </Typography>
        <Box role="group" aria-label={t('consultation.panels')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, my: 1 }}>
          {LAB_PANELS.map((panel, i) => (
            <Button
              key={panel.key}
              size="small"
              variant="outlined"
              ref={i === 0 ? labsRef : undefined}
              aria-label={t('consultation.addPanel', { title: panel.title })}
              aria-keyshortcuts={i === 0 ? 'Alt+L' : undefined}
              onClick={() => addPanel(panel.analyses)}
            >
              {panel.title}
            </Button>
          ))}
        </Box>
        <FormGroup aria-label={t('consultation.analyses')} sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(11rem, 1fr))' }}>
          {ANALYSES.map((a) => (
            <FormControlLabel key={a.key} control={<Checkbox size={size} checked={form.labs.includes(a.key)} onChange={() => toggleLab(a.key)} />} label={a.display} />
          ))}
        </FormGroup>
      </FormControl>

      <FormControl component="fieldset" ref={followUpRef} aria-describedby={`${ids.followUp}-hint`}>
        <FormLabel component="legend" id={ids.followUp}>
          <Typography variant="h3" component="span">
            {t('consultation.followUp')}
          </Typography>
        </FormLabel>
        <RadioGroup row aria-labelledby={ids.followUp} value={form.followUp} onChange={(_, v) => onChange({ ...form, followUp: v as FollowUp })}>
          {FOLLOW_UPS.map((f) => (
            <FormControlLabel key={f} value={f} control={<Radio size={size} />} label={t(`consultation.followUpOption.${f}`)} />
          ))}
        </RadioGroup>
        <Typography variant="body2" color="text.secondary" id={`${ids.followUp}-hint`}>
          {t('consultation.followUpHint')}
        </Typography>
      </FormControl>

      <Box sx={{ position: 'sticky', bottom: 0, bgcolor: 'background.paper', pt: 1, pb: 1, borderTop: 1, borderColor: 'divider', display: 'grid', gap: 1 }}>
        {signError}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={sign} disabled={signing} aria-keyshortcuts="Control+Enter">
            {signing ? t('consultation.signing') : t('consultation.sign')} (Ctrl+Enter)
          </Button>
          <Typography variant="body2" color="text.secondary">
            {t('consultation.draftKept')}
          </Typography>
        </Box>
      </Box>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </Paper>
  );
}
