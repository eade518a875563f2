import { createHmac } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  Locale,
  NotificationChannel,
  RobotProvider,
  Side,
  WebhookFailure,
  noticeUrl,
  type NoticeApp,
} from '@medchannel/shared-schema';
import {
  TargetError,
  failureOfStatus,
  postPinnedReading,
  resolveTarget,
  type ChannelEvent,
  type ChannelOutcome,
  type ChannelSender,
  type OutboxService,
  type TargetPolicy,
} from '../outbox';
import type { AppUrls, NoticeChannel, SentNotice } from './channels';
import { DIGEST_TITLE, noticeLine } from './notice-words';

/**
 * DingTalk's signature of a robot request (its custom-robot documentation): HMAC-SHA256 of
 * `timestamp + "\n" + secret` keyed with the secret, base64, sent URL-encoded as `sign` beside
 * `timestamp` (milliseconds) in the query.
 */
function dingTalkSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

/** The robot's URL for one request: DingTalk's signed when it has a secret. */
function robotRequestUrl(provider: RobotProvider, url: string, secret: string | null, nowMs: number): URL {
  const target = new URL(url);
  if (provider === RobotProvider.DINGTALK && secret) {
    const timestamp = String(nowMs);
    target.searchParams.set('timestamp', timestamp);
    target.searchParams.set('sign', dingTalkSign(secret, timestamp));
  }
  return target;
}

interface RobotRow {
  id: string;
  distributor_id: string | null;
}

