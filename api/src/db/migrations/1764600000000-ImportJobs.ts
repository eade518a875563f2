import { MigrationInterface, QueryRunner } from 'typeorm';

/** Spreadsheet imports, previewed (rows and errors kept) before an all-or-nothing commit. */
export class ImportJobs1764600000000 implements MigrationInterface {
  name = 'ImportJobs1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE import_job (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      kind varchar(32) NOT NULL,
      file_name varchar(200),
      status varchar(16) NOT NULL CHECK (status IN ('PREVIEWED', 'COMMITTED')),
      total_rows integer NOT NULL,
      error_count integer NOT NULL,
      errors jsonb NOT NULL DEFAULT '[]'::jsonb,
      payload jsonb NOT NULL,
      summary jsonb NOT NULL DEFAULT '{}'::jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX import_job_brand ON import_job (brand_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE import_job`);
  }
}
