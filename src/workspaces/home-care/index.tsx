import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The home-care workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="home-care" />;
}
