import { SET_PASSWORD_PATH } from '@medchannel/shared-schema';
import { handOver, loginPath, signedInUser } from '@medchannel/web-shared/sign-in';
import { keptSession } from '../../components/offline/keptCache';
import { prefetchApp } from './prefetch';

/** The full app's signed-out pages besides the sign-in: a reset asked for, the e-mails' link, a letter's QR code. */
const PUBLIC = ['/forgot-password', SET_PASSWORD_PATH, '/verify/letter'];

/**
 * Where the portal starts: the full app (antd, Apollo, the router: a lazy chunk) or the sign-in shell.
 * A session kept on the device opens the app at once, without a signal too (the app asks who is signed
 * in itself); else the API is asked once, the answer handed to the app (it does not ask again), and the
 * app's files are prefetched: the app, its frame and the home at once rather than one after another,
 * or, signed out, while the rep types. Signed out, the URL becomes the sign-in's, the page
 * opened as its `next` (as the app's own redirect writes it).
 */
export async function whereToStart(): Promise<'app' | 'signIn'> {
  const { pathname, search } = window.location;
  if (PUBLIC.includes(pathname)) return 'app';
  // at /login the kept session may be the one just lost: ask
  if (pathname !== '/login' && keptSession()) return 'app';
  let signedIn: boolean;
  try {
    const user = await signedInUser('portal');
    if (user) handOver(user);
    signedIn = user != null;
  } catch {
    // no answer (or a failing API): whoever the device keeps, else the sign-in (which says what fails)
    signedIn = keptSession();
  }
  // after the answer (on a thin signal the question would share the bandwidth) and once its screen
  // is painted (the sign-in's text is the page's largest paint, which must not wait for this)
  requestAnimationFrame(() => setTimeout(prefetchApp));
  if (!signedIn && pathname !== '/login') window.history.replaceState(null, '', loginPath(pathname + search));
  return signedIn ? 'app' : 'signIn';
}
