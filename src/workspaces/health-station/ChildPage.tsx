import { useEffect, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { currentConsultation } from '../../domain/childProgramme';
import { PatientContextBar } from '../../journal/PatientContextBar';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { FamilyPanel } from './FamilyPanel';
import { GrowthPanel } from './GrowthPanel';
import { NotePanel } from './NotePanel';
import { ProgrammePanel } from './ProgrammePanel';
import { VaccinesPanel } from './VaccinesPanel';
import { formatChildAge } from './format';
import { useChild } from './hooks';
import { TabBar } from '../../ui/TabBar';

const TABS = ['programme', 'growth', 'vaccines', 'note', 'family'] as const;
type TabKey = (typeof TABS)[number];

/** One child at the health station: programme, growth, vaccines, the consultation note and the family, one tab each. */
export function ChildPage() {
  const { t } = useTranslation();
  const { patientId } = useParams();
  const navigate = useNavigate();
  const persona = useSession((s) => s.persona);
  const rememberPatient = useSession((s) => s.rememberPatient);
  const [tab, setTab] = useState<TabKey>('programme');
  const child = useChild(patientId);
  const patient = child.patient.data;

  useEffect(() => {
    if (patient?.id) rememberPatient(patient.id);
  }, [patient?.id, rememberPatient]);

  if (child.patient.error) return <ErrorAlert error={child.patient.error} onRetry={() => void child.patient.refetch()} />;
  if (!patient || !persona || !patientId) return <LoadingLines />;
  const d = child.derived;
  const sex = patient.gender === 'male' ? 'male' : 'female';
  const birthDate = patient.birthDate ?? child.today;
  const pending = child.growth.isPending || child.immunizations.isPending || child.contacts.isPending || child.booked.isPending || child.parents.isPending;
  const error = child.growth.error ?? child.immunizations.error ?? child.contacts.error ?? child.booked.error ?? child.parents.error;
  const current = d ? currentConsultation(d.programme) : undefined;

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Link component={RouterLink} to="/health-station" sx={{ display: 'inline-flex', alignItems: 'center', minHeight: 44, width: 'fit-content' }}>
        {t('hs.back')}
      </Link>
      <PatientContextBar patient={patient} onShowCritical={() => void navigate(`/health-station/patient/${patientId}`)} />
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <Typography variant="h1" component="h1" sx={{ fontSize: '1.6rem' }}>
          {t('hs.child.title')}
        </Typography>
        {d && <Typography>{t('hs.child.age', { age: formatChildAge(t, birthDate, child.today) })}</Typography>}
        <Link component={RouterLink} to={`/health-station/patient/${patientId}`} sx={{ display: 'inline-flex', alignItems: 'center', minHeight: 44 }}>
          {t('hs.child.chart')}
        </Link>
      </Box>
      {d && d.ageDays > 6 * 365 && <Alert severity="info">{t('hs.child.notChild', { age: formatChildAge(t, birthDate, child.today) })}</Alert>}
      {error && <ErrorAlert error={error} />}
      <Paper sx={{ p: { xs: 1, sm: 2 } }}>
        <TabBar label={t('hs.child.tabs')} value={tab} onChange={setTab} tabs={TABS.map((k) => ({ value: k, label: t(`hs.child.${k}`), id: `hs-tab-${k}`, controls: `hs-panel-${k}` }))} />
        <Box role="tabpanel" id={`hs-panel-${tab}`} aria-labelledby={`hs-tab-${tab}`} sx={{ pt: 2 }}>
          <Typography component="h2" variant="h2" sx={{ mb: 2 }}>
            {t(`hs.child.${tab}`)}
          </Typography>
          {pending || !d ? (
            <LoadingLines />
          ) : tab === 'programme' ? (
            <ProgrammePanel birthDate={birthDate} programme={d.programme} doses={d.doses} booked={child.bookedList} />
          ) : tab === 'growth' ? (
            <GrowthPanel sex={sex} birthDate={birthDate} today={child.today} ageDays={d.ageDays} visits={d.visits} patientId={patientId} persona={persona} expected={current?.consultation.measures ?? []} />
          ) : tab === 'vaccines' ? (
            <VaccinesPanel patientId={patientId} birthDate={birthDate} today={child.today} doses={d.doses} immunizations={child.immunizationList} persona={persona} />
          ) : tab === 'note' ? (
            <NotePanel patientId={patientId} persona={persona} programme={d.programme} booked={child.bookedList} today={child.today} />
          ) : (
            <FamilyPanel patientId={patientId} parents={child.parentList} today={child.today} />
          )}
        </Box>
      </Paper>
    </Box>
  );
}
