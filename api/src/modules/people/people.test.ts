import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';

/**
 * People and access through real GraphQL: invitations (single use, expiring, idempotent by
 * request key), setting a password from the e-mailed link, forgot password (the same answer
 * whether the address is known; throttled), changing one's password, disabling (sessions die at
 * once) and enabling, roles and regions, and one's own sessions. Mail is kept (no SMTP here).
 */
const STRONG = 'Harbour-Lantern-42';
let t: TestApp;
let admin: GqlClient;
let owner: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('admin@huakang.demo');
  owner = await t.as('boss@kangda.demo');
});
afterAll(() => t?.stop());

async function lastMail(to: string): Promise<{ kind: string; subject: string; body: string } | undefined> {
  const rows = await t.app.ds.query(
    `SELECT kind, subject, body FROM mail_message WHERE to_address = $1 ORDER BY seq DESC LIMIT 1`,
    [to],
  );
  return rows[0];
}
const mailCount = async (to: string) =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM mail_message WHERE to_address = $1`, [to]))[0].n as number;
const tokenIn = (body: string) => /[?&]token=([A-Za-z0-9_-]+)/.exec(body)![1];
const regionId = async (code: string) =>
  (
    await t.app.ds.query(
      `SELECT id FROM region WHERE code = $1 AND brand_id = (SELECT brand_id FROM app_user WHERE email = 'admin@huakang.demo')`,
      [code],
    )
  )[0].id as string;
const distributorId = async (code: string) =>
  (await t.app.ds.query(`SELECT id FROM distributor WHERE code = $1`, [code]))[0].id as string;

const INVITE_BRAND = `mutation($input: InviteBrandUserInput!) { inviteBrandUser(input: $input) { id email role status version regions { id } } }`;
const INVITE_REP = `mutation($input: InviteRepInput!) { inviteRep(input: $input) { id email role status } }`;
const SET_PASSWORD = `mutation($token: String!, $password: String!) { setPasswordWithLink(token: $token, password: $password) }`;

async function setPasswordFromMail(email: string, audience: Audience, password = STRONG): Promise<GqlClient> {
  const anon = t.client(audience);
  const r = await anon.request(SET_PASSWORD, { token: tokenIn((await lastMail(email))!.body), password });
  expect(r.errors).toEqual([]);
  const c = t.client(audience);
  await c.login(email, password);
  return c;
}

describe('an admin invites a brand colleague', () => {
  test('who sets a password from the e-mailed link, once, and signs in', async () => {
    const input = {
      email: 'New.CM@huakang.demo',
      displayName: '新经理',
      role: 'CHANNEL_MANAGER',
      regionIds: [await regionId('ZJ-HZ')],
      requestKey: randomUUID(),
    };
    const r = await admin.request(INVITE_BRAND, { input });
    expect(r.errors).toEqual([]);
    expect(r.data.inviteBrandUser).toMatchObject({ email: 'new.cm@huakang.demo', status: 'INVITED' });
    // the same request again answers the same person, and sends nothing more
    const again = await admin.request(INVITE_BRAND, { input });
    expect(again.data.inviteBrandUser.id).toBe(r.data.inviteBrandUser.id);
    expect(await mailCount('new.cm@huakang.demo')).toBe(1);
    // the key with other contents is refused
    const reused = await admin.request(INVITE_BRAND, { input: { ...input, displayName: '别人' } });
    expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
    // no password yet: signing in fails like a wrong password
    const early = await t
      .client(Audience.CONSOLE)
      .request(`mutation { login(email: "new.cm@huakang.demo", password: "anything") { id } }`);
    expect(reasonOf(early)).toBe(ErrorReason.INVALID_CREDENTIALS);

    const mail = (await lastMail('new.cm@huakang.demo'))!;
    expect(mail.kind).toBe('INVITATION');
    expect(mail.body).toContain('http://localhost:5173/set-password?token=');
    const token = tokenIn(mail.body);
    // the token is kept hashed only
    const stored = await t.app.ds.query(`SELECT count(*)::int AS n FROM access_link WHERE token_hash = $1`, [token]);
    expect(stored[0].n).toBe(0);

    const anon = t.client(Audience.CONSOLE);
    const weak = await anon.request(SET_PASSWORD, { token, password: 'password123' });
    expect(reasonOf(weak)).toBe(ErrorReason.WEAK_PASSWORD);
    expect(weak.errors[0].extensions).toMatchObject({ field: 'password' });
    expect((weak.errors[0].extensions as { problems: string[] }).problems).toContain('TOO_COMMON');
    const ok = await anon.request(SET_PASSWORD, { token, password: STRONG });
    expect(ok.errors).toEqual([]);
    const spent = await anon.request(SET_PASSWORD, { token, password: STRONG });
    expect(reasonOf(spent)).toBe(ErrorReason.LINK_INVALID);

    const cm = t.client(Audience.CONSOLE);
    await cm.login('new.cm@huakang.demo', STRONG);
    const me = await cm.request(`{ me { role status lastSignInAt regions { code } } }`);
    expect(me.data.me).toMatchObject({ role: 'CHANNEL_MANAGER', status: 'ACTIVE', regions: [{ code: 'ZJ-HZ' }] });
    expect(me.data.me.lastSignInAt).not.toBeNull();
    expect((await lastMail('new.cm@huakang.demo'))!.kind).toBe('PASSWORD_CHANGED');
    const audits = await t.app.ds.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY created_at`, [
      r.data.inviteBrandUser.id,
    ]);
    expect(audits.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['INVITE_USER', 'ACCEPT_INVITATION']),
    );
  });

  test('an address that signs in already is refused, and nothing is written', async () => {
    const before = await mailCount('zhang.cm@huakang.demo');
    const r = await admin.request(INVITE_BRAND, {
      input: {
        email: 'zhang.cm@huakang.demo',
        displayName: 'x',
        role: 'ENGINEER',
        regionIds: [],
        requestKey: randomUUID(),
      },
    });
    expect(reasonOf(r)).toBe(ErrorReason.EMAIL_IN_USE);
    expect(await mailCount('zhang.cm@huakang.demo')).toBe(before);
  });

  test('a partner role or a foreign region is refused', async () => {
    const base = { email: 'x1@huakang.demo', displayName: 'x', regionIds: [], requestKey: randomUUID() };
    expect(codeOf(await admin.request(INVITE_BRAND, { input: { ...base, role: 'OWNER' } }))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    const foreign = (
      await t.app.ds.query(`SELECT r.id FROM region r JOIN brand b ON b.id = r.brand_id WHERE b.code = 'RG' LIMIT 1`)
    )[0].id;
    expect(
      codeOf(await admin.request(INVITE_BRAND, { input: { ...base, role: 'ENGINEER', regionIds: [foreign] } })),
    ).toBe(ErrorCode.NOT_FOUND);
    expect(await mailCount('x1@huakang.demo')).toBe(0);
  });

  test('changes role and regions, with the version it saw', async () => {
    const r = await admin.request(INVITE_BRAND, {
      input: {
        email: 'eng2@huakang.demo',
        displayName: '工程师二',
        role: 'ENGINEER',
        regionIds: [],
        requestKey: randomUUID(),
      },
    });
    const { id, version } = r.data.inviteBrandUser;
    const UPDATE = `mutation($input: UpdateBrandUserInput!) { updateBrandUser(input: $input) { role version regions { code } } }`;
    const u = await admin.request(UPDATE, {
      input: { userId: id, role: 'TRAINER', regionIds: [await regionId('GD')], expectedVersion: version },
    });
    expect(u.data.updateBrandUser).toMatchObject({ role: 'TRAINER', regions: [{ code: 'GD' }] });
    // the colleague is told by e-mail, with what they are now; the change is audited as before
    const told = (await lastMail('eng2@huakang.demo'))!;
    expect(told.kind).toBe('ACCESS_CHANGED');
    expect(told.body).toContain('培训师');
    expect(told.body).toContain('trainer');
    const [audited] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'UPDATE_USER' AND entity_id = $1`,
      [id],
    );
    expect(audited.n).toBe(1);
    const mailsBefore = await mailCount('eng2@huakang.demo');
    const stale = await admin.request(UPDATE, {
      input: { userId: id, role: 'ENGINEER', regionIds: [], expectedVersion: version },
    });
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
    // a refused change tells nobody; saving what is already there is no change and no mail
    expect(await mailCount('eng2@huakang.demo')).toBe(mailsBefore);
    const same = await admin.request(UPDATE, {
      input: {
        userId: id,
        role: 'TRAINER',
        regionIds: [await regionId('GD')],
        expectedVersion: u.data.updateBrandUser.version,
      },
    });
    expect(same.errors).toEqual([]);
    expect(await mailCount('eng2@huakang.demo')).toBe(mailsBefore);
  });
});

describe('onboarding a distributor', () => {
  const INVITE_OWNER = `mutation($input: InviteOwnerInput!) { inviteDistributorOwner(input: $input) { id role status distributor { code } } }`;

  test('its channel manager invites the owner once it is temporarily authorized', async () => {
    const cm = await t.as('zhang.cm@huakang.demo');
    const d = await distributorId('HK-NBRK');
    await t.app.ds.query(`UPDATE distributor SET stage = 'NEGOTIATING' WHERE id = $1`, [d]);
    const input = { distributorId: d, email: 'boss2@nbruikang.demo', displayName: '新老板', requestKey: randomUUID() };
    expect(reasonOf(await cm.request(INVITE_OWNER, { input }))).toBe(ErrorReason.NOT_YET_AUTHORIZED);
    await t.app.ds.query(`UPDATE distributor SET stage = 'TEMP_AUTHORIZED' WHERE id = $1`, [d]);
    const r = await cm.request(INVITE_OWNER, { input });
    expect(r.errors).toEqual([]);
    expect(r.data.inviteDistributorOwner).toMatchObject({
      role: 'OWNER',
      status: 'INVITED',
      distributor: { code: 'HK-NBRK' },
    });
    expect((await lastMail('boss2@nbruikang.demo'))!.body).toContain('http://localhost:5174/set-password?token=');
    // a distributor outside his scope answers like a missing one
    const other = await distributorId('HK-YK');
    const foreign = await cm.request(INVITE_OWNER, {
      input: { ...input, distributorId: other, email: 'boss3@x.demo', requestKey: randomUUID() },
    });
    expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('an owner and his reps', () => {
  test('invites a rep, disables him (his session dies at once) and enables him again', async () => {
    const r = await owner.request(INVITE_REP, {
      input: { email: 'new.rep@kangda.demo', displayName: '新代表', financeAccess: false, requestKey: randomUUID() },
    });
    expect(r.errors).toEqual([]);
    const repId = r.data.inviteRep.id;
    const rep = await setPasswordFromMail('new.rep@kangda.demo', Audience.PORTAL);
    expect((await rep.request(`{ me { role distributor { code } } }`)).data.me).toMatchObject({
      role: 'REP',
      distributor: { code: 'HK-KD' },
    });

    const DISABLE = `mutation($id: ID!, $d: Boolean!) { setUserDisabled(userId: $id, disabled: $d) { id status } }`;
    const d = await owner.request(DISABLE, { id: repId, d: true });
    expect(d.data.setUserDisabled.status).toBe('DISABLED');
    const dead = await rep.request(`{ me { id } }`);
    expect(codeOf(dead)).toBe(ErrorCode.UNAUTHENTICATED);
    const again = await t
      .client(Audience.PORTAL)
      .request(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }`, {
        e: 'new.rep@kangda.demo',
        p: STRONG,
      });
    expect(reasonOf(again)).toBe(ErrorReason.ACCOUNT_DISABLED);
    expect((await lastMail('new.rep@kangda.demo'))!.kind).toBe('ACCOUNT_DISABLED');

    expect((await owner.request(DISABLE, { id: repId, d: false })).data.setUserDisabled.status).toBe('ACTIVE');
    await t.client(Audience.PORTAL).login('new.rep@kangda.demo', STRONG);

    // the finance switch: the rep is told by e-mail each time it changes, once
    const FINANCE = `mutation($u: ID!, $a: Boolean!) { setFinanceAccess(userId: $u, allowed: $a) { financeAccess } }`;
    const before = await mailCount('new.rep@kangda.demo');
    expect((await owner.request(FINANCE, { u: repId, a: true })).data.setFinanceAccess.financeAccess).toBe(true);
    const granted = (await lastMail('new.rep@kangda.demo'))!;
    expect(granted.kind).toBe('ACCESS_CHANGED');
    expect(granted.body).toContain('已允许您查看公司的账务');
    await owner.request(FINANCE, { u: repId, a: true });
    expect(await mailCount('new.rep@kangda.demo')).toBe(before + 1);
    await owner.request(FINANCE, { u: repId, a: false });
    expect((await lastMail('new.rep@kangda.demo'))!.body).toContain('已停止您查看公司的账务');
    expect(await mailCount('new.rep@kangda.demo')).toBe(before + 2);
  });

  test('cannot touch another company’s rep nor the brand’s people', async () => {
    const DISABLE = `mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`;
    const id = async (email: string) =>
      (await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id;
    expect(codeOf(await owner.request(DISABLE, { id: await id('xu.rep@huaning.demo') }))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(await owner.request(DISABLE, { id: await id('zhang.cm@huakang.demo') }))).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(codeOf(await owner.request(DISABLE, { id: await id('boss@kangda.demo') }))).toBe(ErrorCode.BAD_USER_INPUT);
  });
});

