import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import type { NotificationDraft } from './notification.service';

/**
 * The world of the notice tests (notice-robots.test.ts, notice-channels.test.ts): a brand of their
 * own, its admin, owner, channel manager and rep, and a local HTTP receiver standing in for the
 * WeCom and DingTalk robots. Each test file calls `setUpNoticeWorld` before and
 * `tearDownNoticeWorld` after its tests; the bindings below are live, filled by the set-up.
 */
export let t: TestApp;
export let brand: BrandFixture;
export let admin: GqlClient;
export let owner: GqlClient;
export let cmId: string;
export let ownerId: string;
export let repId: string;
export let repClient: GqlClient;

interface Received {
  url: URL;
  /** markdown: WeCom's `content`, DingTalk's `title` and `text` */
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}
export const received: Received[] = [];
/** What the group reads. */
export const content = (r: Received) => r.body.markdown.content ?? r.body.markdown.text ?? '';
/** What the receiver answers next (then 200 {"errcode":0}). */
export const answers: Array<{ status: number; body: string }> = [];
let receiver: http.Server;
export let base: string;

/** The apps' base URLs the messages link into (the portal's given with a trailing slash). */
export const CONSOLE = 'https://console.medchannel.test';
export const PORTAL = 'https://m.medchannel.test';

/** A fixed day for the daily job (China noon), far from the seed's dates. */
export const DAY = new Date('2031-03-10T04:00:00Z');

export async function setUpNoticeWorld(): Promise<void> {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ url: new URL(req.url!, 'http://robot'), body: JSON.parse(body) });
      const answer = answers.shift() ?? { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  t = await startTestApp({ webhookAllowCidrs: ['127.0.0.1/32'], consoleUrl: CONSOLE, portalUrl: `${PORTAL}/` });
  brand = await createBrand(t.app.ds, 2);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const [d] = await t.app.ds.query(`SELECT channel_manager_id FROM distributor WHERE id = $1`, [
    brand.distributorIds[0],
  ]);
  cmId = d.channel_manager_id;
  const [o] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
  ownerId = o.id;
  const [r] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
    brand.distributorIds[0],
  ]);
  repId = r.id;
  repClient = t.client(Audience.PORTAL);
  await repClient.login(r.email);
}

export async function tearDownNoticeWorld(): Promise<void> {
  await t?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
}

/** People of the test's brand told of a record, as a service tells them, in a transaction of its own. */
export const notify = (draft: Omit<NotificationDraft, 'brandId'>) =>
  t.app.ds.transaction((em) => t.app.services.notifications.notify(em, { ...draft, brandId: brand.brandId }));

export const deliver = () =>
  t.app.services.outbox.deliverDue({ retryBaseMs: 0, leaseMs: 60_000, timeoutMs: 2_000, batch: 50 });

export const SET_ROBOT = `mutation($p: RobotProvider!, $url: String!, $secret: String, $enabled: Boolean) {
  setGroupRobot(provider: $p, url: $url, secret: $secret, enabled: $enabled) { id provider enabled hasSecret version } }`;

/** A document of its own (OTHER: one of a kind, so none renews another of this file's and silences it). */
export async function qualification(validTo: string): Promise<string> {
  const [q] = await t.app.ds.query(
    `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to)
     VALUES ($1, $2, 'OTHER', $3, '2020-01-01', $4) RETURNING id`,
    [brand.brandId, brand.distributorIds[0], `LIC-${randomUUID().slice(0, 6)}`, validTo],
  );
  return q.id;
}

export async function noticesAbout(entityId: string) {
  return t.app.ds.query(
    `SELECT user_id, kind, params, in_app, digest FROM notification WHERE entity_id = $1 ORDER BY user_id`,
    [entityId],
  );
}

export async function robotEvents() {
  return t.app.ds.query(
    `SELECT id, type, payload, delivered_at, attempts, last_error FROM outbox_event WHERE brand_id = $1 AND channel = 'GROUP_ROBOT' ORDER BY seq`,
    [brand.brandId],
  );
}
