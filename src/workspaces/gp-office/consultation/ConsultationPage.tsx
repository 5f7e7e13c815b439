import { useRef } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useDeviceClass } from '../../../app/deviceClass';
import { usePatient } from '../../../fhir/patients';
import { referenceId } from '../../../fhir/format';
import { registerModuleStrings } from '../../../i18n/moduleStrings';
import { PatientContextBar } from '../../../journal/PatientContextBar';
import { ModuleSlot } from '../../../layout/ModuleSlot';
import { useSession } from '../../../session/store';
import type { Persona } from '../../../session/personnel';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { LoadingLines } from '../../../ui/QueryList';
import { ConsultationForm } from './ConsultationForm';
import { consultationEn, consultationNb } from './i18n';
import { practitionerOf } from './model';
import { useConsultation } from './useConsultation';
import { parseFhirDate } from '../../../ui/dates';

registerModuleStrings('consultation', { nb: consultationNb, en: consultationEn });

/** What the GP sees beside the note: critical information first, then problems, medicines (where changes are made) and results. */
const SUMMARY_MODULES = ['critical-info', 'problems', 'medications', 'lab-results'] as const;

/** The GP's consultation, from opening the appointment to the signed note: /gp-office/consultation/:appointmentId. */
export default function ConsultationPage() {
  const { appointmentId = '' } = useParams();
  const persona = useSession((s) => s.persona);
  if (!persona) return null;
  // One page per appointment: nothing typed for one patient carries over to the next.
  return <Consultation key={appointmentId} appointmentId={appointmentId} persona={persona} />;
}

function BackToDay() {
  const { t } = useTranslation();
  return (
    <Button component={RouterLink} to="/gp-office" variant="outlined" sx={{ justifySelf: 'start' }}>
      {t('consultation.backToDay')}
    </Button>
  );
}

function Consultation({ appointmentId, persona }: { appointmentId: string; persona: Persona }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const device = useDeviceClass();
  const c = useConsultation(appointmentId, persona);
  const patient = usePatient(c.patientId);
  const medicationsRef = useRef<HTMLDivElement>(null);

  if (c.search.error) return <ErrorAlert error={c.search.error} onRetry={() => void c.search.refetch()} />;
  if (c.search.isPending) return <LoadingLines />;
  const { appointment, encounter } = c;
  if (!appointment) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        <Alert severity="warning">{t('errors.notFound')}</Alert>
        <BackToDay />
      </Box>
    );
  }
  const time = appointment.start ? format(parseFhirDate(appointment.start), 'HH:mm') : undefined;
  const heading = (
    <Typography variant="h2" component="p" sx={{ fontSize: '1.1rem' }}>
      {time ? t('consultation.heading', { time }) : t('consultation.headingNoTime')}
    </Typography>
  );
  const contextBar = patient.data ? (
    <PatientContextBar
      patient={patient.data}
      onShowCritical={() => {
        const el = document.getElementById('module-critical-info');
        el?.scrollIntoView({ block: 'start' });
        el?.focus();
      }}
    />
  ) : (
    <Box role="status" aria-label={t('patient.opening')}>
      <Skeleton variant="rounded" height={72} />
    </Box>
  );

  // Nothing to write: someone else's appointment, or one already signed.
  const closed =
    referenceId(practitionerOf(appointment), 'PractitionerRole') !== persona.practitionerRoleId
      ? ({ severity: 'info', text: t('consultation.notYours') } as const)
      : appointment.status === 'fulfilled'
        ? ({ severity: 'success', text: t('consultation.alreadySigned') } as const)
        : undefined;
  if (closed) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        {contextBar}
        <Alert severity={closed.severity}>{closed.text}</Alert>
        <BackToDay />
      </Box>
    );
  }

  const signError = c.sign.error ? (
    c.sign.error.kind === 'conflict' ? (
      <Alert severity="warning" role="alert">
        {t('consultation.conflict')}
      </Alert>
    ) : (
      <ErrorAlert error={c.sign.error} titleKey="consultation.signFailed" />
    )
  ) : undefined;
  const patientName = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor?.display ?? '';

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {contextBar}
      {heading}
      {c.starting.isError && <ErrorAlert error={c.starting.error} titleKey="consultation.startFailed" />}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: 'minmax(0, 1fr)', md: 'minmax(0, 5fr) minmax(0, 7fr)' }, alignItems: 'start' }}>
        <Box component="aside" aria-label={t('consultation.summary')} sx={{ display: 'grid', gap: 2, order: { xs: 2, md: 1 } }}>
          {c.patientId &&
            SUMMARY_MODULES.map((id) => (
              <Box
                key={id}
                ref={id === 'medications' ? medicationsRef : undefined}
                tabIndex={id === 'medications' ? -1 : undefined}
                sx={{ maxHeight: '48vh', display: 'flex', flexDirection: 'column', '& > section': { flex: '0 1 auto', minHeight: 0 } }}
              >
                <ModuleSlot moduleId={id} patientId={c.patientId} workspaceId="gp-office" device={device} group={persona.personnelGroup} />
              </Box>
            ))}
        </Box>
        <Box sx={{ order: { xs: 1, md: 2 } }}>
          {encounter?.status === 'in-progress' ? (
            <ConsultationForm
              form={c.form}
              onChange={c.setForm}
              changes={c.changes}
              signing={c.sign.isPending}
              signError={signError}
              medicationsRef={medicationsRef}
              device={device}
              onSign={() => c.submit(() => void navigate('/gp-office', { state: { notice: t('consultation.signed', { name: patientName }) } }))}
            />
          ) : (
            !c.starting.isError && <LoadingLines />
          )}
        </Box>
      </Box>
    </Box>
  );
}
