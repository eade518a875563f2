import { DataSource } from 'typeorm';
import {
  DEFAULT_DELIVERY,
  NOTICE_KINDS,
  NotificationChannel,
  NotificationDelivery,
  NotificationKind,
} from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput } from '../../common/errors';
import { NotificationPreference } from './notification.entity';

export interface PreferenceChoice {
  kind: NotificationKind;
  channel: NotificationChannel;
  delivery: NotificationDelivery;
}

/** The channels a person chooses among (the inbox takes no digest: it is one). */
const CHANNELS = [NotificationChannel.IN_APP, NotificationChannel.GROUP_ROBOT, NotificationChannel.EMAIL];

/** Each person's kinds × channels: what they are told, where, and whether at once or in the daily digest. */
export class PreferenceService {
  constructor(private readonly ds: DataSource) {}

  /** Every kind the viewer's side may receive, on every channel, with the choice in force (a default where none was made). */
  async list(scope: Scope): Promise<PreferenceChoice[]> {
    const rows = await this.ds.getRepository(NotificationPreference).find({
      where: { userId: scope.userId, brandId: scope.brandId },
    });
    return NOTICE_KINDS[scope.side].flatMap((kind) =>
      CHANNELS.map((channel) => ({
        kind,
        channel,
        delivery: rows.find((r) => r.kind === kind && r.channel === channel)?.delivery ?? DEFAULT_DELIVERY[channel],
      })),
    );
  }

  async set(scope: Scope, choices: PreferenceChoice[]): Promise<PreferenceChoice[]> {
    for (const c of choices) {
      if (!NOTICE_KINDS[scope.side].includes(c.kind)) throw badInput('kind', `${c.kind} is not a notice you receive`);
      if (!CHANNELS.includes(c.channel)) throw badInput('channel', `No channel ${c.channel}`);
      if (c.channel === NotificationChannel.IN_APP && c.delivery === NotificationDelivery.DIGEST)
        throw badInput('delivery', 'The inbox takes notices at once or not at all');
    }
    const unique = new Map(choices.map((c) => [`${c.kind}/${c.channel}`, c]));
    if (unique.size) {
      await this.ds.transaction(async (em) => {
        const list = [...unique.values()];
        await em.query(
          `INSERT INTO notification_preference (brand_id, user_id, kind, channel, delivery)
           SELECT $1::uuid, $2::uuid, c.kind, c.channel, c.delivery
             FROM unnest($3::varchar[], $4::varchar[], $5::varchar[]) AS c(kind, channel, delivery)
           ON CONFLICT (user_id, kind, channel) DO UPDATE SET delivery = EXCLUDED.delivery, updated_at = now()`,
          [
            scope.brandId,
            scope.userId,
            list.map((c) => c.kind),
            list.map((c) => c.channel),
            list.map((c) => c.delivery),
          ],
        );
        await audit(em, scope, 'SET_NOTIFICATION_PREFERENCES', 'app_user', scope.userId, {
          choices: list.map((c) => `${c.kind}/${c.channel}=${c.delivery}`),
        });
      });
    }
    return this.list(scope);
  }
}
