import { useMemo } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { formatName } from '../fhir/format';
import { usePatient } from '../fhir/patients';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadingLines } from '../ui/QueryList';
import { formatDateTime } from '../ui/dates';
import { useAccessLog } from './api';
import { describeAudit, type AccessEntry } from './describe';
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
      {log.isPending ? (
        <LoadingLines />
      ) : rows.length === 0 ? (
        <Typography>{t('access.log.empty')}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('access.log.open')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('access.log.when')}</TableCell>
                <TableCell>{t('access.log.who')}</TableCell>
                <TableCell>{t('access.log.unit')}</TableCell>
                <TableCell>{t('access.log.what')}</TableCell>
                <TableCell>{t('access.log.reason')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>{formatDateTime(row.when)}</TableCell>
                  <TableCell>
                    {row.who}
                    {row.role ? ` (${t(`group.${row.role}`)})` : ''}
                  </TableCell>
                  <TableCell>{row.unit}</TableCell>
                  <TableCell>{t(`access.log.${row.kind === 'granted' ? 'granted' : row.kind === 'write' ? 'wrote' : 'read'}`)}</TableCell>
                  <TableCell>{basisText(t, row)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}

export function basisText(t: (key: string) => string, row: AccessEntry): string {
  const basis = row.basis ? t(`access.basis.${row.basis}`) : '';
  const detail = row.reason && row.reason !== 'emergency' ? t(`access.reasons.${row.reason}`) : row.relation ? t(`access.relations.${row.relation}`) : '';
  return [basis, detail].filter(Boolean).join(': ');
}
