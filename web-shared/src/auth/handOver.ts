import type { Locale } from '@medchannel/shared-schema';
import { applyLocale } from '../app/i18n';
import type { CurrentUserFragment } from '../gql/session/graphql';

/**
 * Who the portal's sign-in shell found signed in (the API's answer to `me`, or to `login`), handed to
 * the full app's session when it opens, so that the app does not ask again: on a bad signal every
 * question is a round trip the rep waits for. The app's session takes it once, as it mounts; a later start asks.
 */
let handed: CurrentUserFragment | null = null;

/** Hands `user` over, in their language from now on (before the app's first screen, as its own answer would set it). */
export function handOver(user: CurrentUserFragment): void {
  applyLocale(user.locale as Locale);
  handed = user;
}

/** The user handed over, if any (read as often as needed while the app starts). */
export function handedUser(): CurrentUserFragment | null {
  return handed;
}

/** The user handed over, once: the next call answers null. */
export function takeHandedUser(): CurrentUserFragment | null {
  const user = handed;
  handed = null;
  return user;
}
