import { DataSource, EntityManager } from 'typeorm';
import {
  DEFAULT_DELIVERY,
  NotificationChannel,
  NotificationDelivery,
  NotificationKind,
} from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { Page, PageArgs, paginate } from '../../common/pagination';
import type { OutboxService } from '../outbox';
import { Notification } from './notification.entity';
import type { NoticeChannel, SentNotice } from './channels';
import { recipientsWhoMayRead } from './recipients';

export interface NotificationDraft {
  brandId: string;
  userIds: string[];
  kind: NotificationKind;
  entity: string;
  entityId: string;
  params: Record<string, string>;
  /**
   * Names the notice for a job that may run twice (expiring in 30 days, a course due soon): a
   * person gets a notice of one key once, and its channels' messages with it.
   */
  dedupeKey?: string;
}

/**
 * Notices, for every module that tells someone something. Written in the sender's transaction, so
 * a notice exists exactly when the change it announces does. The people named pass through their
 * own scope first (nobody is told of a record they may not read). Each person's preferences decide
 * whether it shows in their inbox and which other channels (group robots, …) carry it, at once or
 * in the daily digest; those channels write outbox events in the same transaction, and the
 * outbox's rounds deliver them. Each user reads only their own inbox.
 */
export class NotificationService {
  private readonly channels: NoticeChannel[] = [];

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /** A channel beyond the inbox: its sender joins the outbox's rounds. */
  addChannel(channel: NoticeChannel): void {
    if (channel.sender) this.outbox.registerChannel(channel.channel, channel.sender);
    this.channels.push(channel);
  }

  /** The channels beyond the inbox, in the order they were added. */
  pushChannels(): readonly NoticeChannel[] {
    return this.channels;
  }

  async notify(em: EntityManager, draft: NotificationDraft): Promise<SentNotice[]> {
    const recipients = await recipientsWhoMayRead(
      em,
      draft.brandId,
      [...new Set(draft.userIds)],
      draft.entity,
      draft.entityId,
    );
    if (!recipients.length) return [];
    const prefs: Array<{ user_id: string; channel: NotificationChannel; delivery: NotificationDelivery }> =
      await em.query(
        `SELECT user_id, channel, delivery FROM notification_preference WHERE user_id = ANY($1) AND kind = $2`,
        [recipients.map((r) => r.id), draft.kind],
      );
    const deliveryOf = (userId: string, channel: NotificationChannel) =>
      prefs.find((p) => p.user_id === userId && p.channel === channel)?.delivery ?? DEFAULT_DELIVERY[channel];
    const digestOf = (userId: string) =>
      this.channels.filter((c) => deliveryOf(userId, c.channel) === NotificationDelivery.DIGEST).map((c) => c.channel);
    const written: Array<{ id: string; user_id: string }> = await em.query(
      `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params, dedupe_key, in_app, digest)
       SELECT $1::uuid, u.user_id, $2::varchar, $3::varchar, $4::uuid, $5::jsonb, $6::varchar, u.in_app, string_to_array(u.digest, ',')::varchar[]
         FROM unnest($7::uuid[], $8::boolean[], $9::text[]) AS u(user_id, in_app, digest)
       ON CONFLICT (user_id, dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id, user_id`,
      [
        draft.brandId,
        draft.kind,
        draft.entity,
        draft.entityId,
        JSON.stringify(draft.params),
        draft.dedupeKey ?? null,
        recipients.map((r) => r.id),
        recipients.map((r) => deliveryOf(r.id, NotificationChannel.IN_APP) !== NotificationDelivery.OFF),
        recipients.map((r) => digestOf(r.id).join(',')),
      ],
    );
    const notices: SentNotice[] = written.map((w) => ({
      id: w.id,
      brandId: draft.brandId,
      kind: draft.kind,
      entity: draft.entity,
      entityId: draft.entityId,
      params: draft.params,
      recipient: recipients.find((r) => r.id === w.user_id)!,
    }));
    for (const c of this.channels) {
      const now = notices.filter((n) => deliveryOf(n.recipient.id, c.channel) === NotificationDelivery.INSTANT);
      if (now.length) await c.instant(em, now);
    }
    return notices;
  }

  private mine(scope: Scope) {
    return applyScope(this.ds.getRepository(Notification).createQueryBuilder('n'), scope, 'recipient').andWhere(
      'n.in_app',
    );
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
    return this.markSelected(unread);
  }

  /**
   * Marks the viewer's unread notices about one record read: the record's page was opened (from
   * anywhere, not only the inbox). Another person's notices about it stay as they are.
   */
  async markReadAbout(scope: Scope, entity: string, entityId: string): Promise<number> {
    const unread = this.mine(scope)
      .select('n.id')
      .andWhere('n.read_at IS NULL AND n.entity = :entity AND n.entity_id = :entityId', { entity, entityId });
    return this.markSelected(unread);
  }

  private async markSelected(unread: ReturnType<NotificationService['mine']>): Promise<number> {
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
