import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxEventType, WEBHOOK_HEADERS, WebhookFailure } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from './outbox.entity';
import { CLAIMER_LOCK_NAMESPACE } from './claimer';
import { TargetError, TargetPolicy, failureOfStatus, postPinned, resolveTarget } from './webhook-target';

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
const LIVE_CLAIMERS = `SELECT l.objid::text::int FROM pg_locks l
  WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2 AND l.classid = ${CLAIMER_LOCK_NAMESPACE}::oid
    AND l.database = (SELECT d.oid FROM pg_database d WHERE d.datname = current_database())`;

/** HMAC-SHA256 over `timestamp.body`: what a receiver recomputes with the shared secret. */
export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The outbox: `emit` writes an event in the caller's transaction (it exists exactly when the
 * change does); `deliverDue` sends pending events to the brand's webhook, signed, at least once,
 * with exponential backoff, logging every attempt. Receivers dedupe by the event id.
 */
export class OutboxService {
  constructor(
    private readonly ds: DataSource,
    private readonly targets: TargetPolicy,
  ) {}

  async emit(em: EntityManager, brandId: string, type: OutboxEventType, entity: string, entityId: string, payload: Record<string, unknown>): Promise<void> {
    // attempts, next_attempt_at (now) and the rest take the table's defaults
    await em.insert(OutboxEvent, { brandId, type, entity, entityId, payload: payload as QueryDeepPartialEntity<Record<string, unknown>> });
  }

  events(scope: Scope, page: PageArgs, pendingOnly = false): Promise<Page<OutboxEvent>> {
    const qb = applyScope(this.ds.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand');
    if (pendingOnly) qb.andWhere('o.delivered_at IS NULL');
    return paginate(qb, page, [{ column: 'o.seq', value: (o) => o.seq }], 'DESC');
  }

  deliveries(scope: Scope, page: PageArgs): Promise<Page<WebhookDelivery>> {
    const qb = applyScope(this.ds.getRepository(WebhookDelivery).createQueryBuilder('w'), scope, 'brand');
    return paginate(qb, page, [{ column: 'w.seq', value: (w) => w.seq }], 'DESC');
  }

  eventsByIds(scope: Scope, ids: readonly string[]): Promise<OutboxEvent[]> {
    return applyScope(this.ds.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand').andWhere('o.id = ANY(:ids)', { ids }).getMany();
  }

  endpoint(scope: Scope): Promise<WebhookEndpoint | null> {
    return applyScope(this.ds.getRepository(WebhookEndpoint).createQueryBuilder('e'), scope, 'brand').getOne();
  }

  /** Sets where events go. A new endpoint (or `rotateSecret`) gets a fresh secret, answered this once. */
  async setEndpoint(scope: Scope, input: { url: string; enabled: boolean; rotateSecret: boolean }): Promise<{ endpoint: WebhookEndpoint; secret: string | null }> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw badInput('url', 'Not a URL');
    }
    if (!['http:', 'https:'].includes(url.protocol)) throw badInput('url', 'The webhook must be http(s)');
    // one answer for "not public" and "does not resolve": the form is not a probe of internal names either
    await resolveTarget(url, this.targets).catch((err) => {
      throw err instanceof TargetError ? badInput('url', 'The webhook must be a public address that resolves (or one allowed in the server settings)') : err;
    });
    return this.ds.transaction(async (em) => {
      const existing = await applyScope(em.getRepository(WebhookEndpoint).createQueryBuilder('e'), scope, 'brand').setLock('pessimistic_write').getOne();
      const secret = !existing || input.rotateSecret ? randomBytes(24).toString('base64url') : null;
      if (!existing) {
        const created = await em.save(em.create(WebhookEndpoint, { brandId: scope.brandId, url: url.toString(), enabled: input.enabled, secret: secret! }));
        await audit(em, scope, 'SET_WEBHOOK', 'webhook_endpoint', created.id, { url: created.url, enabled: created.enabled });
        return { endpoint: created, secret };
      }
      const changes = diff(existing, { url: url.toString(), enabled: input.enabled });
      Object.assign(existing, { url: url.toString(), enabled: input.enabled }, secret ? { secret } : {});
      const saved = await em.save(existing);
      await audit(em, scope, 'SET_WEBHOOK', 'webhook_endpoint', saved.id, { ...changes, ...(secret ? { secret: 'rotated' } : {}) });
      return { endpoint: saved, secret };
    });
  }

