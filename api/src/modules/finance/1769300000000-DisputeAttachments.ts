import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence on a disputed statement line: the photos and documents (a delivery note, a signed receipt) the owner
 * attaches to his dispute, in the same file storage as qualification scans. Never changed; the same file sent twice
 * to one dispute (a retried upload) is one attachment.
 */
export class DisputeAttachments1769300000000 implements MigrationInterface {
  name = 'DisputeAttachments1769300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE statement_dispute_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      dispute_id uuid NOT NULL REFERENCES statement_dispute(id),
      file_key varchar(300) NOT NULL,
      file_name varchar(200) NOT NULL,
      file_mime varchar(80) NOT NULL,
      file_size integer NOT NULL,
      file_sha256 char(64) NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX statement_dispute_attachment_once ON statement_dispute_attachment (dispute_id, file_sha256)`,
    );
    await q.query(
      `CREATE TRIGGER statement_dispute_attachment_append_only BEFORE UPDATE OR DELETE ON statement_dispute_attachment FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER statement_dispute_attachment_no_truncate BEFORE TRUNCATE ON statement_dispute_attachment FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE statement_dispute_attachment`);
  }
}
