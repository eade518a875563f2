import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorReason, type Locale } from '@medchannel/shared-schema';
import {
  applyLocale,
  codedMessage,
  codedRestFailure,
  fetchSignInCalls,
  handOver,
  safeNext,
  signIn,
  SignInPage,
} from '@medchannel/web-shared/sign-in';
import { forgetKeptCache } from '../../components/offline/keptCache';

/**
 * The sign-in page of the first load: signs in over plain fetch (the app's session does the same
 * through Apollo, web-shared's signIn), then the app opens where the person was going (`next`), as the
 * person the API answered (handed over: the app does not ask who is signed in).
 * `onSignedIn` opens the full app; `fetchApp` starts fetching it as the credentials go out.
 */
export function SignInShell({ onSignedIn, fetchApp }: { onSignedIn: () => void; fetchApp: () => void }) {
  const { t } = useTranslation();
  const params = new URLSearchParams(window.location.search);
  // a language picked here is a fresh choice: saved on the user at sign-in
  const picked = useRef<Locale | null>(null);
  return (
    <SignInPage
      expired={params.get('reason') === ErrorReason.SESSION_EXPIRED}
      describe={(error) => codedMessage(t, codedRestFailure(error))}
      onLanguage={(locale) => {
        picked.current = locale;
        applyLocale(locale);
      }}
      onSignIn={async (email, password) => {
        // what the device kept is of a session the API has said is over: gone before the app, which
        // restores it as it loads (and, prefetched, loads before the answer), can show it to someone else
        forgetKeptCache();
        fetchApp();
        const user = await signIn(fetchSignInCalls('portal'), email, password, picked.current);
        handOver(user);
        window.history.replaceState(null, '', safeNext(params.get('next')));
        onSignedIn();
      }}
    />
  );
}
