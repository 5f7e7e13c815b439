import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The nursing-home workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="nursing-home" />;
}
