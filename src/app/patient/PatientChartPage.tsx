import { useEffect } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import type { Patient } from 'fhir/r4';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import { patientAge, usePatient } from '../../fhir/patients';
import { useSession } from '../../session/store';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { useOpenChartVisit } from '../../journal/chartVisits';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LayoutPage } from '../../layout/LayoutPage';
import { PatientContextBar } from '../../journal/PatientContextBar';
import { AccessDialog } from '../../access/AccessDialog';
import { AccessBanner, BlockedNotice, BlockingLink } from '../../access/AccessBanner';
import { needsReason } from '../../access/api';

/**
 * A patient's chart: the context bar (always in view, with the critical-information marker),
 * then the modules of the user's patient-page layout.
 */
export function Component() {
  const { t } = useTranslation();
  const { patientId, workspaceId } = useParams();
  const patient = usePatient(patientId);
  const rememberPatient = useSession((s) => s.rememberPatient);
  // Administrative staff see contact details, not the journal nor its access log (issue #8).
  const clinical = useSession((s) => (s.persona ? CLINICAL_GROUPS.includes(s.persona.personnelGroup) : false));
  const openChartVisit = useOpenChartVisit();

  useEffect(() => {
    if (patient.data?.id) {
      rememberPatient(patient.data.id);
      openChartVisit(patient.data.id);
    }
    // openChartVisit changes identity each render; the visit is recorded once per patient.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [patient.data?.id, rememberPatient]);

  // No care relation (issue #8): the server refused; ask for a reason or emergency access.
  if (patientId && workspaceId && needsReason(patient.error)) return <AccessDialog patientId={patientId} workspaceId={workspaceId} />;
  if (patient.error) return <ErrorAlert error={patient.error} titleKey="patient.notOpened" onRetry={() => void patient.refetch()} />;
  if (!patientId) return null;
  const showCritical = () => {
    const el = document.getElementById('module-critical-info');
    el?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    el?.focus();
  };
  // The page's modules start fetching while the patient is read (the layout holds them back until
  // the context bar can show whose chart this is).
  const header = patient.data ? (
    <>
      <AccessBanner patientId={patientId} />
      <BlockedNotice patient={patient.data} />
      <PatientContextBar patient={patient.data} onShowCritical={showCritical} />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mt: 1 }}>
        {workspaceId === 'health-station' && isPreschoolChild(patient.data) && (
          <Button component={RouterLink} to={`/health-station/child/${patient.data.id ?? ''}`} variant="outlined">
            {t('patient.openChildPage')}
          </Button>
        )}
        {/* Exchange (issue #7): a message about this patient, prefilled from the chart. */}
        <Button component={RouterLink} to={`/${workspaceId}/messages/new?patient=${patientId}`} variant="outlined">
          {t('modules.inbox.newMessageAboutPatient')}
        </Button>
        {clinical && (
          <Button component={RouterLink} to={`/${workspaceId}/patient/${patientId}/access-log`} variant="outlined">
            {t('access.log.open')}
          </Button>
        )}
        <BlockingLink patientId={patientId} workspaceId={workspaceId ?? ''} />
      </Box>
    </>
  ) : (
    <Box role="status" aria-label={t('patient.opening')}>
      <Skeleton variant="rounded" height={72} />
    </Box>
  );
  return (
    <Box data-testid="patient-chart">
      {/* One page per patient: nothing a module holds (filters, open rows, a dialog) carries over to the next patient. */}
      <LayoutPage key={patientId} page="patient" patientId={patientId} header={header} hold={!patient.data} />
    </Box>
  );
}

/** The health station's programme is for children up to school age (0–5 years). */
function isPreschoolChild(patient: Patient): boolean {
  const age = patientAge(patient, new Date());
  return age !== undefined && age < 6;
}
