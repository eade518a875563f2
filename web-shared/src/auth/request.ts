import { AUDIENCE_HEADER, ErrorCode } from '@medchannel/shared-schema';
import {
  LoginDocument,
  MeDocument,
  SetMyLocaleDocument,
  type CurrentUserFragment,
  type TypedDocumentString,
} from '../gql/session/graphql';
import { codedRestFailure, codeOfStatus } from '../app/codes';
import type { SignInCalls } from './signIn';

/** What a failed request throws: a coded refusal as the file client's (app/codes.ts reads it), or NETWORK. */
type Refusal = { code: ErrorCode | 'NETWORK'; reason?: unknown; field?: unknown };

/**
 * One GraphQL operation over plain fetch, for the portal's sign-in shell, which loads no Apollo: the
 * generated document as a string, the audience's header, the httpOnly cookie same-origin as Apollo's.
 */
async function request<R, V>(
  audience: 'console' | 'portal',
  document: TypedDocumentString<R, V>,
  variables?: V,
  signal?: AbortSignal,
): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [AUDIENCE_HEADER]: audience },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch {
    throw { code: 'NETWORK' } satisfies Refusal;
  }
  const body = (await response.json().catch(() => null)) as {
    data?: R | null;
    errors?: Array<{ extensions?: Refusal }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) throw { code: ErrorCode.INTERNAL, ...first.extensions } satisfies Refusal;
  if (!response.ok || !body?.data) throw { code: codeOfStatus(response.status) } satisfies Refusal;
  return body.data;
}

/** Signing in over plain fetch (auth/signIn.ts's calls). */
export function fetchSignInCalls(audience: 'console' | 'portal'): SignInCalls {
  return {
    login: async (email, password) => (await request(audience, LoginDocument, { email, password })).login,
    saveLocale: async (locale) => (await request(audience, SetMyLocaleDocument, { locale })).setMyLocale.locale,
  };
}

/**
 * Who the cookie signs in, asked once over plain fetch; null when no one is (UNAUTHENTICATED). Other
 * failures throw, as does no answer within `waitMs` (a signal that stalls must not hold the first screen).
 */
export async function signedInUser(audience: 'console' | 'portal', waitMs = 8000): Promise<CurrentUserFragment | null> {
  try {
    return (await request(audience, MeDocument, undefined, AbortSignal.timeout(waitMs))).me;
  } catch (error) {
    if (codedRestFailure(error).code === ErrorCode.UNAUTHENTICATED) return null;
    throw error;
  }
}
