import { createHmac, randomUUID } from 'node:crypto';
import { NotificationKind, WebhookFailure } from '@medchannel/shared-schema';
import { codeOf } from '../../../test/harness';
import {
  admin,
  answers,
  base,
  brand,
  cmId,
  CONSOLE,
  content,
  DAY,
  deliver,
  noticesAbout,
  notify,
  owner,
  ownerId,
  PORTAL,
  qualification,
  received,
  repClient,
  robotEvents,
  SET_ROBOT,
  setUpNoticeWorld,
  t,
  tearDownNoticeWorld,
} from './notice-channels.test-kit';

/**
 * Notices to the groups' robots: a local HTTP receiver stands in for WeCom and DingTalk. A robot is
 * set by its own side; delivery goes through the outbox (retried, at least once, never twice),
 * DingTalk's requests are signed as its documentation gives it, preferences send a kind to the
 * robot in a daily digest (once), and a message links its record. The tests build on each other's
 * robots, in order.
 */
beforeAll(setUpNoticeWorld);
afterAll(tearDownNoticeWorld);

test('a robot is set by its side only: a DingTalk robot of the brand, a WeCom robot of the distributor; the address is checked', async () => {
  const ding = await admin.request(SET_ROBOT, {
    p: 'DINGTALK',
    url: `${base}/robot/send?access_token=brand-token`,
    secret: 'SECbrand-secret',
  });
  expect(ding.errors).toEqual([]);
  expect(ding.data.setGroupRobot).toMatchObject({ provider: 'DINGTALK', enabled: true, hasSecret: true });
  const wecom = await owner.request(SET_ROBOT, { p: 'WECOM', url: `${base}/cgi-bin/webhook/send?key=dist-key` });
  expect(wecom.errors).toEqual([]);
  // each side lists its own, and never the URL or the secret
  const mine = await owner.request(`{ groupRobots { provider hasSecret } }`);
  expect(mine.data.groupRobots).toEqual([{ provider: 'WECOM', hasSecret: false }]);
  const theirs = await admin.request(`{ groupRobots { provider hasSecret } }`);
  expect(theirs.data.groupRobots).toEqual([{ provider: 'DINGTALK', hasSecret: true }]);
  // not the provider's host and not allow-listed; the server's own network
  for (const url of [
    'https://example.com/robot/send?access_token=x',
    'http://10.1.2.3/robot/send',
    'http://169.254.169.254/',
  ]) {
    const bad = await admin.request(SET_ROBOT, { p: 'DINGTALK', url });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  }
  // a rep is not the owner
  expect(codeOf(await repClient.request(`{ groupRobots { provider } }`))).toBe('FORBIDDEN');
});

test('the daily job tells the owner and the channel manager of a licence expiring, once; each robot posts it once, signed, retried after a failure', async () => {
  const before = received.length;
  const q = await qualification('2031-04-01'); // 22 days after DAY: the 30-day notice
  await t.app.services.noticeJobs.runDaily(DAY);
  const notices = await noticesAbout(q);
  expect(notices.map((n: { user_id: string }) => n.user_id).sort()).toEqual([cmId, ownerId].sort());
  expect(notices.every((n: { kind: string }) => n.kind === NotificationKind.QUALIFICATION_EXPIRING)).toBe(true);
  expect(notices[0].params).toMatchObject({ validTo: '2031-04-01', days: '22' });
  // running twice the same day sends nothing new
  await t.app.services.noticeJobs.runDaily(DAY);
  expect(await noticesAbout(q)).toHaveLength(2);
  const events = (await robotEvents()).filter((e: { payload: { text?: string } }) => e.payload.text);
  expect(events).toHaveLength(2); // the brand's DingTalk (the channel manager), the distributor's WeCom (the owner)

  // the first attempt fails at the receiver, the retry goes through; a third round sends nothing
  answers.push({ status: 502, body: 'bad gateway' }, { status: 502, body: 'bad gateway' });
  await deliver();
  await deliver();
  await deliver();
  const got = received.slice(before);
  const ding = got.filter((r) => r.url.pathname === '/robot/send');
  const wecom = got.filter((r) => r.url.pathname === '/cgi-bin/webhook/send');
  expect(ding.length).toBeGreaterThanOrEqual(1);
  expect(wecom.length).toBeGreaterThanOrEqual(1);
  expect(ding.length + wecom.length).toBe(4); // two failed, two delivered
  const after = await robotEvents();
  expect(after.every((e: { delivered_at: Date | null }) => e.delivered_at !== null)).toBe(true);
  // DingTalk: timestamp (ms) and sign = base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded
  for (const r of ding) {
    const timestamp = r.url.searchParams.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
    const expected = createHmac('sha256', 'SECbrand-secret')
      .update(`${timestamp}\n${'SECbrand-secret'}`)
      .digest('base64');
    expect(r.url.searchParams.get('sign')).toBe(expected);
    expect(r.url.searchParams.get('access_token')).toBe('brand-token');
    expect(r.body.msgtype).toBe('markdown');
    expect(content(r)).toContain('渠道经理');
    expect(content(r)).not.toContain('老板');
  }
  // WeCom: no signature; the owner named, the brand's people not
  for (const r of wecom) {
    expect(r.url.searchParams.get('key')).toBe('dist-key');
    expect(r.url.searchParams.has('sign')).toBe(false);
    expect(content(r)).toContain('老板');
    expect(content(r)).toContain('2031-04-01');
  }
  // each person once per robot: the delivered messages name them once
  const delivered = [...ding.slice(-1), ...wecom.slice(-1)];
  expect(delivered.map((r) => content(r).split('→')[1].trim()).sort()).toEqual(['渠道经理0', '老板'].sort());
  // the delivery log keeps the robot's address without its token
  const logged = await t.app.ds.query(
    `SELECT url FROM webhook_delivery WHERE channel = 'GROUP_ROBOT' AND brand_id = $1`,
    [brand.brandId],
  );
  expect(logged.some((l: { url: string }) => /token|key=|sign/.test(l.url))).toBe(false);
  // and the ERP's log does not list them
  const erp = await admin.request(
    `{ webhookDeliveries(first: 50) { totalCount } outboxEvents(first: 50) { totalCount } }`,
  );
  expect(erp.data.webhookDeliveries.totalCount).toBe(0);
  expect(erp.data.outboxEvents.totalCount).toBe(0);
});

