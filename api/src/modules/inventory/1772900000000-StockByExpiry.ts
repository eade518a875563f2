import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A distributor's lots on hand in the stock list's order: soonest expiry first (a lot without one
 * last, as `infinity`), then product and lot. A page of stock today reads each distributor's first
 * lots from it and keeps the soonest, instead of sorting every lot on hand in scope to show twenty
 * (an owner with his second tier: 20,967 lots at full scale; BENCHMARKS.md, 2026-12-07 23:00). It
 * carries what `stock_balance_on_hand` (1772800000001) carried, so a count and the writers' reads
 * by distributor are as index-only as before, and it replaces it.
 */
export class StockByExpiry1772900000000 implements MigrationInterface {
  name = 'StockByExpiry1772900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stock_balance_by_expiry ON stock_balance
      (distributor_id, (COALESCE(expiry_date, 'infinity'::date)), product_id, batch_no, serial_no)
      INCLUDE (brand_id, expiry_date, quantity) WHERE quantity > 0`);
    await q.query(`DROP INDEX stock_balance_on_hand`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stock_balance_on_hand ON stock_balance (distributor_id)
      INCLUDE (brand_id, product_id, batch_no, serial_no, expiry_date, quantity) WHERE quantity > 0`);
    await q.query(`DROP INDEX stock_balance_by_expiry`);
  }
}
