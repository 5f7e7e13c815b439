import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { labReportSearch } from './searches';

export const manifest: ModuleManifest = {
  id: 'lab-results',
  titleKey: 'labResults.title',
  descriptionKey: 'labResults.description',
  icon: 'Science',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading works from the cache, but "mark as seen" needs the server.
  offline: false,
  size: { default: { w: 12, h: 7 }, min: { w: 6, h: 5 } },
  data: ({ patientId }) => (patientId ? [{ type: 'DiagnosticReport', params: labReportSearch(patientId) }] : []),
  load: () => import('./LabResults'),
};
