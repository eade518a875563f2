import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger's statement: each INSERT's sales raise their hospital's last day of sale. */
const RAISE_LAST_SALE = `
        INSERT INTO sell_out_hospital_last AS t (brand_id, hospital_id, last_sold_on)
        SELECT a.brand_id, a.hospital_id, MAX(a.occurred_on)
          FROM added a WHERE a.kind = 'SOLD_OUT' AND a.hospital_id IS NOT NULL
         GROUP BY a.brand_id, a.hospital_id
         ORDER BY a.brand_id, a.hospital_id
        ON CONFLICT (brand_id, hospital_id) DO UPDATE SET last_sold_on = EXCLUDED.last_sold_on
         WHERE EXCLUDED.last_sold_on > t.last_sold_on;`;

/**
 * A hospital's last day of sell-out (最近流向日): the latest `occurred_on` of a SOLD_OUT movement
 * to it, per brand — whatever happened to that sale after (a reversal or a hospital's return is a
 * movement of another kind, and the sale stays). The brand dashboard's coverage counts a target
 * hospital as buying when an order was placed for it or a sale went to it since a day
 * (hospital-coverage.ts, BUYING); "a sale since the day" is "its last day of sale is on or after
 * it", so the 20,000 hospitals of a full-scale brand are answered by one hashed set of this
 * table's rows rather than one index probe each.
 *
 * A statement trigger on the movements keeps it in the writing transaction (every writer: the
 * mutations, an upload's commit, a fixture's INSERT). The day only rises, so each row is raised to
 * the greatest of its sales and never lowered: writers of one hospital queue on its row, in key
 * order, as writers of its month already do on sell_out_hospital_month.
 */
export class SelloutHospitalLast1772700000000 implements MigrationInterface {
  name = 'SelloutHospitalLast1772700000000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign keys, its key leading with brand_id: as the other sell-out summaries (docs/scaling.md)
    await q.query(`CREATE TABLE sell_out_hospital_last (
      brand_id uuid NOT NULL,
      hospital_id uuid NOT NULL,
      last_sold_on date NOT NULL,
      PRIMARY KEY (brand_id, hospital_id) INCLUDE (last_sold_on))`);
    await q.query(`CREATE FUNCTION sell_out_hospital_last_raise() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${RAISE_LAST_SALE}
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER stock_movement_sell_out_hospital_last AFTER INSERT ON stock_movement
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sell_out_hospital_last_raise()`);
    await q.query(`INSERT INTO sell_out_hospital_last (brand_id, hospital_id, last_sold_on)
      SELECT brand_id, hospital_id, MAX(occurred_on) FROM stock_movement
       WHERE kind = 'SOLD_OUT' AND hospital_id IS NOT NULL
       GROUP BY brand_id, hospital_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stock_movement_sell_out_hospital_last ON stock_movement`);
    await q.query(`DROP FUNCTION sell_out_hospital_last_raise()`);
    await q.query(`DROP TABLE sell_out_hospital_last`);
  }
}
