import type { ModuleManifest } from '../../layout/types';
import { unseenResultsSearch } from '../../fhir/results/searches';

export const manifest: ModuleManifest = {
  id: 'results-to-review',
  titleKey: 'modules.results-to-review.title',
  descriptionKey: 'modules.results-to-review.description',
  icon: 'Science',
  groups: ['gp'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 6, h: 5 }, min: { w: 4, h: 3 } },
  data: ({ persona }) => [{ type: 'DiagnosticReport', params: unseenResultsSearch(persona.practitionerRoleId) }],
  load: () => import('./ResultsToReview'),
};
