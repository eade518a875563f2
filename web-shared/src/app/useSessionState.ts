import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApolloClient } from '@apollo/client/react';
import { ErrorCode, ErrorReason, Locale } from '@medchannel/shared-schema';
import { applyLocale } from './i18n';
import { signIn, type SignInCalls } from '../auth/signIn';
import { handedUser, takeHandedUser } from '../auth/handOver';
import { setSessionLostHandler } from './apollo';
import { codedError } from './errors';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  SetMyLocaleDocument,
  type CurrentUserFragment,
} from '../gql/graphql';

export type CurrentUser = CurrentUserFragment;

type SessionState =
  | { status: 'loading' }
  /** `reason` tells the login page why (SESSION_EXPIRED); after a logout there is no way back. */
  | { status: 'anonymous'; reason?: ErrorReason; loggedOut?: boolean }
  | { status: 'failed'; error: unknown }
  | { status: 'signedIn'; user: CurrentUser };

export interface Session {
  state: SessionState;
  user: CurrentUser | null;
  login(email: string, password: string): Promise<CurrentUser>;
  logout(): Promise<void>;
  setLocale(locale: Locale): Promise<void>;
  retry(): void;
}

/**
 * The session's state and its moves: who is signed in (asked once, again on retry; not at all when the
 * portal's sign-in shell hands the answer over), login, logout, the language.
 */
export function useSessionState(): Session {
  const client = useApolloClient();
  const [state, setState] = useState<SessionState>(() => {
    const user = handedUser();
    return user ? { status: 'signedIn', user } : { status: 'loading' };
  });
  // A language picked on the login page is a fresh choice: it is saved on the user at login.
  const pickedBeforeLogin = useRef<Locale | null>(null);

  const loadMe = useCallback(() => {
    setState({ status: 'loading' });
    client
      .query({ query: MeDocument, fetchPolicy: 'network-only' })
      .then(({ data }) => {
        if (!data) throw new Error('empty');
        applyLocale(data.me.locale as Locale);
        setState({ status: 'signedIn', user: data.me });
      })
      .catch((error: unknown) => {
        const coded = codedError(error);
        // No signal: an app that keeps its cache on the device (the portal) opens as the person it
        // last answered for, with what it last read; the next answer with a signal checks the session.
        const kept = coded.code === 'NETWORK' ? client.readQuery({ query: MeDocument }) : null;
        if (kept) setState({ status: 'signedIn', user: kept.me });
        else if (coded.code === ErrorCode.UNAUTHENTICATED) setState({ status: 'anonymous' });
        else setState({ status: 'failed', error });
      });
  }, [client]);

  useEffect(() => {
    const user = takeHandedUser();
    if (!user) return loadMe();
    // kept as the app's own answer would be: the device's cache opens as this person without a signal
    // (their language was set as they were handed over)
    client.writeQuery({ query: MeDocument, data: { me: user } });
  }, [client, loadMe]);

  useEffect(() => {
    // Only state here: the signed-in area redirects to login itself (one redirect, no race).
    setSessionLostHandler(() => {
      setState({ status: 'anonymous', reason: ErrorReason.SESSION_EXPIRED });
      void client.clearStore();
    });
    return () => setSessionLostHandler(() => {});
  }, [client]);

  const login = useCallback(
    async (email: string, password: string) => {
      const calls: SignInCalls = {
        login: async (address, secret) => {
          const { data } = await client.mutate({
            mutation: LoginDocument,
            variables: { email: address, password: secret },
          });
          if (!data) throw new Error('empty');
          return data.login;
        },
        saveLocale: async (locale) => {
          const { data } = await client.mutate({ mutation: SetMyLocaleDocument, variables: { locale } });
          if (!data) throw new Error('empty');
          return data.setMyLocale.locale;
        },
      };
      const picked = pickedBeforeLogin.current;
      pickedBeforeLogin.current = null;
      const user = await signIn(calls, email, password, picked);
      // nothing of the person before stays (the kept cache); a language saved above is on `user`
      await client.clearStore();
      applyLocale(user.locale as Locale);
      setState({ status: 'signedIn', user });
      return user;
    },
    [client],
  );

  const logout = useCallback(async () => {
    try {
      await client.mutate({ mutation: LogoutDocument });
    } finally {
      await client.clearStore();
      setState({ status: 'anonymous', loggedOut: true });
    }
  }, [client]);

  const setLocale = useCallback(
    async (locale: Locale) => {
      applyLocale(locale);
      if (state.status !== 'signedIn') {
        pickedBeforeLogin.current = locale;
        return;
      }
      const { data } = await client.mutate({ mutation: SetMyLocaleDocument, variables: { locale } });
      if (data) setState({ status: 'signedIn', user: { ...state.user, locale: data.setMyLocale.locale } });
    },
    [client, state],
  );

  return useMemo<Session>(
    () => ({
      state,
      user: state.status === 'signedIn' ? state.user : null,
      login,
      logout,
      setLocale,
      retry: loadMe,
    }),
    [state, login, logout, setLocale, loadMe],
  );
}
