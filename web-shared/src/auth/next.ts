import type { ErrorReason } from '@medchannel/shared-schema';

/** Where to come back to after logging in again. */
export function loginPath(from: string, reason?: ErrorReason): string {
  const params = new URLSearchParams();
  if (from && from !== '/' && !from.startsWith('/login')) params.set('next', from);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

/** Only paths inside this app: `next` comes from the URL and must not send anyone elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
