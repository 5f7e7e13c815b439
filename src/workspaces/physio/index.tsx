import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The physio workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="physio" />;
}
