import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Locale } from '@medchannel/shared-schema';
import { localeOfLanguage } from '../app/locale';
import './signIn.css';

export interface SignInPageProps {
  /** The session ended (the URL's `reason`): said until an attempt fails. */
  expired: boolean;
  /** Signs in and goes on; rejects with what `describe` words. */
  onSignIn(email: string, password: string): Promise<void>;
  describe(error: unknown): string;
  /** 中文 / EN before signing in: kept in the browser, saved on the user at sign-in. */
  onLanguage(locale: Locale): void;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The portal's sign-in page, plain React and CSS: it is the first load of a signed-out phone, which
 * carries no antd, Apollo or router (the shell in portal-partner/src/main.tsx). Same labels, test ids
 * and coded messages as the console's antd LoginPage.
 */
export function SignInPage({ expired, onSignIn, describe, onLanguage }: SignInPageProps) {
  const { t, i18n } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<{ email?: string; password?: string }>({});
  const [submitting, setSubmitting] = useState(false);
  const [shown, setShown] = useState(false);
  const current = localeOfLanguage(i18n.language);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const problems = {
      email: EMAIL.test(email) ? undefined : t('login.emailRequired'),
      password: password ? undefined : t('login.passwordRequired'),
    };
    setInvalid(problems);
    if (problems.email || problems.password) return;
    setSubmitting(true);
    setError(null);
    try {
      await onSignIn(email, password);
    } catch (e) {
      setError(describe(e));
      setSubmitting(false);
    }
  };

  return (
    <main className="sign-in">
      <div className="sign-in-language" role="group" aria-label={t('language.label')} data-testid="language-switch">
        {[
          { label: '中文', value: Locale.ZH_CN },
          { label: 'EN', value: Locale.EN },
        ].map(({ label, value }) => (
          <button key={value} type="button" aria-pressed={current === value} onClick={() => onLanguage(value)}>
            {label}
          </button>
        ))}
      </div>
      <section className="sign-in-card">
        <header>
          <img src="/favicon.svg" alt="" width={40} height={40} />
          <h1>{t('app.name')}</h1>
          <p>{t('login.subtitle')}</p>
        </header>
        {expired && !error && (
          <p className="sign-in-note" role="status" data-testid="session-expired">
            {t('errors.reason.SESSION_EXPIRED')}
          </p>
        )}
        {error != null && (
          <p className="sign-in-note sign-in-error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset disabled={submitting}>
            <label htmlFor="sign-in-email">{t('login.email')}</label>
            <input
              id="sign-in-email"
              name="email"
              type="email"
              inputMode="email"
              autoComplete="username"
              aria-invalid={invalid.email ? true : undefined}
              aria-describedby={invalid.email ? 'sign-in-email-problem' : undefined}
              data-testid="login-email"
            />
            {invalid.email && <span id="sign-in-email-problem">{invalid.email}</span>}
            <label htmlFor="sign-in-password">{t('login.password')}</label>
            <div className="sign-in-password">
              <input
                id="sign-in-password"
                name="password"
                type={shown ? 'text' : 'password'}
                autoComplete="current-password"
                aria-invalid={invalid.password ? true : undefined}
                aria-describedby={invalid.password ? 'sign-in-password-problem' : undefined}
                data-testid="login-password"
              />
              <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
                {t('login.showPassword')}
              </button>
            </div>
            {invalid.password && <span id="sign-in-password-problem">{invalid.password}</span>}
            <button type="submit" className="sign-in-submit" aria-busy={submitting} data-testid="login-submit">
              {t('login.submit')}
            </button>
          </fieldset>
        </form>
        {/* The server answers a login on the wrong app as a wrong password (telling them apart would
            confirm a guessed one), so the page always shows the way to the other. /other-app is the
            serving convention: the static server redirects it to the other app's login. */}
        <nav className="sign-in-links">
          <a href="/forgot-password" data-testid="login-forgot">
            {t('access.forgot')}
          </a>
          <a href="/other-app" data-testid="login-other-app">
            {t('login.otherApp')}
          </a>
        </nav>
      </section>
      <p className="sign-in-footer">{t('login.footer')}</p>
    </main>
  );
}
