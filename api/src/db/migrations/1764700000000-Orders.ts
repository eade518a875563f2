import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders with their lines, price adjustments and status events; shipments with per-item
 * batch/serial/UDI; the ledger's receivables; in-app notifications; credit limits.
 * Lines, adjustments, events, shipments and ledger entries are facts: the database refuses to
 * rewrite them (refuse_change, from the foundation), so corrections can only be new rows.
 */
export class Orders1764700000000 implements MigrationInterface {
  name = 'Orders1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE distributor ADD COLUMN credit_limit numeric(18,2) NOT NULL DEFAULT 0 CHECK (credit_limit >= 0)`,
    );
    await q.query(`CREATE SEQUENCE purchase_order_number_seq`);
    await q.query(`CREATE SEQUENCE shipment_number_seq`);
    await q.query(`CREATE TABLE purchase_order (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      number varchar(32) NOT NULL,
      kind varchar(16) NOT NULL CHECK (kind IN ('HOSPITAL', 'STOCK')),
      hospital_id uuid REFERENCES hospital(id),
      placed_by uuid NOT NULL REFERENCES app_user(id),
      status varchar(24) NOT NULL,
      currency char(3) NOT NULL,
      total numeric(18,2) NOT NULL CHECK (total >= 0),
      shipped_total numeric(18,2) NOT NULL DEFAULT 0,
      note varchar(500),
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      submitted_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((kind = 'HOSPITAL') = (hospital_id IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX purchase_order_number ON purchase_order (brand_id, number)`);
    await q.query(`CREATE UNIQUE INDEX purchase_order_idempotency ON purchase_order (placed_by, idempotency_key)`);
    await q.query(`CREATE INDEX purchase_order_queue ON purchase_order (brand_id, submitted_at DESC, id DESC)`);
    await q.query(`CREATE INDEX purchase_order_distributor ON purchase_order (distributor_id, status)`);
    await q.query(`CREATE INDEX purchase_order_placed_by ON purchase_order (placed_by, submitted_at DESC)`);

    await q.query(`CREATE TABLE order_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      order_id uuid NOT NULL REFERENCES purchase_order(id),
      line_no smallint NOT NULL,
      product_id uuid NOT NULL REFERENCES product(id),
      quantity integer NOT NULL CHECK (quantity > 0),
      unit_price numeric(18,2) NOT NULL CHECK (unit_price >= 0),
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (order_id, line_no))`);
    await q.query(`CREATE TABLE order_price_adjustment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      order_id uuid NOT NULL REFERENCES purchase_order(id),
      order_line_id uuid NOT NULL REFERENCES order_line(id),
      from_unit_price numeric(18,2) NOT NULL,
      to_unit_price numeric(18,2) NOT NULL CHECK (to_unit_price >= 0),
      currency char(3) NOT NULL,
      reason varchar(500) NOT NULL,
      actor_id uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX order_price_adjustment_line ON order_price_adjustment (order_line_id, created_at)`);
    await q.query(`CREATE TABLE order_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      order_id uuid NOT NULL REFERENCES purchase_order(id),
      action varchar(32) NOT NULL,
      from_status varchar(24),
      to_status varchar(24) NOT NULL,
      reason varchar(500),
      actor_id uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX order_event_order ON order_event (order_id, created_at)`);

    await q.query(`CREATE TABLE shipment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      order_id uuid NOT NULL REFERENCES purchase_order(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      number varchar(32) NOT NULL,
      shipped_on date NOT NULL,
      carrier varchar(100),
      tracking_no varchar(100),
      amount numeric(18,2) NOT NULL,
      currency char(3) NOT NULL,
      reverses_id uuid REFERENCES shipment(id),
      reason varchar(500),
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX shipment_idempotency ON shipment (created_by, idempotency_key)`);
    await q.query(`CREATE UNIQUE INDEX shipment_reversed_once ON shipment (reverses_id) WHERE reverses_id IS NOT NULL`);
    await q.query(`CREATE INDEX shipment_order ON shipment (order_id, created_at)`);
    await q.query(`CREATE TABLE shipment_item (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      shipment_id uuid NOT NULL REFERENCES shipment(id),
      order_line_id uuid NOT NULL REFERENCES order_line(id),
      item_no smallint NOT NULL,
      quantity integer NOT NULL CHECK (quantity <> 0),
      batch_no varchar(64),
      serial_no varchar(64),
      udi_pi varchar(120),
      expiry_date date,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (shipment_id, item_no))`);
    await q.query(`CREATE INDEX shipment_item_line ON shipment_item (order_line_id)`);
    await q.query(
      `CREATE INDEX shipment_item_serial ON shipment_item (brand_id, serial_no) WHERE serial_no IS NOT NULL`,
    );

    await q.query(`CREATE TABLE ledger_entry (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      kind varchar(32) NOT NULL,
      amount numeric(18,2) NOT NULL,
      currency char(3) NOT NULL,
      occurred_on date NOT NULL,
      source_type varchar(32) NOT NULL,
      source_id uuid NOT NULL,
      reverses_id uuid REFERENCES ledger_entry(id),
      memo varchar(500),
      created_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // One entry of a kind per source document: a replayed posting cannot double a receivable.
    await q.query(`CREATE UNIQUE INDEX ledger_entry_source ON ledger_entry (source_type, source_id, kind)`);
    await q.query(`CREATE INDEX ledger_entry_distributor ON ledger_entry (distributor_id, occurred_on, created_at)`);

    // seq orders the inbox newest first with an exact keyset (timestamps lose microseconds in JS)
    await q.query(`CREATE TABLE notification (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      kind varchar(40) NOT NULL,
      entity varchar(40) NOT NULL,
      entity_id uuid NOT NULL,
      params jsonb NOT NULL DEFAULT '{}'::jsonb,
      read_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX notification_inbox ON notification (user_id, seq DESC)`);
    await q.query(`CREATE INDEX notification_unread ON notification (user_id) WHERE read_at IS NULL`);

    for (const table of [
      'order_line',
      'order_price_adjustment',
      'order_event',
      'shipment',
      'shipment_item',
      'ledger_entry',
    ]) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'notification',
      'ledger_entry',
      'shipment_item',
      'shipment',
      'order_event',
      'order_price_adjustment',
      'order_line',
      'purchase_order',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE shipment_number_seq`);
    await q.query(`DROP SEQUENCE purchase_order_number_seq`);
    await q.query(`ALTER TABLE distributor DROP COLUMN credit_limit`);
  }
}
