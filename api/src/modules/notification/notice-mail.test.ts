import { randomUUID } from 'node:crypto';
import { Audience, NotificationKind } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { SmtpReceiver } from '../../../test/smtp-receiver';

/**
 * Notices by e-mail: a person chooses e-mail per kind (off unless chosen), at once or in the daily
 * digest of what is still unread; the message goes through the mail outbox (dedupe key, retries)
 * to an SMTP server in this process, once per notice however often it is written or retried, and
 * never to someone who may not read the record.
 */
let t: TestApp;
let brand: BrandFixture;
let owner: GqlClient;
let rep: GqlClient;
let ownerId: string;
let ownerEmail: string;
let repId: string;
let repEmail: string;
const smtp = new SmtpReceiver();

/** The apps' base URLs the mails link into (the console's given with a trailing slash). */
const CONSOLE = 'https://console.medchannel.test';
const PORTAL = 'https://m.medchannel.test';

/** A fixed day for the daily job (China noon), far from the seed's dates. */
const DAY = new Date('2031-05-10T04:00:00Z');
const OPTS = { retryBaseMs: 0, leaseMs: 60_000, timeoutMs: 2_000, batch: 50 };

const SET = `mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind channel delivery } }`;

/** A partner of the test's brand, signed in to the portal. */
async function signedIn(email: string): Promise<{ id: string; client: GqlClient }> {
  const client = t.client(Audience.PORTAL);
  await client.login(email);
  const [u] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [email]);
  return { id: u.id, client };
}

beforeAll(async () => {
  t = await startTestApp({ smtpUrl: await smtp.start(), consoleUrl: `${CONSOLE}/`, portalUrl: PORTAL });
  brand = await createBrand(t.app.ds, 1);
  const [r] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
    brand.distributorIds[0],
  ]);
  ownerEmail = brand.ownerEmail;
  repEmail = r.email;
  ({ id: ownerId, client: owner } = await signedIn(ownerEmail));
  ({ id: repId, client: rep } = await signedIn(repEmail));
});
afterAll(async () => {
  await t?.stop();
  await smtp.stop();
});

const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const mailRows = (userId: string) =>
  t.app.ds.query(
    `SELECT kind, subject, attempts, delivered_at, last_error FROM mail_message WHERE user_id = $1 ORDER BY seq`,
    [userId],
  );
