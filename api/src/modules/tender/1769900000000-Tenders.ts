import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tenders (招标/投标) on an opportunity, the bid quote per product, and the brand's floor price per
 * product. A floor price is kept like the tier prices: rows effective from a date, the one in force
 * ending the day before a new one starts. A quote keeps the floor in force when it was made; below
 * it the quote waits for approval. One live (not rejected) quote per product of a tender.
 */
export class Tenders1769900000000 implements MigrationInterface {
  name = 'Tenders1769900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE product_floor_price (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      product_id uuid NOT NULL REFERENCES product(id),
      price numeric(18,2) NOT NULL CHECK (price >= 0),
      currency char(3) NOT NULL,
      effective_from date NOT NULL,
      effective_to date CHECK (effective_to IS NULL OR effective_to >= effective_from),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX product_floor_price_from ON product_floor_price (product_id, effective_from)`);

    await q.query(`CREATE TABLE tender (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      number varchar(64) NOT NULL,
      purchaser varchar(200) NOT NULL,
      budget numeric(18,2) NOT NULL CHECK (budget >= 0),
      currency char(3) NOT NULL,
      registration_deadline date NOT NULL,
      bid_opening_at timestamptz NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SUBMITTED', 'WON', 'LOST')),
      winning_price numeric(18,2) CHECK (winning_price >= 0),
      winner varchar(200),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status NOT IN ('WON', 'LOST') OR winner IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX tender_request_key ON tender (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE UNIQUE INDEX tender_number ON tender (opportunity_id, number)`);
    await q.query(`CREATE INDEX tender_of_opportunity ON tender (opportunity_id, created_at)`);

    await q.query(`CREATE TABLE tender_quote (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      tender_id uuid NOT NULL REFERENCES tender(id),
      product_id uuid NOT NULL REFERENCES product(id),
      price numeric(18,2) NOT NULL CHECK (price >= 0),
      currency char(3) NOT NULL,
      floor_price numeric(18,2),
      status varchar(20) NOT NULL CHECK (status IN ('PENDING_APPROVAL', 'USABLE', 'REJECTED')),
      reason varchar(500),
      requested_by uuid NOT NULL REFERENCES app_user(id),
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      decision_note varchar(500),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (status <> 'PENDING_APPROVAL' OR reason IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX tender_quote_live ON tender_quote (tender_id, product_id) WHERE status <> 'REJECTED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX tender_quote_request_key ON tender_quote (requested_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX tender_quote_pending ON tender_quote (brand_id, created_at) WHERE status = 'PENDING_APPROVAL'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE tender_quote`);
    await q.query(`DROP TABLE tender`);
    await q.query(`DROP TABLE product_floor_price`);
  }
}
