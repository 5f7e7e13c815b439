import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The emergency workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="emergency" />;
}
