import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The exit's hand-over includes placed instruments with their agreements: a hand-over row of kind
 * PLACEMENT per instrument, and a HANDED_OVER step appended to each instrument's history.
 */
export class ExitPlacements1771500000001 implements MigrationInterface {
  name = 'ExitPlacements1771500000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exit_handover DROP CONSTRAINT exit_handover_kind_check`);
    await q.query(
      `ALTER TABLE exit_handover ADD CONSTRAINT exit_handover_kind_check CHECK (kind IN ('HOSPITAL', 'OPPORTUNITY', 'COMMITMENT', 'AUTHORIZATION', 'PLACEMENT'))`,
    );
    await q.query(`ALTER TABLE placement_event DROP CONSTRAINT placement_event_kind_check`);
    await q.query(
      `ALTER TABLE placement_event ADD CONSTRAINT placement_event_kind_check CHECK (kind IN ('PLACED', 'RELOCATED', 'REPLACED', 'RETURNED', 'HANDED_OVER'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE placement_event DROP CONSTRAINT placement_event_kind_check`);
    await q.query(
      `ALTER TABLE placement_event ADD CONSTRAINT placement_event_kind_check CHECK (kind IN ('PLACED', 'RELOCATED', 'REPLACED', 'RETURNED'))`,
    );
    await q.query(`ALTER TABLE exit_handover DROP CONSTRAINT exit_handover_kind_check`);
    await q.query(
      `ALTER TABLE exit_handover ADD CONSTRAINT exit_handover_kind_check CHECK (kind IN ('HOSPITAL', 'OPPORTUNITY', 'COMMITMENT', 'AUTHORIZATION'))`,
    );
  }
}
