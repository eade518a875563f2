import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState, NotFoundState } from './states';

/** The error boundary of every route: a failing page never takes the shell down with it. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundState />;
  if (import.meta.env.DEV) console.error(error);
  // A stale lazy chunk after a deploy, or a render bug: reloading is the useful retry.
  return <ErrorState error={error} onRetry={() => window.location.reload()} />;
}
