import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillDeltaSummary, createDeltaTriggers, dropDeltaTriggers } from '../../db/delta-triggers';

const FUNNEL = {
  summary: 'opportunity_funnel',
  table: 'opportunity',
  keys: ['brand_id', 'distributor_id', 'stage', 'currency'],
  share: (rows: string) => `SELECT brand_id, distributor_id, stage, currency, estimated_value AS amount FROM ${rows}`,
};

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
    await createDeltaTriggers(q, FUNNEL);
    // no TRUNCATE to follow: it would cascade to opportunity_stage_fact, which refuses it (append-only)
    // the opportunities so far
    await backfillDeltaSummary(q, FUNNEL);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropDeltaTriggers(q, FUNNEL);
    await q.query(`DROP TABLE opportunity_funnel`);
  }
}
