import type { ModuleManifest } from '../../layout/types';
import { patientSearches } from '../../fhir/patients';
import { CLINICAL_GROUPS } from '../../session/personnel';

export const manifest: ModuleManifest = {
  id: 'medications',
  titleKey: 'medications.title',
  descriptionKey: 'modules.medications',
  icon: 'Medication',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  offline: true,
  size: { default: { w: 6, h: 3 }, min: { w: 3, h: 2 } },
  data: ({ patientId }) => (patientId ? [{ type: 'MedicationStatement', params: patientSearches.currentMedications(patientId) }] : []),
  load: () => import('./Medications'),
};
