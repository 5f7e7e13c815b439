import { Route } from 'react-router';
import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';
import { ArrivalPage } from './ArrivalPage';
import { registerEmergencyStrings } from './strings';
import { VisitPage } from './VisitPage';
import { WallDisplay } from './WallDisplay';

registerEmergencyStrings();

/** The emergency workspace: the board at home, and arrival, a visit and the wall display below it. */
export function Component() {
  return (
    <WorkspaceRoutes workspaceId="emergency">
      <Route path="arrival" element={<ArrivalPage />} />
      <Route path="visit/:encounterId" element={<VisitPage />} />
      <Route path="wall" element={<WallDisplay />} />
    </WorkspaceRoutes>
  );
}
