import { Column, Entity, EntityManager, Index } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Side, type AuditAction } from '@medchannel/shared-schema';
import { TenantEntity } from './base.entity';

@Entity('audit_log')
@Index(['brandId', 'entity', 'entityId'])
export class AuditLog extends TenantEntity {
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  side: Side;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" })
  changes: Record<string, unknown>;

  /** The distributor the record belongs to: filled by the database when the row is written (migration AuditScope). */
  @Column({ name: 'distributor_id', type: 'uuid', nullable: true, insert: false, update: false })
  distributorId: string | null;
}

export interface Actor {
  brandId: string;
  userId: string;
  side: Side;
}

/** Changed fields as { field: { from, to } }; unchanged fields are left out. */
export function diff<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] !== undefined && before[key] !== after[key]) {
      changes[key as string] = { from: before[key] ?? null, to: after[key] ?? null };
    }
  }
  return changes;
}

/**
 * Writes the audit row through the mutation's own EntityManager, so it commits or rolls back
 * with the change it describes.
 */
export async function audit(
  em: EntityManager,
  actor: Actor,
  action: AuditAction,
  entity: string,
  entityId: string,
  changes: Record<string, unknown> = {},
): Promise<void> {
  await em.insert(AuditLog, {
    brandId: actor.brandId,
    actorId: actor.userId,
    side: actor.side,
    action,
    entity,
    entityId,
    changes: changes as QueryDeepPartialEntity<Record<string, unknown>>,
  });
}
