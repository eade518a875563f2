import { Suspense, type ComponentProps } from 'react';
import { LoadingState } from './LoadingState';
import { retryingLazy } from '../app/retrying-lazy';

// The shell reaches error, 403 and 404 screens rarely; they load on demand so the first paint
// does not carry antd's Result and friends. If their own fetch fails, the boundary around them
// (PageBoundary, RouteError) shows PageLoadFailed, which is in the first load.
const states = () => import('./states');
const ErrorStateChunk = retryingLazy(() => states().then((m) => ({ default: m.ErrorState })));
const ForbiddenChunk = retryingLazy(() => states().then((m) => ({ default: m.ForbiddenState })));
const NotFoundChunk = retryingLazy(() => states().then((m) => ({ default: m.NotFoundState })));
const RouteErrorChunk = retryingLazy(() => import('./RouteErrorView'));

export function LazyErrorState(props: ComponentProps<typeof ErrorStateChunk>) {
  return (
    <Suspense fallback={<LoadingState />}>
      <ErrorStateChunk {...props} />
    </Suspense>
  );
}

export function LazyForbiddenState() {
  return (
    <Suspense fallback={<LoadingState />}>
      <ForbiddenChunk />
    </Suspense>
  );
}

export function LazyNotFoundState() {
  return (
    <Suspense fallback={<LoadingState />}>
      <NotFoundChunk />
    </Suspense>
  );
}

/** A route's error as the states show it (404, or the error with Reload); RouteError picks it. */
export function LazyRouteErrorView({ error }: { error: unknown }) {
  return (
    <Suspense fallback={<LoadingState />}>
      <RouteErrorChunk error={error} />
    </Suspense>
  );
}
