import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The front-desk workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="front-desk" />;
}
