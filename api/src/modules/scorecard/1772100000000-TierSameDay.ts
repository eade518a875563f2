import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tier set on the distributor's profile now goes through the tier history too (it applies from
 * today), so two changes on one day may both be kept: the later applies. The history's key takes the
 * time a row was written after its date.
 */
export class TierSameDay1772100000000 implements MigrationInterface {
  name = 'TierSameDay1772100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX distributor_tier_from`);
    await q.query(
      `CREATE UNIQUE INDEX distributor_tier_from ON distributor_tier (distributor_id, effective_from DESC, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX distributor_tier_from`);
    await q.query(
      `CREATE UNIQUE INDEX distributor_tier_from ON distributor_tier (distributor_id, effective_from DESC)`,
    );
  }
}