describe('passwords', () => {
  const RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;

  test('forgot password: the same answer for an unknown address; a known one gets a link that ends every session', async () => {
    const anon = t.client(Audience.PORTAL);
    const unknown = await anon.request(RESET, { e: 'nobody@nowhere.demo' });
    expect(unknown.data.requestPasswordReset).toBe(true);
    expect(await mailCount('nobody@nowhere.demo')).toBe(0);
    // a console account asked for on the portal: the same answer, no mail
    const before = await mailCount('trainer@huakang.demo');
    expect((await anon.request(RESET, { e: 'trainer@huakang.demo' })).data.requestPasswordReset).toBe(true);
    expect(await mailCount('trainer@huakang.demo')).toBe(before);

    const rep = await t.as('wang.rep@kangda.demo');
    expect((await anon.request(RESET, { e: 'WANG.rep@kangda.demo' })).data.requestPasswordReset).toBe(true);
    const mail = (await lastMail('wang.rep@kangda.demo'))!;
    expect(mail.kind).toBe('PASSWORD_RESET');
    const r = await anon.request(SET_PASSWORD, { token: tokenIn(mail.body), password: 'Quiet-Meadow-7781' });
    expect(r.errors).toEqual([]);
    expect(codeOf(await rep.request(`{ me { id } }`))).toBe(ErrorCode.UNAUTHENTICATED);
    await t.client(Audience.PORTAL).login('wang.rep@kangda.demo', 'Quiet-Meadow-7781');
  });

  test('forgot password is throttled per address', async () => {
    const anon = t.client(Audience.CONSOLE);
    let last = null;
    for (let i = 0; i < 25; i++) last = await anon.request(RESET, { e: `someone${i}@nowhere.demo` });
    expect(codeOf(last!)).toBe(ErrorCode.RATE_LIMITED);
  });

  test('change password: the current one is required; other sessions end, this one stays', async () => {
    const a = await t.as('finance@huakang.demo');
    const b = await t.as('finance@huakang.demo');
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    expect(reasonOf(await a.request(CHANGE, { c: 'wrong', n: STRONG }))).toBe(ErrorReason.WRONG_PASSWORD);
    expect(reasonOf(await a.request(CHANGE, { c: 'MedChannel#2026', n: 'short' }))).toBe(ErrorReason.WEAK_PASSWORD);
    const ok = await a.request(CHANGE, { c: 'MedChannel#2026', n: STRONG });
    expect(ok.errors).toEqual([]);
    expect((await a.request(`{ me { id } }`)).errors).toEqual([]);
    expect(codeOf(await b.request(`{ me { id } }`))).toBe(ErrorCode.UNAUTHENTICATED);
    expect((await lastMail('finance@huakang.demo'))!.kind).toBe('PASSWORD_CHANGED');
  });
});

