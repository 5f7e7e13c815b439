import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { problemSearches } from './searches';

/**
 * Problems and diagnoses: every clinical group reads the list; doctors (gp, ed-doctor) add and
 * change diagnoses (see DIAGNOSING_GROUPS in model.ts).
 */
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
  data: ({ patientId }) => (patientId ? [{ type: 'Condition', params: problemSearches.all(patientId) }] : []),
  load: () => import('./Problems'),
};
