import type { Locale } from '@medchannel/shared-schema';
import type { CurrentUserFragment } from '../gql/graphql';

/** The two calls signing in makes, over Apollo (the app's session) or plain fetch (the portal's sign-in shell). */
export interface SignInCalls {
  login(email: string, password: string): Promise<CurrentUserFragment>;
  saveLocale(locale: Locale): Promise<CurrentUserFragment['locale']>;
}

/**
 * Signs in; a language picked on the sign-in page is a fresh choice and is saved on the user (not
 * saving it leaves the user's own). Answers the user, with the locale that now holds.
 */
export async function signIn(
  calls: SignInCalls,
  email: string,
  password: string,
  picked: Locale | null,
): Promise<CurrentUserFragment> {
  const user = await calls.login(email, password);
  if (!picked || picked === user.locale) return user;
  const saved = await calls.saveLocale(picked).catch(() => null);
  return saved ? { ...user, locale: saved } : user;
}
