import { DataSource, EntityManager } from 'typeorm';
import { WebhookFailure } from '@medchannel/shared-schema';
import { WebhookDelivery } from './outbox.entity';
import { CLAIMER_LOCK_NAMESPACE } from './claimer';

export interface DeliveryOptions {
  /** First retry after this many ms; each further one waits twice as long, up to an hour. */
  retryBaseMs: number;
  /** How long a claimed event is the claimer's before another deliverer may try it. */
  leaseMs: number;
  timeoutMs: number;
  batch: number;
  /** The live claimer's id, if any: its claims are released as soon as its process is gone (claimer.ts). */
  claimId?: () => number | null;
}

/** Ids of the deliverers alive now: whose claimer lock (claimer.ts) some session of this database holds. */
export const LIVE_CLAIMERS = `SELECT l.objid::text::int FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = ${CLAIMER_LOCK_NAMESPACE}::oid
    AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())`;

/** The outbox's own channel: the brand's ERP webhook. Notice channels (group robots, e-mail) register their senders. */
export const ERP_CHANNEL = 'ERP';

/** An event of a notice channel, as its sender is handed it. */
export interface ChannelEvent {
  id: string;
  brandId: string;
  type: string;
  entity: string;
  entityId: string;
  payload: Record<string, unknown>;
  attempt: number;
  createdAt: Date;
}

/** What a sender did: the log's URL (never a secret or token), the answer's status and the failure, if any. */
export interface ChannelOutcome {
  url: string;
  status: number | null;
  error: WebhookFailure | null;
}

/**
 * How one notice channel sends an event. Answers null when there is nothing to send any more (the
 * robot was removed): the event is closed without an attempt.
 */
export interface ChannelSender {
  send(event: ChannelEvent, timeoutMs: number): Promise<ChannelOutcome | null>;
}

/** An event for a notice channel; a dedupe key makes a second write of the same message a no-op. */
export interface ChannelEventDraft {
  brandId: string;
  channel: string;
  type: string;
  entity: string;
  entityId: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}
/** An ERP event as claimed, with its brand's endpoint. */
export interface ErpEvent {
  id: string;
  type: string;
  entity: string;
  entity_id: string;
  payload: unknown;
  created_at: Date;
  url: string;
  secret: string;
}

/** One attempt at the brand's ERP webhook (erp-webhook.ts). */
export type ErpPoster = (event: ErpEvent, timeoutMs: number) => Promise<ChannelOutcome>;

/**
 * The outbox's channels and their delivery loop: the ERP webhook, and the notice channels that
 * register a sender. `deliverDue` claims due events under a lease, hands each to its channel, logs
 * every attempt and retries failures with exponential backoff: at least once, each event.
 */
export class ChannelDelivery {
  private readonly senders = new Map<string, ChannelSender>();

  constructor(
    protected readonly ds: DataSource,
    private readonly postToErp: ErpPoster,
  ) {}

  /** Lets a notice channel's events be delivered by this outbox's rounds (its retries, claims and log). */
  registerChannel(channel: string, sender: ChannelSender): void {
    if (channel === ERP_CHANNEL || this.senders.has(channel)) throw new Error(`channel ${channel} is taken`);
    this.senders.set(channel, sender);
  }

  /**
   * Writes events of a notice channel in the caller's transaction. An event whose dedupe key was
   * written before is left out (a job run twice, a notice written again): each message goes once.
   */
  async emitToChannel(em: EntityManager, drafts: ChannelEventDraft[]): Promise<number> {
    if (!drafts.length) return 0;
    const rows: Array<{ id: string }> = await em.query(
      `INSERT INTO outbox_event (brand_id, channel, type, entity, entity_id, payload, dedupe_key)
       SELECT * FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::uuid[], $6::jsonb[], $7::varchar[])
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING RETURNING id`,
      [
        drafts.map((d) => d.brandId),
        drafts.map((d) => d.channel),
        drafts.map((d) => d.type),
        drafts.map((d) => d.entity),
        drafts.map((d) => d.entityId),
        drafts.map((d) => JSON.stringify(d.payload)),
        drafts.map((d) => d.dedupeKey),
      ],
    );
    return rows.length;
  }

