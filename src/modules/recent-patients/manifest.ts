import type { ModuleManifest } from '../../layout/types';
import { PERSONNEL_GROUPS } from '../../session/personnel';

export const manifest: ModuleManifest = {
  id: 'recent-patients',
  titleKey: 'workspace.recentPatients',
  descriptionKey: 'modules.recent-patients',
  icon: 'History',
  groups: PERSONNEL_GROUPS.filter((g) => g !== 'config-admin'),
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: true,
  size: { default: { w: 4, h: 3 }, min: { w: 3, h: 2 } },
  data: () => [],
  load: () => import('./RecentPatients'),
};
