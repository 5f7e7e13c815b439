import type { ModuleManifest } from '../../layout/types';
import { CLINICAL_GROUPS } from '../../session/personnel';
import { unreadTopSearch } from '../../exchange/inbox';

export const manifest: ModuleManifest = {
  id: 'inbox',
  titleKey: 'modules.inbox.title',
  descriptionKey: 'modules.inbox.description',
  icon: 'Inbox',
  groups: CLINICAL_GROUPS,
  pages: ['home'],
  needsPatient: false,
  tablet: true,
  offline: false,
  size: { default: { w: 8, h: 6 }, min: { w: 4, h: 4 } },
  // The first screen's small search (the top of the inbox); the whole inbox is fetched after it.
  data: ({ persona }) => [{ type: 'Communication', params: unreadTopSearch(persona) }],
  load: () => import('./Inbox'),
};
