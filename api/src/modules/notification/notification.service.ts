import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { Notification } from './notification.entity';

export interface NotificationDraft {
  brandId: string;
  userIds: string[];
  kind: NotificationKind;
  entity: string;
  entityId: string;
  params: Record<string, string>;
}

/**
 * In-app notifications, for every module that tells someone something (orders now; training
 * reminders and visit notes later). Written in the sender's transaction, so a notice exists
 * exactly when the change it announces does. Each user reads only their own.
 */
export class NotificationService {
  constructor(private readonly ds: DataSource) {}

  async notify(em: EntityManager, draft: NotificationDraft): Promise<void> {
    const userIds = [...new Set(draft.userIds)];
    if (!userIds.length) return;
    await em.insert(
      Notification,
      userIds.map((userId) => ({ brandId: draft.brandId, userId, kind: draft.kind, entity: draft.entity, entityId: draft.entityId, params: draft.params })),
    );
  }

  private mine(scope: Scope) {
    return applyScope(this.ds.getRepository(Notification).createQueryBuilder('n'), scope, 'recipient');
  }

  list(scope: Scope, page: PageArgs, unreadOnly = false): Promise<Page<Notification>> {
    const qb = this.mine(scope);
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, page, [{ column: 'n.seq', value: (n) => n.seq }], 'DESC');
  }

  unreadCount(scope: Scope): Promise<number> {
    return this.mine(scope).andWhere('n.read_at IS NULL').getCount();
  }

  /**
   * Marks the viewer's own notifications read (all of them when no ids are given). Ids that are
   * not the viewer's are ignored, like ids that do not exist. Returns how many changed.
   */
  async markRead(scope: Scope, ids: string[] | null): Promise<number> {
    const unread = this.mine(scope).select('n.id').andWhere('n.read_at IS NULL');
    if (ids) unread.andWhere('n.id = ANY(:ids)', { ids });
    const result = await this.ds
      .createQueryBuilder()
      .update(Notification)
      .set({ readAt: () => 'now()' })
      .where(`id IN (${unread.getQuery()})`)
      .setParameters(unread.getParameters())
      .execute();
    return result.affected ?? 0;
  }
}
