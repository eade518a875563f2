import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorReason } from '@medchannel/shared-schema';
import { errorMessage, useSession } from '@medchannel/web-shared';
import { safeNext, SignInPage } from '@medchannel/web-shared/sign-in';

/** /login inside the app (a lost session, a logout): the shell's sign-in page, signing in through the app's session. */
export default function PortalLogin() {
  const { t } = useTranslation();
  const { state, login, setLocale } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  if (state.status === 'signedIn') return <Navigate to={next} replace />;
  return (
    <SignInPage
      expired={params.get('reason') === ErrorReason.SESSION_EXPIRED}
      describe={(error) => errorMessage(t, error)}
      onLanguage={(locale) => void setLocale(locale)}
      onSignIn={async (email, password) => {
        await login(email, password);
        navigate(next, { replace: true });
      }}
    />
  );
}
