import { Route } from 'react-router';
import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';
import { ChildPage } from './ChildPage';
import { registerHealthStationStrings } from './i18n';

registerHealthStationStrings();

/** The health-station workspace: the day's consultations at home, and one child's page below it. */
export function Component() {
  return (
    <WorkspaceRoutes workspaceId="health-station">
      <Route path="child/:patientId" element={<ChildPage />} />
    </WorkspaceRoutes>
  );
}
