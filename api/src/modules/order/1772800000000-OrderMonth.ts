import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillDeltaSummary, createDeltaTriggers, dropDeltaTriggers } from '../../db/delta-triggers';

/**
 * An order's month as the orders list's month filter reads it (order.service.ts, listQuery):
 * submitted_at from the month's first moment to the next month's, China time (UTC+8).
 */
const monthOf = (a: string) => `date_trunc('month', (${a}.submitted_at AT TIME ZONE 'UTC') + interval '8 hours')::date`;

const ORDER_MONTH = {
  summary: 'order_month',
  table: 'purchase_order',
  keys: ['brand_id', 'month', 'distributor_id', 'currency'],
  share: (rows: string) =>
    `SELECT brand_id, ${monthOf(rows)} AS month, distributor_id, currency, total AS amount FROM ${rows}`,
};

/**
 * Sell-in by month (订单月汇总): how many orders and their totals per brand, month (of submission,
 * China time), distributor and currency — what the orders list's month filter counts, whatever the
 * orders' status (a cancelled or rejected order stays in its month's list). The brand dashboard's
 * sell-in trend adds a month's distributors up for a viewer who sees the whole brand instead of
 * counting twelve months of the list (dashboard.service.ts).
 *
 * Statement triggers with transition tables keep it in the writing transaction, whoever writes:
 * each INSERT's orders added, each DELETE's subtracted and, for an UPDATE, the old rows subtracted
 * and the new added, so a total changed by a price adjustment (or a month, distributor or currency
 * changed by a fixture) moves with it. An UPDATE that changes none of these (a status move, a
 * shipment's shipped_total, a version bump) nets to zero and touches no row.
 *
 * The upsert adds to each row it touches, so two transactions writing one distributor's month
 * queue on its row until the first commits and lose nothing; rows are touched in key order. Orders
 * of one distributor are placed one at a time already (its credit lock, credit.ts), so the row
 * makes no placement wait that did not wait before; the distributor in the key keeps other
 * distributors' placements off it. No TRUNCATE to follow: it would cascade to order_line, which
 * refuses it (append-only).
 */
export class OrderMonth1772800000000 implements MigrationInterface {
  name = 'OrderMonth1772800000000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign keys: every value is copied from an order, whose own keys checked it; the key leads
    // with brand_id, as the distribution rule asks (docs/scaling.md), and a brand's month is read
    // from the key alone
    await q.query(`CREATE TABLE order_month (
      brand_id uuid NOT NULL,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      distributor_id uuid NOT NULL,
      currency char(3) NOT NULL,
      n integer NOT NULL,
      amount numeric(20,2) NOT NULL,
      PRIMARY KEY (brand_id, month, distributor_id, currency) INCLUDE (n, amount))`);
    await createDeltaTriggers(q, ORDER_MONTH);
    // the orders so far
    await backfillDeltaSummary(q, ORDER_MONTH);
    // planned from its statistics at once, not from an empty table's until autovacuum comes by
    await q.query(`ANALYZE order_month`);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropDeltaTriggers(q, ORDER_MONTH);
    await q.query(`DROP TABLE order_month`);
  }
}
