import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is read per viewer (api/src/auth/scope.ts, 'auditEntry'): a regional head sees
 * the records of his regions' distributors, an owner his own company's. A row therefore carries the
 * distributor its record belongs to, found once when the row is written (a trigger, so every
 * audit() call, present and future, fills it without passing it) and backfilled here for the rows
 * written before. The indexes serve the viewer's list newest first, whole brand or by distributor,
 * person or record.
 */
/** The kinds of record this migration knows the distributor of (migration AuditPipelineRecords adds to them). */
export const AUDIT_DISTRIBUTOR_CASES = `
      WHEN 'distributor' THEN (SELECT id FROM distributor WHERE id = record)
      WHEN 'order' THEN (SELECT distributor_id FROM purchase_order WHERE id = record)
      WHEN 'statement' THEN (SELECT distributor_id FROM statement WHERE id = record)
      WHEN 'payment' THEN (SELECT distributor_id FROM payment WHERE id = record)
      WHEN 'invoice' THEN (SELECT distributor_id FROM invoice WHERE id = record)
      WHEN 'co_visit' THEN (SELECT distributor_id FROM co_visit WHERE id = record)
      WHEN 'visit_note' THEN (SELECT distributor_id FROM visit_note WHERE id = record)
      WHEN 'user' THEN (SELECT distributor_id FROM app_user WHERE id = record)`;

const DISTRIBUTOR_OF = `
  CREATE FUNCTION audit_distributor_of(kind text, record uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT CASE kind ${AUDIT_DISTRIBUTOR_CASES}
    END
  $$`;

export class AuditScope1767100000000 implements MigrationInterface {
  name = 'AuditScope1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log ADD COLUMN distributor_id uuid REFERENCES distributor(id)`);
    await q.query(DISTRIBUTOR_OF);
    await q.query(`
      CREATE FUNCTION audit_log_fill_distributor() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.distributor_id IS NULL THEN
          NEW.distributor_id := audit_distributor_of(NEW.entity, NEW.entity_id);
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_distributor BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_fill_distributor()`);
    // the trail is append-only; the backfill is the one sanctioned rewrite, of a column no row had
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`UPDATE audit_log SET distributor_id = audit_distributor_of(entity, entity_id)`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(`CREATE INDEX audit_log_recent ON audit_log (brand_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_log_by_distributor ON audit_log (brand_id, distributor_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX audit_log_by_actor ON audit_log (brand_id, actor_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_log_by_actor`);
    await q.query(`DROP INDEX audit_log_by_distributor`);
    await q.query(`DROP INDEX audit_log_recent`);
    await q.query(`DROP TRIGGER audit_log_distributor ON audit_log`);
    await q.query(`DROP FUNCTION audit_log_fill_distributor()`);
    await q.query(`DROP FUNCTION audit_distributor_of(text, uuid)`);
    await q.query(`ALTER TABLE audit_log DROP COLUMN distributor_id`);
  }
}
