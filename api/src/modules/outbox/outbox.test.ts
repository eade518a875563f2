import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Audience, WEBHOOK_HEADERS } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { OutboxService } from './outbox.service';
import { signature } from './erp-webhook';
import { targetPolicy } from './webhook-target';

/**
 * The outbox: events written with the change, delivered signed to the brand's webhook with
 * retries and a log; a process that dies between commit and delivery loses nothing; a replay
 * sends the same event again and creates nothing new.
 */
interface Received {
  id: string;
  type: string;
  body: string;
  headers: http.IncomingHttpHeaders;
}

let receiver: http.Server;
let receiverUrl: string;
let received: Received[] = [];
let failNext = 0;
let redirectNext = 0;
// an "internal" service a redirect points at: it must never be reached
let internal: http.Server;
let internalHits = 0;

let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let owner: GqlClient;
let secret: string;

const OPTS = { retryBaseMs: 50, leaseMs: 60_000, timeoutMs: 2_000, batch: 50 };
const ALLOW_RECEIVER = { webhookAllowCidrs: ['127.0.0.1/32'] };

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (redirectNext > 0) {
        redirectNext--;
        res.writeHead(307, { location: `http://127.0.0.1:${(internal.address() as AddressInfo).port}/admin` }).end();
        return;
      }
      if (failNext > 0) {
        failNext--;
        res.writeHead(500).end('try later');
        return;
      }
      const parsed = JSON.parse(body);
      received.push({ id: parsed.id, type: parsed.type, body, headers: req.headers });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/erp/hook`;
  internal = http.createServer((_req, res) => {
    internalHits++;
    res.writeHead(200).end('secret');
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));

  // the test receiver is on loopback: allowed here the way an intranet ERP is allowed in config
  t = await startTestApp(ALLOW_RECEIVER);
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE brand_id = $1`, [brand.brandId]);
  await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
    [brand.brandId, brand.distributorIds[0], [cat.lineId], [cat.cityId], addDays(today(), -30), addDays(today(), 300)],
  );
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const set = await admin.request(`mutation($u: String!) { setWebhookEndpoint(url: $u) { url enabled secret } }`, {
    u: receiverUrl,
  });
  expect(set.errors).toEqual([]);
  secret = set.data.setWebhookEndpoint.secret;
  expect(secret).toHaveLength(32);
});
afterAll(async () => {
  await t?.stop();
  await new Promise((resolve) => receiver.close(resolve));
  await new Promise((resolve) => internal.close(resolve));
});

