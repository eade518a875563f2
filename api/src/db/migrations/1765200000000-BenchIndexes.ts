import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes the benchmark at scale asked for (BENCHMARKS.md, "What was slow and why", has the before and after).
 * - Open receivables leave out entries someone reversed (`NOT EXISTS … r.reverses_id = e.id`).
 *   Without an index the planner hashes every entry's reverses_id: a scan of the whole ledger
 *   for one distributor's account. Reversals are rare, so a partial index is tiny.
 */
export class BenchIndexes1765200000000 implements MigrationInterface {
  name = 'BenchIndexes1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX ledger_entry_reversed ON ledger_entry (reverses_id) WHERE reverses_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ledger_entry_reversed`);
  }
}
