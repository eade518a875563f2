import type { Client } from 'pg';
import { Scope } from '../../auth/scope';
import { adminScopeOf } from '../../../test/factories';
import { onPostgres, testConnection, waitersReach } from '../../../test/locks';
import { brand, t, withOrderWorld } from './order.test-kit';

/**
 * order_month under concurrent writers of one distributor's month and currency: each transaction's
 * trigger sees only its own orders until the other commits, so the summary must add to its row
 * (never recount the orders it can see). Made deterministic: the first writer's transaction stays
 * open while the second writes, then commits, then the second. Real PostgreSQL only (PGlite runs
 * one transaction at a time).
 */
const suite = onPostgres ? describe : describe.skip;

withOrderWorld();

let admin: Scope;
let first: Client;
let second: Client;
const MONTH = '2026-05';

beforeAll(async () => {
  if (!onPostgres) return;
  admin = await adminScopeOf(t.app.ds, brand);
  [first, second] = await Promise.all([testConnection(), testConnection()]);
});
afterAll(async () => {
  await Promise.all([first?.end(), second?.end()]);
});

/** A fixture's order of distributor 0 in the month, at `total`. */
async function insert(c: Client, number: string, total: string): Promise<void> {
  await c.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total,
                                 idempotency_key, request_hash, submitted_at)
     SELECT $1, $2, $3, 'STOCK', u.id, 'SUBMITTED', 'CNY', $4, 0, gen_random_uuid(), repeat('0', 64), $5
       FROM app_user u WHERE u.email = $6`,
    [brand.brandId, brand.distributorIds[0], number, total, `${MONTH}-15T10:00:00+08:00`, brand.adminEmail],
  );
}

const retotal = (c: Client, number: string, total: string) =>
  c.query(`UPDATE purchase_order SET total = $3 WHERE brand_id = $1 AND number = $2`, [brand.brandId, number, total]);

/** The first writes in an open transaction; the second writes meanwhile (it may wait); the first commits, then the second. */
async function race(one: (c: Client) => Promise<unknown>, other: (c: Client) => Promise<unknown>): Promise<void> {
  await first.query('BEGIN');
  await second.query('BEGIN');
  await one(first);
  const later = other(second);
  await Promise.race([later, waitersReach(t.app.ds, 1).catch(() => undefined)]);
  await first.query('COMMIT');
  await later;
  await second.query('COMMIT');
}

/** The month from the summary (the dashboard's read for the admin) and from the list's own query. */
async function month(): Promise<{ kept: unknown; listed: unknown }> {
  const { sql, params } = t.app.services.orders.monthTotals(admin, MONTH);
  const [query, values] = t.app.ds.driver.escapeQueryWithParameters(sql, params);
  const [row] = await t.app.ds.query(query, values);
  const listed = await t.app.services.orders
    .listQuery(admin, { month: MONTH })
    .select('o.currency', 'currency')
    .addSelect('COUNT(*)::int', 'n')
    .addSelect('SUM(o.total)::text', 'amount')
    .groupBy('o.currency')
    .getRawMany();
  return { kept: Object.values(row)[0], listed };
}

suite('two writers of one distributor’s month at once', () => {
  test('two new orders, a new order beside a changed total, and two changed totals all count', async () => {
    // the month's row does not exist yet: both insert it
    await race(
      (c) => insert(c, 'RACE-1', '100.00'),
      (c) => insert(c, 'RACE-2', '50.00'),
    );
    expect(await month()).toEqual({
      kept: [{ currency: 'CNY', n: 2, amount: '150.00' }],
      listed: [{ currency: 'CNY', n: 2, amount: '150.00' }],
    });
    await race(
      (c) => retotal(c, 'RACE-1', '70.00'),
      (c) => insert(c, 'RACE-3', '5.50'),
    );
    await race(
      (c) => retotal(c, 'RACE-2', '20.00'),
      (c) => retotal(c, 'RACE-3', '8.25'),
    );
    expect(await month()).toEqual({
      kept: [{ currency: 'CNY', n: 3, amount: '98.25' }],
      listed: [{ currency: 'CNY', n: 3, amount: '98.25' }],
    });
  });
});
