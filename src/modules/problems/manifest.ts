import type { ModuleManifest } from '../../layout/types';
import { patientSearches } from '../../fhir/patients';
import { CLINICAL_GROUPS } from '../../session/personnel';

export const manifest: ModuleManifest = {
  id: 'problems',
  titleKey: 'problems.title',
  descriptionKey: 'modules.problems',
  icon: 'ListAlt',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 6, h: 3 }, min: { w: 3, h: 2 } },
  data: ({ patientId }) => (patientId ? [{ type: 'Condition', params: patientSearches.activeProblems(patientId) }] : []),
  load: () => import('./Problems'),
};
