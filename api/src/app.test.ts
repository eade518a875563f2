import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { TestApp, codeOf, reasonOf, startTestApp } from '../test/harness';
import { footprint } from '../test/auditing';
import { userByEmail } from './db/seed/demo-data';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const nest = (depth: number): string => {
  // distributor -> parent -> parent ... each level one deeper
  let inner = 'id';
  for (let i = 0; i < depth; i++) inner = `parent { ${inner} }`;
  return `{ distributors(first: 1) { nodes { ${inner} } } }`;
};

describe('limits on what a query may ask', () => {
  test('a query deeper than 10 levels is refused before it runs, writing nothing', async () => {
    const client = await t.as('boss@wzruihua.demo');
    const ok = await client.request(nest(7));
    expect(ok.errors).toEqual([]);
    const user = userByEmail('boss@wzruihua.demo');
    const before = await footprint(t.app.ds, user.id);
    const deep = await client.request(`mutation { setMyLocale(locale: EN) { id distributor { ${nest(12).slice(1, -1)} } } }`);
    expect(codeOf(deep)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(deep)).toBe(ErrorReason.QUERY_TOO_DEEP);
    expect(deep.data ?? null).toBeNull();
    expect(await footprint(t.app.ds, user.id)).toEqual(before);
  });

  test('more than 15 aliases are refused', async () => {
    const client = await t.as('boss@wzruihua.demo');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: me { id }`).join(' ');
    const r = await client.request(`{ ${aliases} }`);
    expect(reasonOf(r)).toBe(ErrorReason.TOO_MANY_ALIASES);
  });

  test('a query whose cost explodes through nested pages is refused', async () => {
    const client = await t.as('boss@wzruihua.demo');
    const r = await client.request(
      `{ a: distributors(first: 100) { nodes { secondTier { id name code stage tier version createdAt updatedAt region { id name code level } channelManager { id displayName email role side locale } } } }
         c: distributors(first: 100) { nodes { secondTier { id name code stage tier version createdAt updatedAt region { id name code level } channelManager { id displayName email role side locale } } } }
         b: users(first: 100) { nodes { id email displayName role side locale brand { id name code } regions { id name code level } distributor { id name code } } } }`,
    );
    expect(reasonOf(r)).toBe(ErrorReason.QUERY_TOO_COSTLY);
  });
});

describe('HTTP hardening', () => {
  test('CSRF prevention: a simple GET without a preflight header is refused', async () => {
    const res = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(res.status).toBe(400);
  });

  test('HTTP batching is off', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'console' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(res.status).toBe(400);
  });

  test('introspection is off outside development', async () => {
    const r = await t.client(Audience.CONSOLE).request(`{ __schema { types { name } } }`);
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('errors carry a code and never a stack trace or SQL', async () => {
    const client = await t.as('boss@wzruihua.demo');
    const r = await client.request(`{ distributor(id: "not-a-uuid") { id } }`);
    expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
    expect(r.text).not.toMatch(/stacktrace|SELECT|at .*\.ts:/);
  });

  test('/healthz answers while the database answers, and 503 when it does not', async () => {
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
    const other = await startTestApp();
    await other.app.ds.destroy();
    const res = await fetch(`${other.url}/healthz`);
    expect(res.status).toBe(503);
    await other.stop();
  });
});
