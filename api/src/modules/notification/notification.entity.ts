import { Column, Entity, VersionColumn } from 'typeorm';
import { NotificationChannel, NotificationDelivery, NotificationKind, RobotProvider } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** An in-app notice to one user. The front ends word it from `kind` and `params`, in the reader's language. */
@Entity('notification')
export class Notification extends TenantEntity {
  /** bigserial: a string, like every int8 from pg */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  params: Record<string, string>;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;

  /** Names a notice a job writes, so a rerun writes it once per person. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  /** Shown in the inbox (the person may turn a kind off there). */
  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp: boolean;

  /** The channels that take it in the daily digest. */
  @Column({ type: 'varchar', length: 20, array: true, default: () => "'{}'" })
  digest: NotificationChannel[];
}

/** One person's choice for one kind on one channel; no row: the channel's default. */
@Entity('notification_preference')
export class NotificationPreference extends TenantEntity {
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: NotificationKind;

  @Column({ type: 'varchar', length: 20 })
  channel: NotificationChannel;

  @Column({ type: 'varchar', length: 10 })
  delivery: NotificationDelivery;
}

/**
 * A WeCom or DingTalk group robot: the brand's own (distributorId null) or a distributor's. Its
 * URL carries the robot's token and the secret signs DingTalk's requests: neither is ever answered.
 */
@Entity('group_robot')
export class GroupRobot extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid', nullable: true })
  distributorId: string | null;

  @Column({ type: 'varchar', length: 10 })
  provider: RobotProvider;

  @Column({ type: 'varchar', length: 500, select: false })
  url: string;

  @Column({ type: 'varchar', length: 200, nullable: true, select: false })
  secret: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @VersionColumn()
  version: number;
}
