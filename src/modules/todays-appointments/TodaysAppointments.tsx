import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format } from 'date-fns';
import type { Appointment } from 'fhir/r4';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { FhirError } from '../../fhir/errors';
import { useFhirSearch, useFhirUpdate } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadingLines } from '../../ui/QueryList';
import { useActionFeedback } from '../../ui/useActionFeedback';
import { unseenResultsSearch } from '../../fhir/results/searches';
import { dayListSearch, MARKS_ARRIVAL, NEW_FROM_OTHERS_DAYS, newSince, OFFICE_STAFF, recentDocumentsSearch, recentNotesSearch, SEES_REASON } from './manifest';
import { appointmentsInConsultation, dayCounts, dayRows, markedArrived, newFromOthersByPatient, unseenCountByPatient, type DayRow } from './model';
import { parseFhirDate } from '../../ui/dates';

const STATUS_COLOR: Partial<Record<Appointment['status'], { color: ChipProps['color']; variant: ChipProps['variant'] }>> = {
  arrived: { color: 'info', variant: 'filled' },
  'checked-in': { color: 'info', variant: 'filled' },
  fulfilled: { color: 'success', variant: 'outlined' },
  cancelled: { color: 'default', variant: 'outlined' },
  noshow: { color: 'warning', variant: 'outlined' },
};

/** Appointments the GP can open as a consultation. */
const CONSULTABLE: readonly Appointment['status'][] = ['booked', 'arrived', 'checked-in', 'pending'];

type Feedback = { kind: 'saved'; name: string } | { kind: 'conflict' } | { kind: 'error'; error: FhirError };

/**
 * The day list: today's appointments in time order (the GP's own; the office nurse and the front
 * desk see the whole office's), with the status in words and colour, arrival marked with one
 * action, the GP's unread results per patient, and the patient one click away. Administrative
 * staff see no clinical content: no reason for the appointment, no results, no chart link.
 */
