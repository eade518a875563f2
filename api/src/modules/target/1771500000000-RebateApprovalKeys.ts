import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An approval of a quarter's rebate carries the client's request key: the posting it wrote keeps
 * the key and the fingerprint of what was asked, so a retry answers that posting and posts nothing
 * again. Postings from before have none (a unique index lets many rows be without a key).
 */
export class RebateApprovalKeys1771500000000 implements MigrationInterface {
  name = 'RebateApprovalKeys1771500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rebate_posting ADD COLUMN request_key varchar(64), ADD COLUMN request_hash char(64)`);
    await q.query(
      `ALTER TABLE rebate_posting ADD CONSTRAINT rebate_posting_key_with_hash CHECK ((request_key IS NULL) = (request_hash IS NULL))`,
    );
    await q.query(`CREATE UNIQUE INDEX rebate_posting_request_key ON rebate_posting (created_by, request_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rebate_posting_request_key`);
    await q.query(`ALTER TABLE rebate_posting DROP COLUMN request_key, DROP COLUMN request_hash`);
  }
}
