import { Suspense, type ComponentType } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, type RouteObject } from 'react-router';
import { SET_PASSWORD_PATH } from '@medchannel/shared-schema';
import { SessionProvider, loginPath, useSession } from './session';
import { retryingLazy } from './retrying-lazy';
import { LoadingState } from '../components/LoadingState';
// The boundaries and PageLoadFailed come with the first load: a page that fails to load does not
// depend on another chunk to say so. The full error, 403 and 404 screens load when needed.
import {
  LazyErrorState as ErrorState,
  LazyForbiddenState as ForbiddenState,
  LazyNotFoundState as NotFoundState,
} from '../components/lazy-states';
import { RouteError } from '../components/RouteError';
import { PageBoundary } from '../components/PageBoundary';

/** A page: lazy (retryingLazy), or in the first load. */
export type LazyPage = ComponentType;

/** One signed-in page: its path, the feature whose access rule guards it, the lazy page. */
export interface PageRoute<F extends string> {
  path: string;
  feature: F;
  page: LazyPage;
}

export interface AppRoutes<F extends string> {
  /** The signed-in shell (menu, header); lazy, so the login screen does not load it. Fetched on signing in, it stays when a page fails. */
  layout: LazyPage;
  /** The page at `/`. */
  home: { feature: F; page: LazyPage };
  pages: PageRoute<F>[];
  /** The app's role → feature rule (nav.tsx); the API enforces the same per operation. */
  canUse(role: string, feature: F): boolean;
  /** The page at /login, when not the antd LoginPage (the portal's is its sign-in shell's, auth/SignInPage). */
  login?: LazyPage;
}

// Every page is its own chunk, and so is the signed-in shell: the login screen loads neither.
const LoginPage = retryingLazy(() => import('../auth/LoginPage'));
const ForgotPasswordPage = retryingLazy(() => import('../access/ForgotPasswordPage'));
const SetPasswordPage = retryingLazy(() => import('../access/SetPasswordPage'));
const VerifyLetterPage = retryingLazy(() => import('../verify/VerifyLetterPage'));

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
function RequireSession({ layout: Layout }: { layout: LazyPage }) {
  const { state, retry } = useSession();
  const location = useLocation();
  if (state.status === 'loading') return <LoadingState fullPage />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === 'anonymous') {
    const to = state.loggedOut ? '/login' : loginPath(location.pathname + location.search, state.reason);
    return <Navigate to={to} replace />;
  }
  return <Layout />;
}

function Guard<F extends string>({
  feature,
  page: Page,
  canUse,
}: {
  feature: F;
  page: LazyPage;
  canUse: AppRoutes<F>['canUse'];
}) {
  const { user } = useSession();
  const { pathname } = useLocation();
  if (!user || !canUse(user.role, feature)) return <ForbiddenState />;
  return (
    <PageBoundary resetKey={pathname}>
      <Page />
    </PageBoundary>
  );
}

/** Login, the session gate, the guarded pages and the 404, each with its error boundary. */
export function createAppRouter<F extends string>({
  layout,
  home,
  pages,
  canUse,
  login: Login = LoginPage,
}: AppRoutes<F>) {
  const page = ({ path, feature, page: Page }: PageRoute<F>): RouteObject => ({
    path,
    element: <Guard feature={feature} page={Page} canUse={canUse} />,
    errorElement: <RouteError />,
  });
  return createBrowserRouter([
    {
      element: <Root />,
      errorElement: <RouteError />,
      children: [
        { path: '/login', element: <Login />, errorElement: <RouteError /> },
        // signed out: a reset link asked for, and the page an invitation or reset e-mail opens
        { path: '/forgot-password', element: <ForgotPasswordPage />, errorElement: <RouteError /> },
        { path: SET_PASSWORD_PATH, element: <SetPasswordPage />, errorElement: <RouteError /> },
        // public: the page an authorization letter's QR code opens (signed in or not)
        { path: '/verify/letter', element: <VerifyLetterPage />, errorElement: <RouteError /> },
        {
          element: <RequireSession layout={layout} />,
          errorElement: <RouteError />,
          children: [
            {
              index: true,
              element: <Guard feature={home.feature} page={home.page} canUse={canUse} />,
              errorElement: <RouteError />,
            },
            ...pages.map(page),
            { path: '*', element: <NotFoundState />, errorElement: <RouteError /> },
          ],
        },
      ],
    },
  ]);
}
