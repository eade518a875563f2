import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The coverage's "buying" test (hospital-coverage.ts, BUYING) asks of each target hospital whether
 * an order was placed for it or sell-out went to it since a day: one probe per hospital, 20,000 for
 * a brand's dashboard at full scale. Orders had no index by hospital (every probe read the brand's
 * orders); sell-out's probes read the movement rows to tell a sale from a return. Both are now
 * answered from an index: orders by hospital and day, sales by hospital and day with the brand.
 */
export class CoverageIndexes1772500000001 implements MigrationInterface {
  name = 'CoverageIndexes1772500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX purchase_order_hospital ON purchase_order (hospital_id, submitted_at) WHERE hospital_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX stock_movement_hospital_sold ON stock_movement (hospital_id, occurred_on) INCLUDE (brand_id) WHERE kind = 'SOLD_OUT'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_movement_hospital_sold`);
    await q.query(`DROP INDEX purchase_order_hospital`);
  }
}
