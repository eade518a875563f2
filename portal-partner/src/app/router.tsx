import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { SessionProvider, loginPath, useSession } from './session';
import { canUse, type Feature } from './nav';
import { LoadingState } from '../components/LoadingState';
import {
  LazyErrorState as ErrorState,
  LazyForbiddenState as ForbiddenState,
  LazyNotFoundState as NotFoundState,
  LazyRouteError as RouteError,
} from '../components/lazy-states';

// Reps open the portal on a phone in a hospital corridor: the first load carries no page and
// not even the signed-in shell; each comes as its own chunk when it is needed.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const AppLayout = lazy(() => import('../features/shell/AppLayout'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const OrdersPage = lazy(() => import('../features/orders/OrdersPage'));
const StatementsPage = lazy(() => import('../features/statements/StatementsPage'));
const TrainingPage = lazy(() => import('../features/training/TrainingPage'));
const VisitsPage = lazy(() => import('../features/visits/VisitsPage'));
const MePage = lazy(() => import('../features/me/MePage'));

function Root() {
  return (
    <SessionProvider>
      <Suspense fallback={<LoadingState fullPage />}>
        <Outlet />
      </Suspense>
    </SessionProvider>
  );
}

/** Signed-in area: anonymous visitors go to login and come back here afterwards. */
function RequireSession() {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === 'anonymous') {
    const to = state.loggedOut ? '/login' : loginPath(location.pathname + location.search, state.reason);
    return <Navigate to={to} replace />;
  }
  return <AppLayout />;
}

function Guard({ feature, page: Page }: { feature: Feature; page: LazyExoticComponent<ComponentType> }) {
  const { user } = useSession();
  return user && canUse(user.role, feature) ? <Page /> : <ForbiddenState />;
}

const page = (path: string, feature: Feature, Page: LazyExoticComponent<ComponentType>): RouteObject => ({
  path,
  element: <Guard feature={feature} page={Page} />,
  errorElement: <RouteError />,
});

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
      {
        element: <RequireSession />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Guard feature="home" page={HomePage} />, errorElement: <RouteError /> },
          page('/orders', 'orders', OrdersPage),
          page('/statements', 'statements', StatementsPage),
          page('/training', 'training', TrainingPage),
          page('/visits', 'visits', VisitsPage),
          page('/me', 'me', MePage),
          { path: '*', element: <NotFoundState /> },
        ],
      },
    ],
  },
]);
