import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { LoadingLines } from '../../ui/QueryList';
import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';

const ConsultationPage = lazy(() => import('./consultation/ConsultationPage'));

/** The gp-office workspace: its own lazily loaded route; the consultation is a page of its own, loaded when opened. */
export function Component() {
  return (
    <WorkspaceRoutes workspaceId="gp-office">
      <Route
        path="consultation/:appointmentId"
        element={
          <Suspense fallback={<LoadingLines />}>
            <ConsultationPage />
          </Suspense>
        }
      />
    </WorkspaceRoutes>
  );
}
