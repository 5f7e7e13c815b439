import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Communication, Organization, Patient, Reference } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { parseNationalId } from '../../domain/nationalId';
import { parsePatientQuery } from '../../domain/patientQuery';
import { formatName, formatNameFamilyFirst, nationalIdOf, referenceId } from '../../fhir/format';
import { useFhirCreate, useFhirRead, useFhirSearch, useFhirTransaction } from '../../fhir/hooks';
import { patientSearches, usePatient, usePatientSearch } from '../../fhir/patients';
import type { FhirError } from '../../fhir/errors';
import type { Persona, PersonnelGroup } from '../../session/personnel';
import { useSession } from '../../session/store';
import { formatDate, formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { nowMs } from '../../ui/clock';
import { VITAL_CODE_TOKENS } from '../../domain/vitalSigns';
import { buildMessage, buildReferral, buildSickNote, type IncludedPart } from '../builders';
import { senderOf } from '../hooks';
import { registerExchangeStrings } from '../i18n';
import { expectsAnswer, isMessageType, type MessageType } from '../messageTypes';
import { defaultInclude, diagnosisLines, emptyDraft, medicationLines, PARTS, recipientKindOf, typesFor, validate, vitalLines, type Draft, type DraftErrors, type Part, type SickNoteDraft } from './model';
import { DiagnosisCodePicker } from '../../ui/DiagnosisCodePicker';

registerExchangeStrings();

const DRAFT_KEY = (persona: Persona) => `akson.exchange.draft.${persona.id}`;

function loadDraft(persona: Persona, patientId: string): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY(persona));
    const parsed = raw ? (JSON.parse(raw) as Partial<Draft>) : null;
    const draft = parsed ? ({ ...emptyDraft(persona.personnelGroup, parsed.patientId ?? '', Date.now()), ...parsed } as Draft) : null;
    // A draft about another patient than the one the page was opened for stays put for later.
    return draft && (!patientId || draft.patientId === patientId) ? draft : null;
  } catch {
    return null;
  }
}

/**
 * A new draft, of the type and to the recipient the link asks for when the user may write it
 * (`?type=innleggelsesrapport&to=Organization/org-hus` from a hospital's admission notice).
 */
function startDraft(group: PersonnelGroup, patientId: string, params: URLSearchParams): Draft {
  const draft = emptyDraft(group, patientId, nowMs());
  const type = params.get('type') ?? undefined;
  if (!isMessageType(type) || !typesFor(group).includes(type)) return draft;
  return { ...draft, type, include: defaultInclude(type), recipient: params.get('to') ?? '' };
}

function checkIdentifier(digits: string) {
  const result = parseNationalId(digits);
  return result.ok ? ({ ok: true } as const) : ({ ok: false, error: result.error } as const);
}

/** Hospitals (health trusts) a referral or an admission report can go to: the municipality's own first. */
const HOSPITAL_SEARCH = { type: ['http://terminology.hl7.org/CodeSystem/organization-type|prov', 'urn:akson:codesystem:service|hospital'], active: 'true', _count: 50 };

function inMunicipality(org: Organization, municipalityCode: string): boolean {
  return Boolean(org.address?.some((a) => a._district?.extension?.some((e) => e.valueCoding?.code === municipalityCode)));
}

interface RecipientOption {
  reference: string;
  label: string;
  display: string;
}

