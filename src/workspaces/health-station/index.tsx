import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The health-station workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="health-station" />;
}
