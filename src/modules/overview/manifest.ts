import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { overviewSearches } from './searches';

export const manifest: ModuleManifest = {
  id: 'overview',
  titleKey: 'overview.title',
  descriptionKey: 'overview.description',
  icon: 'Dashboard',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 12, h: 6 }, min: { w: 4, h: 4 } },
  data: ({ patientId }) =>
    patientId
      ? [
          { type: 'Condition', params: overviewSearches.problems(patientId) },
          { type: 'MedicationStatement', params: overviewSearches.medications(patientId) },
          { type: 'Observation', params: overviewSearches.vitals(patientId) },
          { type: 'DiagnosticReport', params: overviewSearches.reports(patientId) },
          { type: 'Composition', params: overviewSearches.notes(patientId) },
          { type: 'Encounter', params: overviewSearches.encounters(patientId) },
          { type: 'Appointment', params: overviewSearches.upcoming(patientId, new Date()) },
        ]
      : [],
  load: () => import('./Overview'),
};
