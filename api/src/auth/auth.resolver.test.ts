import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../test/harness';
import { footprint } from '../../test/auditing';
import { userByEmail } from '../db/seed/demo-data';

// Users here are none of the isolation matrix's personas: test files run in parallel, and each
// compares a user's footprint before and after.
let t: TestApp;
beforeAll(async () => {
  // every client here comes from 127.0.0.1: the per-source limit is the throttle tests' business
  t = await startTestApp({ loginAttemptsPerMinute: 1000 });
});
afterAll(() => t?.stop());

const ME = `{ me { id displayName role brand { name } distributor { name } } }`;
const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`;

describe('login', () => {
  test('opens a session in an httpOnly, SameSite=Lax cookie and audits it', async () => {
    const user = userByEmail('chen.cm@huakang.demo');
    const before = await footprint(t.app.ds, user.id, { sessions: true });
    const client = t.client(Audience.CONSOLE);
    const result = await client.login(user.email);
    const cookie = result.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^mc_console_sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await client.request(ME);
    expect(me.data.me).toMatchObject({
      id: user.id,
      displayName: '陈静',
      role: 'CHANNEL_MANAGER',
      brand: { name: '华康医疗科技有限公司' },
    });
    const after = await footprint(t.app.ds, user.id, { sessions: true });
    expect(after.sessions).toBe(Number(before.sessions) + 1);
    const [audit] = await t.app.ds.query(
      `SELECT action, side, entity FROM audit_log WHERE actor_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [user.id],
    );
    expect(audit).toEqual({ action: 'LOGIN', side: 'BRAND', entity: 'session' });
  });

  test('stores the password (the person’s) as argon2id with OWASP parameters', async () => {
    const [{ password_hash }] = await t.app.ds.query(
      `SELECT password_hash FROM person WHERE email = 'admin@huakang.demo'`,
    );
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('a wrong password and an unknown email answer alike and write nothing', async () => {
    const user = userByEmail('order@ruiguang.demo');
    const before = await footprint(t.app.ds, user.id, { sessions: true });
    const wrong = await t.client(Audience.CONSOLE).request(LOGIN, { e: user.email, p: 'not-the-password' });
    const unknown = await t
      .client(Audience.CONSOLE)
      .request(LOGIN, { e: 'nobody@ruiguang.demo', p: 'not-the-password' });
    for (const r of [wrong, unknown]) {
      expect(codeOf(r)).toBe(ErrorCode.UNAUTHENTICATED);
      expect(reasonOf(r)).toBe(ErrorReason.INVALID_CREDENTIALS);
      expect(r.data).toBeNull();
      expect(r.headers.getSetCookie()).toEqual([]);
    }
    expect(wrong.errors[0].message).toBe(unknown.errors[0].message);
    expect(await footprint(t.app.ds, user.id, { sessions: true })).toEqual(before);
  });

  test('the wrong front end answers byte for byte as a wrong password does, and opens nothing', async () => {
    const brandUser = userByEmail('rh@ruiguang.demo');
    const partner = userByEmail('rep@ruida.demo');
    const befores = [
      await footprint(t.app.ds, brandUser.id, { sessions: true }),
      await footprint(t.app.ds, partner.id, { sessions: true }),
    ];
    // the right password on the other app, then a wrong one on the right app: a guesser learns nothing
    const pairs = [
      [
        await t.client(Audience.PORTAL).request(LOGIN, { e: brandUser.email, p: 'MedChannel#2026' }),
        await t.client(Audience.PORTAL).request(LOGIN, { e: brandUser.email, p: 'MedChannel#2027' }),
      ],
      [
        await t.client(Audience.CONSOLE).request(LOGIN, { e: partner.email, p: 'MedChannel#2026' }),
        await t.client(Audience.CONSOLE).request(LOGIN, { e: partner.email, p: 'MedChannel#2027' }),
      ],
    ];
    for (const [rightPasswordWrongApp, wrongPassword] of pairs) {
      expect(reasonOf(rightPasswordWrongApp)).toBe(ErrorReason.INVALID_CREDENTIALS);
      expect(rightPasswordWrongApp.status).toBe(wrongPassword.status);
      expect(rightPasswordWrongApp.text).toBe(wrongPassword.text);
      expect(rightPasswordWrongApp.headers.getSetCookie()).toEqual([]);
    }
    expect([
      await footprint(t.app.ds, brandUser.id, { sessions: true }),
      await footprint(t.app.ds, partner.id, { sessions: true }),
    ]).toEqual(befores);
  });

  test('needs to know which front end is asking', async () => {
    const r = await t.client(null).request(LOGIN, { e: 'admin@huakang.demo', p: 'MedChannel#2026' });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0].extensions?.field).toBe('audience');
  });

  test('validates its input with the field named', async () => {
    const r = await t.client(Audience.CONSOLE).request(LOGIN, { e: 'not-an-email', p: 'x' });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0].extensions?.field).toBe('email');
  });
});

