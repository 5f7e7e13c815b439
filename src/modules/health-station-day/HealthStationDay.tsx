import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Appointment, Patient } from 'fhir/r4';
import { format } from 'date-fns';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { formatName, referenceId } from '../../fhir/format';
import { useFhirSearch } from '../../fhir/hooks';
import type { ModuleProps } from '../../layout/types';
import { useSession } from '../../session/store';
import { QueryList } from '../../ui/QueryList';
import { healthStationDaySearch } from './manifest';

/** Whole calendar months old (12 on the first birthday). */
function calendarMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** Today's consultations at the health station, in time order: the child, age and consultation, one tap to the child's page. */
export default function HealthStationDay({ device }: ModuleProps) {
  const { t } = useTranslation();
  const persona = useSession((s) => s.persona);
  const day = useFhirSearch('Appointment', persona ? healthStationDaySearch(persona.practitionerRoleId) : undefined);
  const today = format(new Date(), 'yyyy-MM-dd');
  const patients = useMemo(() => {
    const m = new Map<string, Patient>();
    // The included children come in the same Bundle (search mode "include").
    for (const e of (day.data?.bundle.entry ?? []) as Array<{ resource?: Appointment | Patient }>) if (e.resource?.resourceType === 'Patient' && e.resource.id) m.set(e.resource.id, e.resource);
    return m;
  }, [day.data]);
  const list = (day.data?.resources ?? []) as Appointment[];
  return (
    <QueryList
      items={list}
      isPending={day.isPending}
      error={day.error}
      onRetry={() => void day.refetch()}
      emptyText={t('modules.health-station-day.empty')}
      label={t('modules.health-station-day.listLabel')}
      render={(a) => {
        const patientId = referenceId(a.participant.find((p) => p.actor?.reference?.startsWith('Patient/'))?.actor, 'Patient');
        const patient = patientId ? patients.get(patientId) : undefined;
        const name = patient ? formatName(patient.name) : (patientId ?? '');
        const months = patient?.birthDate ? calendarMonths(patient.birthDate, today) : undefined;
        return (
          <ListItem key={a.id} disableGutters sx={{ display: 'grid', gridTemplateColumns: '4.5rem 1fr', gap: 1, alignItems: 'baseline', py: device === 'tablet' ? 0.5 : 0.25 }}>
            <Typography sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{a.start ? format(new Date(a.start), 'HH:mm') : ''}</Typography>
            <Box>
              {patientId && (
                <Link component={RouterLink} to={`/health-station/child/${patientId}`} sx={{ fontWeight: 600, display: 'inline-flex', alignItems: 'center', minHeight: device === 'tablet' ? 44 : 24 }}>
                  {name}
                </Link>
              )}
              <Typography variant="body2" color="text.secondary">
                {[a.description, months !== undefined ? t('modules.health-station-day.age', { count: months }) : undefined, a.status === 'booked' ? undefined : t(`modules.health-station-day.status.${a.status === 'fulfilled' ? 'fulfilled' : 'other'}`)]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </Box>
          </ListItem>
        );
      }}
    />
  );
}
