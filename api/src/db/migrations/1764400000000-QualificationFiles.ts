import { MigrationInterface, QueryRunner } from 'typeorm';

/** The scanned document behind a qualification. */
export class QualificationFiles1764400000000 implements MigrationInterface {
  name = 'QualificationFiles1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE qualification
      ADD COLUMN file_key varchar(300),
      ADD COLUMN file_name varchar(200),
      ADD COLUMN file_mime varchar(64),
      ADD COLUMN file_size integer,
      ADD COLUMN file_sha256 char(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE qualification DROP COLUMN file_key, DROP COLUMN file_name, DROP COLUMN file_mime,
      DROP COLUMN file_size, DROP COLUMN file_sha256`);
  }
}
