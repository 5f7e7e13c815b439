import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import TextField from '@mui/material/TextField';
import type { Patient } from 'fhir/r4';
import Typography from '@mui/material/Typography';
import type { DiagnosisCode } from '../../domain/diagnosisCodes';
import { buildEmergencyNotice } from '../../exchange/builders';
import { senderOf } from '../../exchange/hooks';
import { departureBundle, DEPARTURES, emergencyNoteLines, isTemporary, type Departure, type EdVisit } from '../../fhir/emergency';
import { formatName, referenceId } from '../../fhir/format';
import { useFhirRead } from '../../fhir/hooks';
import type { Persona } from '../../session/personnel';
import { DiagnosisCodePicker } from '../../ui/DiagnosisCodePicker';
import { nowMs } from '../../ui/clock';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useTransaction } from './hooks';

/**
 * The doctor's emergency note (findings, assessment, ICPC-2 diagnosis, measures) and the
 * departure. One transaction writes the note to the shared journal (the GP's latest notes show
 * it), the diagnosis, ends the visit, and sends the patient's GP a message from the clinic
 * (melding fra legevakt) that points to the note. A failed save keeps everything typed.
 */
export function DepartureForm({ visit, patient, persona, tablet, onDone, onConflict }: { visit: EdVisit; patient: Patient | undefined; persona: Persona; tablet: boolean; onDone: (gp: string | undefined) => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const ids = useId();
  const [findings, setFindings] = useState('');
  const [assessment, setAssessment] = useState('');
  const [measures, setMeasures] = useState('');
  const [followUp, setFollowUp] = useState('');
  const [diagnosis, setDiagnosis] = useState<DiagnosisCode | null>(null);
  const [departure, setDeparture] = useState<Departure | ''>('');
  const [errors, setErrors] = useState<{ assessment?: string; diagnosis?: string; departure?: string }>({});
  const assessmentRef = useRef<HTMLInputElement>(null);
  const diagnosisRef = useRef<HTMLInputElement>(null);
  const departureRef = useRef<HTMLDivElement>(null);
  const save = useTransaction(['Encounter', 'Composition', 'Condition', 'Communication']);
  const gpRef = patient && !isTemporary(patient) ? patient.generalPractitioner?.[0] : undefined;
  const gpRole = useFhirRead('PractitionerRole', gpRef && !gpRef.display ? referenceId(gpRef, 'PractitionerRole') : undefined, { staleTime: Infinity });
  const gpName = gpRef ? (gpRef.display ?? gpRole.data?.practitioner?.display ?? '') : undefined;
  const size = tablet ? 'medium' : 'small';

  const submit = () => {
    const next: typeof errors = {};
    if (!assessment.trim()) next.assessment = t('edPages.treatment.required', { field: t('edPages.treatment.assessment').toLocaleLowerCase() });
    if (!diagnosis) next.diagnosis = t('edPages.treatment.diagnosisRequired');
    if (!departure) next.departure = t('edPages.treatment.departureRequired');
    setErrors(next);
    if (next.assessment) return assessmentRef.current?.focus();
    if (next.diagnosis) return diagnosisRef.current?.focus();
    if (next.departure) return departureRef.current?.querySelector('input')?.focus();
    if (!departure) return;
    const input = { findings, assessment, measures, diagnosis, departure, followUp };
    const at = nowMs();
    const bundle = departureBundle(visit, input, persona, at);
    if (gpRef?.reference && patient?.id) {
      const notice = buildEmergencyNotice({
        patient: { reference: `Patient/${patient.id}`, display: formatName(patient.name) },
        sender: senderOf(persona),
        gp: { reference: gpRef.reference, ...(gpName ? { display: gpName } : {}) },
        sent: new Date(at).toISOString(),
        lines: emergencyNoteLines(visit, input),
        note: { reference: 'urn:uuid:note', display: visit.reason },
      });
      bundle.entry?.push({ resource: notice, request: { method: 'POST', url: 'Communication' } });
    }
    save.mutate(bundle, {
      onSuccess: () => onDone(gpRef ? gpName : undefined),
      onError: (error) => {
        if (error.kind === 'conflict') onConflict();
      },
    });
  };

  const text = (id: string, label: string, value: string, set: (v: string) => void, extra: { error?: string; inputRef?: React.Ref<HTMLInputElement>; required?: boolean } = {}) => (
    <TextField
      id={`${ids}-${id}`}
      label={label}
      value={value}
      onChange={(e) => set(e.target.value)}
      multiline
      minRows={2}
      size={size}
      error={Boolean(extra.error)}
      helperText={extra.error ?? ' '}
      required={extra.required ?? false}
      {...(extra.inputRef ? { inputRef: extra.inputRef } : {})}
    />
  );

  return (
    <Box component="form" noValidate aria-label={t('edPages.treatment.title')} onSubmit={(e) => { e.preventDefault(); submit(); }} sx={{ display: 'grid', gap: 1 }}>
      {text('findings', t('edPages.treatment.findings'), findings, setFindings)}
      {text('assessment', t('edPages.treatment.assessment'), assessment, setAssessment, { error: errors.assessment, inputRef: assessmentRef, required: true })}
      <DiagnosisCodePicker
        id={`${ids}-diagnosis`}
        value={diagnosis}
        onChange={setDiagnosis}
        system="icpc2"
        error={Boolean(errors.diagnosis)}
        helperText={errors.diagnosis ?? ' '}
        inputRef={diagnosisRef}
        tablet={tablet}
        label={t('edPages.treatment.diagnosis')}
      />
      {text('measures', t('edPages.treatment.measures'), measures, setMeasures)}
      <FormControl error={Boolean(errors.departure)} required>
        <FormLabel id={`${ids}-departure`}>{t('edPages.treatment.departure')}</FormLabel>
        <RadioGroup ref={departureRef} aria-labelledby={`${ids}-departure`} value={departure} onChange={(e) => setDeparture(e.target.value as Departure)} row>
          {DEPARTURES.map((d) => (
            <FormControlLabel key={d} value={d} control={<Radio />} label={t(`emergency.departure.${d}`)} sx={{ minHeight: tablet ? 44 : 32, mr: 3 }} />
          ))}
        </RadioGroup>
        {errors.departure && <FormHelperText>{errors.departure}</FormHelperText>}
      </FormControl>
      {text('followup', t('edPages.treatment.followUp'), followUp, setFollowUp)}
      <Typography>{gpRef ? t('edPages.treatment.noticeToGp', { gp: gpName }) : t('edPages.treatment.noGp')}</Typography>
      {save.error && <ErrorAlert error={save.error} />}
      <Box>
        <Button type="submit" variant="contained" disabled={save.isPending}>
          {save.isPending ? t('edPages.treatment.saving') : t('edPages.treatment.save')}
        </Button>
      </Box>
    </Box>
  );
}
