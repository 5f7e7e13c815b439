import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { documentsSearch } from './searches';

export const manifest: ModuleManifest = {
  id: 'documents',
  titleKey: 'documents.title',
  descriptionKey: 'documents.description',
  icon: 'Description',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading only: what is cached can be read offline.
  offline: true,
  size: { default: { w: 6, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ patientId }) => (patientId ? [{ type: 'DocumentReference', params: documentsSearch(patientId) }] : []),
  load: () => import('./Documents'),
};
