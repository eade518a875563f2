import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState, NotFoundState } from './states';
import { PageLoadFailed } from './PageBoundary';
import { isChunkLoadError } from '../app/retrying-lazy';

/** The error boundary of every route: a failing page never takes the shell down with it. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundState />;
  // Code that did not arrive even after its retries (the network, or a stale chunk after a deploy): reload.
  if (isChunkLoadError(error)) return <PageLoadFailed />;
  if (import.meta.env.DEV) console.error(error);
  return <ErrorState error={error} onRetry={() => window.location.reload()} />;
}
