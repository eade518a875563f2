import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A distributor's owner proposes the renewal of one of his company's documents (new number, dates,
 * scope, scan). The proposal lives beside the documents, not among them: nothing that reads
 * qualifications sees it until the brand approves it and it becomes a document of its own.
 */
export class QualificationRenewals1769400000000 implements MigrationInterface {
  name = 'QualificationRenewals1769400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE qualification_renewal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      qualification_id uuid NOT NULL REFERENCES qualification(id),
      type varchar(32) NOT NULL,
      number varchar(80) NOT NULL,
      device_classes varchar(4)[] NOT NULL DEFAULT '{}',
      valid_from date NOT NULL,
      valid_to date,
      file_key varchar(300),
      file_name varchar(200),
      file_mime varchar(64),
      file_size integer,
      file_sha256 char(64),
      status varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
      reject_reason varchar(500),
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      renewed_qualification_id uuid REFERENCES qualification(id),
      proposed_by uuid NOT NULL REFERENCES app_user(id),
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX qualification_renewal_idempotency ON qualification_renewal (proposed_by, idempotency_key)`,
    );
    await q.query(`CREATE INDEX qualification_renewal_of ON qualification_renewal (qualification_id, created_at DESC)`);
    await q.query(`CREATE INDEX qualification_renewal_distributor ON qualification_renewal (distributor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qualification_renewal`);
  }
}
