import { createContext, useContext, type ReactNode } from 'react';
import { useSessionState, type CurrentUser, type Session } from './useSessionState';

export type { CurrentUser } from './useSessionState';
export { loginPath } from '../auth/next';

const SessionContext = createContext<Session | null>(null);

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