const place = (lines = [{ productId: cat.productII, quantity: 1 }]) =>
  owner.request(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number } }`, {
    i: { kind: 'STOCK', lines, idempotencyKey: randomUUID() },
  });

const pending = async () =>
  (await t.app.ds.query(
    `SELECT id, type, entity_id FROM outbox_event WHERE brand_id = $1 AND delivered_at IS NULL ORDER BY seq`,
    [brand.brandId],
  )) as Array<{ id: string; type: string; entity_id: string }>;

test('an event is written with the change it tells of, and not when the change is refused', async () => {
  const before = (await pending()).length;
  const refused = await place([{ productId: cat.productExpired, quantity: 1 }]);
  expect(refused.errors).not.toEqual([]);
  expect((await pending()).length).toBe(before);
  const placed = await place();
  const events = await pending();
  expect(events.length).toBe(before + 1);
  expect(events[events.length - 1]).toMatchObject({ type: 'ORDER_PLACED', entity_id: placed.data.placeOrder.id });
  // the console names the record by its number, as people know it, not by its id
  const listed = await admin.request(`{ outboxEvents(first: 5) { nodes { entity entityId reference } } }`);
  expect(listed.data.outboxEvents.nodes[0]).toEqual({
    entity: 'order',
    entityId: placed.data.placeOrder.id,
    reference: placed.data.placeOrder.number,
  });
});

test('delivery is signed, retried with backoff after a failure, and logged', async () => {
  received = [];
  failNext = 1;
  const ids = (await pending()).map((e) => e.id);
  expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(ids.length - 1);
  // the first one failed: it waits for its retry and is delivered on a later round
  await new Promise((r) => setTimeout(r, 120));
  expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(1);
  expect(received.map((r) => r.id).sort()).toEqual([...ids].sort());
  for (const r of received) {
    const ts = String(r.headers[WEBHOOK_HEADERS.timestamp]);
    expect(r.headers[WEBHOOK_HEADERS.signature]).toBe(signature(secret, ts, r.body));
    expect(r.headers[WEBHOOK_HEADERS.eventId]).toBe(r.id);
  }
  const log = await admin.request(
    `{ webhookDeliveries(first: 50) { nodes { attempt ok statusCode error event { id type } } } }`,
  );
  const first = log.data.webhookDeliveries.nodes.filter((n: { event: { id: string } }) => n.event.id === ids[0]);
  expect(
    first.map((n: { attempt: number; ok: boolean; statusCode: number; error: string | null }) => [
      n.attempt,
      n.ok,
      n.statusCode,
      n.error,
    ]),
  ).toEqual([
    [2, true, 204, null],
    [1, false, 500, 'HTTP_5XX'],
  ]);
  expect(await pending()).toEqual([]);
});

test('killing the process between commit and delivery loses nothing: the next process delivers', async () => {
  received = [];
  // process A commits an order and dies before any delivery round
  const a = await startTestApp(ALLOW_RECEIVER);
  const aOwner = a.client(Audience.PORTAL);
  await aOwner.login(brand.ownerEmail);
  const placed = await aOwner.request(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`, {
    i: { kind: 'STOCK', lines: [{ productId: cat.productII, quantity: 2 }], idempotencyKey: randomUUID() },
  });
  expect(placed.errors).toEqual([]);
  await a.stop();
  // process B starts with its deliverer running and sends it
  const b = await startTestApp({ outboxPollMs: 50, outboxRetryBaseMs: 50, ...ALLOW_RECEIVER });
  try {
    const deadline = Date.now() + 10_000;
    while (!received.some((r) => JSON.parse(r.body).entityId === placed.data.placeOrder.id) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await b.stop();
  }
  expect(received.filter((r) => JSON.parse(r.body).entityId === placed.data.placeOrder.id).map((r) => r.type)).toEqual([
    'ORDER_PLACED',
  ]);
});

