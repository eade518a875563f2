import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scorecards and re-tiering. The brand's weights and thresholds are appended as versions; a
 * re-tier proposal moves PROPOSED → APPROVED or REJECTED; an approval appends the distributor's
 * tier from a date to its tier history (distributor_tier), which price resolution reads: the tier
 * on a day is the latest history row effective by then, else distributor.tier (the tier it was
 * created with). History rows are never changed.
 */
export class Scorecards1771400000000 implements MigrationInterface {
  name = 'Scorecards1771400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scorecard_weights (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      version integer NOT NULL CHECK (version >= 1),
      weights jsonb NOT NULL,
      up_threshold numeric(5,2) NOT NULL CHECK (up_threshold BETWEEN 0 AND 100),
      down_threshold numeric(5,2) NOT NULL CHECK (down_threshold BETWEEN 0 AND 100),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (down_threshold < up_threshold))`);
    await q.query(`CREATE UNIQUE INDEX scorecard_weights_version ON scorecard_weights (brand_id, version)`);
    await q.query(`CREATE UNIQUE INDEX scorecard_weights_request_key ON scorecard_weights (created_by, request_key)`);

    await q.query(`CREATE TABLE retier_proposal (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      quarter smallint NOT NULL CHECK (quarter BETWEEN 1 AND 4),
      score numeric(5,2) NOT NULL,
      weights_version integer,
      from_tier smallint NOT NULL CHECK (from_tier BETWEEN 1 AND 9),
      to_tier smallint NOT NULL CHECK (to_tier BETWEEN 1 AND 9),
      status varchar(16) NOT NULL CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED')),
      effective_from date,
      review_reason varchar(500),
      reviewed_by uuid REFERENCES app_user(id),
      reviewed_at timestamptz,
      review_key varchar(64),
      review_hash char(64),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (abs(to_tier - from_tier) = 1),
      CHECK ((status = 'APPROVED') = (effective_from IS NOT NULL)),
      CHECK ((status = 'PROPOSED') = (reviewed_at IS NULL)))`);
    await q.query(`CREATE UNIQUE INDEX retier_proposal_request_key ON retier_proposal (created_by, request_key)`);
    await q.query(
      `CREATE UNIQUE INDEX retier_proposal_open ON retier_proposal (distributor_id) WHERE status = 'PROPOSED'`,
    );
    await q.query(`CREATE INDEX retier_proposal_brand ON retier_proposal (brand_id, status, created_at DESC)`);

    await q.query(`CREATE TABLE distributor_tier (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      tier smallint NOT NULL CHECK (tier BETWEEN 1 AND 9),
      effective_from date NOT NULL,
      proposal_id uuid REFERENCES retier_proposal(id),
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX distributor_tier_from ON distributor_tier (distributor_id, effective_from DESC)`,
    );
    await q.query(
      `CREATE TRIGGER distributor_tier_append_only BEFORE UPDATE OR DELETE ON distributor_tier FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER distributor_tier_no_truncate BEFORE TRUNCATE ON distributor_tier FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE distributor_tier`);
    await q.query(`DROP TABLE retier_proposal`);
    await q.query(`DROP TABLE scorecard_weights`);
  }
}
