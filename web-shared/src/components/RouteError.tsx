import { useEffect } from 'react';
import { useLocation, useRouteError } from 'react-router';
import { PageBoundary, PageLoadFailed } from './PageBoundary';
import { LazyRouteErrorView } from './lazy-states';
import { isChunkLoadError, resetFailedChunks } from '../app/retrying-lazy';

/**
 * The error boundary of every route, in the first load: a failing page never takes the shell down
 * with it. Code that did not arrive even after its retries (the network, or a stale chunk after a
 * deploy) says so at once; other errors load the full error screen, and if that cannot be fetched
 * either, PageLoadFailed shows instead of nothing.
 */
export function RouteError() {
  const error = useRouteError();
  const { pathname } = useLocation();
  const chunk = isChunkLoadError(error);
  useEffect(() => {
    if (chunk) resetFailedChunks();
  }, [chunk]);
  if (chunk) return <PageLoadFailed />;
  return (
    <PageBoundary resetKey={pathname}>
      <LazyRouteErrorView error={error} />
    </PageBoundary>
  );
}
