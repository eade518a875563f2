import { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger's statement: each INSERT's sales added to the summary, grouped (1772500000000 keeps it). */
export const ADD_BY_DISTRIBUTOR = `
        INSERT INTO sell_out_month AS s (brand_id, distributor_id, hospital_id, department_id, product_id, month, sold)
        SELECT a.brand_id, a.distributor_id, a.hospital_id, a.department_id, a.product_id,
               date_trunc('month', a.occurred_on)::date, -SUM(a.quantity)::int
          FROM added a WHERE a.hospital_id IS NOT NULL
         GROUP BY a.brand_id, a.distributor_id, a.hospital_id, a.department_id, a.product_id, date_trunc('month', a.occurred_on)
         ORDER BY a.brand_id, a.distributor_id, a.hospital_id, a.product_id, date_trunc('month', a.occurred_on), a.department_id
        ON CONFLICT (brand_id, distributor_id, hospital_id, product_id, month, (COALESCE(department_id, '00000000-0000-0000-0000-000000000000'::uuid)))
        DO UPDATE SET sold = s.sold + EXCLUDED.sold;`;

/**
 * Sell-out by month (流向月汇总): units sold out, net of hospitals' returns and reversals, per
 * distributor, hospital, department, product and month — the sum of the movements that name a
 * hospital. It is kept by the movements' own table: a statement trigger adds each INSERT's rows,
 * grouped, so every writer (appendMovement, an upload's commit, a fixture's INSERT) keeps it equal
 * to the movements, in the same transaction. Movements are append-only, so adding is all it takes.
 * The sell-out list, its export and the dashboard's trend read whole months here and only the
 * days at a range's edges from the movements (docs/architecture.md, "Facts are appended, and reversed").
 *
 * The trigger's upsert locks each summary row it adds to, in key order, until commit: two sales of
 * one product to one department in one month by one distributor queue, as two sales of one lot
 * already do on stock_balance.
 */
export class SelloutMonth1772400000000 implements MigrationInterface {
  name = 'SelloutMonth1772400000000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign keys: every id is copied from a movement, whose own keys checked it; the unique key
    // leads with brand_id, as the distribution rule asks (docs/scaling.md)
    await q.query(`CREATE TABLE sell_out_month (
      brand_id uuid NOT NULL,
      distributor_id uuid NOT NULL,
      hospital_id uuid NOT NULL,
      department_id uuid,
      product_id uuid NOT NULL,
      month date NOT NULL CHECK (extract(day FROM month) = 1),
      sold integer NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX sell_out_month_key ON sell_out_month
      (brand_id, distributor_id, hospital_id, product_id, month, (COALESCE(department_id, '00000000-0000-0000-0000-000000000000'::uuid)))`);
    // a brand's or a region's months: read from the index alone
    await q.query(`CREATE INDEX sell_out_month_hospital ON sell_out_month (hospital_id, month)
      INCLUDE (distributor_id, department_id, product_id, sold)`);
    await q.query(`CREATE INDEX sell_out_month_brand ON sell_out_month (brand_id, month)
      INCLUDE (distributor_id, hospital_id, department_id, product_id, sold)`);
    await q.query(`CREATE FUNCTION sell_out_month_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ADD_BY_DISTRIBUTOR}
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER stock_movement_sell_out_month AFTER INSERT ON stock_movement
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sell_out_month_add()`);
    await q.query(`INSERT INTO sell_out_month (brand_id, distributor_id, hospital_id, department_id, product_id, month, sold)
      SELECT brand_id, distributor_id, hospital_id, department_id, product_id, date_trunc('month', occurred_on)::date, -SUM(quantity)::int
        FROM stock_movement WHERE hospital_id IS NOT NULL
       GROUP BY brand_id, distributor_id, hospital_id, department_id, product_id, date_trunc('month', occurred_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER stock_movement_sell_out_month ON stock_movement`);
    await q.query(`DROP FUNCTION sell_out_month_add()`);
    await q.query(`DROP TABLE sell_out_month`);
  }
}
