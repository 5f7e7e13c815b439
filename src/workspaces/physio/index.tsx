import { WorkspaceHome } from '../shared/WorkspaceHome';

/** The physio workspace: its own lazily loaded route. */
export function Component() {
  return <WorkspaceHome workspaceId="physio" />;
}
