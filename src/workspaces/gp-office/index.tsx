import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The gp-office workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="gp-office" />;
}
