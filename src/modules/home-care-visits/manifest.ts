import type { ModuleManifest } from '../../layout/types';
import { routeSearch } from '../../fhir/homeCare';
import { todayRange } from '../../ui/today';

export const manifest: ModuleManifest = {
  id: 'home-care-visits',
  titleKey: 'modules.home-care-visits.title',
  descriptionKey: 'modules.home-care-visits.description',
  icon: 'Route',
  groups: ['homecare-nurse', 'homecare-worker'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 12, h: 9 }, min: { w: 6, h: 5 } },
  data: ({ persona }) => [{ type: 'Appointment', params: routeSearch(persona.practitionerRoleId, todayRange()) }],
  load: () => import('./HomeCareVisits'),
};