  /** Sends an event again (the receiver dedupes by its id): for a receiver that lost what it got. */
  async redeliver(scope: Scope, eventId: string): Promise<OutboxEvent> {
    return this.ds.transaction(async (em) => {
      const [event] = isUuid(eventId) ? await applyScope(em.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand').andWhere('o.id = :id', { id: eventId }).getMany() : [];
      if (!event) throw notFound('Event');
      await em.query(`UPDATE outbox_event SET delivered_at = NULL, next_attempt_at = now(), updated_at = now() WHERE id = $1`, [event.id]);
      await audit(em, scope, 'REDELIVER_EVENT', 'outbox_event', event.id, { type: event.type });
      return (await em.findOneByOrFail(OutboxEvent, { id: event.id }));
    });
  }

  /**
   * One round of delivery: claims due events of brands with an enabled endpoint (a lease, so a
   * second deliverer skips them and a crashed one's claim runs out, at once when the claim names a
   * claimer whose process is gone), posts each, and records the outcome. Returns how many were delivered.
   */
  async deliverDue(opts: DeliveryOptions): Promise<number> {
    type Claimed = { id: string; brand_id: string; type: string; entity: string; entity_id: string; payload: Record<string, unknown>; attempts: number; created_at: Date; url: string; secret: string };
    // TypeORM answers an UPDATE … RETURNING as [rows, affected]
    const [claimed]: [Claimed[], number] =
      await this.ds.query(
        `WITH due AS (
           SELECT o.id FROM outbox_event o JOIN webhook_endpoint w ON w.brand_id = o.brand_id AND w.enabled
            WHERE o.delivered_at IS NULL
              AND (o.next_attempt_at <= now() OR (o.claimed_by IS NOT NULL AND o.claimed_by NOT IN (${LIVE_CLAIMERS})))
            ORDER BY o.seq LIMIT $1 FOR UPDATE OF o SKIP LOCKED)
         UPDATE outbox_event o SET next_attempt_at = now() + make_interval(secs => $2::float / 1000), claimed_by = $3, updated_at = now()
           FROM due, webhook_endpoint w
          WHERE o.id = due.id AND w.brand_id = o.brand_id
          RETURNING o.id, o.brand_id, o.type, o.entity, o.entity_id, o.payload, o.attempts, o.created_at, w.url, w.secret`,
        [opts.batch, opts.leaseMs, opts.claimId?.() ?? null],
      );
    let delivered = 0;
    for (const e of claimed) {
      const body = JSON.stringify({ id: e.id, type: e.type, entity: e.entity, entityId: e.entity_id, occurredAt: new Date(e.created_at).toISOString(), data: e.payload });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const started = Date.now();
      let status: number | null = null;
      let error: WebhookFailure | null = null;
      try {
        // checked again at every delivery (DNS may have changed since the URL was set), and sent to the checked address
        const url = new URL(e.url);
        const target = await resolveTarget(url, this.targets);
        status = await postPinned(url, target, body, {
          'content-type': 'application/json',
          [WEBHOOK_HEADERS.event]: e.type,
          [WEBHOOK_HEADERS.eventId]: e.id,
          [WEBHOOK_HEADERS.timestamp]: timestamp,
          [WEBHOOK_HEADERS.signature]: signature(e.secret, timestamp, body),
        }, opts.timeoutMs);
        error = failureOfStatus(status);
      } catch (err) {
        error = err instanceof TargetError ? err.failure : WebhookFailure.UNREACHABLE;
      }
      // tenths of a second: enough to see a slow receiver, too coarse to time anything behind it
      const durationMs = Math.round((Date.now() - started) / 100) * 100;
      const attempt = e.attempts + 1;
      const ok = error === null;
      await this.ds.transaction(async (em) => {
        await em.insert(WebhookDelivery, { brandId: e.brand_id, eventId: e.id, attempt, url: e.url, statusCode: status, ok, error, durationMs } as never);
        if (ok) {
          await em.query(`UPDATE outbox_event SET attempts = $2, delivered_at = now(), last_error = NULL, claimed_by = NULL, updated_at = now() WHERE id = $1`, [e.id, attempt]);
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
export function startOutboxDeliverer(outbox: OutboxService, pollMs: number, opts: DeliveryOptions, log: (err: unknown) => void): () => Promise<void> {
  if (pollMs <= 0) return async () => {};
  let round: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (round) return;
    round = outbox.deliverDue(opts).catch(log).finally(() => (round = null));
  }, pollMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await round;
  };
}
