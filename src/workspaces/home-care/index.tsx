import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The home-care workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="home-care" />;
}
