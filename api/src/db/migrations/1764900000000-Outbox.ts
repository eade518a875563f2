import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ERP exchange's outbox. An event row is written in the same transaction as the change
 * it tells of, so a crash between commit and delivery loses nothing: the deliverer sends whatever
 * is still pending, signed, with retries and backoff, and logs every attempt.
 */
export class Outbox1764900000000 implements MigrationInterface {
  name = 'Outbox1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE outbox_event (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      type varchar(40) NOT NULL,
      entity varchar(40) NOT NULL,
      entity_id uuid NOT NULL,
      payload jsonb NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      last_error varchar(500),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX outbox_event_pending ON outbox_event (next_attempt_at, seq) WHERE delivered_at IS NULL`,
    );
    await q.query(`CREATE INDEX outbox_event_brand ON outbox_event (brand_id, seq DESC)`);
    await q.query(`CREATE TABLE webhook_endpoint (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      brand_id uuid NOT NULL UNIQUE REFERENCES brand(id),
      url varchar(500) NOT NULL,
      secret varchar(100) NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE webhook_delivery (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigserial NOT NULL,
      brand_id uuid NOT NULL REFERENCES brand(id),
      event_id uuid NOT NULL REFERENCES outbox_event(id),
      attempt integer NOT NULL,
      url varchar(500) NOT NULL,
      status_code integer,
      ok boolean NOT NULL,
      error varchar(500),
      duration_ms integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX webhook_delivery_brand ON webhook_delivery (brand_id, seq DESC)`);
    await q.query(`CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id)`);
    await q.query(
      `CREATE TRIGGER webhook_delivery_append_only BEFORE UPDATE OR DELETE ON webhook_delivery FOR EACH ROW EXECUTE FUNCTION refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_delivery`);
    await q.query(`DROP TABLE webhook_endpoint`);
    await q.query(`DROP TABLE outbox_event`);
  }
}
