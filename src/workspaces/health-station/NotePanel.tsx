import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment, Bundle, Encounter } from 'fhir/r4';
import { formatISO, subMinutes } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CONSULTATIONS, PROGRAMME_SYSTEM, currentConsultation, type ConsultationKey, type ConsultationState } from '../../domain/childProgramme';
import { CODE_SYSTEM } from '../../domain/codeSystems';
import { SERVICE_DISPLAY } from '../../domain/services';
import { versionOf } from '../../fhir/client';
import { compositionFromForm } from '../../journal/notes/compose';
import type { Persona } from '../../session/personnel';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useTransaction } from './hooks';
import { bookedToday } from './model';

const draftKey = (patientId: string, key: string) => `akson.hs-note.${patientId}.${key}`;

function readDraft(patientId: string, key: string): Record<string, string> {
  try {
    return JSON.parse(localStorage.getItem(draftKey(patientId, key)) ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
}

/** The signed note, the consultation as done (Encounter) and today's appointment fulfilled: one transaction. */
export function noteTransaction(o: {
  key: ConsultationKey;
  title: string;
  sections: Array<{ key: string; title: string; text: string }>;
  patientId: string;
  persona: Persona;
  appointment: Appointment | undefined;
  now: Date;
}): Bundle {
  const service = { system: CODE_SYSTEM.service, code: 'health-station', display: SERVICE_DISPLAY['health-station'] };
  const role = { reference: `PractitionerRole/${o.persona.practitionerRoleId}`, display: o.persona.name };
  const encounter: Encounter = {
    resourceType: 'Encounter',
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' },
    type: [{ coding: [{ system: PROGRAMME_SYSTEM, code: o.key }], text: o.title }],
    serviceType: { coding: [service], text: service.display },
    subject: { reference: `Patient/${o.patientId}` },
    participant: [{ individual: role }],
    period: { start: o.appointment?.start ?? formatISO(subMinutes(o.now, 30)), end: formatISO(o.now) },
    serviceProvider: { reference: `Organization/${o.persona.organizationId}`, display: o.persona.unitName },
    ...(o.appointment?.id ? { appointment: [{ reference: `Appointment/${o.appointment.id}` }] } : {}),
  };
  const encUrl = `urn:uuid:${crypto.randomUUID()}`;
  const note = compositionFromForm(
    { type: 'health-station-consultation', title: o.title, sections: o.sections.map((s) => ({ ...s, optional: true })), encounter: { reference: encUrl } },
    'signed',
    { persona: o.persona, patientId: o.patientId, now: o.now },
  );
  const entry: NonNullable<Bundle['entry']> = [
    { fullUrl: encUrl, resource: encounter, request: { method: 'POST', url: 'Encounter' } },
    { resource: note, request: { method: 'POST', url: 'Composition' } },
  ];
  if (o.appointment?.id) {
    const version = versionOf(o.appointment);
    entry.push({ resource: { ...o.appointment, status: 'fulfilled' }, request: { method: 'PUT', url: `Appointment/${o.appointment.id}`, ...(version ? { ifMatch: `W/"${version}"` } : {}) } });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

/** The consultation note with the programme's headings for the child's age; the draft stays on the device until signed. */
export function NotePanel({ patientId, persona, programme, booked, today }: { patientId: string; persona: Persona; programme: ConsultationState[]; booked: Appointment[]; today: string }) {
  const { t } = useTranslation();
  const current = currentConsultation(programme)?.consultation.key ?? '12m';
  const [key, setKey] = useState<ConsultationKey>(current);
  const [text, setText] = useState<Record<string, string>>(() => readDraft(patientId, current));
  const [tried, setTried] = useState(false);
  const [signed, setSigned] = useState(false);
  const sign = useTransaction(['Composition', 'Encounter', 'Appointment']);
  const consultation = CONSULTATIONS.find((c) => c.key === key) ?? CONSULTATIONS[0]!;
  const hasText = consultation.headings.some((h) => (text[h] ?? '').trim() !== '');

  useEffect(() => {
    if (Object.values(text).some((v) => v.trim() !== '')) localStorage.setItem(draftKey(patientId, key), JSON.stringify(text));
    else localStorage.removeItem(draftKey(patientId, key)); // a draft emptied by hand is gone
  }, [text, patientId, key]);

  const submit = () => {
    setTried(true);
    if (!hasText) return;
    const title = `${t('hs.note.title')}: ${t(`hs.consultation.${key}`)}`;
    const sections = consultation.headings.map((h) => ({ key: h, title: t(`hs.headings.${h}`), text: text[h] ?? '' }));
    sign.mutate(noteTransaction({ key, title, sections, patientId, persona, appointment: bookedToday(booked, today), now: new Date() }), {
      onSuccess: () => {
        localStorage.removeItem(draftKey(patientId, key));
        setText({});
        setTried(false);
        setSigned(true);
      },
    });
  };

  return (
    <Box component="form" noValidate aria-labelledby="note-title" onSubmit={(e) => { e.preventDefault(); submit(); }} sx={{ display: 'grid', gap: 2, maxWidth: '60rem' }}>
      <Typography component="h3" variant="h3" id="note-title">
        {t('hs.note.title')}
      </Typography>
      <TextField
        select
        label={t('hs.note.consultation')}
        value={key}
        onChange={(e) => {
          const next = e.target.value as ConsultationKey;
          setKey(next);
          setText(readDraft(patientId, next));
          setSigned(false);
        }}
        sx={{ maxWidth: '24rem' }}
      >
        {CONSULTATIONS.map((c) => (
          <MenuItem key={c.key} value={c.key}>
            {t(`hs.consultation.${c.key}`)}
          </MenuItem>
        ))}
      </TextField>
      <Typography color="text.secondary">
        {t('hs.note.help', { consultation: t(`hs.consultation.${key}`) })} {t('hs.note.draftKept')}
      </Typography>
      {consultation.headings.map((h) => (
        <TextField
          key={`${key}-${h}`}
          label={t(`hs.headings.${h}`)}
          value={text[h] ?? ''}
          onChange={(e) => {
            setSigned(false);
            setText((s) => ({ ...s, [h]: e.target.value }));
          }}
          multiline
          minRows={2}
        />
      ))}
      <Box role="status">
        {tried && !hasText && <Alert severity="error">{t('hs.note.empty')}</Alert>}
        {signed && <Alert severity="success">{t('hs.note.signed')}</Alert>}
      </Box>
      {sign.error && (
        <Box>
          <Alert severity="error">{t('hs.note.failed')}</Alert>
          <ErrorAlert error={sign.error} />
        </Box>
      )}
      <Box>
        <Button type="submit" variant="contained" disabled={sign.isPending} sx={{ minHeight: 44 }}>
          {sign.isPending ? t('hs.note.signing') : t('hs.note.sign')}
        </Button>
      </Box>
    </Box>
  );
}
