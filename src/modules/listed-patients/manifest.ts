import type { ModuleManifest } from '../../layout/types';
import { unseenResultsSearch } from '../../fhir/results/searches';
import { careEpisodesSearch, contactSince, listedPatientsSearch, officeContactsSearch } from './searches';

export const manifest: ModuleManifest = {
  id: 'listed-patients',
  titleKey: 'modules.listed-patients.title',
  descriptionKey: 'modules.listed-patients.description',
  icon: 'RecentActors',
  groups: ['gp'],
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 8, h: 7 }, min: { w: 4, h: 4 } },
  // The first page of each (a list of up to 1,000 patients is one page); the unseen results are the same search as "results to review".
  data: ({ persona }) => [
    { type: 'Patient', params: listedPatientsSearch(persona.practitionerRoleId) },
    { type: 'Encounter', params: officeContactsSearch(persona.practitionerRoleId, persona.organizationId, contactSince(new Date())) },
    { type: 'EpisodeOfCare', params: careEpisodesSearch(persona.practitionerRoleId) },
    { type: 'DiagnosticReport', params: unseenResultsSearch(persona.practitionerRoleId) },
  ],
  load: () => import('./ListedPatients'),
};
