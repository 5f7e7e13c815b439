import type { ModuleManifest } from '../../layout/types';

export const unitPatientsSearch = (organizationId: string) => ({ organization: `Organization/${organizationId}`, status: 'active', _count: 200 });

export const manifest: ModuleManifest = {
  id: 'unit-patients',
  titleKey: 'modules.unit-patients.title',
  descriptionKey: 'modules.unit-patients.description',
  icon: 'People',
  groups: ['homecare-nurse', 'homecare-worker', 'hs-nurse', 'nh-nurse', 'physio'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: true,
  size: { default: { w: 8, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ persona }) => [{ type: 'EpisodeOfCare', params: unitPatientsSearch(persona.organizationId) }],
  load: () => import('./UnitPatients'),
};