describe('my sessions', () => {
  test('lists them with the device, revokes one, then every other', async () => {
    const phone = t.client(Audience.CONSOLE);
    phone.headers['user-agent'] =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0';
    await phone.login('trainer@huakang.demo');
    const desk = await t.as('trainer@huakang.demo');
    const third = await t.as('trainer@huakang.demo');
    const list = await desk.request(`{ mySessions { id device current audience } }`);
    const sessions = list.data.mySessions as Array<{ id: string; device: string; current: boolean }>;
    expect(sessions.filter((s) => s.current)).toHaveLength(1);
    const phoneSession = sessions.find((s) => s.device === 'WeChat · iOS')!;
    expect(phoneSession).toBeDefined();
    const one = await desk.request(`mutation($id: ID!) { revokeSessions(sessionId: $id) }`, { id: phoneSession.id });
    expect(one.data.revokeSessions).toBe(1);
    expect(codeOf(await phone.request(`{ me { id } }`))).toBe(ErrorCode.UNAUTHENTICATED);
    // someone else's session answers like a missing one
    const others = await admin.request(`mutation($id: ID!) { revokeSessions(sessionId: $id) }`, {
      id: sessions.find((s) => s.current)!.id,
    });
    expect(codeOf(others)).toBe(ErrorCode.NOT_FOUND);
    const rest = await desk.request(`mutation { revokeSessions }`);
    expect(rest.data.revokeSessions).toBeGreaterThanOrEqual(1);
    expect(codeOf(await third.request(`{ me { id } }`))).toBe(ErrorCode.UNAUTHENTICATED);
    expect((await desk.request(`{ me { id } }`)).errors).toEqual([]);
  });
});

