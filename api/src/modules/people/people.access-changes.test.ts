import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import {
  STRONG,
  t,
  admin,
  owner,
  lastMail,
  mailCount,
  tokenIn,
  distributorId,
  INVITE_REP,
  SET_PASSWORD,
  startPeopleApp,
} from './people.test-kit';

/**
 * Access after the invitation, through real GraphQL: forgot password (the same answer whether the
 * address is known; throttled), changing one's password, one's own sessions, handing over what a
 * rep who left holds, and a regional head's team.
 */
startPeopleApp();

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
