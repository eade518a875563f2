import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Authorization letters (授权书) for one tender: the brand authorizes the tender's distributor to
 * bid it at its hospital for named products, from the day issued to the bid opening at the latest
 * and never past the grants it rests on (`grant_ids`, one per product: revoking one revokes the
 * letter). Issued once per request key of the issuer.
 */
export class TenderLetters1771600000000 implements MigrationInterface {
  name = 'TenderLetters1771600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE tender_letter (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      tender_id uuid NOT NULL REFERENCES tender(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      project varchar(200) NOT NULL,
      product_ids uuid[] NOT NULL CHECK (cardinality(product_ids) > 0),
      grant_ids uuid[] NOT NULL CHECK (cardinality(grant_ids) > 0),
      valid_from date NOT NULL,
      valid_to date NOT NULL,
      issued_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to >= valid_from))`);
    await q.query(`CREATE INDEX tender_letter_of_tender ON tender_letter (tender_id, created_at)`);
    await q.query(
      `CREATE UNIQUE INDEX tender_letter_request_key ON tender_letter (issued_by, request_key) WHERE request_key IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tender_letter`);
  }
}
