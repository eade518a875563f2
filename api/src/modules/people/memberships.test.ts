import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { DEMO_PASSWORD, DISTRIBUTORS, TWO_BRANDS_EMAIL, membershipsOf, userByEmail } from '../../db/seed/demo-data';

/**
 * One person, several brands: signing in opens one membership (the last used on this app), the
 * switcher moves the session to another of the person's own, the password is the person's (every
 * membership's), an invitation into another brand never sets a password over theirs, and
 * disabling one membership ends only its sessions.
 */
const STRONG = 'Harbour-Lantern-42';
const [forA, forB] = membershipsOf(TWO_BRANDS_EMAIL);
let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const ME = `{ me { id brand { name } } }`;
const SWITCH = `mutation($id: ID!) { switchMembership(userId: $id) { id brand { name } } }`;
const MEMBERSHIPS = `{ myMemberships { id current } }`;

async function portal(email = TWO_BRANDS_EMAIL, password = DEMO_PASSWORD): Promise<GqlClient> {
  const c = t.client(Audience.PORTAL);
  await c.login(email, password);
  return c;
}
const meId = async (c: GqlClient) => (await c.request(ME)).data?.me?.id as string | undefined;
const liveSessions = async (userId: string) =>
  (
    await t.app.ds.query(`SELECT count(*)::int AS n FROM session WHERE user_id = $1 AND revoked_at IS NULL`, [userId])
  )[0].n as number;

describe('signing in and switching', () => {
  test('the session opens the last used membership; switching ends it and opens the other', async () => {
    const c = await portal();
    const first = await meId(c);
    expect([forA.id, forB.id]).toContain(first);
    const other = first === forA.id ? forB : forA;
    const before = new Map(c.cookies);

    const switched = await c.request(SWITCH, { id: other.id });
    expect(switched.errors).toEqual([]);
    expect(await meId(c)).toBe(other.id);
    // the old session is over: its cookie answers nothing
    const stale = t.client(Audience.PORTAL);
    for (const [k, v] of before) stale.cookies.set(k, v);
    expect(codeOf(await stale.request(ME))).toBe(ErrorCode.UNAUTHENTICATED);
    // the next sign-in opens the membership used last
    expect(await meId(await portal())).toBe(other.id);
    const listed = await c.request(MEMBERSHIPS);
    expect(listed.data.myMemberships.find((m: { current: boolean }) => m.current).id).toBe(other.id);
  });

  test('a membership that is not the person’s answers NOT_FOUND and changes nothing', async () => {
    const c = await portal();
    const mine = await meId(c);
    for (const id of [userByEmail('boss@kangda.demo').id, userByEmail('boss@ruida.demo').id, randomUUID(), 'nope']) {
      const r = await c.request(SWITCH, { id });
      expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
      expect(r.text).not.toContain('钱永强');
    }
    expect(await meId(c)).toBe(mine);
  });

  test('one membership per person for everyone else: the switcher lists just their own', async () => {
    const c = await portal('boss@kangda.demo');
    const r = await c.request(MEMBERSHIPS);
    expect(r.data.myMemberships).toEqual([{ id: userByEmail('boss@kangda.demo').id, current: true }]);
  });
});

describe('the password is the person’s', () => {
  test('changed acting for one brand, it opens both and ends the other brand’s sessions', async () => {
    const a = await portal();
    await a.request(SWITCH, { id: forA.id });
    const b = await portal();
    await b.request(SWITCH, { id: forB.id });
    const r = await b.request(
      `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`,
      { c: DEMO_PASSWORD, n: STRONG },
    );
    expect(r.errors).toEqual([]);
    expect(codeOf(await a.request(ME))).toBe(ErrorCode.UNAUTHENTICATED);
    expect(await meId(b)).toBe(forB.id);
    const again = await portal(TWO_BRANDS_EMAIL, STRONG);
    expect(await meId(again)).toBe(forB.id);
    expect((await again.request(SWITCH, { id: forA.id })).errors).toEqual([]);
    // back to the seed's password for the tests after this one
    await again.request(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, {
      c: STRONG,
      n: DEMO_PASSWORD,
    });
  });

  test('a reset link sets it for every membership', async () => {
    const anon = t.client(Audience.PORTAL);
    expect(
      (await anon.request(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: TWO_BRANDS_EMAIL })).errors,
    ).toEqual([]);
    const [mail] = await t.app.ds.query(
      `SELECT body FROM mail_message WHERE to_address = $1 AND kind = 'PASSWORD_RESET' ORDER BY seq DESC LIMIT 1`,
      [TWO_BRANDS_EMAIL],
    );
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.body)![1];
    const set = await anon.request(
      `mutation($t: String!, $p: String!) { setPasswordWithLink(token: $t, password: $p) }`,
      { t: token, p: STRONG },
    );
    expect(set.errors).toEqual([]);
    const c = await portal(TWO_BRANDS_EMAIL, STRONG);
    for (const m of [forA, forB]) {
      expect((await c.request(SWITCH, { id: m.id })).errors).toEqual([]);
      expect(await meId(c)).toBe(m.id);
    }
    await c.request(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, {
      c: STRONG,
      n: DEMO_PASSWORD,
    });
  });
});

