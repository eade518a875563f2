import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Credit notes (折让) and rebates (返利) finance posts by hand, each with its reason: the record
 * behind the ledger entry that lowers the account, keyed by the request (a retry posts once), and
 * never changed (a mistake is reversed in the ledger like any entry).
 */
export class AccountCredits1768700000100 implements MigrationInterface {
  name = 'AccountCredits1768700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE account_credit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('CREDIT_NOTE', 'REBATE')),
      amount numeric(18,2) NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      occurred_on date NOT NULL,
      reason varchar(500) NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX account_credit_request_key ON account_credit (created_by, request_key)`);
    await q.query(`CREATE INDEX account_credit_distributor ON account_credit (distributor_id, occurred_on)`);
    await q.query(
      `CREATE TRIGGER account_credit_append_only BEFORE UPDATE OR DELETE ON account_credit FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER account_credit_no_truncate BEFORE TRUNCATE ON account_credit FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE account_credit`);
  }
}
