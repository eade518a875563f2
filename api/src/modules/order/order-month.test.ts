import { randomUUID } from 'node:crypto';
import { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import { adminScopeOf } from '../../../test/factories';
import { MOVE, SHIP, brand, desk, owner, placed, t, withOrderWorld } from './order.test-kit';

/**
 * The sell-in summary (order_month, kept by the orders' statement triggers) answers a whole-brand
 * viewer's month of the orders list: its orders per currency and their totals must be exactly what
 * the list counts for that month, after a fixture's multi-row INSERT (two currencies, every status,
 * the edges of a month in China time), placements and the desk's moves through the API (approve,
 * reject, cancel, a price adjustment, a shipment), a fixture's bulk edits of status, total,
 * submission moment, currency and distributor, and deletes. Concurrent writers:
 * order-month-race.test.ts.
 */
withOrderWorld();

let admin: Scope;
beforeAll(async () => {
  admin = await adminScopeOf(t.app.ds, brand);
});

interface MonthGroup {
  currency: string;
  n: number;
  amount: string;
}

/** The month's orders list counted per currency, from the list's own query (never the summary). */
async function listed(month: string): Promise<MonthGroup[]> {
  return t.app.services.orders
    .listQuery(admin, { month })
    .select('o.currency', 'currency')
    .addSelect('COUNT(*)::int', 'n')
    .addSelect('SUM(o.total)::text', 'amount')
    .groupBy('o.currency')
    .orderBy('o.currency')
    .getRawMany();
}

/** The month as the dashboard reads it for the admin (from the summary). */
async function summarized(month: string): Promise<MonthGroup[]> {
  const { sql, params } = t.app.services.orders.monthTotals(admin, month);
  const [query, values] = t.app.ds.driver.escapeQueryWithParameters(sql, params);
  const [row] = await t.app.ds.query(query, values);
  return Object.values(row)[0] as MonthGroup[];
}

/** Every month any of the brand's orders was submitted in (China time, computed here) and every month the summary holds. */
async function monthsOfTheBrand(): Promise<string[]> {
  const orders: Array<{ at: Date }> = await t.app.ds.query(
    `SELECT submitted_at AS at FROM purchase_order WHERE brand_id = $1`,
    [brand.brandId],
  );
  const kept: Array<{ month: string }> = await t.app.ds.query(
    `SELECT DISTINCT to_char(month, 'YYYY-MM') AS month FROM order_month WHERE brand_id = $1`,
    [brand.brandId],
  );
  return [...new Set([...orders.map((o) => today(o.at).slice(0, 7)), ...kept.map((k) => k.month)])].sort();
}

/** For every month: the summary's answer is the list's; and the summary's rows are the orders grouped, none left at zero with an amount. */
async function expectSummaryEqualsTheList(step: string, atLeastMonths: number): Promise<void> {
  const months = await monthsOfTheBrand();
  expect(months.length).toBeGreaterThanOrEqual(atLeastMonths);
  for (const month of months)
    expect({ step, month, groups: await summarized(month) }).toEqual({ step, month, groups: await listed(month) });
  const [diff] = await t.app.ds.query(
    `WITH o AS (SELECT distributor_id, to_char(submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-01')::date AS month,
                       currency, count(*)::int AS n, SUM(total) AS amount
                  FROM purchase_order WHERE brand_id = $1 GROUP BY 1, 2, 3),
          m AS (SELECT distributor_id, month, currency, n, amount FROM order_month WHERE brand_id = $1 AND n <> 0)
     SELECT count(*)::int AS n FROM ((SELECT * FROM o EXCEPT SELECT * FROM m) UNION ALL (SELECT * FROM m EXCEPT SELECT * FROM o)) d`,
    [brand.brandId],
  );
  expect({ step, differing: diff.n }).toEqual({ step, differing: 0 });
  const [zero] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM order_month WHERE brand_id = $1 AND n = 0 AND amount <> 0`,
    [brand.brandId],
  );
  expect(zero.n).toBe(0);
}

const STATUSES = [
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'PARTIALLY_SHIPPED',
  'SHIPPED',
  'DELIVERED',
  'CLOSED',
  'CANCELLED',
];

test('a whole-brand viewer’s month of orders from the summary equals the list’s, through every kind of write', async () => {
  const ds = t.app.ds;
  const d = brand.distributorIds;
  const [placer] = await ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
  // a fixture's INSERT of 84 orders in one statement: six distributors, fourteen months of 2025–26,
  // two currencies, every status; the first and the last moment of March 2026 in China time
  await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total,
                                 idempotency_key, request_hash, submitted_at)
     SELECT $1, ($2::uuid[])[1 + i % 6], 'OM' || i, 'STOCK', $3, ($4::text[])[1 + i % 8],
            CASE WHEN i % 5 = 0 THEN 'USD' ELSE 'CNY' END, (i * 137 % 1000) + 0.25, 0, gen_random_uuid(), repeat('0', 64),
            CASE WHEN i = 1 THEN '2026-03-01T00:00:00+08:00'::timestamptz
                 WHEN i = 2 THEN '2026-03-31T23:59:59.999+08:00'::timestamptz
                 WHEN i = 3 THEN '2026-04-01T00:00:00+08:00'::timestamptz
                 ELSE '2025-01-10T12:00:00+08:00'::timestamptz + make_interval(months => i % 14, hours => i) END
       FROM generate_series(1, 84) i`,
    [brand.brandId, d, placer.id, STATUSES],
  );
  await expectSummaryEqualsTheList('a fixture’s insert', 14);

  // placements and the desk's moves through the API, in this month
  const orders = [await placed(), await placed(), await placed(), await placed(), await placed()];
  const approved = (await desk.request(MOVE('approveOrder'), { id: orders[0].id, v: orders[0].version })).data
    .approveOrder;
  expect(
    (await desk.request(MOVE('rejectOrder'), { id: orders[1].id, v: orders[1].version, r: '资质过期' })).errors,
  ).toEqual([]);
  expect((await owner.request(MOVE('cancelOrder'), { id: orders[2].id, v: orders[2].version })).errors).toEqual([]);
  const adjusted = await desk.request(
    `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { total { amount } } }`,
    {
      i: {
        orderId: orders[3].id,
        lineId: orders[3].lines[0].id,
        unitPrice: '61.35',
        reason: '集采价',
        expectedVersion: orders[3].version,
      },
    },
  );
  expect(adjusted.errors).toEqual([]);
  const shipped = await desk.request(SHIP, {
    i: {
      orderId: approved.id,
      idempotencyKey: randomUUID(),
      items: [{ orderLineId: orders[0].lines[0].id, quantity: 3 }],
    },
  });
  expect(shipped.errors).toEqual([]);
  await expectSummaryEqualsTheList('placements and the desk’s moves', 14);

  // a fixture's bulk edits: statuses, totals, submission moments (across a month's edge), a
  // currency, a distributor, and an UPDATE that changes nothing the summary keeps
  await ds.query(
    `UPDATE purchase_order SET status = 'CANCELLED' WHERE brand_id = $1 AND number LIKE 'OM%' AND status = 'SUBMITTED'`,
    [brand.brandId],
  );
  await ds.query(
    `UPDATE purchase_order SET total = total * 2 + 0.5 WHERE brand_id = $1 AND number LIKE 'OM%' AND distributor_id = $2`,
    [brand.brandId, d[1]],
  );
  await ds.query(
    `UPDATE purchase_order SET submitted_at = submitted_at + interval '1 second' WHERE brand_id = $1 AND number IN ('OM1', 'OM2', 'OM3')`,
    [brand.brandId],
  );
  await ds.query(
    `UPDATE purchase_order SET submitted_at = submitted_at - interval '40 days' WHERE brand_id = $1 AND number LIKE 'OM%' AND distributor_id = $2`,
    [brand.brandId, d[2]],
  );
  await ds.query(
    `UPDATE purchase_order SET currency = 'EUR' WHERE brand_id = $1 AND number LIKE 'OM%' AND distributor_id = $2`,
    [brand.brandId, d[3]],
  );
  await ds.query(
    `UPDATE purchase_order SET distributor_id = $2 WHERE brand_id = $1 AND number LIKE 'OM%' AND distributor_id = $3`,
    [brand.brandId, d[5], d[4]],
  );
  await ds.query(`UPDATE purchase_order SET version = version + 1 WHERE brand_id = $1`, [brand.brandId]);
  await expectSummaryEqualsTheList('bulk edits', 14);

  // orders deleted (a fixture's, which have no lines): a currency's month emptied
  await ds.query(
    `DELETE FROM purchase_order WHERE brand_id = $1 AND number LIKE 'OM%' AND (currency = 'EUR' OR status = 'REJECTED')`,
    [brand.brandId],
  );
  await expectSummaryEqualsTheList('deletes', 14);
});
