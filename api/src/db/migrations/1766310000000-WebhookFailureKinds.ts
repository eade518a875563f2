import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook delivery log keeps a coarse kind of failure (WebhookFailure),
 * never the socket's error text (which named ports and addresses behind the server) nor exact
 * timing. Rewrites what earlier deliveries logged, and pins the column to the kinds.
 */
const KIND = (column: string) => `CASE
  WHEN ${column} ~ '^HTTP 3' THEN 'REDIRECT_NOT_FOLLOWED'
  WHEN ${column} ~ '^HTTP 4' THEN 'HTTP_4XX'
  WHEN ${column} ~ '^HTTP 5' THEN 'HTTP_5XX'
  WHEN ${column} ~* 'timeout|aborted' THEN 'TIMEOUT'
  ELSE 'UNREACHABLE' END`;

const KINDS = `('REFUSED_TARGET', 'UNREACHABLE', 'TIMEOUT', 'REDIRECT_NOT_FOLLOWED', 'HTTP_4XX', 'HTTP_5XX')`;

export class WebhookFailureKinds1766310000000 implements MigrationInterface {
  name = 'WebhookFailureKinds1766310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE webhook_delivery SET error = ${KIND('error')}, duration_ms = round(duration_ms / 100.0) * 100 WHERE error IS NOT NULL OR duration_ms % 100 <> 0`,
    );
    await q.query(`UPDATE webhook_delivery SET error = NULL WHERE ok`);
    await q.query(`UPDATE outbox_event SET last_error = ${KIND('last_error')} WHERE last_error IS NOT NULL`);
    await q.query(
      `ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_error_kind CHECK (error IS NULL OR error IN ${KINDS})`,
    );
    await q.query(
      `ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_error_kind CHECK (last_error IS NULL OR last_error IN ${KINDS})`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_error_kind`);
    await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_error_kind`);
  }
}
