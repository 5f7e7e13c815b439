import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The configuration workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="configuration" />;
}
