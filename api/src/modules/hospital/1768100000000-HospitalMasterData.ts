import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hospitals as master data edited on screens: a hospital created by hand carries the creator's
 * request key (a retry creates it once); departments and contacts carry a version for edits; a
 * contact has a relation to the brand and a date it left the hospital; and each insert or change
 * of a contact appends a fact to `hospital_contact_fact`, never changed (the decision chain's
 * history). Triggers append them, so the seed, the import and the screens leave the same history;
 * who changed it and why travel in the contact's `changed_by` and `change_note`.
 */
export class HospitalMasterData1768100000000 implements MigrationInterface {
  name = 'HospitalMasterData1768100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE hospital
      ADD COLUMN created_by uuid REFERENCES app_user(id),
      ADD COLUMN request_key varchar(64),
      ADD COLUMN request_hash char(64)`);
    await q.query(
      `CREATE UNIQUE INDEX hospital_request_key ON hospital (created_by, request_key) WHERE request_key IS NOT NULL`,
    );
    await q.query(`ALTER TABLE hospital_department ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE hospital_contact
      ADD COLUMN relation varchar(16) NOT NULL DEFAULT 'UNKNOWN'
        CHECK (relation IN ('SUPPORTER', 'NEUTRAL', 'OPPONENT', 'UNKNOWN')),
      ADD COLUMN retired_on date,
      ADD COLUMN changed_by uuid REFERENCES app_user(id),
      ADD COLUMN change_note varchar(500),
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`CREATE TABLE hospital_contact_fact (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      contact_id uuid NOT NULL REFERENCES hospital_contact(id),
      kind varchar(16) NOT NULL CHECK (kind IN ('ADDED', 'CHANGED', 'RETIRED')),
      title varchar(100),
      decision_role varchar(24) NOT NULL,
      relation varchar(16) NOT NULL,
      department_id uuid REFERENCES hospital_department(id),
      retired_on date,
      note varchar(500),
      recorded_by uuid REFERENCES app_user(id),
      created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX hospital_contact_fact_contact ON hospital_contact_fact (contact_id, created_at)`);
    // the contacts there before: their state as first known
    await q.query(`INSERT INTO hospital_contact_fact (brand_id, contact_id, kind, title, decision_role, relation, department_id, created_at)
      SELECT brand_id, id, 'ADDED', title, decision_role, relation, department_id, created_at FROM hospital_contact`);
    await q.query(`CREATE FUNCTION hospital_contact_fact() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO hospital_contact_fact
          (brand_id, contact_id, kind, title, decision_role, relation, department_id, retired_on, note, recorded_by)
        VALUES (NEW.brand_id, NEW.id,
          CASE WHEN TG_OP = 'INSERT' THEN 'ADDED'
               WHEN NEW.retired_on IS NOT NULL AND OLD.retired_on IS NULL THEN 'RETIRED'
               ELSE 'CHANGED' END,
          NEW.title, NEW.decision_role, NEW.relation, NEW.department_id, NEW.retired_on, NEW.change_note, NEW.changed_by);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER hospital_contact_history AFTER INSERT OR UPDATE ON hospital_contact
      FOR EACH ROW EXECUTE FUNCTION hospital_contact_fact()`);
    await q.query(
      `CREATE TRIGGER hospital_contact_fact_append_only BEFORE UPDATE OR DELETE ON hospital_contact_fact FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER hospital_contact_fact_no_truncate BEFORE TRUNCATE ON hospital_contact_fact FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER hospital_contact_history ON hospital_contact`);
    await q.query(`DROP FUNCTION hospital_contact_fact()`);
    await q.query(`DROP TABLE hospital_contact_fact`);
    await q.query(`ALTER TABLE hospital_contact
      DROP COLUMN relation, DROP COLUMN retired_on, DROP COLUMN changed_by, DROP COLUMN change_note, DROP COLUMN version`);
    await q.query(`ALTER TABLE hospital_department DROP COLUMN version`);
    await q.query(`DROP INDEX hospital_request_key`);
    await q.query(`ALTER TABLE hospital DROP COLUMN created_by, DROP COLUMN request_key, DROP COLUMN request_hash`);
  }
}
