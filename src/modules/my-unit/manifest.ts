import type { ModuleManifest } from '../../layout/types';
import { PERSONNEL_GROUPS } from '../../session/personnel';

export const unitRolesSearch = (organizationId: string) => ({ organization: `Organization/${organizationId}`, _count: 100 });

export const manifest: ModuleManifest = {
  id: 'my-unit',
  titleKey: 'modules.my-unit.title',
  descriptionKey: 'modules.my-unit.description',
  icon: 'Groups',
  groups: PERSONNEL_GROUPS,
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 4, h: 3 }, min: { w: 3, h: 2 } },
  data: ({ persona }) => [{ type: 'PractitionerRole', params: unitRolesSearch(persona.organizationId) }],
  load: () => import('./MyUnit'),
};
