import type { ModuleManifest } from '../../layout/types';
import { todayRange } from '../../ui/today';

export const todaysAppointmentsSearch = (practitionerRoleId: string) => ({
  actor: `PractitionerRole/${practitionerRoleId}`,
  date: todayRange(),
  _sort: 'date',
  _count: 100,
});

export const manifest: ModuleManifest = {
  id: 'todays-appointments',
  titleKey: 'modules.todays-appointments.title',
  descriptionKey: 'modules.todays-appointments.description',
  icon: 'Event',
  groups: ['gp', 'physio'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: true,
  size: { default: { w: 8, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ persona }) => [{ type: 'Appointment', params: todaysAppointmentsSearch(persona.practitionerRoleId) }],
  load: () => import('./TodaysAppointments'),
};
