import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { Link as RouterLink } from 'react-router';
import type { Patient } from 'fhir/r4';
import { BLOCKED_TAG } from '../domain/access';
import { fhirKeys } from '../fhir/queryKeys';
import { formatDateTime } from '../ui/dates';
import { usePatientAccess } from './api';
import { registerAccessStrings } from './strings';

registerAccessStrings();

/**
 * While the user reads a patient under emergency access (or a stated reason), a banner says so
 * and until when; when the time is up the chart's data is asked for again, and the server's 403
 * brings the reason dialog back.
 */
export function AccessBanner({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const access = usePatientAccess(patientId);
  const expires = access.data?.expires;
  useEffect(() => {
    if (!expires) return;
    const ms = Date.parse(expires) - Date.now();
    if (!Number.isFinite(ms)) return;
    const timer = setTimeout(() => void queryClient.invalidateQueries({ queryKey: fhirKeys.all }), Math.max(0, Math.min(ms + 500, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [expires, queryClient]);
  const basis = access.data?.basis;
  if (!expires || (basis !== 'emergency' && basis !== 'explicit')) return null;
  const time = formatDateTime(expires);
  if (basis === 'emergency') {
    return (
      <Alert severity="error" variant="filled" role="status" sx={{ mb: 1 }} data-testid="emergency-banner">
        {t('access.banner.emergency', { time })}
      </Alert>
    );
  }
  return (
    <Alert severity="info" role="status" sx={{ mb: 1 }}>
      {t('access.banner.explicit', { time, reason: t(`access.reasons.${access.data?.reason ?? 'other'}`) })}
    </Alert>
  );
}

/** Some of the journal is blocked for this user (sperring): the server says so on the Patient, never what. */
export function BlockedNotice({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  if (!patient.meta?.tag?.some((tag) => tag.system === BLOCKED_TAG.system && tag.code === BLOCKED_TAG.code)) return null;
  return (
    <Alert severity="warning" role="status" sx={{ mb: 1 }}>
      {t('access.blocked')}
    </Alert>
  );
}

/** The patient's own GP registers and lifts blocks (the server refuses anyone else): the way there, shown to the GP only. */
export function BlockingLink({ patientId, workspaceId }: { patientId: string; workspaceId: string }) {
  const { t } = useTranslation();
  const access = usePatientAccess(patientId);
  if (access.data?.relation !== 'gp-list') return null;
  return (
    <Button component={RouterLink} to={`/${workspaceId}/patient/${patientId}/blocking`} variant="outlined">
      {t('access.blocking.open')}
    </Button>
  );
}
