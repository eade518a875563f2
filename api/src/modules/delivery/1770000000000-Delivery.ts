import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pre-sales work (售前支持) and delivery projects (交付项目). Pre-sales entries are facts, appended
 * and never changed: a wrong entry is corrected by a reversing entry of the opposite hours, at most
 * one per entry. A delivery project belongs to a won opportunity (one per opportunity) and carries
 * its four milestones; files on a milestone (the signed acceptance document, photos) are appended.
 */
export class Delivery1770000000000 implements MigrationInterface {
  name = 'Delivery1770000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE presales_log (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL REFERENCES opportunity(id),
      kind varchar(24) NOT NULL CHECK (kind IN ('DEMO', 'TECHNICAL_SUPPORT', 'TRAINING', 'OTHER')),
      work_date date NOT NULL,
      hours numeric(5,2) NOT NULL CHECK (hours <> 0 AND abs(hours) <= 24),
      note varchar(500),
      reverses_id uuid UNIQUE REFERENCES presales_log(id),
      logged_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((reverses_id IS NULL) = (hours > 0)))`);
    await q.query(
      `CREATE UNIQUE INDEX presales_log_request_key ON presales_log (logged_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX presales_log_of ON presales_log (opportunity_id, work_date DESC, created_at DESC)`);

    await q.query(`CREATE TABLE delivery_project (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      opportunity_id uuid NOT NULL UNIQUE REFERENCES opportunity(id),
      engineer_id uuid NOT NULL REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      created_by uuid NOT NULL REFERENCES app_user(id),
      request_key varchar(64),
      request_hash char(64),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE UNIQUE INDEX delivery_project_request_key ON delivery_project (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX delivery_project_recent ON delivery_project (brand_id, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE delivery_milestone (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      project_id uuid NOT NULL REFERENCES delivery_project(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('DELIVERY', 'INSTALLATION', 'ACCEPTANCE', 'STAFF_TRAINING')),
      seq smallint NOT NULL CHECK (seq BETWEEN 1 AND 4),
      planned_date date,
      done_date date,
      note varchar(500),
      done_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (project_id, kind),
      UNIQUE (project_id, seq))`);

    await q.query(`CREATE TABLE delivery_file (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      milestone_id uuid NOT NULL REFERENCES delivery_milestone(id),
      kind varchar(24) NOT NULL CHECK (kind IN ('ACCEPTANCE_DOCUMENT', 'PHOTO')),
      file_key varchar(300) NOT NULL,
      file_name varchar(200) NOT NULL,
      file_mime varchar(80) NOT NULL,
      file_size integer NOT NULL,
      file_sha256 char(64) NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // the same file uploaded twice to one milestone (a retried upload) is one file
    await q.query(`CREATE UNIQUE INDEX delivery_file_once ON delivery_file (milestone_id, file_sha256)`);

    for (const table of ['presales_log', 'delivery_file']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['delivery_file', 'delivery_milestone', 'delivery_project', 'presales_log'])
      await q.query(`DROP TABLE ${table}`);
  }
}
