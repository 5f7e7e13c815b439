import { useId, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Patient, Resource } from 'fhir/r4';
import { format } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useDeviceClass } from '../../app/deviceClass';
import type { TriageLevel } from '../../domain/triage';
import { colourOf, triageHistorySearch, triageRecord, visitsOf } from '../../fhir/emergency';
import { useFhirSearch } from '../../fhir/hooks';
import { useSession } from '../../session/store';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { TriageBadge, WaitTime } from '../../ui/triage';
import { CarePanel } from './CarePanel';
import { DepartureForm } from './DepartureForm';
import { PatientFacts } from './PatientFacts';
import { TriageForm } from './TriageForm';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" aria-labelledby={id} sx={{ p: 2, display: 'grid', gap: 1.5 }}>
      <Typography id={id} component="h2" variant="h2">
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/**
 * One patient's visit: critical information and GP first, then triage (with the level's
 * history), responsibility/room/status, and the doctor's treatment and departure.
 */
export function VisitPage() {
  const { t } = useTranslation();
  const { encounterId } = useParams();
  const persona = useSession((s) => s.persona);
  const tablet = useDeviceClass() === 'tablet';
  const query = useFhirSearch('Encounter', encounterId ? { _id: encounterId, _include: 'Encounter:subject' } : undefined, { refetchInterval: 5_000 });
  const history = useFhirSearch('Observation', encounterId ? triageHistorySearch(encounterId) : undefined);
  const [message, setMessage] = useState<{ kind: 'triaged'; level: TriageLevel } | { kind: 'discharged'; gp: string | undefined } | null>(null);
  const visit = useMemo(() => visitsOf(query.data?.bundle)[0], [query.data]);
  const patient = useMemo(() => (query.data?.bundle.entry ?? []).map((e) => e.resource as Resource | undefined).find((r): r is Patient => r?.resourceType === 'Patient'), [query.data]);
  const records = useMemo(() => (history.data?.resources ?? []).map(triageRecord), [history.data]);

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || !persona) return <LoadingLines />;

  const back = (
    <Link component={RouterLink} to="/emergency">
      {t('edPages.back')}
    </Link>
  );
  if (!visit) {
    return (
      <Box sx={{ display: 'grid', gap: 2 }}>
        {back}
        <Alert severity="warning">{t('edPages.visit.notFound')}</Alert>
      </Box>
    );
  }
  const finished = visit.encounter.status === 'finished';

  return (
    <Box sx={{ display: 'grid', gap: 2, maxWidth: '70rem' }}>
      {back}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1">{t('edPages.visit.title')}</Typography>
        <TriageBadge level={visit.level} size="large" />
        {!finished && <WaitTime arrivalMs={visit.arrivalMs} level={visit.level} status={visit.status} />}
        <Typography>{finished ? t('edPages.visit.finished') : t(`emergency.status.${visit.status}`)}</Typography>
      </Box>
      {patient && <PatientFacts patient={patient} />}
      {patient?.id && (
        <Link component={RouterLink} to={`/emergency/patient/${patient.id}`}>
          {t('edPages.visit.chart')}
        </Link>
      )}
      <Typography>{t('edPages.visit.arrived', { time: format(visit.arrivalMs, 'HH:mm'), reason: visit.reason })}</Typography>
      {message && (
        <Alert severity="success" role="status" onClose={() => setMessage(null)}>
          {message.kind === 'triaged' ? t('edPages.triage.saved', { level: t(`emergency.level.${colourOf(message.level)}`) }) : message.gp !== undefined ? t('edPages.treatment.doneNotice', { gp: message.gp }) : t('edPages.treatment.done')}
        </Alert>
      )}
      {!finished && (
        <Section title={visit.level ? t('edPages.triage.change') : t('edPages.triage.title')}>
          <TriageForm visit={visit} persona={persona} tablet={tablet} onSaved={(level) => setMessage({ kind: 'triaged', level })} onConflict={() => void query.refetch()} />
        </Section>
      )}
      <Section title={t('edPages.triage.history')}>
        {records.length === 0 ? (
          <Typography>{t('edPages.triage.noHistory')}</Typography>
        ) : (
          <Box component="ol" sx={{ m: 0, pl: 3, display: 'grid', gap: 1 }}>
            {records.map((r) => (
              <li key={r.id}>
                <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                  <TriageBadge level={r.level} />
                  <span>
                    {formatDateTime(r.at)} · {r.by}
                  </span>
                  {r.news2 !== undefined && <strong>NEWS2 {r.news2}</strong>}
                </Box>
                {r.reason && <Typography>{r.reason}</Typography>}
                {r.vitals.length > 0 && (
                  <Typography variant="body2" color="text.secondary">
                    {r.vitals.map((v) => `${v.label} ${v.value}`).join(' · ')}
                  </Typography>
                )}
              </li>
            ))}
          </Box>
        )}
      </Section>
      {!finished && (
        <Section title={t('edPages.care.title')}>
          <CarePanel visit={visit} persona={persona} tablet={tablet} onConflict={() => void query.refetch()} />
        </Section>
      )}
      {!finished && (
        <Section title={t('edPages.treatment.title')}>
          {persona.personnelGroup === 'ed-doctor' ? (
            <DepartureForm visit={visit} patient={patient} persona={persona} tablet={tablet} onDone={(gp) => setMessage({ kind: 'discharged', gp })} onConflict={() => void query.refetch()} />
          ) : (
            <Typography>{t('edPages.treatment.doctorOnly')}</Typography>
          )}
        </Section>
      )}
    </Box>
  );
}
