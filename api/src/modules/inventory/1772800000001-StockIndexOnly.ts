import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stock now and at a past date from the indexes alone.
 * - `stock_movement_lot` (a distributor's movements by lot, then day) now carries what stock at a
 *   date sums and shows — brand, quantity, expiry — so summing a distributor's lots up to a day
 *   reads its index entries in lot order and no heap page; before, each movement was a heap fetch,
 *   scattered over the table (BENCHMARKS.md, 2026-12-07 19:05). The writers' lookups
 *   by lot use the same keys, so the covering index replaces the old one.
 * - `stock_balance_on_hand` (1772300000001) lacked the brand that every read's scope checks, so each
 *   lot on hand was still fetched from the heap to check it.
 */
export class StockIndexOnly1772800000001 implements MigrationInterface {
  name = 'StockIndexOnly1772800000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX stock_movement_lot_covering ON stock_movement
      (distributor_id, product_id, batch_no, serial_no, occurred_on) INCLUDE (brand_id, quantity, expiry_date)`);
    await q.query(`DROP INDEX stock_movement_lot`);
    await q.query(`ALTER INDEX stock_movement_lot_covering RENAME TO stock_movement_lot`);
    await q.query(`CREATE INDEX stock_balance_on_hand_brand ON stock_balance (distributor_id)
      INCLUDE (brand_id, product_id, batch_no, serial_no, expiry_date, quantity) WHERE quantity > 0`);
    await q.query(`DROP INDEX stock_balance_on_hand`);
    await q.query(`ALTER INDEX stock_balance_on_hand_brand RENAME TO stock_balance_on_hand`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_movement_lot`);
    await q.query(
      `CREATE INDEX stock_movement_lot ON stock_movement (distributor_id, product_id, batch_no, serial_no, occurred_on)`,
    );
    await q.query(`DROP INDEX stock_balance_on_hand`);
    await q.query(`CREATE INDEX stock_balance_on_hand ON stock_balance (distributor_id)
      INCLUDE (product_id, batch_no, serial_no, expiry_date, quantity) WHERE quantity > 0`);
  }
}
