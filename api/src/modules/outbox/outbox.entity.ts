import { Column, Entity, VersionColumn } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

/** Something the ERP should hear about, written with the change itself. */
@Entity('outbox_event')
export class OutboxEvent extends TenantEntity {
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  /** ERP (the brand's webhook) or a notice channel (GROUP_ROBOT, …) */
  @Column({ type: 'varchar', length: 20, default: 'ERP' })
  channel: string;

  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;
}

/** Where a brand's events go, and the secret their signatures use. */
@Entity('webhook_endpoint')
export class WebhookEndpoint extends TenantEntity {
  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ type: 'varchar', length: 100, select: false })
  secret: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @VersionColumn()
  version: number;
}

/** One attempt to deliver one event: the delivery log. */
@Entity('webhook_delivery')
export class WebhookDelivery extends TenantEntity {
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ type: 'varchar', length: 20, default: 'ERP' })
  channel: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'integer' })
  attempt: number;

  @Column({ type: 'varchar', length: 500 })
  url: string;

  @Column({ name: 'status_code', type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'boolean' })
  ok: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;

  @Column({ name: 'duration_ms', type: 'integer' })
  durationMs: number;
}
