import { Client } from 'pg';
import { Audience, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../test/harness';
import { userByEmail } from '../db/seed/demo-data';

const P = {
  admin: 'admin@huakang.demo',
  regionalHead: 'zhao.rh@huakang.demo',
  owner: 'boss@kangda.demo',
  rep: 'li.rep@kangda.demo',
};

// Warm sessions (session-cache.ts) on PostgreSQL: a warm session costs no statement, and every
// change that ends a session or changes a scope applies on the very next request, made through
// another API process or another connection altogether. On PGlite nothing is kept (every request
// reads its session), so the same expectations hold with the lookup counted every time.
let a: TestApp;
let b: TestApp;
let sql: Client;
let warmSaves: number;

const ME = `{ me { id role } }`;
const reasonOf = (r: { errors: Array<{ extensions?: { reason?: string } }> }) => r.errors[0]?.extensions?.reason;

beforeAll(async () => {
  // warm sessions are off unless a deployment turns them on (SESSION_CACHE_SECONDS)
  a = await startTestApp({ sessionCacheSeconds: 30 });
  // a second API process on the same database (as a deployment runs several)
  b = await startTestApp({ sessionCacheSeconds: 30 });
  sql = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await sql.connect();
  const [{ version }] = (await sql.query(`SELECT version() AS version`)).rows;
  warmSaves = /PGlite/.test(version) ? 0 : 1;
}, 120_000);
afterAll(async () => {
  await sql?.end();
  await b?.stop();
  await a?.stop();
});

/**
 * Runs a change on another connection and waits until both processes have heard its announcement:
 * a change made elsewhere applies once PostgreSQL delivers the notice (well under a millisecond on
 * a quiet machine, longer under load), which is why warm sessions are off by default.
 */
async function changeElsewhere(change: string, id: string, announced = true): Promise<void> {
  const before = [a, b].map((t) => t.app.services.sessions.cache.mark());
  await sql.query(change, [id]);
  if (!announced || warmSaves === 0) return;
  await waitFor(() => [a, b].every((t, i) => t.app.services.sessions.cache.mark() !== before[i]));
}

/** Waits (at most 10 s) until `heard()` holds: for a state, not for a time. */
async function waitFor(heard: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!heard()) {
    if (Date.now() > deadline) throw new Error('the change was never announced');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The same browser's cookies, sent to the other process. */
function sameBrowser(client: GqlClient, app: TestApp, audience: Audience): GqlClient {
  const other = app.client(audience);
  for (const [k, v] of client.cookies) other.cookies.set(k, v);
  return other;
}

/** Logged in on `a`, warm on both processes; answers what a warm request costs on each. */
async function warm(email: string, audience: Audience) {
  const onA = await a.as(email);
  const onB = sameBrowser(onA, b, audience);
  const cold = await onA.request(ME);
  await onB.request(ME);
  const warmA = await onA.request(ME);
  const warmB = await onB.request(ME);
  expect([cold.errors, warmA.errors, warmB.errors]).toEqual([[], [], []]);
  expect(warmA.sqlCount).toBe(cold.sqlCount - warmSaves);
  expect(warmB.sqlCount).toBe(warmA.sqlCount);
  return { onA, onB, cold: cold.sqlCount };
}

test('a warm session answers without reading the session, user and scope again', async () => {
  await warm(P.admin, Audience.CONSOLE);
});

test('logging out on one process ends the session on the other at its next request', async () => {
  const { onA, onB } = await warm(P.owner, Audience.PORTAL);
  const cookies = new Map(onA.cookies);
  const heardOnB = b.app.services.sessions.cache.mark();
  expect((await onA.request(`mutation { logout }`)).errors).toEqual([]);
  await waitFor(() => warmSaves === 0 || b.app.services.sessions.cache.mark() !== heardOnB);
  for (const [k, v] of cookies) onA.cookies.set(k, v);
  expect(reasonOf(await onB.request(ME))).toBe(ErrorReason.SESSION_EXPIRED);
  expect(reasonOf(await onA.request(ME))).toBe(ErrorReason.SESSION_EXPIRED);
});

test.each([
  ['revoked', `UPDATE session SET revoked_at = now() WHERE user_id = $1`, ErrorReason.SESSION_EXPIRED],
  [
    'idle-expired',
    `UPDATE session SET updated_at = now() - interval '1 day' WHERE user_id = $1`,
    ErrorReason.SESSION_EXPIRED,
  ],
  ['disabled', `UPDATE app_user SET disabled_at = now() WHERE id = $1`, ErrorReason.ACCOUNT_DISABLED],
])('a session %s from another connection fails its next request on every process', async (_what, change, reason) => {
  const email = P.rep;
  const { onA, onB } = await warm(email, Audience.PORTAL);
  await changeElsewhere(change, userByEmail(email).id);
  try {
    expect(reasonOf(await onA.request(ME))).toBe(reason);
    expect(reasonOf(await onB.request(ME))).toBe(reason);
  } finally {
    await sql.query(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [userByEmail(email).id]);
  }
});

const HEAD = () => userByEmail(P.regionalHead).id;

test.each([
  ['a write that changes nothing of the scope', `UPDATE app_user SET role = role WHERE id = $1`, false],
  [
    'a regions insert of no row',
    `INSERT INTO user_region (user_id, region_id) SELECT user_id, region_id FROM user_region WHERE user_id = $1 LIMIT 0`,
    false,
  ],
  [
    'the role',
    `UPDATE app_user SET role = CASE WHEN role = 'REGIONAL_HEAD' THEN 'CHANNEL_MANAGER' ELSE 'REGIONAL_HEAD' END WHERE id = $1`,
    true,
  ],
  ['the finance access', `UPDATE app_user SET finance_access = NOT finance_access WHERE id = $1`, true],
  ['the regions', `UPDATE user_region SET region_id = region_id WHERE user_id = $1`, true],
  [
    'the distributor tree',
    `UPDATE distributor SET parent_id = parent_id WHERE id = (SELECT min(id::text)::uuid FROM distributor) AND $1::uuid IS NOT NULL`,
    true,
  ],
  [
    'the region tree',
    `UPDATE region SET parent_id = parent_id WHERE id = (SELECT min(id::text)::uuid FROM region) AND $1::uuid IS NOT NULL`,
    true,
  ],
])(
  '%s, changed from another connection: each process reads the session again only when the scope may differ',
  async (_what, change, changes) => {
    const { onA, onB, cold } = await warm(P.regionalHead, Audience.CONSOLE);
    await changeElsewhere(change, HEAD(), changes);
    try {
      const expected = changes ? cold : cold - warmSaves;
      expect((await onA.request(ME)).sqlCount).toBe(expected);
      expect((await onB.request(ME)).sqlCount).toBe(expected);
    } finally {
      // the toggles toggle back
      if (/finance_access|SET role = CASE/.test(change)) await sql.query(change, [HEAD()]);
    }
  },
);
