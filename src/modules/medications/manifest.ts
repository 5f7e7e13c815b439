import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { medicationSearches } from './searches';

export const manifest: ModuleManifest = {
  id: 'medications',
  titleKey: 'medications.title',
  descriptionKey: 'modules.medications',
  icon: 'Medication',
  // Every clinical group reads the list; only prescribers (model.ts PRESCRIBER_GROUPS) change it.
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading works from the cache; starting, changing and stopping need the server (no offline outbox yet).
  offline: false,
  size: { default: { w: 6, h: 4 }, min: { w: 3, h: 2 } },
  data: ({ patientId }) => (patientId ? [{ type: 'MedicationStatement', params: medicationSearches.current(patientId) }] : []),
  load: () => import('./Medications'),
};
