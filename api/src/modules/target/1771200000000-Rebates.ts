import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rebates (返利) on agreed targets. A policy per product line is appended as versions (its bands
 * as exact decimal strings). A posting is one approval of a distributor's quarter on a line: what
 * was due then and the difference it posted to the ledger; a recomputation appends another row
 * with the new difference, never an edit.
 */
export class Rebates1771200000000 implements MigrationInterface {
  name = 'Rebates1771200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE rebate_policy (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      product_line_id uuid NOT NULL REFERENCES product_line(id),
      version integer NOT NULL CHECK (version >= 1),
      bands jsonb NOT NULL CHECK (jsonb_typeof(bands) = 'array' AND jsonb_array_length(bands) >= 1),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX rebate_policy_version ON rebate_policy (product_line_id, version)`);
    await q.query(`CREATE UNIQUE INDEX rebate_policy_request_key ON rebate_policy (created_by, request_key)`);

    await q.query(`CREATE TABLE rebate_posting (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      target_id uuid NOT NULL REFERENCES sales_target(id),
      quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      number integer NOT NULL CHECK (number >= 1),
      policy_id uuid NOT NULL REFERENCES rebate_policy(id),
      quarter_amount numeric(18,2) NOT NULL CHECK (quarter_amount >= 0),
      sell_in numeric(18,2) NOT NULL,
      rate numeric(6,4) NOT NULL CHECK (rate >= 0 AND rate <= 1),
      due numeric(18,2) NOT NULL,
      amount numeric(18,2) NOT NULL CHECK (amount <> 0),
      currency char(3) NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX rebate_posting_number ON rebate_posting (target_id, quarter, number)`);
    await q.query(`CREATE INDEX rebate_posting_of_distributor ON rebate_posting (distributor_id)`);

    for (const table of ['rebate_policy', 'rebate_posting']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rebate_posting`);
    await q.query(`DROP TABLE rebate_policy`);
  }
}
