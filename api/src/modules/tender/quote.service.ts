import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationKind, Role, TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { today } from '../../common/dates';
import { badInput, illegal, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  fingerprint,
  earlierByKey,
  idempotent,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginateTree } from '../../common/pagination';
import type { NotificationServices } from '../notification';
import { ProductFloorPrice, Tender, TenderQuote } from './tender.entity';
import { TenderService } from './tender.service';
import { QuoteNode, QuotePageParts, quotePageParts, quotePageTree } from './quote-page';
import { AddTenderQuoteInput } from './tender.types';

type Notifications = NotificationServices['notifications'];

/**
 * Bid quotes (投标报价) per product of a tender, checked against the brand's floor price in force
 * that day: at or above it a quote is usable at once; below it waits for the approval of the
 * regional head over the opportunity's distributor (or an admin; auth/scope.ts, `tenderApproval`).
 */
export class TenderQuoteService {
  constructor(
    private readonly ds: DataSource,
    private readonly tenders: TenderService,
    private readonly notifications: Notifications,
  ) {}

  /** The quotes of the tenders (through the tenders' scope), oldest first. */
  byTenderIds(scope: Scope, ids: readonly string[]): Promise<TenderQuote[]> {
    const visible = this.tenders.scoped(scope).select('t.id').andWhere('t.id = ANY(:ids)', { ids });
    return this.ds
      .getRepository(TenderQuote)
      .createQueryBuilder('q')
      .where(`q.tender_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('q.created_at')
      .addOrderBy('q.id')
      .getMany();
  }

  /** Quotes the viewer decides, below the floor and waiting; the oldest first. */
  /** The queue, each row with what the request asks of it (quote-page.ts), in one statement. */
  awaitingApproval(
    scope: Scope,
    page: PageArgs,
    parts: QuotePageParts = quotePageParts(undefined),
  ): Promise<Page<QuoteNode>> {
    const { sql, params } = scopeCondition(scope, 'tenderApproval', 'at');
    const qb = this.ds
      .getRepository(TenderQuote)
      .createQueryBuilder('q')
      .where(`q.status = :pending`, { pending: TenderQuoteStatus.PENDING_APPROVAL })
      .andWhere(`q.tender_id IN (SELECT at.id FROM tender at WHERE ${sql})`, params);
    return paginateTree(
      qb,
      page,
      [
        { column: "date_trunc('milliseconds', q.created_at)", value: (q) => q.createdAt.toISOString() },
        { column: 'q.id', value: (q) => q.id },
      ],
      'ASC',
      quotePageTree(this.ds, scope, parts),
      (n) => n.quote,
    );
  }

  /** The floor price in force on a day for each product (none: the product has no floor). One statement. */
  async floorsOn(scope: Scope, productIds: readonly string[], on: string, em: EntityManager = this.ds.manager) {
    const qb = em
      .getRepository(ProductFloorPrice)
      .createQueryBuilder('f')
      .where('f.product_id = ANY(:productIds)', { productIds })
      .andWhere('f.effective_from <= :on AND (f.effective_to IS NULL OR f.effective_to >= :on)', { on });
    const rows = await applyScope(qb, scope, 'brand').getMany();
    return new Map(rows.map((f) => [f.productId, f]));
  }

  /** A product's bid price on an open tender; below the floor it needs a reason and waits for approval. */
  async add(scope: Scope, input: AddTenderQuoteInput): Promise<TenderQuote> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'tender_quote_request_key',
      earlier: (em) => earlierByKey(em, TenderQuote, 'requested_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key made another quote'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, () => this.insert(em, scope, fields, idempotencyKey ?? null, write.hash)),
    );
    return (await this.byIds(scope, [id]))[0];
  }

  private async insert(
    em: EntityManager,
    scope: Scope,
    fields: Omit<AddTenderQuoteInput, 'idempotencyKey'>,
    requestKey: string | null,
    hash: string,
  ): Promise<string> {
    const tender = await this.tenders.locked(em, scope, fields.tenderId);
    await visibleId(em, scope, 'product', fields.productId, 'productId');
    if (tender.status !== TenderStatus.OPEN) throw illegal('Only an open tender takes quotes');
    const [ofLine] = await em.query(
      `SELECT 1 FROM product p JOIN opportunity o ON o.product_line_id = p.product_line_id WHERE p.id = $1 AND o.id = $2`,
      [fields.productId, tender.opportunityId],
    );
    if (!ofLine) throw badInput('productId', 'Quote products of the opportunity’s line only');
    const [live] = await em.query(
      `SELECT 1 FROM tender_quote WHERE tender_id = $1 AND product_id = $2 AND status <> 'REJECTED'`,
      [tender.id, fields.productId],
    );
    if (live) throw badInput('productId', 'This product is quoted on this tender already');
    const floor = (await this.floorsOn(scope, [fields.productId], today(), em)).get(fields.productId);
    if (floor && floor.currency !== fields.currency) throw badInput('currency', 'Quote in the floor price’s currency');
    const below = floor ? new Decimal(fields.price).lt(floor.price) : false;
    const reason = fields.reason?.trim() || null;
    if (below && !reason) throw badInput('reason', 'Say why the price is below the floor');
    const quote = await em.save(
      em.create(TenderQuote, {
        brandId: scope.brandId,
        tenderId: tender.id,
        productId: fields.productId,
        price: fields.price,
        currency: fields.currency,
        floorPrice: floor?.price ?? null,
        status: below ? TenderQuoteStatus.PENDING_APPROVAL : TenderQuoteStatus.USABLE,
        reason,
        requestedBy: scope.userId,
        decidedBy: null,
        decidedAt: null,
        decisionNote: null,
        requestKey,
        requestHash: requestKey ? hash : null,
      }),
    );
    await audit(em, scope, 'CREATE', 'tender', tender.id, {
      quoteId: quote.id,
      productId: fields.productId,
      price: fields.price,
      floorPrice: quote.floorPrice,
      status: quote.status,
    });
    if (below) {
      await this.notifications.notify(em, {
        brandId: scope.brandId,
        userIds: await this.approvers(em, tender),
        kind: NotificationKind.TENDER_QUOTE_PENDING,
        entity: 'tender',
        entityId: tender.id,
        params: { name: tender.number, opportunityId: tender.opportunityId, decide: '1' },
      });
    }
    return quote.id;
  }

  /** The regional heads over the opportunity's distributor (its hospital's region for the brand's own lead); none: the admins. */
  private async approvers(em: EntityManager, tender: Tender): Promise<string[]> {
    const heads: Array<{ id: string }> = await em.query(
      `SELECT DISTINCT u.id FROM app_user u JOIN user_region ur ON ur.user_id = u.id
         JOIN opportunity o ON o.id = $1
         LEFT JOIN distributor d ON d.id = o.distributor_id
         JOIN hospital h ON h.id = o.hospital_id
         JOIN region r ON r.id = COALESCE(d.region_id, h.region_id)
        WHERE u.brand_id = o.brand_id AND u.role = $2 AND u.disabled_at IS NULL
          AND (ur.region_id = r.id OR ur.region_id = r.parent_id)`,
      [tender.opportunityId, Role.REGIONAL_HEAD],
    );
    if (heads.length) return heads.map((h) => h.id);
    const admins: Array<{ id: string }> = await em.query(
      `SELECT id FROM app_user WHERE brand_id = $1 AND role = $2 AND disabled_at IS NULL`,
      [tender.brandId, Role.ADMIN],
    );
    return admins.map((a) => a.id);
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<TenderQuote[]> {
    const visible = this.tenders.scoped(scope).select('t.id');
    return this.ds
      .getRepository(TenderQuote)
      .createQueryBuilder('q')
      .where(`q.tender_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .andWhere('q.id = ANY(:ids)', { ids })
      .getMany();
  }

  approve(scope: Scope, id: string, reason: string): Promise<TenderQuote> {
    return this.decide(scope, id, reason, TenderQuoteStatus.USABLE);
  }

  reject(scope: Scope, id: string, reason: string): Promise<TenderQuote> {
    return this.decide(scope, id, reason, TenderQuoteStatus.REJECTED);
  }

  /**
   * A waiting quote the viewer decides (tenderApproval scope; any other answers NOT_FOUND). The same
   * decision sent again answers the quote as it is; the other decision on a decided quote is refused.
   */
  private async decide(scope: Scope, id: string, reason: string, status: TenderQuoteStatus): Promise<TenderQuote> {
    const note = reason.trim();
    if (!note) throw badInput('reason', 'Say why');
    await this.ds.transaction(async (em) => {
      const quote = isUuid(id) ? await this.decidable(em, scope, id) : null;
      if (!quote) throw notFound('Quote');
      if (quote.status === status && quote.decidedBy) return;
      if (quote.status !== TenderQuoteStatus.PENDING_APPROVAL) throw illegal('This quote was decided already');
      Object.assign(quote, { status, decidedBy: scope.userId, decidedAt: new Date(), decisionNote: note });
      await em.save(quote);
      const tender = await em.findOneByOrFail(Tender, { id: quote.tenderId });
      const approved = status === TenderQuoteStatus.USABLE;
      await audit(em, scope, approved ? 'APPROVE' : 'REJECT', 'tender', tender.id, {
        quoteId: quote.id,
        reason: note,
      });
      await this.notifications.notify(em, {
        brandId: scope.brandId,
        userIds: [quote.requestedBy],
        kind: approved ? NotificationKind.TENDER_QUOTE_APPROVED : NotificationKind.TENDER_QUOTE_REJECTED,
        entity: 'tender',
        entityId: tender.id,
        params: { name: tender.number, opportunityId: tender.opportunityId },
      });
    });
    return (await this.byIds(scope, [id]))[0];
  }

  private decidable(em: EntityManager, scope: Scope, id: string): Promise<TenderQuote | null> {
    const { sql, params } = scopeCondition(scope, 'tenderApproval', 'dt');
    return em
      .getRepository(TenderQuote)
      .createQueryBuilder('q')
      .where('q.id = :id', { id })
      .andWhere(`q.tender_id IN (SELECT dt.id FROM tender dt WHERE ${sql})`, params)
      .setLock('pessimistic_write')
      .getOne();
  }
}
