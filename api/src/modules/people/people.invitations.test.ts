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
  regionId,
  distributorId,
  INVITE_BRAND,
  INVITE_REP,
  SET_PASSWORD,
  setPasswordFromMail,
  startPeopleApp,
} from './people.test-kit';

/**
 * Invitations through real GraphQL: a brand colleague (single use, expiring, idempotent by request
 * key; set a password from the e-mailed link), roles and regions changed, a distributor's owner, an
 * owner's reps (disabled, their sessions dying at once, and enabled again).
 */
startPeopleApp();

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
