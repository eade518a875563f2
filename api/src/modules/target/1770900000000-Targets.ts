import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Potential and targets (渠道精耕). A department's potential per product line is appended as
 * versions (an edit is a new row, the old ones kept); the yearly consumables and equipment
 * potential are computed from the assumptions on the row. A target per distributor, product line
 * and year moves PROPOSED ⇄ COUNTERED → AGREED; each proposal or counter is an appended version.
 */
export class Targets1770900000000 implements MigrationInterface {
  name = 'Targets1770900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE department_potential (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid NOT NULL REFERENCES hospital_department(id),
      product_line_id uuid NOT NULL REFERENCES product_line(id),
      version integer NOT NULL CHECK (version >= 1),
      beds integer NOT NULL CHECK (beds >= 0),
      yearly_volume integer NOT NULL CHECK (yearly_volume >= 0),
      usage_per_procedure numeric(12,4) NOT NULL CHECK (usage_per_procedure >= 0),
      consumable_unit_price numeric(18,2) NOT NULL CHECK (consumable_unit_price >= 0),
      beds_per_equipment integer NOT NULL CHECK (beds_per_equipment >= 1),
      equipment_unit_price numeric(18,2) NOT NULL CHECK (equipment_unit_price >= 0),
      equipment_life_years integer NOT NULL CHECK (equipment_life_years BETWEEN 1 AND 30),
      currency char(3) NOT NULL,
      consumables numeric(18,2) NOT NULL,
      equipment numeric(18,2) NOT NULL,
      note varchar(500),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX department_potential_version ON department_potential (department_id, product_line_id, version)`,
    );
    await q.query(
      `CREATE UNIQUE INDEX department_potential_request_key ON department_potential (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX department_potential_of_hospital ON department_potential (hospital_id)`);

    await q.query(`CREATE TABLE sales_target (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      product_line_id uuid NOT NULL REFERENCES product_line(id),
      year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      status varchar(16) NOT NULL CHECK (status IN ('PROPOSED', 'COUNTERED', 'AGREED')),
      currency char(3) NOT NULL,
      agreed_at timestamptz,
      agreed_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((status = 'AGREED') = (agreed_at IS NOT NULL)))`);
    await q.query(`CREATE UNIQUE INDEX sales_target_one ON sales_target (distributor_id, product_line_id, year)`);

    await q.query(`CREATE TABLE sales_target_version (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      target_id uuid NOT NULL REFERENCES sales_target(id),
      number integer NOT NULL CHECK (number >= 1),
      kind varchar(16) NOT NULL CHECK (kind IN ('PROPOSAL', 'COUNTER')),
      potential numeric(18,2),
      share numeric(5,4) CHECK (share > 0 AND share <= 1),
      yearly numeric(18,2) NOT NULL CHECK (yearly >= 0),
      q1 numeric(18,2) NOT NULL CHECK (q1 >= 0),
      q2 numeric(18,2) NOT NULL CHECK (q2 >= 0),
      q3 numeric(18,2) NOT NULL CHECK (q3 >= 0),
      q4 numeric(18,2) NOT NULL CHECK (q4 >= 0),
      currency char(3) NOT NULL,
      reason varchar(500),
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64) NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (q1 + q2 + q3 + q4 = yearly),
      CHECK (kind = 'PROPOSAL' OR reason IS NOT NULL))`);
    await q.query(`CREATE UNIQUE INDEX sales_target_version_number ON sales_target_version (target_id, number)`);
    await q.query(
      `CREATE UNIQUE INDEX sales_target_version_request_key ON sales_target_version (created_by, request_key)`,
    );

    for (const table of ['department_potential', 'sales_target_version']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_target_version`);
    await q.query(`DROP TABLE sales_target`);
    await q.query(`DROP TABLE department_potential`);
  }
}
