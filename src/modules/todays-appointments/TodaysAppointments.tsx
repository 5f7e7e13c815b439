import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { format, parseISO } from 'date-fns';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { useFhirSearch } from '../../fhir/hooks';
import { referenceId } from '../../fhir/format';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryList } from '../../ui/QueryList';
import { todaysAppointmentsSearch } from './manifest';

/** The signed-in clinician's appointments today, in time order, with the patient one click away. */
export default function TodaysAppointments({ workspaceId }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const appointments = useFhirSearch('Appointment', persona ? todaysAppointmentsSearch(persona.practitionerRoleId) : undefined);
  return (
    <QueryList
      items={appointments.data?.resources ?? []}
      isPending={appointments.isPending}
      error={appointments.error}
      onRetry={() => void appointments.refetch()}
      emptyText={t('modules.todays-appointments.empty')}
      render={(appointment) => {
        const patientRef = appointment.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor;
        const patientId = referenceId(patientRef, 'Patient');
        return (
          <ListItem key={appointment.id} disableGutters sx={{ gap: 2, alignItems: 'baseline', borderBottom: 1, borderColor: 'divider' }}>
            <Typography sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 700, minWidth: '3.5em' }}>
              {appointment.start ? format(parseISO(appointment.start), 'HH:mm') : ''}
            </Typography>
            <Box sx={{ flex: 1, minWidth: 0 }}>
              {patientId ? (
                <Link component={RouterLink} to={`/${workspaceId}/patient/${patientId}`} sx={{ fontWeight: 600 }}>
                  {patientRef?.display ?? patientId}
                </Link>
              ) : null}
              <Typography variant="body2" color="text.secondary">
                {appointment.description ?? ''}
              </Typography>
            </Box>
            <Chip size="small" label={t(`modules.todays-appointments.status.${appointment.status}`, { defaultValue: appointment.status })} />
          </ListItem>
        );
      }}
    />
  );
}
