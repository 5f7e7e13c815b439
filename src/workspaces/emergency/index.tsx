import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The emergency workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="emergency" />;
}