export default function TodaysAppointments({ workspaceId, device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const group = persona?.personnelGroup;
  const appointments = useFhirSearch('Appointment', persona ? dayListSearch(persona) : undefined);
  const unseen = useFhirSearch('DiagnosticReport', persona && group === 'gp' ? unseenResultsSearch(persona.practitionerRoleId) : undefined);
  const unseenByPatient = useMemo(() => unseenCountByPatient(unseen.data?.bundle), [unseen.data]);
  const isGp = persona !== null && group === 'gp';
  const since = newSince();
  // The day's patients, once the appointments are in (sorted, so the searches are the same whatever the order).
  const dayPatients = useMemo(() => [...new Set(dayRows(appointments.data?.resources ?? [], new Map()).flatMap((r) => (r.patientId ? [r.patientId] : [])))].sort(), [appointments.data]);
  const asksNews = isGp && dayPatients.length > 0;
  const notes = useFhirSearch('Composition', asksNews ? recentNotesSearch(dayPatients, since) : undefined);
  const documents = useFhirSearch('DocumentReference', asksNews ? recentDocumentsSearch(dayPatients, since) : undefined);
  const fromOthers = useMemo(
    () => newFromOthersByPatient(notes.data?.resources ?? [], documents.data?.resources ?? [], persona?.practitionerRoleId ?? ''),
    [notes.data, documents.data, persona?.practitionerRoleId],
  );
  const rows = useMemo(
    () => dayRows(appointments.data?.resources ?? [], unseenByPatient, appointmentsInConsultation(appointments.data?.bundle), fromOthers),
    [appointments.data, unseenByPatient, fromOthers],
  );
  const counts = useMemo(() => dayCounts(appointments.data?.resources ?? []), [appointments.data]);
  const update = useFhirUpdate<Appointment>();
  // The "arrived" button is gone once used: its message takes the focus.
  const { feedback, setFeedback, ref: feedbackRef } = useActionFeedback<Feedback>();
  const size = device === 'tablet' ? 'medium' : 'small';

  if (appointments.error) return <ErrorAlert error={appointments.error} onRetry={() => void appointments.refetch()} />;
  if (appointments.isPending || !group) return <LoadingLines />;

  const officeView = OFFICE_STAFF.includes(group);
  const mayMarkArrival = MARKS_ARRIVAL.includes(group);
  const seesReason = SEES_REASON(group);
  const opensCharts = group !== 'admin-staff';

  const markArrived = (row: DayRow) => {
    setFeedback(null);
    const version = row.appointment.meta?.versionId;
    update.mutate(
      { resource: markedArrived(row.appointment), ifMatch: version ?? false },
      {
        onSuccess: () => setFeedback({ kind: 'saved', name: row.patientName }),
        onError: (error) => {
          if (error.kind === 'conflict') {
            setFeedback({ kind: 'conflict' });
            void appointments.refetch();
          } else setFeedback({ kind: 'error', error });
        },
      },
    );
  };

  const summary = [t('modules.todays-appointments.count', { count: counts.total }), t('modules.todays-appointments.arrivedCount', { count: counts.arrived }), t('modules.todays-appointments.doneCount', { count: counts.done })].join(' · ');

  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body2" role="status" aria-live="polite">
        {summary}
      </Typography>
      {feedback && (
        <Box ref={feedbackRef} tabIndex={-1} sx={{ outline: 'none' }}>
          {feedback.kind === 'error' ? (
            <ErrorAlert error={feedback.error} />
          ) : (
            <Alert severity={feedback.kind === 'saved' ? 'success' : 'warning'} role={feedback.kind === 'saved' ? 'status' : 'alert'} onClose={() => setFeedback(null)}>
              {feedback.kind === 'saved' ? t('modules.todays-appointments.markedArrived', { name: feedback.name }) : t('modules.todays-appointments.conflict')}
            </Alert>
          )}
        </Box>
      )}
      {rows.length === 0 ? (
        <Typography color="text.secondary">{t('modules.todays-appointments.empty')}</Typography>
      ) : (
        <Box component="ul" aria-label={t('modules.todays-appointments.listLabel')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
          {rows.map((row) => {
            const { appointment } = row;
            const status = STATUS_COLOR[appointment.status] ?? { color: 'default' as const, variant: 'filled' as const };
            return (
              <Box component="li" key={appointment.id} sx={{ display: 'flex', gap: 2, alignItems: 'baseline', py: 0.75, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
                <Typography sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700, minWidth: '3.5em' }}>{appointment.start ? format(parseFhirDate(appointment.start), 'HH:mm') : ''}</Typography>
                <Box sx={{ flex: 1, minWidth: '10rem' }}>
                  {row.patientId && opensCharts ? (
                    <Link component={RouterLink} to={`/${workspaceId}/patient/${row.patientId}`} sx={{ fontWeight: 600 }}>
                      {row.patientName}
                    </Link>
                  ) : (
                    <Typography component="span" sx={{ fontWeight: 600 }}>
                      {row.patientName}
                    </Typography>
                  )}
                  {row.unseenResults > 0 && (
                    <Chip size="small" color="warning" label={t('modules.todays-appointments.unseenResults', { count: row.unseenResults })} sx={{ ml: 1 }} />
                  )}
                  {(['newNotes', 'newDocuments'] as const).map(
                    (kind) =>
                      row[kind] > 0 && (
                        <Chip
                          key={kind}
                          size="small"
                          color="info"
                          variant="outlined"
                          label={t(`modules.todays-appointments.${kind}`, { count: row[kind] })}
                          title={t('modules.todays-appointments.fromOthersHint', { days: NEW_FROM_OTHERS_DAYS })}
                          sx={{ ml: 1 }}
                        />
                      ),
                  )}
                  <Typography variant="body2" color="text.secondary">
                    {[seesReason ? appointment.description : undefined, officeView && row.practitionerName ? t('modules.todays-appointments.with', { name: row.practitionerName }) : undefined].filter(Boolean).join(' · ')}
                  </Typography>
                </Box>
                {row.inConsultation ? (
                  <Chip size="small" color="primary" variant="filled" label={t('modules.todays-appointments.status.in-consultation')} />
                ) : (
                  <Chip size="small" color={status.color} variant={status.variant} label={t(`modules.todays-appointments.status.${appointment.status}`, { defaultValue: appointment.status })} />
                )}
                {group === 'gp' && CONSULTABLE.includes(appointment.status) && (
                  <Button
                    component={RouterLink}
                    to={`/${workspaceId}/consultation/${appointment.id ?? ''}`}
                    variant={row.inConsultation ? 'contained' : 'outlined'}
                    size={size}
                    aria-label={t(row.inConsultation ? 'modules.todays-appointments.continueConsultationFor' : 'modules.todays-appointments.startConsultationFor', { name: row.patientName, time: appointment.start ? format(parseFhirDate(appointment.start), 'HH:mm') : '' })}
                  >
                    {t(row.inConsultation ? 'modules.todays-appointments.continueConsultation' : 'modules.todays-appointments.startConsultation')}
                  </Button>
                )}
                {mayMarkArrival && appointment.status === 'booked' && (
                  <Button
                    variant="outlined"
                    size={size}
                    onClick={() => markArrived(row)}
                    disabled={update.isPending && update.variables?.resource.id === appointment.id}
                    aria-label={t('modules.todays-appointments.markArrivedFor', { name: row.patientName, time: appointment.start ? format(parseFhirDate(appointment.start), 'HH:mm') : '' })}
                  >
                    {t('modules.todays-appointments.markArrived')}
                  </Button>
                )}
              </Box>
            );
          })}
        </Box>
      )}
    </Box>
  );
}
