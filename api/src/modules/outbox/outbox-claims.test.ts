import http from 'node:http';
import { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TestApp, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { onPostgres } from '../../../test/locks';
import { CLAIMER_LOCK_NAMESPACE } from './claimer';

/**
 * A claim of a deliverer whose process died is taken over as soon as its database session is gone,
 * not after the 60 s lease; a live deliverer's claim is left alone. A process is played by a
 * connection holding a claimer lock; its death, by closing that connection. Real PostgreSQL only
 * (PGlite serves every connection from one session, so closing one ends no session).
 */
const suite = onPostgres ? describe : describe.skip;

let receiver: http.Server;
let received: string[] = [];
let t: TestApp;
let brandId: string;

/** A "process" holding claimer id `id`. */
async function claimer(id: number): Promise<Client> {
  const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  await c.query(`SELECT pg_advisory_lock($1, $2)`, [CLAIMER_LOCK_NAMESPACE, id]);
  return c;
}

/** An event claimed a moment ago by claimer `id`, its lease running for another minute. */
async function claimedEvent(id: number): Promise<string> {
  const [{ id: eventId }] = await t.app.ds.query(
    `INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload, next_attempt_at, claimed_by)
     VALUES ($1, 'ORDER_PLACED', 'order', $2, '{}'::jsonb, now() + interval '60 seconds', $3) RETURNING id`,
    [brandId, randomUUID(), id],
  );
  return eventId;
}

async function deliveredWithin(eventId: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (received.includes(eventId)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

suite('claims of a dead deliverer', () => {
  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body).id);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    // the test receiver is on loopback: allowed the way an intranet ERP is allowed in config
    t = await startTestApp({ outboxPollMs: 50, outboxRetryBaseMs: 50, webhookAllowCidrs: ['127.0.0.1/32'] });
    brandId = (await createBrand(t.app.ds, 1)).brandId;
    await t.app.ds.query(`INSERT INTO webhook_endpoint (brand_id, url, secret) VALUES ($1, $2, 'test-secret')`, [
      brandId,
      `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
    ]);
  });
  afterAll(async () => {
    await t?.stop();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  test('are released when its session ends; a live one keeps its claim', async () => {
    received = [];
    const dead = await claimer(1_000_001);
    const alive = await claimer(1_000_002);
    try {
      const orphan = await claimedEvent(1_000_001);
      const held = await claimedEvent(1_000_002);
      await dead.end();
      expect(await deliveredWithin(orphan, 10_000)).toBe(true);
      // the live claimer's event waits for its lease (a few more delivery rounds show it is left alone)
      expect(await deliveredWithin(held, 500)).toBe(false);
      await alive.end();
      expect(await deliveredWithin(held, 10_000)).toBe(true);
      expect(received.filter((id) => id === orphan || id === held)).toHaveLength(2);
    } finally {
      await dead.end().catch(() => undefined);
      await alive.end().catch(() => undefined);
    }
  });

  test("the API's own deliverer claims under its live claimer id and clears it when done", async () => {
    const [{ id }] = await t.app.ds.query(
      `INSERT INTO outbox_event (brand_id, type, entity, entity_id, payload) VALUES ($1, 'ORDER_PLACED', 'order', $2, '{}'::jsonb) RETURNING id`,
      [brandId, randomUUID()],
    );
    expect(await deliveredWithin(id, 10_000)).toBe(true);
    // the outcome is recorded after the receiver answered
    const until = Date.now() + 10_000;
    let row: { claimed_by: number | null; delivered: boolean } = { claimed_by: null, delivered: false };
    while (!row.delivered && Date.now() < until) {
      [row] = await t.app.ds.query(
        `SELECT claimed_by, delivered_at IS NOT NULL AS delivered FROM outbox_event WHERE id = $1`,
        [id],
      );
    }
    expect(row).toEqual({ claimed_by: null, delivered: true });
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1::oid AND objsubid = 2`,
      [CLAIMER_LOCK_NAMESPACE],
    );
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