describe('an invitation into another brand', () => {
  const INVITE_OWNER = `mutation($i: InviteOwnerInput!) { inviteDistributorOwner(input: $i) { id email status } }`;
  // 郑凯 owns 苏州恒康 for 华康; 瑞光 makes him an owner of 瑞达 too (温州瑞华 is exiting: no one is invited into it)
  const email = 'boss@hengkang.demo';
  const ruida = DISTRIBUTORS.find((d) => d.code === 'RG-RD')!;

  test('makes a membership of the same person, signed in with the password they have', async () => {
    const admin = await t.as('admin@ruiguang.demo');
    const input = {
      distributorId: ruida.id,
      email: 'Boss@HengKang.demo',
      displayName: '郑凯',
      requestKey: randomUUID(),
    };
    const r = await admin.request(INVITE_OWNER, { i: input });
    expect(r.errors).toEqual([]);
    expect(r.data.inviteDistributorOwner).toMatchObject({ email, status: 'INVITED' });
    const id = r.data.inviteDistributorOwner.id;
    // a retry answers the same membership
    expect((await admin.request(INVITE_OWNER, { i: input })).data.inviteDistributorOwner.id).toBe(id);
    // the same address again in the same brand is taken
    const again = await admin.request(INVITE_OWNER, { i: { ...input, requestKey: randomUUID() } });
    expect(reasonOf(again)).toBe(ErrorReason.EMAIL_IN_USE);

    // the e-mail says to sign in with the password they have: no link to set another
    const [mail] = await t.app.ds.query(
      `SELECT body FROM mail_message WHERE to_address = $1 AND kind = 'INVITATION' ORDER BY seq DESC LIMIT 1`,
      [email],
    );
    expect(mail.body).toContain('瑞光');
    expect(mail.body).not.toMatch(/token=/);
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM access_link WHERE user_id = $1 AND used_at IS NULL`,
      [id],
    );
    expect(n).toBe(0);

    // the old password opens both; choosing the new membership accepts the invitation
    const c = await portal(email);
    const listed = await c.request(`{ myMemberships { id brandName distributorName } }`);
    expect(listed.data.myMemberships).toHaveLength(2);
    expect(listed.data.myMemberships.find((m: { id: string }) => m.id === id).distributorName).toBe(ruida.name);
    expect((await c.request(SWITCH, { id })).errors).toEqual([]);
    const users = await admin.request(
      `query($s: String) { users(first: 5, filter: { search: $s }) { nodes { id status } } }`,
      {
        s: email,
      },
    );
    expect(users.data.users.nodes).toEqual([{ id, status: 'ACTIVE' }]);
    const [{ accepted }] = await t.app.ds.query(
      `SELECT count(*)::int AS accepted FROM audit_log WHERE entity_id = $1 AND action = 'ACCEPT_INVITATION'`,
      [id],
    );
    expect(accepted).toBe(1);
  });

  test('disabling one membership ends only its sessions, and signing in opens the other', async () => {
    const rgAdmin = await t.as('admin@ruiguang.demo');
    const c = await portal(TWO_BRANDS_EMAIL);
    await c.request(SWITCH, { id: forA.id });
    const onB = await portal(TWO_BRANDS_EMAIL);
    await onB.request(SWITCH, { id: forB.id });
    const r = await rgAdmin.request(
      `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id status } }`,
      {
        id: forB.id,
      },
    );
    expect(r.errors).toEqual([]);
    expect(await liveSessions(forB.id)).toBe(0);
    expect(await meId(c)).toBe(forA.id);
    expect(await meId(await portal())).toBe(forA.id);
    expect(codeOf(await c.request(SWITCH, { id: forB.id }))).toBe(ErrorCode.NOT_FOUND);
    expect((await c.request(MEMBERSHIPS)).data.myMemberships).toEqual([{ id: forA.id, current: true }]);
    await rgAdmin.request(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: false) { id } }`, {
      id: forB.id,
    });
  });
});
