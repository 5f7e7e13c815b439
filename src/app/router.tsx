import { createBrowserRouter, Navigate, Outlet, useParams, type RouteObject } from 'react-router';
import { WORKSPACES, WORKSPACE_OF_GROUP, type WorkspaceId } from '../session/personnel';
import { useSession } from '../session/store';
import { SignInPage } from './signin/SignInPage';

/** Each workspace is its own chunk, loaded when a user of that group opens it. */
const workspaceLoaders: Record<WorkspaceId, () => Promise<{ Component: React.ComponentType }>> = {
  'gp-office': () => import('../workspaces/gp-office'),
  emergency: () => import('../workspaces/emergency'),
  'home-care': () => import('../workspaces/home-care'),
  'health-station': () => import('../workspaces/health-station'),
  'nursing-home': () => import('../workspaces/nursing-home'),
  physio: () => import('../workspaces/physio'),
  'front-desk': () => import('../workspaces/front-desk'),
  configuration: () => import('../workspaces/configuration'),
};

function HomeRedirect() {
  const persona = useSession((s) => s.persona);
  return <Navigate to={persona ? `/${WORKSPACE_OF_GROUP[persona.personnelGroup]}` : '/sign-in'} replace />;
}

/** A workspace is open only to the personnel groups it belongs to; others land in their own. */
function RequireWorkspace({ id }: { id: WorkspaceId }) {
  const persona = useSession((s) => s.persona);
  if (!persona) return <Navigate to="/sign-in" replace />;
  const own = WORKSPACE_OF_GROUP[persona.personnelGroup];
  return own === id ? <Outlet /> : <Navigate to={`/${own}`} replace />;
}

function RequireOwnPatientRoute() {
  const persona = useSession((s) => s.persona);
  const { workspaceId, patientId } = useParams();
  if (!persona) return <Navigate to="/sign-in" replace />;
  const own = WORKSPACE_OF_GROUP[persona.personnelGroup];
  return own === workspaceId ? <Outlet /> : <Navigate to={`/${own}/patient/${patientId ?? ''}`} replace />;
}

function RequireOwnWorkspaceRoute() {
  const persona = useSession((s) => s.persona);
  const { workspaceId } = useParams();
  if (!persona) return <Navigate to="/sign-in" replace />;
  const own = WORKSPACE_OF_GROUP[persona.personnelGroup];
  return own === workspaceId ? <Outlet /> : <Navigate to={`/${own}`} replace />;
}

const ROUTES: RouteObject[] = [
  { path: '/sign-in', Component: SignInPage },
  {
    // Every page but the sign-in page is drawn with MUI: its theme and global styles load with
    // the first of them (./ThemedOutlet.tsx), not with the start-up code.
    lazy: () => import('./ThemedOutlet'),
    children: [
      { path: '/auth/callback', lazy: () => import('./signin/OidcCallback') },
      {
        path: '/',
        lazy: () => import('./shell/AppShell'),
        children: [
          { index: true, Component: HomeRedirect },
          // A workspace owns the pages under its path (its home, and e.g. /gp-office/consultation/…):
          // its component renders them with descendant <Routes>.
          ...WORKSPACES.map((id) => ({
            path: id,
            element: <RequireWorkspace id={id} />,
            // The index and the splat load the same component; the splat alone would not match the
            // workspace's own path. (In development React Router warns about the index's descendant
            // <Routes>; the splat beside it is what renders the deeper paths.)
            children: [
              { index: true, lazy: workspaceLoaders[id] },
              { path: '*', lazy: workspaceLoaders[id] },
            ],
          })),
          {
            path: ':workspaceId/patient/:patientId',
            Component: RequireOwnPatientRoute,
            children: [
              { index: true, lazy: () => import('./patient/PatientChartPage') },
              // Access (issue #8): the patient's access log, as the patient would be shown it.
              { path: 'access-log', lazy: () => import('../access/accessPages').then((m) => ({ Component: m.AccessLogPage })) },
              { path: 'blocking', lazy: () => import('../access/accessPages').then((m) => ({ Component: m.BlockingPage })) },
            ],
          },
          // Access (issue #8): the unit leader's review of explicit and emergency accesses.
          {
            path: ':workspaceId/access-review',
            Component: RequireOwnWorkspaceRoute,
            children: [{ index: true, lazy: () => import('../access/accessPages').then((m) => ({ Component: m.LeaderReviewPage })) }],
          },
          // Exchange (issue #7): writing a message, from any workspace's inbox or a patient's chart.
          {
            path: ':workspaceId/messages/new',
            Component: RequireOwnWorkspaceRoute,
            children: [{ index: true, lazy: () => import('../exchange/compose/ComposePage') }],
          },
        ],
      },
    ],
  },
  { path: '*', Component: HomeRedirect },
];

let router: ReturnType<typeof createBrowserRouter> | undefined;

/**
 * The app's router, made when the app first renders rather than when this module loads: the
 * first page's modules all run in one task, which should stay short.
 */
export function appRouter(): ReturnType<typeof createBrowserRouter> {
  router ??= createBrowserRouter(ROUTES);
  return router;
}