describe('handing over what a rep who left still holds', () => {
  test('the owner lists his open co-visits and hands them to another rep; orders and notes stay', async () => {
    const id = async (email: string) =>
      (await t.app.ds.query(`SELECT id, brand_id FROM app_user WHERE email = $1`, [email]))[0];
    const r = await owner.request(INVITE_REP, {
      input: {
        email: 'leaving.rep@kangda.demo',
        displayName: '要走的',
        financeAccess: false,
        requestKey: randomUUID(),
      },
    });
    const leaving = r.data.inviteRep.id as string;
    const cm = await id('zhang.cm@huakang.demo');
    const li = await id('li.rep@kangda.demo');
    const [hospital] = await t.app.ds.query(`SELECT id FROM hospital WHERE brand_id = $1 LIMIT 1`, [cm.brand_id]);
    const visits: string[] = [];
    for (const [i, status] of ['CONFIRMED', 'PROPOSED', 'DONE'].entries()) {
      const [v] = await t.app.ds.query(
        `INSERT INTO co_visit (brand_id, distributor_id, hospital_id, goal, status, starts_at, proposed_by, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6), $7, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
        [cm.brand_id, await distributorId('HK-KD'), hospital.id, `交接 ${i}`, status, i + 1, cm.id],
      );
      await t.app.ds.query(
        `INSERT INTO co_visit_participant (brand_id, co_visit_id, user_id, side) VALUES ($1, $2, $3, 'BRAND'), ($1, $2, $4, 'PARTNER')`,
        [cm.brand_id, v.id, cm.id, leaving],
      );
      visits.push(v.id);
    }
    const HOLDINGS = `query($id: ID!) { userHoldings(userId: $id, first: 20) { totalCount nodes { id status goal } } }`;
    const held = await owner.request(HOLDINGS, { id: leaving });
    expect(held.data.userHoldings.nodes.map((v: { id: string }) => v.id)).toEqual(visits.slice(0, 2));

    const HAND = `mutation($from: ID!, $to: ID!, $ids: [ID!]) { handOverCoVisits(fromUserId: $from, toUserId: $to, coVisitIds: $ids) }`;
    // not to the brand's people, not to himself, not a co-visit he does not hold
    expect(codeOf(await owner.request(HAND, { from: leaving, to: cm.id }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await owner.request(HAND, { from: leaving, to: leaving }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await owner.request(HAND, { from: leaving, to: li.id, ids: [visits[2]] }))).toBe(ErrorCode.NOT_FOUND);

    const one = await owner.request(HAND, { from: leaving, to: li.id, ids: [visits[0]] });
    expect(one.data.handOverCoVisits).toBe(1);
    expect((await owner.request(HOLDINGS, { id: leaving })).data.userHoldings.totalCount).toBe(1);
    const rest = await owner.request(HAND, { from: leaving, to: li.id });
    expect(rest.data.handOverCoVisits).toBe(1);
    expect((await owner.request(HOLDINGS, { id: leaving })).data.userHoldings.totalCount).toBe(0);
    const onVisits = await t.app.ds.query(
      `SELECT co_visit_id FROM co_visit_participant WHERE user_id = $1 AND co_visit_id = ANY($2) ORDER BY co_visit_id`,
      [li.id, visits],
    );
    expect(onVisits.map((p: { co_visit_id: string }) => p.co_visit_id).sort()).toEqual(visits.slice(0, 2).sort());
    // the finished visit stays his
    const done = await t.app.ds.query(`SELECT 1 FROM co_visit_participant WHERE user_id = $1 AND co_visit_id = $2`, [
      leaving,
      visits[2],
    ]);
    expect(done).toHaveLength(1);
    // another company's owner sees none of it
    const other = await t.as('boss@huaning.demo');
    expect(codeOf(await other.request(HOLDINGS, { id: leaving }))).toBe(ErrorCode.NOT_FOUND);
    expect(codeOf(await other.request(HAND, { from: leaving, to: li.id }))).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('a regional head', () => {
  test('reads his team: the brand colleagues in his regions, not the admin, not other heads', async () => {
    const rh = await t.as('zhao.rh@huakang.demo');
    const r = await rh.request(
      `{ users(first: 100, filter: { side: BRAND, team: true }) { nodes { email status lastSignInAt } } }`,
    );
    expect(r.errors).toEqual([]);
    const emails = r.data.users.nodes.map((u: { email: string }) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['zhang.cm@huakang.demo', 'order@huakang.demo']));
    expect(emails).not.toContain('admin@huakang.demo');
    expect(emails).not.toContain('zhao.rh@huakang.demo');
    expect(emails).not.toContain('engineer@huakang.demo'); // 广东: not his regions
    // and may not manage them
    const id = (await t.app.ds.query(`SELECT id FROM app_user WHERE email = 'zhang.cm@huakang.demo'`))[0].id;
    const d = await rh.request(`mutation($id: ID!) { setUserDisabled(userId: $id, disabled: true) { id } }`, { id });
    expect(codeOf(d)).toBe(ErrorCode.FORBIDDEN);
  });
});
