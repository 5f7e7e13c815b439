import { useId, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Bundle, Patient } from 'fhir/r4';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { parseNationalId } from '../../domain/nationalId';
import { parsePatientQuery } from '../../domain/patientQuery';
import { arrivalEncounter, temporaryPatient } from '../../fhir/emergency';
import { formatName, nationalIdOf } from '../../fhir/format';
import { usePatientSearch } from '../../fhir/patients';
import { useSession } from '../../session/store';
import { useDeviceClass } from '../../app/deviceClass';
import { formatDate } from '../../ui/dates';
import { nowMs } from '../../ui/clock';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReasonAndSave } from './ReasonAndSave';
import { useDebouncedValue } from '../../ui/useDebouncedValue';
import { createdId, useTransaction } from './hooks';
import { PatientFacts } from './PatientFacts';

function checkIdentifier(digits: string) {
  const result = parseNationalId(digits);
  return result.ok ? ({ ok: true } as const) : ({ ok: false, error: result.error } as const);
}

type Gender = 'female' | 'male' | 'unknown';

/**
 * Register an arrival: find the patient (national id, birth date or name) or give a temporary
 * identity; the patient's critical information and regular GP come first, then the reason for
 * contact. Saving opens the visit, ready for triage.
 */
export function ArrivalPage() {
  const { t } = useTranslation();
  const ids = useId();
  const navigate = useNavigate();
  const persona = useSession((s) => s.persona);
  const tablet = useDeviceClass() === 'tablet';
  const [text, setText] = useState('');
  const [unknown, setUnknown] = useState(false);
  const [chosen, setChosen] = useState<Patient | null>(null);
  const [gender, setGender] = useState<Gender>('unknown');
  const [age, setAge] = useState('');
  const [description, setDescription] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; age?: string }>({});
  const reasonRef = useRef<HTMLInputElement>(null);
  const ageRef = useRef<HTMLInputElement>(null);
  const debounced = useDebouncedValue(text, 250);
  const query = useMemo(() => parsePatientQuery(debounced, checkIdentifier), [debounced]);
  const search = usePatientSearch(unknown || chosen ? { kind: 'empty' } : query);
  const save = useTransaction(['Encounter', 'Patient']);
  const size = tablet ? 'medium' : 'small';

  if (!persona) return null;
  const results = search.data?.resources ?? [];

  const submit = () => {
    const next: typeof errors = {};
    const ageNumber = age.trim() === '' ? undefined : Number(age.trim());
    if (unknown && ageNumber !== undefined && (!Number.isInteger(ageNumber) || ageNumber < 0 || ageNumber > 120)) next.age = t('edPages.arrival.ageInvalid');
    if (!reason.trim()) next.reason = t('edPages.arrival.reasonRequired');
    setErrors(next);
    if (next.reason) return reasonRef.current?.focus();
    if (next.age) return ageRef.current?.focus();
    const now = nowMs();
    let bundle: Bundle;
    if (unknown) {
      const patient = temporaryPatient({ gender, ...(ageNumber !== undefined ? { approxAge: ageNumber } : {}), description, nowMs: now, random: Math.random(), persona });
      const encounter = arrivalEncounter({ patient: { ...patient, id: 'x' }, reason, persona, nowMs: now });
      encounter.subject = { reference: 'urn:uuid:patient', display: formatName(patient.name) };
      bundle = {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:patient', resource: patient, request: { method: 'POST', url: 'Patient' } },
          { fullUrl: 'urn:uuid:encounter', resource: encounter, request: { method: 'POST', url: 'Encounter' } },
        ],
      };
    } else if (chosen) {
      bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:encounter', resource: arrivalEncounter({ patient: chosen, reason, persona, nowMs: now }), request: { method: 'POST', url: 'Encounter' } }] };
    } else return;
    save.mutate(bundle, {
      onSuccess: (response) => {
        const id = createdId(response, 'Encounter');
        void navigate(id ? `/emergency/visit/${id}` : '/emergency');
      },
    });
  };

  const identified = unknown || chosen !== null;

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: '60rem' }}>
      <Link component={RouterLink} to="/emergency">
        {t('edPages.back')}
      </Link>
      <Typography variant="h1">{t('edPages.arrival.title')}</Typography>
      <Paper component="section" aria-labelledby={`${ids}-find`} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
        <Typography id={`${ids}-find`} component="h2" variant="h2">
          {t('edPages.arrival.find')}
        </Typography>
        <FormControlLabel control={<Switch checked={unknown} onChange={(e) => { setUnknown(e.target.checked); setChosen(null); }} />} label={t('edPages.arrival.unknown')} />
        {unknown ? (
          <Box sx={{ display: 'flex', gap: 1.5, flexWrap: 'wrap' }}>
            <Typography sx={{ flexBasis: '100%' }} variant="body2">
              {t('edPages.arrival.unknownHelp')}
            </Typography>
            <TextField select id={`${ids}-gender`} label={t('edPages.arrival.gender')} value={gender} onChange={(e) => setGender(e.target.value as Gender)} size={size} sx={{ minWidth: '10rem' }}>
              {(['female', 'male', 'unknown'] as const).map((g) => (
                <MenuItem key={g} value={g}>
                  {t(`edPages.arrival.genders.${g}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField id={`${ids}-age`} label={t('edPages.arrival.approxAge')} value={age} onChange={(e) => setAge(e.target.value)} inputRef={ageRef} error={Boolean(errors.age)} helperText={errors.age ?? ' '} size={size} slotProps={{ htmlInput: { inputMode: 'numeric' } }} />
            <TextField id={`${ids}-desc`} label={t('edPages.arrival.description')} value={description} onChange={(e) => setDescription(e.target.value)} size={size} sx={{ flex: 1, minWidth: '14rem' }} />
          </Box>
        ) : chosen ? (
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography>
              {t('edPages.arrival.chosen')}: <strong>{formatName(chosen.name)}</strong> {nationalIdOf(chosen.identifier) ?? ''}
            </Typography>
            <Button onClick={() => setChosen(null)}>{t('edPages.arrival.change')}</Button>
          </Box>
        ) : (
          <>
            <TextField
              id={`${ids}-search`}
              label={t('edPages.arrival.search')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              helperText={query.kind === 'invalid-identifier' ? t('edPages.arrival.invalidId') : t('edPages.arrival.searchHelp')}
              error={query.kind === 'invalid-identifier'}
              size={size}
              autoFocus
              autoComplete="off"
            />
            {search.error && <ErrorAlert error={search.error} />}
            {(query.kind === 'identifier' || query.kind === 'name' || query.kind === 'birthdate') && search.data && (
              results.length === 0 ? (
                <Typography>{t('edPages.arrival.noResults')}</Typography>
              ) : (
                <Box component="ul" aria-label={t('edPages.arrival.results')} sx={{ listStyle: 'none', p: 0, m: 0, display: 'grid', gap: 0.5 }}>
                  {results.map((p) => (
                    <li key={p.id}>
                      <Button variant="outlined" fullWidth sx={{ justifyContent: 'flex-start', gap: 2 }} onClick={() => setChosen(p)} aria-label={t('edPages.arrival.choose', { name: formatName(p.name) })}>
                        <strong>{formatName(p.name)}</strong>
                        <span>{formatDate(p.birthDate)}</span>
                        <span>{nationalIdOf(p.identifier) ?? ''}</span>
                        <span>{p.address?.[0]?.district ?? ''}</span>
                      </Button>
                    </li>
                  ))}
                </Box>
              )
            )}
          </>
        )}
      </Paper>
      {chosen && <PatientFacts patient={chosen} />}
      {identified && (
        <Paper component="form" aria-label={t('edPages.arrival.title')} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
          <ReasonAndSave
            id={`${ids}-reason`}
            label={t('edPages.arrival.reason')}
            value={reason}
            onChange={setReason}
            inputRef={reasonRef}
            error={errors.reason}
            size={size}
            saveError={save.error}
            saving={save.isPending}
            saveLabel={save.isPending ? t('edPages.arrival.saving') : t('edPages.arrival.save')}
          />
        </Paper>
      )}
    </Box>
  );
}
