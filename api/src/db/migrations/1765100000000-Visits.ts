import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-visit plans (slots, participants from both sides, check-ins) and visit notes with
 * their CC list, follow-up tasks, commitments, comments and attachments. Slots, comments and
 * attachments are facts (append-only); a plan's status, a task's done flag and a commitment's
 * answer move on under optimistic locking (version).
 */
export class Visits1765100000000 implements MigrationInterface {
  name = 'Visits1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE co_visit (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid NOT NULL REFERENCES distributor(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid REFERENCES hospital_department(id),
      contact_ids uuid[] NOT NULL DEFAULT '{}',
      product_ids uuid[] NOT NULL DEFAULT '{}',
      goal varchar(500) NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('PROPOSED', 'CONFIRMED', 'DONE', 'CANCELLED')),
      awaiting_side varchar(16) CHECK (awaiting_side IN ('BRAND', 'PARTNER')),
      confirmed_slot_id uuid,
      starts_at timestamptz NOT NULL,
      checked_in_at timestamptz,
      cancel_reason varchar(500),
      cancelled_by uuid REFERENCES app_user(id),
      proposed_by uuid NOT NULL REFERENCES app_user(id),
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX co_visit_idempotency ON co_visit (proposed_by, idempotency_key)`);
    await q.query(`CREATE INDEX co_visit_starts ON co_visit (brand_id, starts_at)`);
    await q.query(`CREATE INDEX co_visit_hospital ON co_visit (hospital_id)`);

    await q.query(`CREATE TABLE co_visit_slot (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      co_visit_id uuid NOT NULL REFERENCES co_visit(id),
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      proposed_by uuid NOT NULL REFERENCES app_user(id),
      proposed_side varchar(16) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_at > starts_at))`);
    await q.query(`CREATE INDEX co_visit_slot_visit ON co_visit_slot (co_visit_id, starts_at)`);
    await q.query(
      `ALTER TABLE co_visit ADD CONSTRAINT co_visit_confirmed_slot FOREIGN KEY (confirmed_slot_id) REFERENCES co_visit_slot(id)`,
    );

    await q.query(`CREATE TABLE co_visit_participant (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      co_visit_id uuid NOT NULL REFERENCES co_visit(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      side varchar(16) NOT NULL,
      checked_in_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (co_visit_id, user_id))`);
    await q.query(`CREATE INDEX co_visit_participant_user ON co_visit_participant (user_id)`);

    await q.query(`CREATE TABLE visit_note (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      author_id uuid NOT NULL REFERENCES app_user(id),
      co_visit_id uuid REFERENCES co_visit(id),
      hospital_id uuid NOT NULL REFERENCES hospital(id),
      department_id uuid REFERENCES hospital_department(id),
      contact_ids uuid[] NOT NULL DEFAULT '{}',
      distributor_id uuid REFERENCES distributor(id),
      visibility varchar(16) NOT NULL CHECK (visibility IN ('INTERNAL', 'SHARED')),
      visited_on date NOT NULL,
      outcome varchar(4000) NOT NULL,
      next_steps varchar(4000),
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX visit_note_idempotency ON visit_note (author_id, idempotency_key)`);
    await q.query(`CREATE INDEX visit_note_recent ON visit_note (brand_id, visited_on DESC, id DESC)`);
    await q.query(`CREATE INDEX visit_note_hospital ON visit_note (hospital_id)`);
    await q.query(`CREATE INDEX visit_note_author ON visit_note (author_id)`);

    await q.query(`CREATE TABLE visit_note_cc (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      note_id uuid NOT NULL REFERENCES visit_note(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      added_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (note_id, user_id))`);
    await q.query(`CREATE INDEX visit_note_cc_user ON visit_note_cc (user_id, note_id)`);

    await q.query(`CREATE TABLE visit_task (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      note_id uuid NOT NULL REFERENCES visit_note(id),
      item_no smallint NOT NULL,
      title varchar(300) NOT NULL,
      owner_id uuid NOT NULL REFERENCES app_user(id),
      due_on date,
      done_at timestamptz,
      done_by uuid REFERENCES app_user(id),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (note_id, item_no))`);
    await q.query(`CREATE INDEX visit_task_owner ON visit_task (owner_id) WHERE done_at IS NULL`);

    await q.query(`CREATE TABLE visit_commitment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      note_id uuid NOT NULL REFERENCES visit_note(id),
      item_no smallint NOT NULL,
      kind varchar(24) NOT NULL CHECK (kind IN ('PRICE', 'SUPPORT', 'TRIAL_EQUIPMENT', 'DELIVERY_DATE', 'OTHER')),
      description varchar(1000) NOT NULL,
      amount numeric(18,2),
      currency char(3),
      due_on date,
      status varchar(16) NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'DISPUTED', 'RESOLVED')),
      dispute_reason varchar(500),
      answered_by uuid REFERENCES app_user(id),
      answered_at timestamptz,
      resolution varchar(500),
      resolved_by uuid REFERENCES app_user(id),
      resolved_at timestamptz,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (note_id, item_no),
      CHECK ((amount IS NULL) = (currency IS NULL)))`);
    await q.query(`CREATE INDEX visit_commitment_status ON visit_commitment (brand_id, status, created_at DESC)`);

    await q.query(`CREATE TABLE visit_comment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      note_id uuid NOT NULL REFERENCES visit_note(id),
      author_id uuid NOT NULL REFERENCES app_user(id),
      body varchar(2000) NOT NULL,
      idempotency_key uuid NOT NULL,
      request_hash char(64) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE UNIQUE INDEX visit_comment_idempotency ON visit_comment (author_id, idempotency_key)`);
    await q.query(`CREATE INDEX visit_comment_note ON visit_comment (note_id, created_at)`);

    await q.query(`CREATE TABLE visit_attachment (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      note_id uuid NOT NULL REFERENCES visit_note(id),
      file_key varchar(300) NOT NULL,
      file_name varchar(200) NOT NULL,
      file_mime varchar(64) NOT NULL,
      file_size integer NOT NULL,
      file_sha256 char(64) NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // the same file uploaded twice to one note (a retried upload) is one attachment
    await q.query(`CREATE UNIQUE INDEX visit_attachment_once ON visit_attachment (note_id, file_sha256)`);

    for (const table of ['co_visit_slot', 'visit_comment', 'visit_attachment']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE co_visit DROP CONSTRAINT co_visit_confirmed_slot`);
    for (const table of [
      'visit_attachment',
      'visit_comment',
      'visit_commitment',
      'visit_task',
      'visit_note_cc',
      'visit_note',
      'co_visit_participant',
      'co_visit_slot',
      'co_visit',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
