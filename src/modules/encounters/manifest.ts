import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { encountersSearch, upcomingSearch } from './searches';

export const manifest: ModuleManifest = {
  id: 'encounters',
  titleKey: 'encounters.title',
  descriptionKey: 'encounters.description',
  icon: 'EventNote',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading only: what is cached can be read offline.
  offline: true,
  size: { default: { w: 6, h: 6 }, min: { w: 4, h: 4 } },
  data: ({ patientId }) =>
    patientId
      ? [
          { type: 'Appointment', params: upcomingSearch(patientId) },
          { type: 'Encounter', params: encountersSearch(patientId) },
        ]
      : [],
  load: () => import('./Encounters'),
};
