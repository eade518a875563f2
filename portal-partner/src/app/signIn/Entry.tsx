import { Component, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, setLanguage } from '@medchannel/web-shared/sign-in';
import { retryingLazy } from '@medchannel/web-shared';
import { SignInShell } from './SignInShell';
import './entry.css';

/** The full app: antd, Apollo, the router and the kept cache (App.tsx), with English's antd texts when English is on. */
const fetchApp = () =>
  import('../App').then(async (app) => {
    await setLanguage(i18n.language).catch(() => undefined);
    return app;
  });
const FullApp = retryingLazy(fetchApp);

function Waiting() {
  const { t } = useTranslation();
  return (
    <div className="entry-state" role="status" data-testid="loading">
      <span className="entry-spinner" aria-hidden />
      {t('state.loading')}
    </div>
  );
}

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div className="entry-state" role="alert" data-testid="page-load-failed">
      <strong>{t('state.pageLoadFailedTitle')}</strong>
      <span data-testid="error-message">{t('state.pageLoadFailed')}</span>
      <button type="button" onClick={() => window.location.reload()} data-testid="page-reload">
        {t('action.reload')}
      </button>
    </div>
  );
}

/** The app's code did not arrive, even after the retries: say so, and offer to reload. */
class AppBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  render() {
    return this.state.failed ? <LoadFailed /> : this.props.children;
  }
}

/** The portal's first screen: the full app when signed in (or kept on the device), else the sign-in shell. */
export function Entry({ start }: { start: 'app' | 'signIn' }) {
  const [signedIn, setSignedIn] = useState(start === 'app');
  if (!signedIn) return <SignInShell onSignedIn={() => setSignedIn(true)} fetchApp={() => void fetchApp()} />;
  return (
    <AppBoundary>
      <Suspense fallback={<Waiting />}>
        <FullApp />
      </Suspense>
    </AppBoundary>
  );
}
