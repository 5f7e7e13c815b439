import type { ModuleManifest } from '../../layout/types';
import { patientSearches } from '../../fhir/patients';
import { CLINICAL_GROUPS } from '../../session/personnel';

export const manifest: ModuleManifest = {
  id: 'latest-notes',
  titleKey: 'notes.latest',
  descriptionKey: 'modules.latest-notes',
  icon: 'Notes',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 6, h: 6 }, min: { w: 4, h: 3 } },
  data: ({ patientId }) => (patientId ? [{ type: 'Composition', params: patientSearches.latestNotes(patientId) }] : []),
  load: () => import('./LatestNotes'),
};
