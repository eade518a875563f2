import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { OutboxEventType } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit, diff } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { OutboxEvent, WebhookDelivery, WebhookEndpoint } from './outbox.entity';
import { ChannelDelivery, ERP_CHANNEL } from './delivery';
import { postToErp } from './erp-webhook';
import { TargetError, TargetPolicy, resolveTarget } from './webhook-target';

/**
 * The outbox: `emit` writes an event in the caller's transaction (it exists exactly when the
 * change does); `deliverDue` sends pending events to the brand's webhook, signed, at least once,
 * with exponential backoff, logging every attempt. Receivers dedupe by the event id. The channels
 * and the delivery loop are delivery.ts; this is the ERP side: its endpoint, its events, their log.
 */
export class OutboxService extends ChannelDelivery {
  constructor(
    ds: DataSource,
    private readonly targets: TargetPolicy,
  ) {
    super(ds, (event, timeoutMs) => postToErp(targets, event, timeoutMs));
  }

  /** The checks every outgoing address passes (group robots' too). */
  get targetPolicy(): TargetPolicy {
    return this.targets;
  }

  async emit(
    em: EntityManager,
    brandId: string,
    type: OutboxEventType,
    entity: string,
    entityId: string,
    payload: Record<string, unknown>,
  ): Promise<void> {
    // attempts, next_attempt_at (now) and the rest take the table's defaults
    await em.insert(OutboxEvent, {
      brandId,
      type,
      entity,
      entityId,
      payload: payload as QueryDeepPartialEntity<Record<string, unknown>>,
    });
  }

  events(scope: Scope, page: PageArgs, pendingOnly = false): Promise<Page<OutboxEvent>> {
    const qb = applyScope(this.ds.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand').andWhere(
      'o.channel = :erp',
      { erp: ERP_CHANNEL },
    );
    if (pendingOnly) qb.andWhere('o.delivered_at IS NULL');
    return paginate(qb, page, [{ column: 'o.seq', value: (o) => o.seq }], 'DESC');
  }

  deliveries(scope: Scope, page: PageArgs): Promise<Page<WebhookDelivery>> {
    const qb = applyScope(this.ds.getRepository(WebhookDelivery).createQueryBuilder('w'), scope, 'brand').andWhere(
      'w.channel = :erp',
      { erp: ERP_CHANNEL },
    );
    return paginate(qb, page, [{ column: 'w.seq', value: (w) => w.seq }], 'DESC');
  }

  eventsByIds(scope: Scope, ids: readonly string[]): Promise<OutboxEvent[]> {
    return applyScope(this.ds.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand')
      .andWhere('o.id = ANY(:ids) AND o.channel = :erp', { ids, erp: ERP_CHANNEL })
      .getMany();
  }

  endpoint(scope: Scope): Promise<WebhookEndpoint | null> {
    return applyScope(this.ds.getRepository(WebhookEndpoint).createQueryBuilder('e'), scope, 'brand').getOne();
  }

  /** Sets where events go. A new endpoint (or `rotateSecret`) gets a fresh secret, answered this once. */
  async setEndpoint(
    scope: Scope,
    input: { url: string; enabled: boolean; rotateSecret: boolean },
  ): Promise<{ endpoint: WebhookEndpoint; secret: string | null }> {
    let url: URL;
    try {
      url = new URL(input.url);
    } catch {
      throw badInput('url', 'Not a URL');
    }
    if (!['http:', 'https:'].includes(url.protocol)) throw badInput('url', 'The webhook must be http(s)');
    // one answer for "not public" and "does not resolve": the form is not a probe of internal names either
    await resolveTarget(url, this.targets).catch((err) => {
      throw err instanceof TargetError
        ? badInput('url', 'The webhook must be a public address that resolves (or one allowed in the server settings)')
        : err;
    });
    return this.ds.transaction(async (em) => {
      const existing = await applyScope(em.getRepository(WebhookEndpoint).createQueryBuilder('e'), scope, 'brand')
        .setLock('pessimistic_write')
        .getOne();
      const secret = !existing || input.rotateSecret ? randomBytes(24).toString('base64url') : null;
      if (!existing) {
        const created = await em.save(
          em.create(WebhookEndpoint, {
            brandId: scope.brandId,
            url: url.toString(),
            enabled: input.enabled,
            secret: secret!,
          }),
        );
        await audit(em, scope, 'SET_WEBHOOK', 'webhook_endpoint', created.id, {
          url: created.url,
          enabled: created.enabled,
        });
        return { endpoint: created, secret };
      }
      const changes = diff(existing, { url: url.toString(), enabled: input.enabled });
      Object.assign(existing, { url: url.toString(), enabled: input.enabled }, secret ? { secret } : {});
      const saved = await em.save(existing);
      await audit(em, scope, 'SET_WEBHOOK', 'webhook_endpoint', saved.id, {
        ...changes,
        ...(secret ? { secret: 'rotated' } : {}),
      });
      return { endpoint: saved, secret };
    });
  }

  /** Sends an event again (the receiver dedupes by its id): for a receiver that lost what it got. */
  async redeliver(scope: Scope, eventId: string): Promise<OutboxEvent> {
    return this.ds.transaction(async (em) => {
      const [event] = isUuid(eventId)
        ? await applyScope(em.getRepository(OutboxEvent).createQueryBuilder('o'), scope, 'brand')
            .andWhere('o.id = :id AND o.channel = :erp', { id: eventId, erp: ERP_CHANNEL })
            .getMany()
        : [];
      if (!event) throw notFound('Event');
      await em.query(
        `UPDATE outbox_event SET delivered_at = NULL, next_attempt_at = now(), updated_at = now() WHERE id = $1`,
        [event.id],
      );
      await audit(em, scope, 'REDELIVER_EVENT', 'outbox_event', event.id, { type: event.type });
      return await em.findOneByOrFail(OutboxEvent, { id: event.id });
    });
  }
}
