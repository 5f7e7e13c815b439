import type { ModuleManifest } from '../../layout/types';
import { patientSearches } from '../../fhir/patients';
import { CLINICAL_GROUPS } from '../../session/personnel';

export const manifest: ModuleManifest = {
  id: 'critical-info',
  titleKey: 'critical.title',
  descriptionKey: 'modules.critical-info',
  icon: 'WarningAmber',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 6, h: 3 }, min: { w: 4, h: 2 } },
  data: ({ patientId }) =>
    patientId
      ? [
          { type: 'AllergyIntolerance', params: patientSearches.allergies(patientId) },
          { type: 'Flag', params: patientSearches.criticalFlags(patientId) },
        ]
      : [],
  load: () => import('./CriticalInfo'),
};
