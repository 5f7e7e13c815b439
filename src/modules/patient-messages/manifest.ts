import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { patientMessagesSearch } from '../../exchange/inbox';

export const manifest: ModuleManifest = {
  id: 'patient-messages',
  titleKey: 'modules.patient-messages.title',
  descriptionKey: 'modules.patient-messages.description',
  icon: 'Forum',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 6, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ patientId }) => (patientId ? [{ type: 'Communication', params: patientMessagesSearch(patientId) }] : []),
  load: () => import('./PatientMessages'),
};
