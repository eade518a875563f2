import { Column, Entity } from 'typeorm';
import { NotificationKind } from '@medchannel/shared-schema';
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
}
