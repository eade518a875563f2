import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices where people are: each person's choice of kinds × channels, the group robots (WeCom,
 * DingTalk) of a brand and of a distributor, and the outbox carrying more than the ERP's events.
 *
 * - notification.dedupe_key: a notice a job writes (expiring in 30 days, a course due soon) names
 *   itself, so a second run of the job the same day writes nothing new for that person.
 * - notification.in_app: false when the person turned the kind off in the inbox (the notice still
 *   exists, for the other channels and the digest); notification.digest: the channels that take it
 *   in the person's daily digest rather than at once (decided when it is written).
 * - outbox_event.channel: ERP (the webhook, as before) or a notice channel; dedupe_key makes one
 *   message per notice and robot (or per person and digest day) whatever retries or reruns happen.
 * - webhook_delivery.channel: the ERP's delivery log lists the ERP's attempts only.
 */
const KINDS = ['REFUSED_TARGET', 'UNREACHABLE', 'TIMEOUT', 'REDIRECT_NOT_FOLLOWED', 'HTTP_4XX', 'HTTP_5XX'];

async function kinds(q: QueryRunner, list: string[]): Promise<void> {
  const allowed = `(${list.map((k) => `'${k}'`).join(', ')})`;
  await q.query(`ALTER TABLE webhook_delivery DROP CONSTRAINT webhook_delivery_error_kind`);
  await q.query(`ALTER TABLE outbox_event DROP CONSTRAINT outbox_event_error_kind`);
  await q.query(
    `ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_error_kind CHECK (error IS NULL OR error IN ${allowed})`,
  );
  await q.query(
    `ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_error_kind CHECK (last_error IS NULL OR last_error IN ${allowed})`,
  );
}

export class NoticeChannels1767200000000 implements MigrationInterface {
  name = 'NoticeChannels1767200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN dedupe_key varchar(200)`);
    await q.query(`ALTER TABLE notification ADD COLUMN in_app boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE notification ADD COLUMN digest varchar(20)[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `CREATE UNIQUE INDEX notification_dedupe ON notification (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX notification_about ON notification (user_id, entity_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX notification_digest ON notification (created_at)`);

    await q.query(`CREATE TABLE notification_preference (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      user_id uuid NOT NULL REFERENCES app_user(id),
      kind varchar(40) NOT NULL,
      channel varchar(20) NOT NULL,
      delivery varchar(10) NOT NULL CHECK (delivery IN ('INSTANT', 'DIGEST', 'OFF')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, kind, channel))`);

    await q.query(`CREATE TABLE group_robot (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL REFERENCES brand(id),
      distributor_id uuid REFERENCES distributor(id),
      provider varchar(10) NOT NULL CHECK (provider IN ('WECOM', 'DINGTALK')),
      url varchar(500) NOT NULL,
      secret varchar(200),
      enabled boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // one robot per provider for the brand itself, and one per provider for each distributor
    await q.query(
      `CREATE UNIQUE INDEX group_robot_owner ON group_robot (brand_id, COALESCE(distributor_id, '00000000-0000-0000-0000-000000000000'::uuid), provider)`,
    );

    await q.query(`ALTER TABLE outbox_event ADD COLUMN channel varchar(20) NOT NULL DEFAULT 'ERP'`);
    await q.query(`ALTER TABLE outbox_event ADD COLUMN dedupe_key varchar(200)`);
    await q.query(`CREATE UNIQUE INDEX outbox_event_dedupe ON outbox_event (dedupe_key) WHERE dedupe_key IS NOT NULL`);
    await q.query(`ALTER TABLE webhook_delivery ADD COLUMN channel varchar(20) NOT NULL DEFAULT 'ERP'`);
    // a robot that answers 200 with an error code, and a robot turned off before its message went
    await kinds(q, [...KINDS, 'REFUSED_BY_RECEIVER', 'TARGET_GONE']);
  }

  async down(q: QueryRunner): Promise<void> {
    await kinds(q, KINDS);
    await q.query(`ALTER TABLE webhook_delivery DROP COLUMN channel`);
    await q.query(`DROP INDEX outbox_event_dedupe`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN dedupe_key`);
    await q.query(`ALTER TABLE outbox_event DROP COLUMN channel`);
    await q.query(`DROP TABLE group_robot`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP INDEX notification_digest`);
    await q.query(`DROP INDEX notification_about`);
    await q.query(`DROP INDEX notification_dedupe`);
    await q.query(`ALTER TABLE notification DROP COLUMN digest`);
    await q.query(`ALTER TABLE notification DROP COLUMN in_app`);
    await q.query(`ALTER TABLE notification DROP COLUMN dedupe_key`);
  }
}