describe('throttle', () => {
  let fresh: TestApp;
  beforeEach(async () => {
    fresh = await startTestApp({ loginAttemptsPerMinute: 5 });
    // the throttle is the database's: the failures of the tests before are not this one's
    await fresh.app.ds.query(`DELETE FROM failure_throttle`);
  });
  afterEach(() => fresh.stop());

  test('locks an account after 5 failures a minute, even for the right password, writing nothing', async () => {
    const user = userByEmail('finance@ruiguang.demo');
    const before = await footprint(fresh.app.ds, user.id, { sessions: true });
    for (let i = 0; i < 5; i++) {
      const r = await fresh.client(Audience.CONSOLE).request(LOGIN, { e: user.email, p: `wrong-${i}` });
      expect(reasonOf(r)).toBe(ErrorReason.INVALID_CREDENTIALS);
    }
    const locked = await fresh.client(Audience.CONSOLE).request(LOGIN, { e: user.email, p: 'MedChannel#2026' });
    expect(codeOf(locked)).toBe(ErrorCode.RATE_LIMITED);
    expect(locked.errors[0].message).toMatch(/try again in \d+ s/);
    expect(await footprint(fresh.app.ds, user.id, { sessions: true })).toEqual(before);
  });

  test('a wrong-app login counts as a failure, not a success', async () => {
    const partner = userByEmail('boss@ruida.demo');
    for (let i = 0; i < 5; i++) {
      // right password, wrong app
      const r = await fresh.client(Audience.CONSOLE).request(LOGIN, { e: partner.email, p: 'MedChannel#2026' });
      expect(reasonOf(r)).toBe(ErrorReason.INVALID_CREDENTIALS);
    }
    expect(codeOf(await fresh.client(Audience.PORTAL).request(LOGIN, { e: partner.email, p: 'MedChannel#2026' }))).toBe(
      ErrorCode.RATE_LIMITED,
    );
  });

  test('limits an IP across accounts too', async () => {
    for (let i = 0; i < 5; i++) {
      await fresh.client(Audience.CONSOLE).request(LOGIN, { e: `nobody${i}@huakang.demo`, p: 'wrong' });
    }
    const r = await fresh.client(Audience.CONSOLE).request(LOGIN, { e: 'trainer@ruiguang.demo', p: 'MedChannel#2026' });
    expect(codeOf(r)).toBe(ErrorCode.RATE_LIMITED);
  });
});

