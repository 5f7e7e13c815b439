import type { ModuleManifest } from '../../layout/types';
import { boardSearch } from '../../fhir/emergency';

export const manifest: ModuleManifest = {
  id: 'triage-board',
  titleKey: 'modules.triage-board.title',
  descriptionKey: 'modules.triage-board.description',
  icon: 'ViewList',
  groups: ['ed-nurse', 'ed-doctor'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 12, h: 8 }, min: { w: 8, h: 4 } },
  data: ({ persona }) => [{ type: 'Encounter', params: boardSearch(persona.organizationId) }],
  load: () => import('./TriageBoard'),
};
