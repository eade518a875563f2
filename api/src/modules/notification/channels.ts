import { EntityManager } from 'typeorm';
import { NotificationChannel, NotificationKind, type NoticeApp } from '@medchannel/shared-schema';
import type { ChannelSender } from '../outbox';
import type { Recipient } from './recipients';

/** The apps' base URLs (config CONSOLE_URL, PORTAL_URL): a brand person's links open the console, a partner's the portal. */
export type AppUrls = Record<NoticeApp, string>;

/** A notice as written, with the person it is for. */
export interface SentNotice {
  id: string;
  brandId: string;
  kind: NotificationKind;
  entity: string;
  entityId: string;
  params: Record<string, string>;
  recipient: Recipient;
}

/**
 * A channel beyond the inbox (group robots, e-mail). NotificationService
 * hands it, in the change's own transaction, the notices its people take at once, and the daily
 * job hands it a day's digest notices; the channel writes outbox events (with dedupe keys, so a
 * message is written once), and the outbox's rounds deliver them through `sender`, with retries.
 */
export interface NoticeChannel {
  channel: Exclude<NotificationChannel, NotificationChannel.IN_APP>;
  /** Posts the channel's outbox events; none for a channel that writes elsewhere (e-mail: the mail outbox). */
  sender?: ChannelSender;
  /** Writes the outbox events of one change's notices (all of one kind, about one record). */
  instant(em: EntityManager, notices: SentNotice[]): Promise<void>;
  /** Writes the outbox events of one brand's digest for `day` (YYYY-MM-DD, China); returns how many. */
  digest(em: EntityManager, day: string, notices: SentNotice[]): Promise<number>;
}