describe('throttle behind a proxy', () => {
  beforeEach(() => t.app.ds.query(`DELETE FROM failure_throttle`));
  const from = (app: TestApp, source: string, audience = Audience.CONSOLE) => {
    const c = app.client(audience);
    c.headers['x-forwarded-for'] = source;
    return c;
  };

  test('X-Forwarded-For is not believed without a trusted proxy: a claimed address does not escape the limit', async () => {
    const app = await startTestApp({ loginAttemptsPerMinute: 5 });
    try {
      for (let i = 0; i < 5; i++)
        await from(app, `198.51.100.${i + 1}`).request(LOGIN, { e: `nobody${i}@huakang.demo`, p: 'wrong' });
      const r = await from(app, '203.0.113.77').request(LOGIN, { e: 'trainer@ruiguang.demo', p: 'MedChannel#2026' });
      expect(codeOf(r)).toBe(ErrorCode.RATE_LIMITED);
    } finally {
      await app.stop();
    }
  });

  test('a stranger failing on an account from elsewhere does not lock its owner out of their own source', async () => {
    const app = await startTestApp({ loginAttemptsPerMinute: 5, trustedProxy: ['loopback'] });
    try {
      const victim = userByEmail('trainer@ruiguang.demo');
      const attacker = from(app, '198.51.100.9');
      for (let i = 0; i < 8; i++) await attacker.request(LOGIN, { e: victim.email, p: `guess-${i}` });
      // the guesser is held off, even with the right password…
      const held = await attacker.request(LOGIN, { e: victim.email, p: 'MedChannel#2026' });
      expect(codeOf(held)).toBe(ErrorCode.RATE_LIMITED);
      // …while the owner, from their own address, gets in
      const owner = await from(app, '203.0.113.20').request(LOGIN, { e: victim.email, p: 'MedChannel#2026' });
      expect(owner.errors).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});

describe('sessions', () => {
  async function loggedIn(email: string): Promise<{ client: GqlClient; sessionId: string; userId: string }> {
    const client = await t.as(email);
    const userId = userByEmail(email).id;
    const [{ id }] = await t.app.ds.query(
      `SELECT id FROM session WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    return { client, sessionId: id, userId };
  }

  test.each([
    ['idle', `UPDATE session SET updated_at = now() - interval '1 day' WHERE id = $1`],
    ['absolute', `UPDATE session SET expires_at = now() - interval '1 second' WHERE id = $1`],
  ])('an %s-expired session answers SESSION_EXPIRED and writes nothing', async (_kind, sql) => {
    const { client, sessionId, userId } = await loggedIn('engineer@ruiguang.demo');
    await t.app.ds.query(sql, [sessionId]);
    const before = await footprint(t.app.ds, userId, { sessions: true });
    const row = `SELECT updated_at, expires_at, revoked_at FROM session WHERE id = $1`;
    const [sessionBefore] = await t.app.ds.query(row, [sessionId]);
    const r = await client.request(ME);
    expect(codeOf(r)).toBe(ErrorCode.UNAUTHENTICATED);
    expect(reasonOf(r)).toBe(ErrorReason.SESSION_EXPIRED);
    expect(await footprint(t.app.ds, userId, { sessions: true })).toEqual(before);
    // an expired session is not revived by being used
    expect(await t.app.ds.query(row, [sessionId])).toEqual([sessionBefore]);
  });

  test('logging in again rotates the session: a new id, and the browser’s previous one is revoked', async () => {
    const { client, sessionId } = await loggedIn('boss@kangtai.demo');
    const [[name, oldToken]] = [...client.cookies];
    // the same browser logs in again (as the same person, or someone else on a shared machine)
    await client.login('boss@kangtai.demo');
    const newToken = client.cookies.get(name)!;
    expect(newToken).not.toBe(oldToken);
    expect((await client.request(ME)).errors).toEqual([]);
    const [old] = await t.app.ds.query(`SELECT revoked_at FROM session WHERE id = $1`, [sessionId]);
    expect(old.revoked_at).not.toBeNull();
    const replay = new GqlClient(client.endpoint, Audience.PORTAL);
    replay.cookies.set(name, oldToken);
    expect(reasonOf(await replay.request(ME))).toBe(ErrorReason.SESSION_EXPIRED);
  });

  test('logout revokes the session server-side and clears the cookie', async () => {
    const { client, userId } = await loggedIn('boss@kangtai.demo');
    const cookie = [...client.cookies][0];
    const out = await client.request(`mutation { logout }`);
    expect(out.data).toEqual({ logout: true });
    expect(client.cookies.size).toBe(0);
    // the old token replayed is dead, not merely forgotten by the browser
    client.cookies.set(cookie[0], cookie[1]);
    expect(reasonOf(await client.request(ME))).toBe(ErrorReason.SESSION_EXPIRED);
    const [audit] = await t.app.ds.query(
      `SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [userId],
    );
    expect(audit.action).toBe('LOGOUT');
  });

  test('the console and the portal keep separate cookies', async () => {
    const { client } = await loggedIn('boss@ruilian.demo');
    const asConsole = new GqlClient(client.endpoint, Audience.CONSOLE);
    for (const [k, v] of client.cookies) asConsole.cookies.set(k, v);
    expect(reasonOf(await asConsole.request(ME))).toBe(ErrorReason.NOT_LOGGED_IN);
  });

  test('a disabled account loses its open sessions and cannot log in', async () => {
    const { client, userId } = await loggedIn('wang.rep@kangda.demo');
    await t.app.ds.query(`UPDATE app_user SET disabled_at = now() WHERE id = $1`, [userId]);
    try {
      expect(reasonOf(await client.request(ME))).toBe(ErrorReason.ACCOUNT_DISABLED);
      const again = await t.client(Audience.PORTAL).request(LOGIN, { e: 'wang.rep@kangda.demo', p: 'MedChannel#2026' });
      expect(reasonOf(again)).toBe(ErrorReason.ACCOUNT_DISABLED);
    } finally {
      await t.app.ds.query(`UPDATE app_user SET disabled_at = NULL WHERE id = $1`, [userId]);
    }
  });
});