function PatientPicker({ error, onPick }: { error?: string; onPick: (patient: Patient) => void }) {
  const { t } = useTranslation();
  const [input, setInput] = useState('');
  const debounced = useDebouncedValue(input, 150);
  const query = useMemo(() => parsePatientQuery(debounced, checkIdentifier), [debounced]);
  const search = usePatientSearch(query);
  const options = query.kind === 'name' || query.kind === 'identifier' || query.kind === 'birthdate' ? (search.data?.resources ?? []) : [];
  return (
    <Autocomplete
      options={options}
      filterOptions={(x) => x}
      inputValue={input}
      onInputChange={(_, value) => setInput(value)}
      onChange={(_, patient) => patient && onPick(patient)}
      getOptionLabel={(p) => `${formatNameFamilyFirst(p.name)} (${formatDate(p.birthDate)})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      noOptionsText={t('exchange.compose.patientSearch')}
      renderInput={(params) => <TextField {...params} label={t('exchange.compose.patient')} placeholder={t('exchange.compose.patientSearch')} error={Boolean(error)} helperText={error ?? ' '} required />}
    />
  );
}

function SickNoteFields({ value, errors, fieldError, onChange, tablet }: { value: SickNoteDraft; errors: DraftErrors; fieldError: (key: keyof DraftErrors) => string | undefined; onChange: (next: SickNoteDraft) => void; tablet: boolean }) {
  const { t } = useTranslation();
  const set = (patch: Partial<SickNoteDraft>) => onChange({ ...value, ...patch });
  return (
    <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0, display: 'grid', gap: 1.5 }}>
      <Typography component="legend" variant="subtitle1" sx={{ px: 0.5 }}>
        {t('exchange.compose.sickNote.title')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TextField type="date" label={t('exchange.compose.sickNote.from')} value={value.from} onChange={(e) => set({ from: e.target.value })} error={Boolean(errors.period)} helperText={fieldError('period') ?? ' '} slotProps={{ inputLabel: { shrink: true } }} required />
        <TextField type="date" label={t('exchange.compose.sickNote.to')} value={value.to} onChange={(e) => set({ to: e.target.value })} error={Boolean(errors.period)} helperText=" " slotProps={{ inputLabel: { shrink: true } }} required />
        <TextField label={t('exchange.compose.sickNote.degree')} value={value.degree} onChange={(e) => set({ degree: e.target.value })} error={Boolean(errors.degree)} helperText={fieldError('degree') ?? ' '} slotProps={{ htmlInput: { inputMode: 'numeric' } }} required />
      </Box>
      <DiagnosisCodePicker
        id="sick-note-diagnosis"
        label={t('exchange.compose.sickNote.diagnosis')}
        value={value.diagnosis}
        onChange={(diagnosis) => set({ diagnosis })}
        system="icpc2"
        error={Boolean(errors.diagnosis)}
        helperText={fieldError('diagnosis') ?? ' '}
        inputRef={null}
        tablet={tablet}
      />
      <FormControlLabel control={<Checkbox checked={value.workRelated} onChange={(e) => set({ workRelated: e.target.checked })} />} label={t('exchange.compose.sickNote.workRelated')} />
      <TextField label={t('exchange.compose.sickNote.assessment')} value={value.assessment} onChange={(e) => set({ assessment: e.target.value })} multiline minRows={3} error={Boolean(errors.assessment)} helperText={fieldError('assessment') ?? ' '} required />
    </Box>
  );
}

/**
 * Writing a message: the patient, the recipient (the patient's GP, the patient's home care
 * unit, child welfare for a notice of concern …), the text, and what from the journal to include
 * (current medications, the latest vital signs, diagnoses), each shown before it is chosen. The
 * draft is kept in this browser until it is sent, so nothing typed is lost when sending fails or
 * the page is left.
 */
export function Component() {
  const { t } = useTranslation();
  const { workspaceId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const persona = useSession((s) => s.persona);
  const initialPatient = params.get('patient') ?? '';
  const [restored] = useState(() => (persona ? loadDraft(persona, initialPatient) : null));
  const [draft, setDraft] = useState<Draft>(() => restored ?? startDraft(persona?.personnelGroup ?? 'gp', initialPatient, params));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [sendError, setSendError] = useState<FhirError | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const create = useFhirCreate<Communication>();
  const patient = usePatient(draft.patientId || undefined);
  const pid = draft.patientId || undefined;
  const medications = useFhirSearch('MedicationStatement', pid ? patientSearches.currentMedications(pid) : undefined);
  const vitals = useFhirSearch('Observation', pid ? { patient: pid, code: VITAL_CODE_TOKENS.join(','), _sort: '-date', _count: 30 } : undefined);
  const conditions = useFhirSearch('Condition', pid ? patientSearches.activeProblems(pid) : undefined);
  const episodes = useFhirSearch('EpisodeOfCare', pid ? { patient: pid, status: 'active', _count: 20 } : undefined);
  const gpRef = patient.data?.generalPractitioner?.[0];
  const gpRole = useFhirRead('PractitionerRole', gpRef && !gpRef.display ? referenceId(gpRef, 'PractitionerRole') : undefined, { staleTime: Infinity });
  const kind = recipientKindOf(draft.type);
  const barnevern = useFhirRead('Organization', persona && kind === 'barnevern' ? `org-barnevern-${persona.municipalityCode}` : undefined, { staleTime: Infinity });
  const nav = useFhirRead('Organization', persona && kind === 'nav' ? `org-nav-${persona.municipalityCode}` : undefined, { staleTime: Infinity });
  const hospitals = useFhirSearch('Organization', kind === 'hospital' ? HOSPITAL_SEARCH : undefined, { staleTime: Infinity });
  const transaction = useFhirTransaction();

  useEffect(() => {
    if (!persona) return;
    localStorage.setItem(DRAFT_KEY(persona), JSON.stringify(draft));
  }, [draft, persona]);

  const recipients = useMemo<RecipientOption[]>(() => {
    const out: RecipientOption[] = [];
    if (!persona) return out;
    const partner = kind === 'nav' ? nav.data : kind === 'barnevern' ? barnevern.data : undefined;
    if (partner) {
      if (partner.id) out.push({ reference: `Organization/${partner.id}`, display: partner.name ?? '', label: partner.name ?? '' });
      return out;
    }
    if (kind === 'hospital') {
      const list = [...(hospitals.data?.resources ?? [])].sort((a, b) => Number(inMunicipality(b, persona.municipalityCode)) - Number(inMunicipality(a, persona.municipalityCode)));
      for (const org of list) if (org.id) out.push({ reference: `Organization/${org.id}`, display: org.name ?? '', label: org.name ?? '' });
      return out;
    }
    if (kind !== 'journal') return out;
    if (gpRef?.reference && gpRef.reference !== `PractitionerRole/${persona.practitionerRoleId}`) {
      const name = gpRef.display ?? gpRole.data?.practitioner?.display ?? '';
      out.push({ reference: gpRef.reference, display: name, label: t('exchange.compose.recipientGp', { name }) });
    }
    for (const episode of episodes.data?.resources ?? []) {
      const org = episode.managingOrganization;
      if (!org?.reference || org.reference === `Organization/${persona.organizationId}` || out.some((o) => o.reference === org.reference)) continue;
      out.push({ reference: org.reference, display: org.display ?? '', label: t('exchange.compose.recipientUnit', { name: org.display ?? org.reference }) });
    }
    return out;
  }, [persona, kind, barnevern.data, nav.data, hospitals.data, gpRef, gpRole.data, episodes.data, t]);

  // The usual recipient is chosen for the user once it is known (the GP; child welfare for a notice of concern).
  const recipientRef = recipients.some((r) => r.reference === draft.recipient) ? draft.recipient : (recipients[0]?.reference ?? '');

  if (!persona) return null;
  const types = typesFor(persona.personnelGroup);
  const parts: Record<Part, string[]> = {
    medications: medicationLines(medications.data?.resources ?? []),
    vitals: vitalLines(vitals.data?.resources ?? [], formatDateTime),
    diagnoses: diagnosisLines(conditions.data?.resources ?? []),
  };
  const update = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSendError(null);
  };
  const fieldError = (key: keyof DraftErrors) => (errors[key] ? t(`exchange.compose.${errors[key]}`) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validate({ ...draft, recipient: recipientRef }, nowMs());
    setErrors(found);
    if (Object.keys(found).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const recipient = recipients.find((r) => r.reference === recipientRef);
    const included: IncludedPart[] = PARTS.filter((p) => draft.include[p] && parts[p].length > 0).map((p) => ({ title: t(`exchange.compose.part.${p}`), text: parts[p].join('\n') }));
    const patientRef: Reference = { reference: `Patient/${draft.patientId}`, display: patient.data ? formatName(patient.data.name) : draft.patientId };
    const sender = senderOf(persona);
    const onSuccess = () => {
      localStorage.removeItem(DRAFT_KEY(persona));
      void navigate(`/${workspaceId}`, { state: { notice: t('exchange.compose.sent', { type: t(`exchange.type.${draft.type}`), recipient: recipient?.display ?? recipientRef }) } });
    };
    const onError = (error: FhirError) => {
      setSendError(error);
      requestAnimationFrame(() => summaryRef.current?.focus());
    };
    if (draft.type === 'sykmelding' && draft.sickNote.diagnosis) {
      const { bundle } = buildSickNote({
        patient: patientRef,
        sender,
        recipients: [{ reference: recipientRef, ...(recipient?.display ? { display: recipient.display } : {}) }],
        sent: new Date(nowMs()).toISOString(),
        from: draft.sickNote.from,
        to: draft.sickNote.to,
        degree: Number(draft.sickNote.degree),
        diagnosis: { code: draft.sickNote.diagnosis.code, display: draft.sickNote.diagnosis.text },
        workRelated: draft.sickNote.workRelated,
        assessment: draft.sickNote.assessment,
      });
      transaction.mutate(bundle, { onSuccess, onError });
      return;
    }
    const to: Reference = { reference: recipientRef, ...(recipient?.display ? { display: recipient.display } : {}) };
    if (draft.type === 'henvisning') {
      const { bundle } = buildReferral({ patient: patientRef, sender, recipients: [], text: draft.text, sent: new Date(nowMs()).toISOString(), priority: draft.urgent ? 'urgent' : 'routine', included, reasonText: draft.text.trim().split('\n', 1)[0] ?? '', performer: to });
      transaction.mutate(bundle, { onSuccess, onError });
      return;
    }
    const message = buildMessage({
      type: draft.type,
      patient: patientRef,
      sender,
      recipients: [to],
      text: draft.text,
      sent: new Date(nowMs()).toISOString(),
      priority: draft.urgent ? 'urgent' : 'routine',
      ...(expectsAnswer(draft.type) ? { due: new Date(draft.due).toISOString() } : {}),
      included,
    });
    create.mutate(message, { onSuccess, onError });
  };

  const errorList = (Object.keys(errors) as (keyof DraftErrors)[]).map((key) => fieldError(key)).filter(Boolean);

  return (
    <Box component="form" noValidate onSubmit={submit} sx={{ display: 'grid', gap: 2, maxWidth: 880 }}>
      <Box>
        <Typography variant="h1">{t('exchange.compose.title')}</Typography>
        <Typography color="text.secondary">{t('exchange.compose.intro')}</Typography>
      </Box>
      <Box ref={summaryRef} tabIndex={-1} sx={{ outline: 'none', display: 'grid', gap: 1 }}>
        {restored && <Alert severity="info">{t('exchange.compose.draftRestored')}</Alert>}
        {errorList.length > 0 && (
          <Alert severity="error">
            <AlertTitle>{t('exchange.compose.errorsTitle')}</AlertTitle>
            <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
              {errorList.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </Alert>
        )}
        {sendError && (
          <>
            <Alert severity="error">{t('exchange.compose.failed')}</Alert>
            <ErrorAlert error={sendError} />
          </>
        )}
      </Box>
      <TextField select label={t('exchange.compose.type')} value={draft.type} onChange={(e) => update({ type: e.target.value as MessageType, recipient: '', include: defaultInclude(e.target.value as MessageType) })}>
        {types.map((type) => (
          <MenuItem key={type} value={type}>
            {t(`exchange.type.${type}`)}
          </MenuItem>
        ))}
      </TextField>
      {draft.type === 'bekymringsmelding' && <Alert severity="info">{t('exchange.compose.legalBasis')}</Alert>}
      {(draft.type === 'henvisning' || draft.type === 'legeerklaering' || draft.type === 'innleggelsesrapport') && <Alert severity="info">{t(`exchange.compose.hint.${draft.type}`)}</Alert>}
      {draft.patientId ? (
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <Typography variant="subtitle2" component="p">
            {t('exchange.compose.patient')}
          </Typography>
          <Typography>
            {patient.data ? `${formatName(patient.data.name)} · ${formatDate(patient.data.birthDate)} · ${nationalIdOf(patient.data.identifier) ?? ''}` : '…'}
          </Typography>
        </Paper>
      ) : (
        <PatientPicker error={fieldError('patient')} onPick={(p) => p.id && update({ patientId: p.id, recipient: '' })} />
      )}
      <TextField select label={t('exchange.compose.recipient')} value={recipientRef} onChange={(e) => update({ recipient: e.target.value })} error={Boolean(errors.recipient)} helperText={fieldError('recipient') ?? ' '} required>
        {recipients.map((r) => (
          <MenuItem key={r.reference} value={r.reference}>
            {r.label}
          </MenuItem>
        ))}
      </TextField>
      {draft.type === 'sykmelding' && (
        <SickNoteFields value={draft.sickNote} errors={errors} fieldError={fieldError} onChange={(sickNote) => update({ sickNote })} tablet={false} />
      )}
      {draft.type !== 'sykmelding' && <TextField label={t('exchange.compose.text')} value={draft.text} onChange={(e) => update({ text: e.target.value })} multiline minRows={5} error={Boolean(errors.text)} helperText={fieldError('text') ?? ' '} required />}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
        <FormControlLabel control={<Checkbox checked={draft.urgent} onChange={(e) => update({ urgent: e.target.checked })} />} label={t('exchange.compose.urgent')} />
        {expectsAnswer(draft.type) && (
          <TextField
            type="datetime-local"
            label={t('exchange.compose.due')}
            value={draft.due}
            onChange={(e) => update({ due: e.target.value })}
            error={Boolean(errors.due)}
            helperText={fieldError('due') ?? ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        )}
      </Box>
      {draft.patientId && draft.type !== 'sykmelding' && (
        <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0 }}>
          <Typography component="legend" variant="subtitle1" sx={{ px: 0.5 }}>
            {t('exchange.compose.include')}
          </Typography>
          {PARTS.map((part) => (
            <Box key={part} sx={{ mb: 1 }}>
              <FormControlLabel
                control={<Checkbox checked={draft.include[part]} disabled={parts[part].length === 0} onChange={(e) => update({ include: { ...draft.include, [part]: e.target.checked } })} />}
                label={t(`exchange.compose.part.${part}`)}
              />
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', pl: 4 }}>
                {parts[part].length > 0 ? parts[part].join('\n') : t('exchange.compose.includeNone')}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button type="submit" variant="contained" disabled={create.isPending || transaction.isPending}>
          {create.isPending || transaction.isPending ? t('exchange.compose.sending') : t('exchange.compose.send')}
        </Button>
        <Button component={RouterLink} to={`/${workspaceId}`}>
          {t('exchange.compose.cancel')}
        </Button>
      </Box>
    </Box>
  );
}
