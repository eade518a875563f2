import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opportunities (机会点) and their registration (项目报备). An opportunity is a hospital × department
 * × product line that someone works on; its hospital, department and line never change after it is
 * captured, since a registration protects exactly them. Each stage it reaches is a fact appended to
 * `opportunity_stage_fact` (never changed). A registration is PENDING until the brand decides; an
 * approved one carries the day its protection ends. One pending registration per opportunity at a
 * time (a double tap answers the first). The brand's protection period is a setting of its own.
 */
export class Opportunities1768500000000 implements MigrationInterface {
  name = 'Opportunities1768500000000';

  async up(q: QueryRunner): Promise<void> {
    const stages = `'LEAD', 'NEED_CONFIRMED', 'TRIAL', 'TENDER', 'WON', 'LOST'`;
    await q.query(`CREATE TABLE opportunity (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid NOT NULL REFERENCES hospital_department(id),
      product_line_id uuid NOT NULL REFERENCES product_line(id),
      product_ids uuid[] NOT NULL DEFAULT '{}',
      need varchar(500) NOT NULL,
      estimated_value numeric(18,2) NOT NULL CHECK (estimated_value >= 0),
      currency char(3) NOT NULL,
      expected_month char(7) CHECK (expected_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      competitor varchar(200),
      owner_id uuid NOT NULL REFERENCES app_user(id),
      distributor_id uuid REFERENCES distributor(id),
      stage varchar(16) NOT NULL DEFAULT 'LEAD' CHECK (stage IN (${stages})),
      lost_reason varchar(500),
      lost_to varchar(200),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (stage <> 'LOST' OR lost_reason IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX opportunity_request_key ON opportunity (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX opportunity_recent ON opportunity (brand_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX opportunity_by_distributor ON opportunity (distributor_id, created_at DESC)`);
    await q.query(`CREATE INDEX opportunity_place ON opportunity (hospital_id, department_id, product_line_id)`);

    await q.query(`CREATE TABLE opportunity_stage_fact (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      stage varchar(16) NOT NULL CHECK (stage IN (${stages})),
      note varchar(500),
      lost_to varchar(200),
      recorded_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp())`);
    await q.query(`CREATE INDEX opportunity_stage_fact_of ON opportunity_stage_fact (opportunity_id, created_at)`);
    await q.query(
      `CREATE TRIGGER opportunity_stage_fact_append_only BEFORE UPDATE OR DELETE ON opportunity_stage_fact FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER opportunity_stage_fact_no_truncate BEFORE TRUNCATE ON opportunity_stage_fact FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );

    await q.query(`CREATE TABLE deal_registration (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      status varchar(16) NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
      registered_by uuid NOT NULL REFERENCES app_user(id),
      decided_by uuid REFERENCES app_user(id),
      decided_at timestamptz,
      reject_reason varchar(500),
      protected_until date,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'APPROVED') = (protected_until IS NOT NULL)),
      CHECK ((status = 'REJECTED') = (reject_reason IS NOT NULL)),
      CHECK ((status = 'PENDING') = (decided_at IS NULL)))`);
    await q.query(
      `CREATE UNIQUE INDEX deal_registration_pending ON deal_registration (opportunity_id) WHERE status = 'PENDING'`,
    );
    await q.query(`CREATE INDEX deal_registration_of ON deal_registration (opportunity_id, created_at DESC)`);

    await q.query(`CREATE TABLE opportunity_setting (
      brand_id uuid PRIMARY KEY REFERENCES brand(id),
      protection_days integer NOT NULL CHECK (protection_days BETWEEN 1 AND 3650),
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE opportunity_setting`);
    await q.query(`DROP TABLE deal_registration`);
    await q.query(`DROP TABLE opportunity_stage_fact`);
    await q.query(`DROP TABLE opportunity`);
  }
}
