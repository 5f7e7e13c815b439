import type { SearchParams } from '../../fhir/client';
import type { ModuleManifest } from '../../layout/types';
import { todayRange } from '../../ui/today';

/** The public health nurse's consultations today, with the children (one search). */
export const healthStationDaySearch = (practitionerRoleId: string): SearchParams => ({
  actor: `PractitionerRole/${practitionerRoleId}`,
  date: todayRange(),
  _sort: 'date',
  _include: 'Appointment:patient',
  _count: 100,
});

export const manifest: ModuleManifest = {
  id: 'health-station-day',
  titleKey: 'modules.health-station-day.title',
  descriptionKey: 'modules.health-station-day.description',
  icon: 'ChildCare',
  groups: ['hs-nurse'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: true,
  size: { default: { w: 8, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ persona }) => [{ type: 'Appointment', params: healthStationDaySearch(persona.practitionerRoleId) }],
  load: () => import('./HealthStationDay'),
};
