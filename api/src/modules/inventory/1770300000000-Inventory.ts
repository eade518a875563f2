import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Channel inventory (渠道库存). `stock_movement` holds the facts, appended and never changed: a
 * wrong movement is corrected by a REVERSAL of the opposite quantity (one per movement). Stock on
 * any day is the sum of the movements up to it. `stock_balance` keeps today's sum per distributor,
 * product and lot (batch, serial), written in the same transaction as each movement; its CHECK
 * keeps it at zero or more, and the row lock its upsert takes queues concurrent writers of a lot,
 * so stock never goes negative however many write at once. A shipment item is received once.
 */
export class Inventory1770300000000 implements MigrationInterface {
  name = 'Inventory1770300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stock_movement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      product_id uuid NOT NULL REFERENCES product(id),
      batch_no varchar(64) NOT NULL DEFAULT '',
      serial_no varchar(64) NOT NULL DEFAULT '',
      expiry_date date,
      kind varchar(16) NOT NULL CHECK (kind IN ('RECEIVED', 'SOLD_OUT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURNED', 'ADJUSTED', 'REVERSAL')),
      quantity integer NOT NULL CHECK (quantity <> 0),
      occurred_on date NOT NULL,
      hospital_id uuid REFERENCES hospital(id),
      department_id uuid REFERENCES hospital_department(id),
      counterpart_id uuid REFERENCES distributor(id),
      shipment_item_id uuid REFERENCES shipment_item(id),
      pair_id uuid REFERENCES stock_movement(id),
      reverses_id uuid UNIQUE REFERENCES stock_movement(id),
      reason varchar(500),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (serial_no = '' OR abs(quantity) = 1),
      CHECK ((kind IN ('SOLD_OUT', 'RETURNED')) = (hospital_id IS NOT NULL) OR kind = 'REVERSAL'),
      CHECK ((kind = 'REVERSAL') = (reverses_id IS NOT NULL)),
      CHECK (kind <> 'ADJUSTED' OR reason IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX stock_movement_request_key ON stock_movement (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX stock_movement_received_once ON stock_movement (shipment_item_id) WHERE kind = 'RECEIVED'`,
    );
    await q.query(
      `CREATE INDEX stock_movement_lot ON stock_movement (distributor_id, product_id, batch_no, serial_no, occurred_on)`,
    );
    await q.query(
      `CREATE INDEX stock_movement_recent ON stock_movement (brand_id, occurred_on DESC, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX stock_movement_hospital ON stock_movement (hospital_id, occurred_on) WHERE hospital_id IS NOT NULL`,
    );
    await q.query(
      `CREATE TRIGGER stock_movement_append_only BEFORE UPDATE OR DELETE ON stock_movement FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER stock_movement_no_truncate BEFORE TRUNCATE ON stock_movement FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );

    await q.query(`CREATE TABLE stock_balance (
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      product_id uuid NOT NULL REFERENCES product(id),
      batch_no varchar(64) NOT NULL,
      serial_no varchar(64) NOT NULL,
      expiry_date date,
      quantity integer NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (distributor_id, product_id, batch_no, serial_no),
      CONSTRAINT stock_balance_not_negative CHECK (quantity >= 0),
      CONSTRAINT stock_balance_one_unit CHECK (serial_no = '' OR quantity <= 1))`);
    await q.query(`CREATE INDEX stock_balance_expiry ON stock_balance (expiry_date) WHERE quantity > 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE stock_balance`);
    await q.query(`DROP TABLE stock_movement`);
  }
}
