import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A won tender becomes the distributor's order at the tender's quoted prices: the order keeps the
 * tender and the opportunity it came of. One live order per tender (a cancelled or rejected one
 * leaves room for the next), so a second tap answers the first order whatever its request key.
 */
export class TenderOrders1770200000001 implements MigrationInterface {
  name = 'TenderOrders1770200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE purchase_order
      ADD COLUMN tender_id uuid REFERENCES tender(id),
      ADD COLUMN opportunity_id uuid REFERENCES opportunity(id),
      ADD CONSTRAINT purchase_order_tender_opportunity CHECK ((tender_id IS NULL) = (opportunity_id IS NULL))`);
    await q.query(`CREATE INDEX purchase_order_of_tender ON purchase_order (tender_id) WHERE tender_id IS NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX purchase_order_live_of_tender ON purchase_order (tender_id)
      WHERE tender_id IS NOT NULL AND status NOT IN ('CANCELLED', 'REJECTED')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX purchase_order_live_of_tender`);
    await q.query(`DROP INDEX purchase_order_of_tender`);
    await q.query(`ALTER TABLE purchase_order DROP CONSTRAINT purchase_order_tender_opportunity,
      DROP COLUMN opportunity_id, DROP COLUMN tender_id`);
  }
}