/** Markdown's own characters in a line of words (a name, a number), so they print as they are. */
const plain = (text: string) => text.replace(/([\\`*_[\]()#>!|~])/g, '\\$1');

/**
 * The request body of a message: markdown for both robots (WeCom's `markdown.content`, DingTalk's
 * `markdown.title` and `.text`), so a notice's link opens its record.
 */
function robotBody(provider: RobotProvider, title: string, text: string): string {
  return JSON.stringify(
    provider === RobotProvider.DINGTALK
      ? { msgtype: 'markdown', markdown: { title, text } }
      : { msgtype: 'markdown', markdown: { content: text } },
  );
}

/**
 * The group-robot channel: a change's notices become one message per robot (the people it is for
 * named in it, each once), written to the outbox in the change's transaction with a dedupe key;
 * the outbox's rounds post it (retries, claims, the delivery log). A brand user's notices go to the
 * brand's robots, a partner's to their distributor's.
 */
export class RobotChannel implements NoticeChannel {
  readonly channel = NotificationChannel.GROUP_ROBOT as const;
  readonly sender: ChannelSender;

  constructor(
    private readonly ds: DataSource,
    private readonly outbox: OutboxService,
    private readonly policy: TargetPolicy,
    private readonly apps: AppUrls,
    private readonly clock: () => number = Date.now,
  ) {
    this.sender = { send: (event, timeoutMs) => this.send(event, timeoutMs) };
  }

  /** A notice's record as a markdown link in the app of the robot's people (the brand's: the console). */
  private linked(app: NoticeApp, n: SentNotice, words: string): string {
    return `[${plain(words)}](${noticeUrl(this.apps[app], app, n)})`;
  }

  private async robotsOf(
    em: EntityManager,
    notices: SentNotice[],
  ): Promise<Map<string, { app: NoticeApp; notices: SentNotice[] }>> {
    const brandId = notices[0].brandId;
    const distributors = [...new Set(notices.map((n) => n.recipient.distributorId).filter((d): d is string => !!d))];
    const robots: RobotRow[] = await em.query(
      `SELECT id, distributor_id FROM group_robot
        WHERE brand_id = $1 AND enabled AND (distributor_id IS NULL OR distributor_id = ANY($2::uuid[])) ORDER BY id`,
      [brandId, distributors],
    );
    const byRobot = new Map<string, { app: NoticeApp; notices: SentNotice[] }>();
    for (const robot of robots) {
      const theirs = notices.filter((n) =>
        robot.distributor_id === null
          ? n.recipient.side === Side.BRAND
          : n.recipient.side === Side.PARTNER && n.recipient.distributorId === robot.distributor_id,
      );
      if (theirs.length)
        byRobot.set(robot.id, { app: robot.distributor_id === null ? 'console' : 'portal', notices: theirs });
    }
    return byRobot;
  }

  async instant(em: EntityManager, notices: SentNotice[]): Promise<void> {
    const byRobot = await this.robotsOf(em, notices);
    const first = notices[0];
    await this.outbox.emitToChannel(
      em,
      [...byRobot].map(([robotId, { app, notices: theirs }]) => {
        const locale = theirs[0].recipient.locale;
        const people = theirs.map((n) => n.recipient.displayName).join(locale === Locale.EN ? ', ' : '、');
        const line = noticeLine(first.kind, first.params, locale);
        return {
          brandId: first.brandId,
          channel: this.channel,
          type: first.kind,
          entity: first.entity,
          entityId: first.entityId,
          payload: {
            robotId,
            notificationIds: theirs.map((n) => n.id),
            title: line,
            text: `【MedChannel】${this.linked(app, first, line)}\n\n→ ${plain(people)}`,
          },
          // one message per robot for one change's notices, however often it is written
          dedupeKey: `robot:${robotId}:${theirs[0].id}`,
        };
      }),
    );
  }

  async digest(em: EntityManager, day: string, notices: SentNotice[]): Promise<number> {
    if (!notices.length) return 0;
    const byRobot = await this.robotsOf(em, notices);
    return this.outbox.emitToChannel(
      em,
      [...byRobot].map(([robotId, { app, notices: theirs }]) => {
        const locale = theirs[0].recipient.locale;
        const title = (locale === Locale.EN ? DIGEST_TITLE.en : DIGEST_TITLE.zh).replace('{day}', day);
        const lines = theirs.map(
          (n) =>
            `- ${plain(n.recipient.displayName)}: ${this.linked(app, n, noticeLine(n.kind, n.params, n.recipient.locale))}`,
        );
        return {
          brandId: notices[0].brandId,
          channel: this.channel,
          type: 'DIGEST',
          entity: 'group_robot',
          entityId: robotId,
          payload: {
            robotId,
            notificationIds: theirs.map((n) => n.id),
            title,
            text: `【${title}】\n\n${lines.join('\n')}`,
          },
          dedupeKey: `robot-digest:${robotId}:${day}`,
        };
      }),
    );
  }

  /** Posts one message: the robot as it is now (turned off or removed: nothing to send). */
  private async send(event: ChannelEvent, timeoutMs: number): Promise<ChannelOutcome | null> {
    const [robot]: Array<{ provider: RobotProvider; url: string; secret: string | null }> = await this.ds.query(
      `SELECT provider, url, secret FROM group_robot WHERE id = $1 AND brand_id = $2 AND enabled`,
      [event.payload.robotId, event.brandId],
    );
    if (!robot) return null;
    const url = robotRequestUrl(robot.provider, robot.url, robot.secret, this.clock());
    // the log keeps where it went, never the robot's token or signature
    const logged = `${url.origin}${url.pathname}`;
    const body = robotBody(robot.provider, String(event.payload.title ?? 'MedChannel'), String(event.payload.text));
    try {
      const target = await resolveTarget(url, this.policy);
      const answer = await postPinnedReading(
        url,
        target,
        body,
        { 'content-type': 'application/json; charset=utf-8' },
        timeoutMs,
      );
      const failure = failureOfStatus(answer.status);
      if (failure) return { url: logged, status: answer.status, error: failure };
      // both robots answer 200 with {"errcode":0,…} when they took the message
      let errcode: unknown = null;
      try {
        errcode = (JSON.parse(answer.body) as { errcode?: unknown }).errcode;
      } catch {
        errcode = null;
      }
      return { url: logged, status: answer.status, error: errcode === 0 ? null : WebhookFailure.REFUSED_BY_RECEIVER };
    } catch (err) {
      return {
        url: logged,
        status: null,
        error: err instanceof TargetError ? err.failure : WebhookFailure.UNREACHABLE,
      };
    }
  }
}
