import { createContext, useContext, type ReactNode } from 'react';
import type { ErrorReason } from '@medchannel/shared-schema';
import { useSessionState, type CurrentUser, type Session } from './useSessionState';

export type { CurrentUser } from './useSessionState';

const SessionContext = createContext<Session | null>(null);

/** Where to come back to after logging in again. */
export function loginPath(from: string, reason?: ErrorReason): string {
  const params = new URLSearchParams();
  if (from && from !== '/' && !from.startsWith('/login')) params.set('next', from);
  if (reason) params.set('reason', reason);
  const query = params.toString();
  return query ? `/login?${query}` : '/login';
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const value = useSessionState();
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Only inside signed-in routes. */
export function useCurrentUser(): CurrentUser {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}
