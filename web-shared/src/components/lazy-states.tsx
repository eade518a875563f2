import { lazy, Suspense, type ComponentProps } from 'react';
import { LoadingState } from './LoadingState';

// The shell reaches error, 403 and 404 screens rarely; they load on demand so the first paint
// does not carry antd's Result and friends.
const states = () => import('./states');
const ErrorStateChunk = lazy(() => states().then((m) => ({ default: m.ErrorState })));
const ForbiddenChunk = lazy(() => states().then((m) => ({ default: m.ForbiddenState })));
const NotFoundChunk = lazy(() => states().then((m) => ({ default: m.NotFoundState })));
const RouteErrorChunk = lazy(() => import('./RouteError').then((m) => ({ default: m.RouteError })));

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

export function LazyRouteError() {
  return (
    <Suspense fallback={<LoadingState />}>
      <RouteErrorChunk />
    </Suspense>
  );
}
