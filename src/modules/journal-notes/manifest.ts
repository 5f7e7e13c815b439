import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { journalSearch } from './searches';

export const manifest: ModuleManifest = {
  id: 'journal-notes',
  titleKey: 'journal.title',
  descriptionKey: 'journal.description',
  icon: 'Article',
  groups: CLINICAL_GROUPS,
  pages: ['patient'],
  needsPatient: true,
  tablet: true,
  // Reading works from the cache, but drafts autosave to the server: not an offline module yet.
  offline: false,
  size: { default: { w: 12, h: 7 }, min: { w: 6, h: 5 } },
  data: ({ patientId }) => (patientId ? [{ type: 'Composition', params: journalSearch(patientId) }] : []),
  load: () => import('./JournalNotes'),
};
