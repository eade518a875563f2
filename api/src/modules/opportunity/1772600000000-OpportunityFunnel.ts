import { MigrationInterface, QueryRunner } from 'typeorm';

/** The summary's upsert of a delta's rows (brand_id, distributor_id, stage, currency, n, amount), in key order. */
const addDelta = (delta: string) => `
  INSERT INTO opportunity_funnel AS f (brand_id, distributor_id, stage, currency, n, amount)
  SELECT d.brand_id, d.distributor_id, d.stage, d.currency, SUM(d.n), SUM(d.amount)
    FROM (${delta}) d
   GROUP BY d.brand_id, d.distributor_id, d.stage, d.currency
  HAVING SUM(d.n) <> 0 OR SUM(d.amount) <> 0
   ORDER BY d.brand_id, d.distributor_id, d.stage, d.currency
  ON CONFLICT (brand_id, distributor_id, stage, currency)
  DO UPDATE SET n = f.n + EXCLUDED.n, amount = f.amount + EXCLUDED.amount`;
const ADDED = `SELECT brand_id, distributor_id, stage, currency, 1 AS n, estimated_value AS amount FROM added`;
const REMOVED = `SELECT brand_id, distributor_id, stage, currency, -1 AS n, -estimated_value AS amount FROM removed`;

/**
 * The funnel kept by the opportunities' own table (机会点漏斗汇总): how many opportunities and their
 * estimated value per brand, distributor (none for a brand's own), stage and currency. Statement
 * triggers with transition tables add each INSERT's rows, subtract each DELETE's and, for an UPDATE,
 * subtract the old rows and add the new, so a stage moved, a value edited or a row removed by any
 * writer (the service, another module, a test's fixture) leaves it equal to the rows, in the same
 * transaction. The console's funnel and the list's total read it when the viewer's scope and the
 * filter name nothing but the brand, the distributor and the stage (opportunity-funnel.ts).
 *
 * The upsert adds to each row it touches (n = n + EXCLUDED.n), so two transactions moving
 * opportunities of one distributor queue on the summary row until the first commits and lose
 * nothing; rows are touched in key order, so they never wait on each other in a circle. An UPDATE
 * that changes none of the four keys nor the value (a registration's version bump) touches nothing.
 */
export class OpportunityFunnel1772600000000 implements MigrationInterface {
  name = 'OpportunityFunnel1772600000000';

  async up(q: QueryRunner): Promise<void> {
    // no foreign keys: every value is copied from an opportunity, whose own keys checked it; the unique
    // key leads with brand_id, as the distribution rule asks (docs/scaling.md); a brand's own
    // opportunities (no distributor) share one row per stage and currency
    await q.query(`CREATE TABLE opportunity_funnel (
      brand_id uuid NOT NULL,
      distributor_id uuid,
      stage varchar(16) NOT NULL,
      currency char(3) NOT NULL,
      n integer NOT NULL,
      amount numeric(20,2) NOT NULL)`);
    await q.query(`CREATE UNIQUE INDEX opportunity_funnel_key ON opportunity_funnel
      (brand_id, distributor_id, stage, currency) NULLS NOT DISTINCT`);
    await q.query(`CREATE FUNCTION opportunity_funnel_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN ${addDelta(ADDED)};
        ELSIF TG_OP = 'UPDATE' THEN ${addDelta(`${ADDED} UNION ALL ${REMOVED}`)};
        ELSE ${addDelta(REMOVED)};
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER opportunity_funnel_insert AFTER INSERT ON opportunity
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opportunity_funnel_keep()`);
    await q.query(`CREATE TRIGGER opportunity_funnel_update AFTER UPDATE ON opportunity
      REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION opportunity_funnel_keep()`);
    await q.query(`CREATE TRIGGER opportunity_funnel_delete AFTER DELETE ON opportunity
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION opportunity_funnel_keep()`);
    // no TRUNCATE to follow: it would cascade to opportunity_stage_fact, which refuses it (append-only)
    // the opportunities so far (the trigger's lock on opportunity holds writers off until commit)
    await q.query(`INSERT INTO opportunity_funnel (brand_id, distributor_id, stage, currency, n, amount)
      SELECT brand_id, distributor_id, stage, currency, count(*), SUM(estimated_value)
        FROM opportunity GROUP BY brand_id, distributor_id, stage, currency`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER opportunity_funnel_${t} ON opportunity`);
    await q.query(`DROP FUNCTION opportunity_funnel_keep()`);
    await q.query(`DROP TABLE opportunity_funnel`);
  }
}
