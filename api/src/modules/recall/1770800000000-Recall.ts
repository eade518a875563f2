import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recalls (召回). A recall names a product's batch or serial; its reach is computed once, when it is
 * issued, from the stock movements and sell-out of that lot: `recall_distributor` (every distributor,
 * first or second tier, that received or holds it, with its units) and `recall_hospital` (every
 * hospital department a distributor sold it to, net of returns). The reach and the
 * acknowledgements (`recall_ack`, one per recipient distributor) are facts: append-only, so a
 * closed recall keeps them exactly as they were. Only the recall's own status moves (OPEN → CLOSED).
 *
 * Also the indexes the reads of the lot need on stock_movement: the movements of one batch or one
 * serial of a product (a recall's reach), and sell-out of a brand by month (by region and month).
 */
export class Recall1770800000000 implements MigrationInterface {
  name = 'Recall1770800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE recall (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      product_id uuid NOT NULL REFERENCES product(id),
      batch_no varchar(64) NOT NULL DEFAULT '',
      serial_no varchar(64) NOT NULL DEFAULT '',
      reason varchar(500) NOT NULL,
      severity varchar(16) NOT NULL CHECK (severity IN ('CLASS_I', 'CLASS_II', 'CLASS_III')),
      instructions varchar(2000) NOT NULL,
      status varchar(8) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'CLOSED')),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      closed_by uuid REFERENCES app_user(id),
      closed_at timestamptz,
      request_key varchar(64),
      request_hash char(64),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (batch_no <> '' OR serial_no <> ''),
      CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL)))`);
    await q.query(
      `CREATE UNIQUE INDEX recall_request_key ON recall (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX recall_recent ON recall (brand_id, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE recall_distributor (
      recall_id uuid NOT NULL REFERENCES recall(id),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      received integer NOT NULL,
      held integer NOT NULL,
      transferred integer NOT NULL,
      sold integer NOT NULL,
      PRIMARY KEY (recall_id, distributor_id))`);
    await q.query(`CREATE INDEX recall_distributor_of ON recall_distributor (distributor_id, recall_id)`);

    await q.query(`CREATE TABLE recall_hospital (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      recall_id uuid NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL,
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid REFERENCES hospital_department(id),
      quantity integer NOT NULL CHECK (quantity > 0),
      FOREIGN KEY (recall_id, distributor_id) REFERENCES recall_distributor (recall_id, distributor_id))`);
    await q.query(`CREATE INDEX recall_hospital_of ON recall_hospital (recall_id, distributor_id)`);

    await q.query(`CREATE TABLE recall_ack (
      recall_id uuid NOT NULL,
      distributor_id uuid NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      acknowledged_by uuid NOT NULL REFERENCES app_user(id),
      acknowledged_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      PRIMARY KEY (recall_id, distributor_id),
      FOREIGN KEY (recall_id, distributor_id) REFERENCES recall_distributor (recall_id, distributor_id))`);

    for (const table of ['recall_distributor', 'recall_hospital', 'recall_ack']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }

    // a lot's movements across every distributor (a recall's reach, its picker)
    await q.query(`CREATE INDEX stock_movement_batch ON stock_movement (product_id, batch_no)`);
    await q.query(`CREATE INDEX stock_movement_serial ON stock_movement (product_id, serial_no) WHERE serial_no <> ''`);
    // sell-out of a brand by month (a region's month)
    await q.query(
      `CREATE INDEX stock_movement_sell_out ON stock_movement (brand_id, occurred_on, hospital_id) WHERE hospital_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX stock_movement_sell_out`);
    await q.query(`DROP INDEX stock_movement_serial`);
    await q.query(`DROP INDEX stock_movement_batch`);
    await q.query(`DROP TABLE recall_ack`);
    await q.query(`DROP TABLE recall_hospital`);
    await q.query(`DROP TABLE recall_distributor`);
    await q.query(`DROP TABLE recall`);
  }
}
