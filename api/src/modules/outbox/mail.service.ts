import { DataSource, EntityManager } from 'typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { MailKind } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { MailMessage } from './mail.entity';
import { LIVE_CLAIMERS, type DeliveryOptions } from './delivery';

export interface Mail {
  to: string;
  userId: string | null;
  kind: MailKind;
  subject: string;
  text: string;
  /** Names the message (a notice, a person's digest day): a second write of the same key is left out. */
  dedupeKey?: string;
}

/** Where mail goes: an SMTP server (nodemailer), or nowhere but the database (kept). */
export interface MailTransport {
  send(message: { messageId: string; to: string; subject: string; text: string }): Promise<void>;
}

export function smtpTransport(url: string, from: string, timeoutMs = 10_000): MailTransport {
  const transporter: Transporter = nodemailer.createTransport(url, {
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send({ messageId, to, subject, text }) {
      await transporter.sendMail({ from, to, subject, text, messageId });
    },
  };
}

/**
 * E-mail through the outbox's way of working: `queue` writes the message in the caller's
 * transaction (it exists exactly when the change does, and never slows the request); `deliverDue`,
 * run by the outbox's delivery loop, claims due messages under a lease, sends each once with its id
 * as the Message-ID, and retries failures with exponential backoff. Without an SMTP server a
 * message is kept at once, body and all, for the console's mail list.
 */
export class MailService {
  constructor(
    private readonly ds: DataSource,
    private readonly transport: MailTransport | null,
    private readonly domain = 'medchannel.local',
  ) {}

  /** Whether mail is kept in the database (no SMTP server): then admins may read it in the console. */
  get keeps(): boolean {
    return this.transport === null;
  }

  async queue(em: EntityManager, brandId: string, mail: Mail): Promise<void> {
    await this.queueMany(em, brandId, [mail]);
  }

  /** Writes messages in the caller's transaction; answers how many were new (a dedupe key seen before is left out). */
  async queueMany(em: EntityManager, brandId: string, mails: Mail[]): Promise<number> {
    if (!mails.length) return 0;
    const kept = this.keeps;
    const rows: Array<{ id: string }> = await em.query(
      `INSERT INTO mail_message (brand_id, user_id, to_address, kind, subject, body, kept, delivered_at, dedupe_key)
       SELECT $1::uuid, m.user_id, m.to_address, m.kind, m.subject, m.body, $2::boolean, CASE WHEN $2 THEN now() END, m.dedupe_key
         FROM unnest($3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[], $7::text[], $8::varchar[])
           AS m(user_id, to_address, kind, subject, body, dedupe_key)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        brandId,
        kept,
        mails.map((m) => m.userId),
        mails.map((m) => m.to),
        mails.map((m) => m.kind),
        mails.map((m) => m.subject.slice(0, 200)),
        mails.map((m) => m.text),
        mails.map((m) => m.dedupeKey ?? null),
      ],
    );
    return rows.length;
  }

  /**
   * The brand's mail, newest first. A kept password-reset link would let the admin reading it sign
   * in as someone else (another admin among them), so its text is shown to its addressee only;
   * invitations stay readable, so a newcomer without SMTP can be let in.
   */
  async list(scope: Scope, page: PageArgs): Promise<Page<MailMessage>> {
    const qb = applyScope(this.ds.getRepository(MailMessage).createQueryBuilder('m'), scope, 'brand');
    const found = await paginate(qb, page, [{ column: 'm.seq', value: (m) => m.seq }], 'DESC');
    for (const m of found.nodes) if (m.kind === MailKind.PASSWORD_RESET && m.userId !== scope.userId) m.body = null;
    return found;
  }

  /** One round: claims due messages, sends each, records the outcome. Answers how many were sent. */
  async deliverDue(opts: DeliveryOptions): Promise<number> {
    if (!this.transport) return 0;
    type Claimed = { id: string; to_address: string; subject: string; body: string; attempts: number };
    const [claimed]: [Claimed[], number] = await this.ds.query(
      `WITH due AS (
           SELECT id FROM mail_message
            WHERE delivered_at IS NULL
              AND (next_attempt_at <= now() OR (claimed_by IS NOT NULL AND claimed_by NOT IN (${LIVE_CLAIMERS})))
            ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE mail_message m SET next_attempt_at = now() + make_interval(secs => $2::float / 1000), claimed_by = $3, updated_at = now()
           FROM due WHERE m.id = due.id
          RETURNING m.id, m.to_address, m.subject, m.body, m.attempts`,
      [opts.batch, opts.leaseMs, opts.claimId?.() ?? null],
    );
    let sent = 0;
    for (const m of claimed) {
      const attempt = m.attempts + 1;
      try {
        await this.transport.send({
          messageId: `<${m.id}@${this.domain}>`,
          to: m.to_address,
          subject: m.subject,
          text: m.body ?? '',
        });
      } catch (err) {
        const wait = Math.min(opts.retryBaseMs * 2 ** (attempt - 1), 3_600_000);
        const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        await this.ds.query(
          `UPDATE mail_message SET attempts = $2, last_error = $3, claimed_by = NULL,
              next_attempt_at = now() + make_interval(secs => $4::float / 1000), updated_at = now() WHERE id = $1`,
          [m.id, attempt, error, wait],
        );
        continue;
      }
      // sent: the body (a link may sign someone in) is not kept
      await this.ds.query(
        `UPDATE mail_message SET attempts = $2, delivered_at = now(), body = NULL, last_error = NULL, claimed_by = NULL, updated_at = now() WHERE id = $1`,
        [m.id, attempt],
      );
      sent++;
    }
    return sent;
  }
}
