import 'reflect-metadata';
import { Audience, sideOfRole, audienceOfSide } from '@medchannel/shared-schema';
import { App, createApp } from '../src/app';
import { Config, loadConfig } from '../src/config';
import { DEMO_PASSWORD, userByEmail } from '../src/db/seed/demo-data';
import { watchSecondConnections } from './second-connection';

export interface TestApp {
  app: App;
  url: string;
  client(audience: Audience | null): GqlClient;
  /** A client logged in as a seeded user, on the front end that user belongs to. */
  as(email: string): Promise<GqlClient>;
  stop(): Promise<void>;
}

/** Starts the product's own createApp against the run's test database, on a free port. */
export async function startTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest (globalSetup)');
  const config = loadConfig(
    { ...process.env, NODE_ENV: 'test' },
    { port: 0, databaseUrl, dbPoolSize: 4, exposeSqlCount: true, ...overrides },
  );
  const app = await createApp(config);
  const secondConnections = watchSecondConnections(app.ds);
  const url = await app.listen();
  await app.startJobs();
  const client = (audience: Audience | null) => new GqlClient(`${url}/graphql`, audience);
  return {
    app,
    url,
    client,
    async as(email: string) {
      const c = client(audienceOfSide(sideOfRole(userByEmail(email).role)));
      await c.login(email);
      return c;
    },
    async stop() {
      await app.stop();
      const seen = secondConnections();
      if (seen.length)
        throw new Error(`${seen.length} connection(s) taken inside a transaction, which hang on PGlite:\n${seen[0]}`);
    },
  };
}

interface GqlError {
  message: string;
  path?: string[];
  extensions?: { code?: string; reason?: string; field?: string };
}

export interface GqlResult<T = any> {
  status: number;
  text: string;
  data: T | null;
  errors: GqlError[];
  sqlCount: number;
  headers: Headers;
}

/** Real GraphQL over HTTP, with a cookie jar, the audience header and the SQL count of each call. */
export class GqlClient {
  readonly cookies = new Map<string, string>();
  /** Sent with every request (e.g. an X-Forwarded-For a test claims). */
  readonly headers: Record<string, string> = {};

  constructor(
    readonly endpoint: string,
    readonly audience: Audience | null,
  ) {}

  async request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<GqlResult<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...this.headers };
    if (this.audience) headers['x-medchannel-app'] = this.audience.toLowerCase();
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(this.endpoint, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    for (const raw of res.headers.getSetCookie()) {
      const [pair, ...attrs] = raw.split(';');
      const [name, value] = pair.split('=');
      const expired = attrs.some((a) => /expires=thu, 01 jan 1970/i.test(a.trim())) || value === '';
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await res.text();
    let body: { data?: T; errors?: GqlError[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // leave body empty; the status and text tell the story
    }
    return {
      status: res.status,
      text,
      data: body.data ?? null,
      errors: body.errors ?? [],
      sqlCount: Number(res.headers.get('x-sql-count') ?? NaN),
      headers: res.headers,
    };
  }

  async login(email: string, password = DEMO_PASSWORD): Promise<GqlResult> {
    const result = await this.request(
      `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id role } }`,
      { email, password },
    );
    if (result.errors.length) throw new Error(`login ${email} failed: ${result.text}`);
    return result;
  }
}

/** The first error's code, for terse assertions. */
export const codeOf = (r: GqlResult) => r.errors[0]?.extensions?.code;
export const reasonOf = (r: GqlResult) => r.errors[0]?.extensions?.reason;
