import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE = `
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  brand_id uuid NOT NULL REFERENCES brand(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()`;

/**
 * Training: courses in versions, assignments fanned out to people, progress, quiz attempts and
 * certificates; a product can require a certified person to order it.
 *
 * A published version is a document: its content cannot change (only its status, to RETIRED),
 * so a completion always points at exactly what was passed. Attempts and certificates are facts.
 */
export class Training1765000000000 implements MigrationInterface {
  name = 'Training1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE product ADD COLUMN requires_certification boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE TABLE course (${BASE},
      kind varchar(16) NOT NULL CHECK (kind IN ('PRODUCT', 'SALES')),
      title varchar(200) NOT NULL,
      product_line_ids uuid[] NOT NULL DEFAULT '{}',
      published_version integer,
      draft_version integer,
      archived_at timestamptz,
      created_by uuid NOT NULL REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1)`);
    await q.query(`CREATE INDEX course_brand_title ON course (brand_id, title, id)`);
    await q.query(`CREATE INDEX course_product_lines ON course USING gin (product_line_ids)`);
    await q.query(`CREATE TABLE course_version (${BASE},
      course_id uuid NOT NULL REFERENCES course(id),
      version integer NOT NULL CHECK (version > 0),
      status varchar(12) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
      kind varchar(16) NOT NULL CHECK (kind IN ('PRODUCT', 'SALES')),
      title varchar(200) NOT NULL,
      summary text NOT NULL DEFAULT '',
      product_line_ids uuid[] NOT NULL DEFAULT '{}',
      pass_score integer NOT NULL CHECK (pass_score BETWEEN 1 AND 100),
      max_attempts integer NOT NULL CHECK (max_attempts BETWEEN 1 AND 20),
      validity_months integer NOT NULL CHECK (validity_months BETWEEN 1 AND 120),
      sections jsonb NOT NULL DEFAULT '[]',
      questions jsonb NOT NULL DEFAULT '[]',
      published_at timestamptz,
      published_by uuid REFERENCES app_user(id),
      UNIQUE (course_id, version))`);
    // What was published stays as it was published: only DRAFT rows change, and a published row only its status.
    await q.query(`
      CREATE FUNCTION course_version_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.status <> 'DRAFT' THEN
          RAISE EXCEPTION 'a published course version cannot be deleted' USING ERRCODE = 'restrict_violation';
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.status <> 'DRAFT' AND (
             (to_jsonb(NEW) - 'status' - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'status' - 'updated_at')) THEN
          RAISE EXCEPTION 'a published course version cannot be edited' USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
      END $$`);
    await q.query(
      `CREATE TRIGGER course_version_frozen BEFORE UPDATE OR DELETE ON course_version FOR EACH ROW EXECUTE FUNCTION course_version_frozen()`,
    );
    await q.query(`CREATE TABLE course_file (${BASE},
      course_id uuid NOT NULL REFERENCES course(id),
      file_key varchar(300) NOT NULL,
      file_name varchar(200) NOT NULL,
      file_mime varchar(80) NOT NULL,
      file_size integer NOT NULL,
      file_sha256 char(64) NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id))`);
    await q.query(`CREATE INDEX course_file_course ON course_file (course_id)`);
    await q.query(`CREATE TABLE course_assignment (${BASE},
      course_id uuid NOT NULL REFERENCES course(id),
      distributor_ids uuid[] NOT NULL DEFAULT '{}',
      tiers smallint[] NOT NULL DEFAULT '{}',
      roles varchar(20)[] NOT NULL DEFAULT '{}',
      product_line_ids uuid[] NOT NULL DEFAULT '{}',
      due_on date NOT NULL,
      enrolled integer NOT NULL,
      created_by uuid NOT NULL REFERENCES app_user(id),
      idempotency_key varchar(80) NOT NULL,
      request_hash char(64) NOT NULL,
      CHECK (cardinality(distributor_ids) + cardinality(tiers) + cardinality(product_line_ids) > 0))`);
    await q.query(
      `CREATE UNIQUE INDEX course_assignment_idempotency ON course_assignment (created_by, idempotency_key)`,
    );
    await q.query(`CREATE INDEX course_assignment_course ON course_assignment (course_id, created_at DESC)`);
    await q.query(`CREATE TABLE training_enrollment (${BASE},
      course_id uuid NOT NULL REFERENCES course(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      assignment_id uuid REFERENCES course_assignment(id),
      due_on date,
      course_version_id uuid REFERENCES course_version(id),
      started_at timestamptz,
      sections_done varchar(40)[] NOT NULL DEFAULT '{}',
      attempts integer NOT NULL DEFAULT 0,
      best_score integer,
      passed_at timestamptz,
      reminded_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      UNIQUE (course_id, user_id))`);
    await q.query(`CREATE INDEX training_enrollment_user ON training_enrollment (user_id, created_at DESC)`);
    await q.query(`CREATE INDEX training_enrollment_distributor ON training_enrollment (distributor_id)`);
    await q.query(`CREATE INDEX training_enrollment_overdue ON training_enrollment (due_on) WHERE passed_at IS NULL`);
    await q.query(`CREATE TABLE quiz_attempt (${BASE},
      enrollment_id uuid NOT NULL REFERENCES training_enrollment(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      course_version_id uuid NOT NULL REFERENCES course_version(id),
      attempt_no integer NOT NULL CHECK (attempt_no > 0),
      answers jsonb NOT NULL,
      score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
      passed boolean NOT NULL,
      idempotency_key varchar(80) NOT NULL,
      request_hash char(64) NOT NULL,
      UNIQUE (enrollment_id, course_version_id, attempt_no))`);
    await q.query(`CREATE UNIQUE INDEX quiz_attempt_idempotency ON quiz_attempt (user_id, idempotency_key)`);
    await q.query(`CREATE TABLE certificate (${BASE},
      number varchar(40) NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      course_id uuid NOT NULL REFERENCES course(id),
      course_version_id uuid NOT NULL REFERENCES course_version(id),
      attempt_id uuid NOT NULL UNIQUE REFERENCES quiz_attempt(id),
      product_line_ids uuid[] NOT NULL DEFAULT '{}',
      issued_on date NOT NULL,
      valid_to date NOT NULL,
      CHECK (valid_to >= issued_on))`);
    await q.query(`CREATE UNIQUE INDEX certificate_brand_number ON certificate (brand_id, number)`);
    await q.query(`CREATE INDEX certificate_user ON certificate (user_id, valid_to DESC)`);
    await q.query(`CREATE INDEX certificate_distributor ON certificate (distributor_id)`);
    await q.query(`CREATE SEQUENCE certificate_number_seq`);
    for (const table of ['quiz_attempt', 'certificate']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE certificate_number_seq`);
    for (const table of [
      'certificate',
      'quiz_attempt',
      'training_enrollment',
      'course_assignment',
      'course_file',
      'course_version',
      'course',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION course_version_frozen()`);
    await q.query(`ALTER TABLE product DROP COLUMN requires_certification`);
  }
}