test('a replayed event is the same event: same id, nothing new in the outbox', async () => {
  const [{ id, n }] = await t.app.ds.query(
    `SELECT (SELECT id FROM outbox_event WHERE brand_id = $1 ORDER BY seq LIMIT 1) AS id, count(*)::int AS n FROM outbox_event WHERE brand_id = $1`,
    [brand.brandId],
  );
  received = [];
  const r = await admin.request(`mutation($id: ID!) { redeliverWebhookEvent(eventId: $id) { id deliveredAt } }`, {
    id,
  });
  expect(r.errors).toEqual([]);
  expect(r.data.redeliverWebhookEvent.deliveredAt).toBeNull();
  expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(1);
  expect(received.map((x) => x.id)).toEqual([id]);
  const [{ n: after }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM outbox_event WHERE brand_id = $1`, [
    brand.brandId,
  ]);
  expect(after).toBe(n);
});

describe('the webhook reaches no further than the public internet (or what config allows)', () => {
  const SET = `mutation($u: String!) { setWebhookEndpoint(url: $u) { url } }`;
  const lastLog = async (eventId: string) =>
    (
      await t.app.ds.query(
        `SELECT status_code, ok, error, duration_ms FROM webhook_delivery WHERE event_id = $1 ORDER BY seq DESC LIMIT 1`,
        [eventId],
      )
    )[0];

  test.each([
    ['the database port on this host', 'http://127.0.0.1:5432/'],
    ['IPv6 loopback', 'http://[::1]:8080/hook'],
    ['a private network', 'http://10.1.2.3/hook'],
    ['cloud metadata', 'http://169.254.169.254/latest/meta-data/'],
    ['a name that resolves to loopback', 'http://localhost:4000/graphql'],
    ['loopback inside IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/'],
    ['this network', 'http://0.0.0.0:5432/'],
    ['carrier-grade NAT', 'https://100.64.0.1/'],
    ['a unique-local IPv6', 'http://[fd00::1]/'],
    ['a name that does not resolve', 'https://erp.medchannel.invalid/hook'],
  ])('setting it to %s is refused with a coded error and writes nothing', async (_what, url) => {
    const strict = await startTestApp();
    try {
      const strictAdmin = strict.client(Audience.CONSOLE);
      await strictAdmin.login(brand.adminEmail);
      const count = `SELECT (SELECT count(*) FROM audit_log WHERE brand_id = $1)::int AS audits, (SELECT url FROM webhook_endpoint WHERE brand_id = $1) AS url`;
      const [before] = await strict.app.ds.query(count, [brand.brandId]);
      const r = await strictAdmin.request(SET, { u: url });
      expect(r.errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
      expect(await strict.app.ds.query(count, [brand.brandId])).toEqual([before]);
    } finally {
      await strict.stop();
    }
  });

  test('each delivery checks again: a target no longer allowed is refused, nothing is sent, the log says REFUSED_TARGET', async () => {
    const strict = new OutboxService(t.app.ds, targetPolicy({ webhookAllowHosts: [], webhookAllowCidrs: [] }));
    const placed = await place();
    const [{ id }] = await t.app.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1`, [
      placed.data.placeOrder.id,
    ]);
    received = [];
    expect(await strict.deliverDue(OPTS)).toBe(0);
    expect(received).toEqual([]);
    expect(await lastLog(id)).toEqual({ status_code: null, ok: false, error: 'REFUSED_TARGET', duration_ms: 0 });
    // allowed again (as the test app's config does), it goes out on the retry
    await new Promise((r) => setTimeout(r, 120));
    expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(1);
    expect(received.map((x) => x.id)).toEqual([id]);
  });

  test('a redirect is not followed: the internal service it points at is never reached', async () => {
    const placed = await place();
    const [{ id }] = await t.app.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1`, [
      placed.data.placeOrder.id,
    ]);
    redirectNext = 1;
    internalHits = 0;
    expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(0);
    expect(internalHits).toBe(0);
    expect(await lastLog(id)).toMatchObject({ status_code: 307, ok: false, error: 'REDIRECT_NOT_FOLLOWED' });
    await new Promise((r) => setTimeout(r, 120));
    expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(1);
  });

  test('a connection failure is logged as a kind, not the socket error, in tenths of a second', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await t.app.ds.query(`UPDATE webhook_endpoint SET url = $2 WHERE brand_id = $1`, [
      brand.brandId,
      `http://127.0.0.1:${port}/gone`,
    ]);
    try {
      const placed = await place();
      const [{ id }] = await t.app.ds.query(`SELECT id FROM outbox_event WHERE entity_id = $1`, [
        placed.data.placeOrder.id,
      ]);
      expect(await t.app.services.outbox.deliverDue(OPTS)).toBe(0);
      const log = await lastLog(id);
      expect(log).toMatchObject({ status_code: null, ok: false, error: 'UNREACHABLE' });
      expect(log.duration_ms % 100).toBe(0);
      const [{ last_error }] = await t.app.ds.query(`SELECT last_error FROM outbox_event WHERE id = $1`, [id]);
      expect(last_error).toBe('UNREACHABLE');
    } finally {
      await t.app.ds.query(`UPDATE webhook_endpoint SET url = $2 WHERE brand_id = $1`, [brand.brandId, receiverUrl]);
      await new Promise((r) => setTimeout(r, 120));
      await t.app.services.outbox.deliverDue(OPTS);
    }
  });
});
