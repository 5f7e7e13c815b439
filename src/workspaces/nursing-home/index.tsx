import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The nursing-home workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="nursing-home" />;
}
