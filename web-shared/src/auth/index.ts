// The portal's sign-in shell: what its first load takes from here, without antd, Apollo or the
// router (portal-partner/src/main.tsx). The full app's session uses the same pieces (signIn, loginPath).
export { SignInPage, type SignInPageProps } from './SignInPage';
export { fetchSignInCalls, signedInUser } from './request';
export { signIn } from './signIn';
export { handOver } from './handOver';
export { loginPath, safeNext } from './next';
export { codedMessage, codedRestFailure } from '../app/codes';
export { applyLocale, i18n, setLanguage } from '../app/i18n';
