import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices by e-mail: a message that tells of a notice (or of a person's digest day) names itself
 * with a dedupe key, so writing it again (a job run twice, a retry of the change) writes nothing.
 */
export class NoticeMail1768000000000 implements MigrationInterface {
  name = 'NoticeMail1768000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE mail_message ADD COLUMN dedupe_key varchar(200)`);
    await q.query(`CREATE UNIQUE INDEX mail_message_dedupe ON mail_message (dedupe_key) WHERE dedupe_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX mail_message_dedupe`);
    await q.query(`ALTER TABLE mail_message DROP COLUMN dedupe_key`);
  }
}
