/** One request the load driver sends over and over, to the API or to the baseline. */
export interface Target {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

const AUDIENCE_HEADER = 'x-medchannel-app';

/** Logs in through the real login mutation and answers the session cookie. */
export async function login(apiUrl: string, audience: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${apiUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [AUDIENCE_HEADER]: audience },
    body: JSON.stringify({
      query: 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
      variables: { email, password },
    }),
  });
  const body = (await res.json()) as { errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(`login ${email}: ${body.errors[0].message}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error(`login ${email}: no session cookie`);
  return cookie;
}

export function graphqlTarget(
  apiUrl: string,
  audience: string,
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
): Target {
  return {
    url: `${apiUrl}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', [AUDIENCE_HEADER]: audience, cookie },
    body: JSON.stringify({ query, variables }),
  };
}
