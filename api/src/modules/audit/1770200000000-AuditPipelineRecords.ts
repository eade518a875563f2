import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_DISTRIBUTOR_CASES as KNOWN } from './1767100000000-AuditScope';

/**
 * The audit trigger (migration AuditScope) learns the records of part 6: an opportunity, a trial,
 * a tender, a delivery project and a pre-sales entry belong to the distributor of their
 * opportunity (none: the brand's own lead). Without it their rows carried no distributor, so a
 * regional head's or an owner's trail never showed them. The rows written before are backfilled.
 */
const PIPELINE = `
      WHEN 'opportunity' THEN (SELECT distributor_id FROM opportunity WHERE id = record)
      WHEN 'trial' THEN (SELECT o.distributor_id FROM trial x JOIN opportunity o ON o.id = x.opportunity_id WHERE x.id = record)
      WHEN 'tender' THEN (SELECT o.distributor_id FROM tender x JOIN opportunity o ON o.id = x.opportunity_id WHERE x.id = record)
      WHEN 'delivery_project' THEN (SELECT o.distributor_id FROM delivery_project x JOIN opportunity o ON o.id = x.opportunity_id WHERE x.id = record)
      WHEN 'presales_log' THEN (SELECT o.distributor_id FROM presales_log x JOIN opportunity o ON o.id = x.opportunity_id WHERE x.id = record)`;

const distributorOf = (cases: string) => `
  CREATE OR REPLACE FUNCTION audit_distributor_of(kind text, record uuid) RETURNS uuid LANGUAGE sql STABLE AS $$
    SELECT CASE kind ${cases}
    END
  $$`;

const ENTITIES = `('opportunity', 'trial', 'tender', 'delivery_project', 'presales_log')`;

export class AuditPipelineRecords1770200000000 implements MigrationInterface {
  name = 'AuditPipelineRecords1770200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(distributorOf(KNOWN + PIPELINE));
    // the trail is append-only; filling a column the trigger left empty is the one sanctioned rewrite
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`UPDATE audit_log SET distributor_id = audit_distributor_of(entity, entity_id)
      WHERE distributor_id IS NULL AND entity IN ${ENTITIES}`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
    await q.query(`UPDATE audit_log SET distributor_id = NULL WHERE entity IN ${ENTITIES}`);
    await q.query(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    await q.query(distributorOf(KNOWN));
  }
}
