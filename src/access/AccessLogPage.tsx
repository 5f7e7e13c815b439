import { useMemo } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { formatName } from '../fhir/format';
import { usePatient } from '../fhir/patients';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useAccessLog } from './api';
import { describeAudit } from './describe';
import { AccessTable, basisText } from './AccessTable';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/**
 * The patient's access log as the patient would be shown it (issue #8): who, when, from which
 * unit, and on what basis: the care relation, or the reason's category (never the free text).
 * Repeated reads by one user within ten minutes are one line (the server logs them so).
 */
export function Component() {
  const { t } = useTranslation();
  const { patientId, workspaceId } = useParams();
  const patient = usePatient(patientId);
  const log = useAccessLog(patientId);
  const rows = useMemo(() => (log.data ?? []).map(describeAudit).filter((e) => e.patient === patientId), [log.data, patientId]);
  const name = patient.data ? formatName(patient.data.name) : '';
  return (
    <Box>
      <Button component={RouterLink} to={`/${workspaceId ?? ''}/patient/${patientId ?? ''}`} sx={{ mb: 1, minHeight: 44 }}>
        {t('access.log.back')}
      </Button>
      <Typography variant="h4" component="h1" gutterBottom>
        {t('access.log.title', { name })}
      </Typography>
      <Typography sx={{ mb: 2 }}>{t('access.log.intro')}</Typography>
      {patient.error && <ErrorAlert error={patient.error} />}
      {log.error && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
      <AccessTable
        label={t('access.log.open')}
        pending={log.isPending}
        empty={t('access.log.empty')}
        rows={rows}
        columns={[t('access.log.unit'), t('access.log.what'), t('access.log.reason')]}
        cells={(row) => [row.unit, t(`access.log.${row.kind === 'granted' ? 'granted' : row.kind === 'write' ? 'wrote' : 'read'}`), basisText(t, row)]}
      />
    </Box>
  );
}

