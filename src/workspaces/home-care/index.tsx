import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { homeCareEn, homeCareNb } from '../../i18n/homeCare';
import { registerModuleStrings } from '../../i18n/moduleStrings';
import { LoadingLines } from '../../ui/QueryList';
import { WorkspaceRoutes } from '../shared/WorkspaceRoutes';
import { HandoverPage } from './HandoverPage';
import { VisitPage } from './VisitPage';

const DecisionsPage = lazy(() => import('./DecisionsPage'));

registerModuleStrings('homeCare', { nb: homeCareNb, en: homeCareEn });

/** The home-care workspace: today's route at home; a visit, the handover and a patient's service decisions below it. */
export function Component() {
  return (
    <WorkspaceRoutes workspaceId="home-care">
      <Route path="visit/:appointmentId" element={<VisitPage />} />
      <Route path="handover" element={<HandoverPage />} />
      <Route
        path="decisions/:patientId"
        element={
          <Suspense fallback={<LoadingLines />}>
            <DecisionsPage />
          </Suspense>
        }
      />
    </WorkspaceRoutes>
  );
}
