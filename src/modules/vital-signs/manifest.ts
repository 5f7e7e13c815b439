import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { vitalSearches } from './searches';

export const manifest: ModuleManifest = {
  id: 'vital-signs',
  titleKey: 'vitals.title',
  descriptionKey: 'vitals.description',
  icon: 'MonitorHeart',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading works from the cache; recording needs the server (there is no offline outbox yet).
  offline: false,
  size: { default: { w: 12, h: 6 }, min: { w: 4, h: 4 } },
  data: ({ patientId }) => (patientId ? [{ type: 'Observation', params: vitalSearches.history(patientId) }] : []),
  load: () => import('./VitalSigns'),
};
