import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

/** The gp-office workspace: its own lazily loaded route, with the pages below it. */
export function Component() {
  return <WorkspaceRoutes workspaceId="gp-office" />;
}
