import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Finance: invoices against shipments, payments allocated to invoices, collection dates on every
 * receivable, monthly statements with versions and disputes, payment terms, and a rep's access
 * to the account when the owner grants it. Statement lines, disputes' raising and payment
 * allocations are facts (append-only); a statement's status and a dispute's resolution move on.
 */
export class Finance1764800000000 implements MigrationInterface {
  name = 'Finance1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE distributor ADD COLUMN payment_terms_days smallint NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 365)`,
    );
    await q.query(`ALTER TABLE app_user ADD COLUMN finance_access boolean NOT NULL DEFAULT false`);
    // The collection date a receivable was given when it arose (shipment date + the terms then).
    await q.query(`ALTER TABLE ledger_entry ADD COLUMN due_on date`);

    await q.query(`CREATE TABLE invoice (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      number varchar(40) NOT NULL,
      issued_on date NOT NULL,
      due_on date NOT NULL,
      tax_rate numeric(5,4) NOT NULL CHECK (tax_rate >= 0 AND tax_rate < 1),
      net_amount numeric(18,2) NOT NULL,
      tax_amount numeric(18,2) NOT NULL,
      gross_amount numeric(18,2) NOT NULL CHECK (gross_amount > 0),
      currency char(3) NOT NULL,
      external_ref varchar(100),
      request_hash char(64) NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE SEQUENCE invoice_number_seq`);
    await q.query(`CREATE UNIQUE INDEX invoice_number ON invoice (brand_id, number)`);
    await q.query(
      `CREATE UNIQUE INDEX invoice_external_ref ON invoice (brand_id, external_ref) WHERE external_ref IS NOT NULL`,
    );
    await q.query(`CREATE INDEX invoice_distributor ON invoice (distributor_id, issued_on)`);
    await q.query(`CREATE TABLE invoice_shipment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      invoice_id uuid NOT NULL REFERENCES invoice(id),
      shipment_id uuid NOT NULL REFERENCES shipment(id),
      amount numeric(18,2) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // a shipment is invoiced once
    await q.query(`CREATE UNIQUE INDEX invoice_shipment_once ON invoice_shipment (shipment_id)`);
    await q.query(`CREATE INDEX invoice_shipment_invoice ON invoice_shipment (invoice_id)`);

    await q.query(`CREATE TABLE payment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      received_on date NOT NULL,
      method varchar(24) NOT NULL,
      external_ref varchar(100) NOT NULL,
      request_hash char(64) NOT NULL,
      note varchar(500),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // the bank's or the ERP's reference: a replayed payment is the same payment
    await q.query(`CREATE UNIQUE INDEX payment_external_ref ON payment (brand_id, external_ref)`);
    await q.query(`CREATE INDEX payment_distributor ON payment (distributor_id, received_on)`);
    await q.query(`CREATE TABLE payment_allocation (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      payment_id uuid NOT NULL REFERENCES payment(id),
      invoice_id uuid NOT NULL REFERENCES invoice(id),
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX payment_allocation_payment ON payment_allocation (payment_id)`);
    await q.query(`CREATE INDEX payment_allocation_invoice ON payment_allocation (invoice_id)`);

    await q.query(`CREATE TABLE statement (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      period char(7) NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
      version integer NOT NULL,
      status varchar(16) NOT NULL,
      currency char(3) NOT NULL,
      opening_balance numeric(18,2) NOT NULL,
      closing_balance numeric(18,2) NOT NULL,
      debits numeric(18,2) NOT NULL,
      credits numeric(18,2) NOT NULL,
      confirmed_by uuid REFERENCES app_user(id),
      confirmed_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (distributor_id, period, version))`);
    await q.query(`CREATE INDEX statement_brand_period ON statement (brand_id, period DESC)`);
    await q.query(`CREATE TABLE statement_line (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      statement_id uuid NOT NULL REFERENCES statement(id),
      line_no integer NOT NULL,
      ledger_entry_id uuid NOT NULL REFERENCES ledger_entry(id),
      occurred_on date NOT NULL,
      kind varchar(32) NOT NULL,
      amount numeric(18,2) NOT NULL,
      memo varchar(500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (statement_id, line_no))`);
    await q.query(`CREATE TABLE statement_dispute (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      statement_id uuid NOT NULL REFERENCES statement(id),
      statement_line_id uuid NOT NULL REFERENCES statement_line(id),
      comment varchar(1000) NOT NULL,
      raised_by uuid NOT NULL REFERENCES app_user(id),
      status varchar(16) NOT NULL DEFAULT 'OPEN',
      resolution varchar(1000),
      adjustment_entry_id uuid REFERENCES ledger_entry(id),
      resolved_by uuid REFERENCES app_user(id),
      resolved_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (statement_line_id))`);
    await q.query(`CREATE INDEX statement_dispute_open ON statement_dispute (brand_id, status)`);
    for (const table of ['invoice', 'invoice_shipment', 'payment', 'payment_allocation', 'statement_line']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'statement_dispute',
      'statement_line',
      'statement',
      'payment_allocation',
      'payment',
      'invoice_shipment',
      'invoice',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP SEQUENCE invoice_number_seq`);
    await q.query(`ALTER TABLE ledger_entry DROP COLUMN due_on`);
    await q.query(`ALTER TABLE app_user DROP COLUMN finance_access`);
    await q.query(`ALTER TABLE distributor DROP COLUMN payment_terms_days`);
  }
}
