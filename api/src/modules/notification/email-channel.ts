import { EntityManager } from 'typeorm';
import {
  Locale,
  MailKind,
  NotificationChannel,
  INBOX_PATH,
  appOfSide,
  appUrl,
  noticeUrl,
} from '@medchannel/shared-schema';
import type { Mail, MailService } from '../outbox';
import type { AppUrls, NoticeChannel, SentNotice } from './channels';
import { DIGEST_TITLE, noticeLine } from './notice-words';

const sign = '\n\n— MedChannel';

/**
 * The e-mail channel: a notice becomes a message to its person, written through the mail outbox
 * (mail.service.ts) in the change's transaction with a dedupe key (one message per notice, one
 * digest per person and day), and sent by the outbox's rounds with their retries. The words are the
 * robots' (notice-words.ts): only facts that name the record, never a note's or a reason's text.
 * A digest lists what the person has not read by the time the daily job runs.
 */
export class EmailChannel implements NoticeChannel {
  readonly channel = NotificationChannel.EMAIL as const;

  constructor(
    private readonly mail: MailService,
    private readonly apps: AppUrls,
  ) {}

  private async addresses(em: EntityManager, notices: SentNotice[]): Promise<Map<string, string>> {
    const rows: Array<{ id: string; email: string }> = await em.query(
      `SELECT id, email FROM app_user WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL`,
      [[...new Set(notices.map((n) => n.recipient.id))]],
    );
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  /** The notice's record in the person's app (shared-schema's map), which opens after signing in. */
  private link(n: SentNotice): string {
    const app = appOfSide(n.recipient.side);
    return noticeUrl(this.apps[app], app, n);
  }

  /** The person's inbox in their app. */
  private inboxLink(n: SentNotice): string {
    return appUrl(this.apps[appOfSide(n.recipient.side)], INBOX_PATH);
  }

  async instant(em: EntityManager, notices: SentNotice[]): Promise<void> {
    const to = await this.addresses(em, notices);
    const mails: Mail[] = notices
      .filter((n) => to.has(n.recipient.id))
      .map((n) => {
        const { locale, displayName } = n.recipient;
        const line = noticeLine(n.kind, n.params, locale);
        const more = locale === Locale.EN ? 'Read it in MedChannel:' : '在 MedChannel 中查看：';
        const hello = locale === Locale.EN ? `Hello ${displayName},` : `${displayName}，您好：`;
        return {
          to: to.get(n.recipient.id)!,
          userId: n.recipient.id,
          kind: MailKind.NOTICE,
          subject: `MedChannel: ${line}`,
          text: `${hello}\n\n${line}\n\n${more} ${this.link(n)}${sign}`,
          dedupeKey: `notice-mail:${n.id}`,
        };
      });
    await this.mail.queueMany(em, notices[0].brandId, mails);
  }

  async digest(em: EntityManager, day: string, notices: SentNotice[]): Promise<number> {
    if (!notices.length) return 0;
    const unread: Array<{ id: string }> = await em.query(
      `SELECT id FROM notification WHERE id = ANY($1::uuid[]) AND read_at IS NULL`,
      [notices.map((n) => n.id)],
    );
    const open = new Set(unread.map((u) => u.id));
    const still = notices.filter((n) => open.has(n.id));
    if (!still.length) return 0;
    const to = await this.addresses(em, still);
    const people = [...new Set(still.map((n) => n.recipient.id))].filter((id) => to.has(id));
    const mails: Mail[] = people.map((userId) => {
      const theirs = still.filter((n) => n.recipient.id === userId);
      const { locale, displayName } = theirs[0].recipient;
      const title = (locale === Locale.EN ? DIGEST_TITLE.en : DIGEST_TITLE.zh).replace('{day}', day);
      const hello = locale === Locale.EN ? `Hello ${displayName},` : `${displayName}，您好：`;
      // each line with its record's link; the inbox below for all of them
      const lines = theirs.map((n) => `• ${noticeLine(n.kind, n.params, locale)}\n  ${this.link(n)}`).join('\n');
      return {
        to: to.get(userId)!,
        userId,
        kind: MailKind.NOTICE_DIGEST,
        subject: title,
        text: `${hello}\n\n${lines}\n\n${this.inboxLink(theirs[0])}${sign}`,
        dedupeKey: `notice-digest-mail:${userId}:${day}`,
      };
    });
    return this.mail.queueMany(em, still[0].brandId, mails);
  }
}
