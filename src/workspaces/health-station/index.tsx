import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The health-station workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="health-station" />;
}
