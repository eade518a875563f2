import { PASSWORD, url } from './browser';

/**
 * A GraphQL caller signed in as `email` on one app's audience, on a session of its own: for setup a
 * test is not about, and for the figures a test checks a page against. Its login is awaited and
 * checked before it answers anything, and no browser page shares (or races) its session.
 */
export async function apiAs(app: 'console' | 'portal', email: string, password = PASSWORD) {
  const post = (body: object, cookie = '') =>
    fetch(url(app, '/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': app, cookie },
      body: JSON.stringify(body),
    });
  const login = await post({
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
    variables: { e: email, p: password },
  });
  const signedIn = (await login.json()) as { data?: unknown; errors?: unknown };
  if (!signedIn.data) throw new Error(`login as ${email} failed: ${JSON.stringify(signedIn.errors)}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(query: string, variables: object = {}): Promise<T> => {
    const body = (await (await post({ query, variables }, cookie)).json()) as { data?: T; errors?: unknown };
    if (!body.data || body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}
export type Api = Awaited<ReturnType<typeof apiAs>>;
