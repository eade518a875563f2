import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox claim names its claimer (the deliverer's advisory-lock id, modules/outbox/claimer.ts),
 * so a claim of a process that died is taken over as soon as its session is gone rather than after
 * the 60 s lease. NULL: unclaimed, or claimed by a deliverer without a claimer (lease only).
 */
export class OutboxClaims1766410000001 implements MigrationInterface {
  name = 'OutboxClaims1766410000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event ADD COLUMN claimed_by integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event DROP COLUMN claimed_by`);
  }
}
