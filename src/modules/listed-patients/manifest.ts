import type { ModuleManifest } from '../../layout/types';

export const listedPatientsSearch = (practitionerRoleId: string) => ({
  'general-practitioner': `PractitionerRole/${practitionerRoleId}`,
  _sort: 'family,given',
  _count: 50,
});

export const manifest: ModuleManifest = {
  id: 'listed-patients',
  titleKey: 'modules.listed-patients.title',
  descriptionKey: 'modules.listed-patients.description',
  icon: 'RecentActors',
  groups: ['gp'],
  pages: ['home'],
  needsPatient: false,
  tablet: false,
  offline: false,
  size: { default: { w: 4, h: 5 }, min: { w: 3, h: 3 } },
  data: ({ persona }) => [{ type: 'Patient', params: listedPatientsSearch(persona.practitionerRoleId) }],
  load: () => import('./ListedPatients'),
};