/** Rounds of the mail outbox until nothing of this brand is pending (each round takes every due message). */
async function deliverAll() {
  for (let i = 0; i < 10; i++) {
    await t.app.services.mail.deliverDue(OPTS);
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM mail_message WHERE brand_id = $1 AND delivered_at IS NULL`,
      [brand.brandId],
    );
    if (!n) return;
  }
}

async function statement(period: string): Promise<string> {
  const [s] = await t.app.ds.query(
    `INSERT INTO statement (brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits)
     VALUES ($1, $2, $3, 1, 'ISSUED', 'CNY', 0, 0, 0, 0) RETURNING id`,
    [brand.brandId, brand.distributorIds[0], period],
  );
  return s.id;
}
/** The statement's notice, as the finance module writes it, to the owner and the rep (who may not read it). */
function tellStatement(id: string, period: string) {
  const draft = {
    kind: NotificationKind.STATEMENT_ISSUED,
    entity: 'statement',
    entityId: id,
    params: { period, version: '1' },
  };
  return t.app.ds.transaction((em) =>
    t.app.services.notifications.notify(em, { ...draft, brandId: brand.brandId, userIds: [ownerId, repId] }),
  );
}

test('e-mail is off unless chosen; the inbox takes no digest and e-mail is a channel every kind offers', async () => {
  const prefs = await owner.request(`{ notificationPreferences { kind channel delivery } }`);
  expect(prefs.errors).toEqual([]);
  expect(prefs.data.notificationPreferences).toContainEqual({
    kind: 'STATEMENT_ISSUED',
    channel: 'EMAIL',
    delivery: 'OFF',
  });
  const id = await statement('2031-01');
  await tellStatement(id, '2031-01');
  await deliverAll();
  expect(await mailRows(ownerId)).toEqual([]);
});

test('chosen at once: a statement issued is mailed to the owner once, retried when the server fails; a rep who may not read it gets nothing', async () => {
  for (const client of [owner, rep]) {
    const set = await client.request(SET, { c: [{ kind: 'STATEMENT_ISSUED', channel: 'EMAIL', delivery: 'INSTANT' }] });
    expect(set.errors).toEqual([]);
    expect(set.data.setNotificationPreferences).toContainEqual({
      kind: 'STATEMENT_ISSUED',
      channel: 'EMAIL',
      delivery: 'INSTANT',
    });
  }
  const id = await statement('2031-02');
  smtp.failNext = 1;
  const before = to(ownerEmail).length;
  const notices = await tellStatement(id, '2031-02');
  // the rep without finance access may not read it: the owner only
  expect(notices.map((n) => n.recipient.id)).toEqual([ownerId]);
  // written with the notice, sent after
  expect((await mailRows(ownerId)).filter((m: { delivered_at: unknown }) => !m.delivered_at)).toHaveLength(1);
  await deliverAll();
  const rows = (await mailRows(ownerId)).filter((m: { kind: string }) => m.kind === 'NOTICE');
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ attempts: 2, last_error: null });
  const got = to(ownerEmail).slice(before);
  expect(got).toHaveLength(1);
  expect(got[0].subject).toContain('2031-02');
  // the link opens the statement in the portal
  expect(got[0].text).toContain(`${PORTAL}/statements/${id}\n`);
  // the rep without finance access: no notice, no mail
  expect(await mailRows(repId)).toEqual([]);
  expect(to(repEmail)).toEqual([]);
});

test('a notice a job writes twice is mailed once', async () => {
  const set = await owner.request(SET, {
    c: [{ kind: 'QUALIFICATION_EXPIRING', channel: 'EMAIL', delivery: 'INSTANT' }],
  });
  expect(set.errors).toEqual([]);
  await t.app.ds.query(
    `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to)
     VALUES ($1, $2, 'BUSINESS_LICENSE', $3, '2020-01-01', '2031-05-15')`,
    [brand.brandId, brand.distributorIds[0], `LIC-${randomUUID().slice(0, 6)}`],
  );
  await t.app.services.noticeJobs.runDaily(DAY);
  await t.app.services.noticeJobs.runDaily(DAY);
  await deliverAll();
  const got = to(ownerEmail).filter((m) => m.subject.includes('2031-05-15'));
  expect(got).toHaveLength(1);
});

test('the daily digest by e-mail lists what is still unread, once', async () => {
  const set = await owner.request(SET, {
    c: [{ kind: 'AUTHORIZATION_EXPIRING', channel: 'EMAIL', delivery: 'DIGEST' }],
  });
  expect(set.errors).toEqual([]);
  const grant = async (validTo: string) => {
    const [g] = await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, valid_from, valid_to, product_ids, region_ids)
       VALUES ($1, $2, 'FORMAL', '2030-01-01', $4, ARRAY[$3::uuid], ARRAY[(SELECT region_id FROM distributor WHERE id = $2)]) RETURNING id`,
      [brand.brandId, brand.distributorIds[0], randomUUID(), validTo],
    );
    return g.id as string;
  };
  const readOne = await grant('2031-05-20');
  const unreadOne = await grant('2031-05-21');
  await t.app.services.noticeJobs.runDaily(DAY);
  // nothing at once
  await deliverAll();
  expect(to(ownerEmail).filter((m) => m.subject.includes('digest') || m.subject.includes('汇总'))).toEqual([]);
  const MARK = `mutation($e: String!, $id: ID!) { markNotificationsReadAbout(entity: $e, entityId: $id) }`;
  expect((await owner.request(MARK, { e: 'authorization', id: readOne })).data.markNotificationsReadAbout).toBe(1);
  await t.app.ds.query(`UPDATE notification SET created_at = $2 WHERE entity_id = ANY($1::uuid[])`, [
    [readOne, unreadOne],
    DAY,
  ]);
  const nextDay = new Date(DAY.getTime() + 86_400_000);
  await t.app.services.noticeJobs.runDaily(nextDay);
  await t.app.services.noticeJobs.runDaily(nextDay);
  await deliverAll();
  const digests = to(ownerEmail).filter((m) => m.subject.includes('汇总'));
  expect(digests).toHaveLength(1);
  expect(digests[0].subject).toContain('2031-05-10');
  expect(digests[0].text).toContain('2031-05-21');
  expect(digests[0].text).not.toContain('2031-05-20');
  // a grant's line links the company page, where its documents are; the inbox for all of them
  // (the receiver's text keeps the transport's line breaks)
  expect(digests[0].text.replace(/\r\n/g, '\n')).toContain(`2031-05-21 到期（11 天后）\n  ${PORTAL}/company\n`);
  expect(digests[0].text).toContain(`${PORTAL}/notifications`);
});

test('an order notice’s mail links the order in the app of each person: the portal for the owner, the console for the brand’s admin', async () => {
  const desk = t.client(Audience.CONSOLE);
  const [d] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE email = $1`, [brand.adminEmail]);
  await desk.login(d.email);
  for (const client of [owner, desk]) {
    const set = await client.request(SET, { c: [{ kind: 'ORDER_PLACED', channel: 'EMAIL', delivery: 'INSTANT' }] });
    expect(set.errors).toEqual([]);
  }
  const number = `DL${randomUUID().slice(0, 8)}`;
  const [o] = await t.app.ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'STOCK', $4, 'SUBMITTED', 'CNY', '10.00', '0.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [brand.brandId, brand.distributorIds[0], number, ownerId],
  );
  await t.app.ds.transaction((em) =>
    t.app.services.notifications.notify(em, {
      brandId: brand.brandId,
      userIds: [ownerId, d.id],
      kind: NotificationKind.ORDER_PLACED,
      entity: 'order',
      entityId: o.id,
      params: { number },
    }),
  );
  await deliverAll();
  const mine = to(ownerEmail).filter((m) => m.subject.includes(number));
  const theirs = to(d.email).filter((m) => m.subject.includes(number));
  expect(mine).toHaveLength(1);
  expect(theirs).toHaveLength(1);
  expect(mine[0].text).toContain(`在 MedChannel 中查看： ${PORTAL}/orders/${o.id}\n`);
  expect(theirs[0].text).toContain(`在 MedChannel 中查看： ${CONSOLE}/orders/${o.id}\n`);
});

test('bad input: a channel that is not one is refused and nothing changes', async () => {
  const bad = await owner.request(SET, { c: [{ kind: 'STATEMENT_ISSUED', channel: 'FAX', delivery: 'INSTANT' }] });
  expect(codeOf(bad)).toBeTruthy();
  const prefs = await owner.request(`{ notificationPreferences { kind channel delivery } }`);
  expect(prefs.data.notificationPreferences).toContainEqual({
    kind: 'STATEMENT_ISSUED',
    channel: 'EMAIL',
    delivery: 'INSTANT',
  });
});
