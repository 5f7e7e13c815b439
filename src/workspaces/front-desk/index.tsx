import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The front-desk workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="front-desk" />;
}