test('a robot that answers 200 with an error code has not taken the message: it is retried', async () => {
  const q = await qualification('2031-05-05'); // 56 days: the 60-day notice
  await t.app.services.noticeJobs.runDaily(DAY);
  answers.push({ status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' });
  const before = received.length;
  await deliver();
  const failed = await t.app.ds.query(
    `SELECT last_error, delivered_at FROM outbox_event WHERE channel = 'GROUP_ROBOT' AND entity_id = $1 AND last_error IS NOT NULL`,
    [q],
  );
  expect(failed).toEqual([{ last_error: WebhookFailure.REFUSED_BY_RECEIVER, delivered_at: null }]);
  await deliver();
  const events = await t.app.ds.query(
    `SELECT delivered_at FROM outbox_event WHERE channel = 'GROUP_ROBOT' AND entity_id = $1`,
    [q],
  );
  expect(events.every((e: { delivered_at: Date | null }) => e.delivered_at)).toBe(true);
  expect(received.length - before).toBe(3);
});

test('preferences: the inbox off and the robot in the daily digest; the digest goes once', async () => {
  const set = await owner.request(
    `mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind channel delivery } }`,
    {
      c: [
        { kind: 'AUTHORIZATION_EXPIRING', channel: 'IN_APP', delivery: 'OFF' },
        { kind: 'AUTHORIZATION_EXPIRING', channel: 'GROUP_ROBOT', delivery: 'DIGEST' },
      ],
    },
  );
  expect(set.errors).toEqual([]);
  const chosen = set.data.setNotificationPreferences.filter(
    (p: { kind: string }) => p.kind === 'AUTHORIZATION_EXPIRING',
  );
  expect(chosen).toEqual([
    { kind: 'AUTHORIZATION_EXPIRING', channel: 'IN_APP', delivery: 'OFF' },
    { kind: 'AUTHORIZATION_EXPIRING', channel: 'GROUP_ROBOT', delivery: 'DIGEST' },
    { kind: 'AUTHORIZATION_EXPIRING', channel: 'EMAIL', delivery: 'OFF' },
  ]);
  // the inbox takes no digest; a brand kind is not the owner's to choose
  for (const c of [
    { kind: 'AUTHORIZATION_EXPIRING', channel: 'IN_APP', delivery: 'DIGEST' },
    { kind: 'COMMITMENT_DISPUTED', channel: 'IN_APP', delivery: 'OFF' },
  ]) {
    const bad = await owner.request(
      `mutation($c: [NotificationPreferenceInput!]!) { setNotificationPreferences(choices: $c) { kind } }`,
      { c: [c] },
    );
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  }

  const [g] = await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, valid_from, valid_to, product_ids, region_ids)
     VALUES ($1, $2, 'FORMAL', '2030-01-01', '2031-03-15', ARRAY[$3::uuid], ARRAY[(SELECT region_id FROM distributor WHERE id = $2)]) RETURNING id`,
    [brand.brandId, brand.distributorIds[0], randomUUID()],
  );
  const eventsBefore = (await robotEvents()).length;
  await t.app.services.noticeJobs.runDaily(DAY);
  const notices = await noticesAbout(g.id);
  const mine = notices.find((n: { user_id: string }) => n.user_id === ownerId);
  expect(mine).toMatchObject({ kind: 'AUTHORIZATION_EXPIRING', in_app: false, digest: ['GROUP_ROBOT'] });
  // the owner's inbox does not show it; no instant robot message for the owner (the channel manager's goes)
  const inbox = await owner.request(`{ notifications(first: 50) { nodes { entityId } } }`);
  expect(inbox.data.notifications.nodes.some((n: { entityId: string }) => n.entityId === g.id)).toBe(false);
  const instant = (await robotEvents()).slice(eventsBefore);
  expect(instant.map((e: { type: string }) => e.type)).toEqual(['AUTHORIZATION_EXPIRING']);
  expect(instant[0].payload.text).not.toContain('老板');

  // the next day: yesterday's digest, once
  await t.app.ds.query(`UPDATE notification SET created_at = $2 WHERE entity_id = $1`, [g.id, DAY]);
  const nextDay = new Date(DAY.getTime() + 86_400_000);
  await t.app.services.noticeJobs.runDaily(nextDay);
  await t.app.services.noticeJobs.runDaily(nextDay);
  const digests = (await robotEvents()).filter((e: { type: string }) => e.type === 'DIGEST');
  expect(digests).toHaveLength(1);
  expect(digests[0].payload.text).toContain('老板');
  expect(digests[0].payload.text).toContain('2031-03-15');
});

test('a test message goes to the robot through the outbox, and the robot’s delivery log shows each attempt', async () => {
  const robots = await admin.request(`{ groupRobots { id provider } }`);
  const ding = robots.data.groupRobots.find((r: { provider: string }) => r.provider === 'DINGTALK');
  const LOG = `query($id: ID!) { groupRobotDeliveries(robotId: $id, first: 50) { nodes { messageType ok error statusCode attempt } } }`;
  // what earlier tests left pending goes first
  for (let i = 0; i < 5; i++) await deliver();
  const before = (await admin.request(LOG, { id: ding.id })).data.groupRobotDeliveries.nodes.length;
  answers.push({ status: 500, body: 'busy' });
  const sent = await admin.request(`mutation($id: ID!) { sendGroupRobotTest(robotId: $id) }`, { id: ding.id });
  expect(sent.errors).toEqual([]);
  const got = received.length;
  await deliver();
  await deliver();
  expect(received.slice(got).map(content)).toEqual([
    expect.stringContaining('测试消息'),
    expect.stringContaining('测试消息'),
  ]);
  const log = (await admin.request(LOG, { id: ding.id })).data.groupRobotDeliveries.nodes;
  expect(log.length - before).toBe(2);
  // newest first: the retry that went through, then the failure
  expect(log.slice(0, 2)).toEqual([
    { messageType: 'TEST', ok: true, error: null, statusCode: 200, attempt: 2 },
    { messageType: 'TEST', ok: false, error: 'HTTP_5XX', statusCode: 500, attempt: 1 },
  ]);
  // the owner's side does not reach the brand's robot, by any id
  const theirs = await owner.request(`mutation($id: ID!) { sendGroupRobotTest(robotId: $id) }`, { id: ding.id });
  expect(codeOf(theirs)).toBe('NOT_FOUND');
  expect(codeOf(await owner.request(LOG, { id: ding.id }))).toBe('NOT_FOUND');
  expect(codeOf(await admin.request(LOG, { id: 'not-an-id' }))).toBe('NOT_FOUND');
});

test('a notice’s robot message links its record: the brand’s robot to the order in the console, the distributor’s to it in the portal', async () => {
  const number = `DL${randomUUID().slice(0, 8)}`;
  const [o] = await t.app.ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'STOCK', $4, 'SUBMITTED', 'CNY', '10.00', '0.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [brand.brandId, brand.distributorIds[0], number, ownerId],
  );
  const told = await notify({
    userIds: [cmId, ownerId],
    kind: NotificationKind.ORDER_PLACED,
    entity: 'order',
    entityId: o.id,
    params: { number },
  });
  expect(told.map((n) => n.recipient.id).sort()).toEqual([cmId, ownerId].sort());
  const before = received.length;
  for (let i = 0; i < 3; i++) await deliver();
  const got = received.slice(before).filter((r) => content(r).includes(number));
  const ding = got.filter((r) => r.url.pathname === '/robot/send');
  const wecom = got.filter((r) => r.url.pathname === '/cgi-bin/webhook/send');
  expect(ding).toHaveLength(1);
  expect(wecom).toHaveLength(1);
  // DingTalk: a title and the text; the line is the link to the order's page in the console
  expect(ding[0].body).toEqual({
    msgtype: 'markdown',
    markdown: {
      title: `新订单 ${number}`,
      text: `【MedChannel】[新订单 ${number}](${CONSOLE}/orders/${o.id})\n\n→ 渠道经理0`,
    },
  });
  // WeCom: the distributor's group, to the order's page in the portal (no double slash)
  expect(wecom[0].body).toEqual({
    msgtype: 'markdown',
    markdown: { content: `【MedChannel】[新订单 ${number}](${PORTAL}/orders/${o.id})\n\n→ 老板` },
  });
});
