import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import type { Reference } from 'fhir/r4';
import type { ServiceCode } from '../../domain/services';
import { useFhirSearch } from '../../fhir/hooks';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { isNewEntry, useNewEntryRule } from '../../journal/chartVisits';
import type { Provenance } from '../../journal/provenance';
import { ServiceFilter, serviceCounts } from '../../journal/ServiceFilter';
import { useProvenance } from '../../journal/useProvenance';
import type { ModuleProps } from '../../layout/types';
import { QueryState } from '../../ui/QueryList';
import { formatDateTime } from '../../ui/dates';
import { encountersEn, encountersNb } from './i18n';
import { personnelLine } from './labels';
import { pastEncounters, timelineRows, upcomingAppointments, type AppointmentView, type EncounterView } from './model';
import { upcomingSearch } from './searches';
import { Timeline, type EncounterLine } from './Timeline';
import { useAllEncounters } from './useEncounters';

registerModuleStrings('encounters', { nb: encountersNb, en: encountersEn });

type Item = { kind: 'encounter'; view: EncounterView } | { kind: 'appointment'; view: AppointmentView };

/**
 * Contacts and appointments: the upcoming appointments first (time, service, place, personnel,
 * reason), then every earlier contact across services and municipalities as a timeline by
 * month, each with who took part and the unit, service and municipality that provided it.
 * Filterable by service.
 */
