import { isRouteErrorResponse } from 'react-router';
import { ErrorState, NotFoundState } from './states';

/** A route's error, with the full states: 404, or the message with Reload. Loaded when needed. */
export default function RouteErrorView({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundState />;
  if (import.meta.env.DEV) console.error(error);
  // A render bug or a failed request: reloading is the useful retry.
  return <ErrorState error={error} onRetry={() => window.location.reload()} />;
}
