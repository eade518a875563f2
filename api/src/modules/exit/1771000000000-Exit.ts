import { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'RECEIVED', 'SOLD_OUT', 'TRANSFER_OUT', 'TRANSFER_IN', 'RETURNED', 'ADJUSTED', 'REVERSAL'`;

/**
 * 劝退, a managed exit. One plan per distributor: its effective date (no new order from it, the
 * authorizations revoked from it), the day sell-out is allowed until, the successor. Its steps
 * are stamped on the plan as they are done. Returns (退货) buy stock back by batch and serial:
 * each line's BRAND_RETURN movement takes the units out of the distributor's stock and the return's
 * credit note lowers its account. The hand-over lists every record handed to the successor.
 */
export class Exit1771000000000 implements MigrationInterface {
  name = 'Exit1771000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check`);
    await q.query(
      `ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check CHECK (kind IN (${KINDS}, 'BRAND_RETURN'))`,
    );
    await q.query(`CREATE TABLE exit_plan (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL UNIQUE REFERENCES distributor(id),
      successor_id uuid REFERENCES distributor(id),
      effective_on date NOT NULL,
      sell_out_until date,
      reason varchar(500) NOT NULL,
      authorizations_revoked integer NOT NULL DEFAULT 0,
      handed_over_at timestamptz,
      successor_authorization_id uuid REFERENCES authorization_grant(id),
      settled_at timestamptz,
      final_balance numeric(18,2),
      final_currency char(3),
      acknowledged_at timestamptz,
      acknowledged_by uuid REFERENCES app_user(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (successor_id IS NULL OR successor_id <> distributor_id),
      CHECK (sell_out_until IS NULL OR sell_out_until >= effective_on))`);
    await q.query(`CREATE UNIQUE INDEX exit_plan_request_key ON exit_plan (created_by, request_key)`);
    await q.query(`CREATE INDEX exit_plan_recent ON exit_plan (brand_id, effective_on DESC, id DESC)`);

    await q.query(`CREATE TABLE exit_order_decision (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      plan_id uuid NOT NULL REFERENCES exit_plan(id),
      order_id uuid NOT NULL UNIQUE REFERENCES purchase_order(id),
      decision varchar(8) NOT NULL CHECK (decision IN ('FINISH', 'CANCEL')),
      reason varchar(500) NOT NULL,
      decided_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX exit_order_decision_plan ON exit_order_decision (plan_id)`);

    await q.query(`CREATE TABLE exit_return (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      plan_id uuid NOT NULL REFERENCES exit_plan(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      occurred_on date NOT NULL,
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      credit_id uuid NOT NULL UNIQUE REFERENCES account_credit(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX exit_return_request_key ON exit_return (created_by, request_key)`);
    await q.query(`CREATE INDEX exit_return_plan ON exit_return (plan_id, created_at)`);

    await q.query(`CREATE TABLE exit_return_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      return_id uuid NOT NULL REFERENCES exit_return(id),
      line_no smallint NOT NULL,
      product_id uuid NOT NULL REFERENCES product(id),
      batch_no varchar(64) NOT NULL,
      serial_no varchar(64) NOT NULL,
      quantity integer NOT NULL CHECK (quantity > 0),
      unit_price numeric(18,2) NOT NULL CHECK (unit_price >= 0),
      amount numeric(18,2) NOT NULL,
      movement_id uuid NOT NULL UNIQUE REFERENCES stock_movement(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (return_id, line_no))`);

    await q.query(`CREATE TABLE exit_handover (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      plan_id uuid NOT NULL REFERENCES exit_plan(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('HOSPITAL', 'OPPORTUNITY', 'COMMITMENT', 'AUTHORIZATION')),
      record_id uuid NOT NULL,
      successor_id uuid NOT NULL REFERENCES distributor(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (plan_id, kind, record_id))`);
    for (const t of ['exit_order_decision', 'exit_return', 'exit_return_line', 'exit_handover']) {
      await q.query(
        `CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      // and not emptied wholesale either, as every fact table
      await q.query(
        `CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['exit_handover', 'exit_return_line', 'exit_return', 'exit_order_decision', 'exit_plan'])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check`);
    await q.query(`ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check CHECK (kind IN (${KINDS}))`);
  }
}