export default function Encounters({ patientId, device }: ModuleProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [mountedAt] = useState(() => new Date());
  const appointmentsQuery = useFhirSearch('Appointment', patientId ? upcomingSearch(patientId, mountedAt) : undefined);
  const encountersQuery = useAllEncounters(patientId);
  const upcoming = useMemo(() => upcomingAppointments(appointmentsQuery.data?.resources ?? [], mountedAt.getTime()), [appointmentsQuery.data, mountedAt]);
  const past = useMemo(() => pastEncounters(encountersQuery.data ?? []), [encountersQuery.data]);
  const refs = useMemo<(Reference | undefined)[]>(
    () => [...past.flatMap((v) => [...v.participants, v.serviceProvider]), ...upcoming.flatMap((a) => [...a.personnel, a.organization])],
    [past, upcoming],
  );
  const provenance = useProvenance(refs);
  const newRule = useNewEntryRule(patientId);
  const [service, setService] = useState<ServiceCode | ''>('');

  const items = useMemo<Item[]>(() => [...upcoming.map((view) => ({ kind: 'appointment' as const, view })), ...past.map((view) => ({ kind: 'encounter' as const, view }))], [upcoming, past]);
  // Where each entry comes from: the unit (serviceProvider, or the first person's unit) with its service and municipality.
  const units = useMemo(() => {
    const describe = (item: Item): Provenance =>
      item.kind === 'encounter' ? provenance.describe(item.view.participants[0], item.view.serviceProvider) : provenance.describe(item.view.personnel[0], item.view.organization);
    return { describe, byKey: new Map(items.map((item) => [`${item.kind}/${item.view.id}`, describe(item)])) };
  }, [items, provenance]);
  const unitOf = useMemo(() => (item: Item): Provenance => units.byKey.get(`${item.kind}/${item.view.id}`) ?? units.describe(item), [units]);
  const serviceOf = useMemo(() => (item: Item): ServiceCode | undefined => unitOf(item).service ?? item.view.service, [unitOf]);
  const counts = useMemo(() => serviceCounts(items, serviceOf), [items, serviceOf]);
  const shownUpcoming = useMemo(() => (service ? upcoming.filter((view) => serviceOf({ kind: 'appointment', view }) === service) : upcoming), [upcoming, service, serviceOf]);
  const shownPast = useMemo(() => (service ? past.filter((view) => serviceOf({ kind: 'encounter', view }) === service) : past), [past, service, serviceOf]);
  const rows = useMemo(() => timelineRows(shownPast), [shownPast]);

  const lineOf = useMemo(
    () =>
      (view: EncounterView): EncounterLine => {
        const unit = unitOf({ kind: 'encounter', view });
        const people = view.participants.map((r) => provenance.describe(r));
        const place = view.location?.display && view.location.display !== unit.unitName ? view.location.display : undefined;
        const line: EncounterLine = { who: personnelLine(t, people, unit), isNew: isNewEntry(newRule, view.end ?? view.start, view.participants[0]) };
        if (place) line.place = place;
        const s = unit.service ?? view.service;
        if (s) line.service = s;
        return line;
      },
    [unitOf, provenance, t, newRule],
  );

  if (!patientId) return null;
  const upcomingHeading = `${ids}-upcoming`;
  const pastHeading = `${ids}-past`;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1 }}>
        <ServiceFilter value={service} onChange={setService} counts={counts} />
        <Typography variant="body2" color="text.secondary" role="status" aria-live="polite" sx={{ ml: 'auto' }}>
          {encountersQuery.data === undefined ? '' : service ? t('encounters.countFiltered', { shown: shownPast.length, total: past.length }) : t('encounters.count', { count: past.length })}
        </Typography>
      </Box>
      {provenance.error && <Alert severity="info">{t('provenance.lookupFailed')}</Alert>}

      <Box>
        <Typography component="h3" variant="h3" id={upcomingHeading} sx={{ mb: 0.5 }}>
          {t('encounters.upcoming')}
        </Typography>
        <QueryState
          error={appointmentsQuery.error}
          onRetry={() => void appointmentsQuery.refetch()}
          loaded={appointmentsQuery.data !== undefined}
          isEmpty={shownUpcoming.length === 0}
          empty={<Typography color="text.secondary">{upcoming.length === 0 ? t('encounters.noUpcoming') : t('encounters.noUpcomingMatch')}</Typography>}
        >
          <List dense disablePadding aria-labelledby={upcomingHeading}>
            {shownUpcoming.map((a) => {
              const unit = unitOf({ kind: 'appointment', view: a });
              const people = a.personnel.map((r) => provenance.describe(r));
              const serviceCode = unit.service ?? a.service;
              const place = a.location?.display;
              return (
                <ListItem key={a.id} disableGutters divider sx={{ display: 'block', py: 0.75 }}>
                  <Typography component="p" variant="body2" sx={{ m: 0, display: 'flex', flexWrap: 'wrap', columnGap: 1, rowGap: 0.25, alignItems: 'center' }}>
                    <Box component="span" sx={{ fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
                      {a.start ? <time dateTime={a.start}>{formatDateTime(a.start)}</time> : t('encounters.noDate')}
                    </Box>
                    <Box component="span" sx={{ fontWeight: 600 }}>
                      {serviceCode ? t(`service.${serviceCode}`) : a.serviceText}
                    </Box>
                    {a.reason && <span>{a.reason}</span>}
                    {a.status !== 'booked' && <Chip component="span" size="small" label={t(`encounters.appointmentStatus.${a.status}`, { defaultValue: a.status })} sx={{ height: 22 }} />}
                  </Typography>
                  <Typography component="p" variant="body2" color="text.secondary" sx={{ m: 0, overflowWrap: 'anywhere' }}>
                    {personnelLine(t, people, unit)}
                  </Typography>
                  {place && (
                    <Typography component="p" variant="body2" color="text.secondary" sx={{ m: 0 }}>
                      {t('encounters.place', { place })}
                    </Typography>
                  )}
                </ListItem>
              );
            })}
          </List>
        </QueryState>
      </Box>

      <Box sx={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}>
        <Typography component="h3" variant="h3" id={pastHeading} sx={{ mb: 0.5 }}>
          {t('encounters.past')}
        </Typography>
        <QueryState
          error={encountersQuery.error}
          onRetry={() => void encountersQuery.refetch()}
          loaded={encountersQuery.data !== undefined}
          isEmpty={shownPast.length === 0}
          empty={<Typography color="text.secondary">{past.length === 0 ? t('encounters.noPast') : t('encounters.noPastMatch')}</Typography>}
        >
          <Timeline rows={rows} device={device} lineOf={lineOf} labelledBy={pastHeading} />
        </QueryState>
      </Box>
    </Box>
  );
}