  /**
   * One round of delivery: claims due events of brands with an enabled endpoint (a lease, so a
   * second deliverer skips them and a crashed one's claim runs out, at once when the claim names a
   * claimer whose process is gone), posts each, and records the outcome. Returns how many were delivered.
   */
  async deliverDue(opts: DeliveryOptions): Promise<number> {
    type Claimed = {
      id: string;
      brand_id: string;
      channel: string;
      type: string;
      entity: string;
      entity_id: string;
      payload: Record<string, unknown>;
      attempts: number;
      created_at: Date;
      url: string | null;
      secret: string | null;
    };
    // ERP events of brands with an enabled endpoint, and the events of every channel with a sender here
    // (TypeORM answers an UPDATE … RETURNING as [rows, affected])
    const [claimed]: [Claimed[], number] = await this.ds.query(
      `WITH due AS (
           SELECT o.id FROM outbox_event o
            WHERE o.delivered_at IS NULL
              AND (o.channel = ANY($4::varchar[])
                OR (o.channel = '${ERP_CHANNEL}' AND EXISTS (SELECT 1 FROM webhook_endpoint w WHERE w.brand_id = o.brand_id AND w.enabled)))
              AND (o.next_attempt_at <= now() OR (o.claimed_by IS NOT NULL AND o.claimed_by NOT IN (${LIVE_CLAIMERS})))
            ORDER BY o.seq LIMIT $1 FOR UPDATE OF o SKIP LOCKED)
         UPDATE outbox_event o SET next_attempt_at = now() + make_interval(secs => $2::float / 1000), claimed_by = $3, updated_at = now()
           FROM due
          WHERE o.id = due.id
          RETURNING o.id, o.brand_id, o.channel, o.type, o.entity, o.entity_id, o.payload, o.attempts, o.created_at,
            (SELECT w.url FROM webhook_endpoint w WHERE w.brand_id = o.brand_id AND o.channel = '${ERP_CHANNEL}') AS url,
            (SELECT w.secret FROM webhook_endpoint w WHERE w.brand_id = o.brand_id AND o.channel = '${ERP_CHANNEL}') AS secret`,
      [opts.batch, opts.leaseMs, opts.claimId?.() ?? null, [...this.senders.keys()]],
    );
    let delivered = 0;
    for (const e of claimed) {
      const started = Date.now();
      let outcome: ChannelOutcome | null;
      if (e.channel === ERP_CHANNEL)
        outcome = await this.postToErp(e as Claimed & { url: string; secret: string }, opts.timeoutMs);
      else {
        const sender = this.senders.get(e.channel)!;
        outcome = await sender
          .send(
            {
              id: e.id,
              brandId: e.brand_id,
              type: e.type,
              entity: e.entity,
              entityId: e.entity_id,
              payload: e.payload,
              attempt: e.attempts + 1,
              createdAt: new Date(e.created_at),
            },
            opts.timeoutMs,
          )
          .catch((): ChannelOutcome => ({ url: '', status: null, error: WebhookFailure.UNREACHABLE }));
      }
      if (!outcome) {
        await this.ds.query(
          `UPDATE outbox_event SET delivered_at = now(), last_error = $2, claimed_by = NULL, updated_at = now() WHERE id = $1`,
          [e.id, WebhookFailure.TARGET_GONE],
        );
        continue;
      }
      const { status, error, url: loggedUrl } = outcome;
      // tenths of a second: enough to see a slow receiver, too coarse to time anything behind it
      const durationMs = Math.round((Date.now() - started) / 100) * 100;
      const attempt = e.attempts + 1;
      const ok = error === null;
      await this.ds.transaction(async (em) => {
        await em.insert(WebhookDelivery, {
          brandId: e.brand_id,
          channel: e.channel,
          eventId: e.id,
          attempt,
          url: loggedUrl,
          statusCode: status,
          ok,
          error,
          durationMs,
        } as never);
        if (ok) {
          await em.query(
            `UPDATE outbox_event SET attempts = $2, delivered_at = now(), last_error = NULL, claimed_by = NULL, updated_at = now() WHERE id = $1`,
            [e.id, attempt],
          );
        } else {
          const wait = Math.min(opts.retryBaseMs * 2 ** (attempt - 1), 3_600_000);
          await em.query(
            `UPDATE outbox_event SET attempts = $2, last_error = $3, next_attempt_at = now() + make_interval(secs => $4::float / 1000), claimed_by = NULL, updated_at = now() WHERE id = $1`,
            [e.id, attempt, error, wait],
          );
        }
      });
      if (ok) delivered++;
    }
    return delivered;
  }
}

/** Runs delivery rounds every `pollMs` until stopped (0: never, as in most tests); stopping waits for the round in flight. */
export function startOutboxDeliverer(
  outbox: Pick<ChannelDelivery, 'deliverDue'>,
  pollMs: number,
  opts: DeliveryOptions,
  log: (err: unknown) => void,
): () => Promise<void> {
  if (pollMs <= 0) return async () => {};
  let round: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (round) return;
    round = outbox
      .deliverDue(opts)
      .catch(log)
      .finally(() => (round = null));
  }, pollMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
