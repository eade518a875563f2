import { DataSource, EntityManager } from 'typeorm';
import { OpportunityStage, TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
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
import { assertVersion } from '../../common/versioning';
import type { OpportunityServices } from '../opportunity';
import { Tender, TenderQuote } from './tender.entity';
import { CreateTenderInput, TenderResultInput } from './tender.types';

type Opportunities = OpportunityServices['opportunities'];

export interface TenderProductRow {
  tenderId: string;
  productId: string;
  floorPrice: string | null;
  currency: string | null;
}

/**
 * Tenders (招标) on an opportunity, seen exactly where the opportunity is (auth/scope.ts, `tender`):
 * created OPEN (the opportunity moves to its TENDER stage), SUBMITTED once every quote is usable,
 * then WON (the opportunity is won, through the opportunity service) or LOST.
 */
export class TenderService {
  constructor(
    private readonly ds: DataSource,
    private readonly opportunities: Opportunities,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Tender).createQueryBuilder('t'), scope, 'tender');
  }

  async get(scope: Scope, id: string): Promise<Tender> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('t.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Tender');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Tender[]> {
    return this.scoped(scope).andWhere('t.id = ANY(:ids)', { ids }).getMany();
  }

  /** The tenders of the opportunities, oldest first. */
  byOpportunityIds(scope: Scope, ids: readonly string[]): Promise<Tender[]> {
    return this.scoped(scope)
      .andWhere('t.opportunity_id = ANY(:ids)', { ids })
      .orderBy('t.created_at')
      .addOrderBy('t.id')
      .getMany();
  }

  /**
   * What each tender may quote: the products of its opportunity's line, each with the floor price
   * in force on the day (none: no floor). One statement for any number of tenders.
   */
  async productsOf(
    scope: Scope,
    tenderIds: readonly string[],
    on: string,
    em: EntityManager = this.ds.manager,
  ): Promise<TenderProductRow[]> {
    const visible = this.scoped(scope, em).select('t.id').andWhere('t.id = ANY(:ids)', { ids: tenderIds });
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `SELECT pt.id AS "tenderId", p.id AS "productId", f.price::text AS "floorPrice", f.currency
         FROM tender pt JOIN opportunity po ON po.id = pt.opportunity_id
         JOIN product p ON p.product_line_id = po.product_line_id AND p.brand_id = pt.brand_id
         LEFT JOIN product_floor_price f ON f.product_id = p.id AND f.effective_from <= :floor_on
           AND (f.effective_to IS NULL OR f.effective_to >= :floor_on)
        WHERE pt.id IN (${visible.getQuery()})
        ORDER BY p.code, p.id`,
      { ...visible.getParameters(), floor_on: on },
    );
    return em.query(sql, params);
  }

  /** The tender in the viewer's scope, locked for a change. */
  async locked(em: EntityManager, scope: Scope, id: string): Promise<Tender> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('t.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Tender');
    return found;
  }

  /** A tender on an opportunity the viewer sees; the opportunity reaches its TENDER stage. A retry with the key answers the first. */
  async create(scope: Scope, input: CreateTenderInput): Promise<Tender> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'tender_request_key',
      earlier: (em) => earlierByKey(em, Tender, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key created another tender'),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const opportunity = await this.opportunities.locked(em, scope, fields.opportunityId);
        if (opportunity.stage === OpportunityStage.WON || opportunity.stage === OpportunityStage.LOST)
          throw illegal('A closed opportunity gets no tender');
        const number = fields.number.trim();
        const purchaser = fields.purchaser.trim();
        if (!number) throw badInput('number', 'Give the tender’s number');
        if (!purchaser) throw badInput('purchaser', 'Name the purchaser');
        const [taken] = await em.query(`SELECT 1 FROM tender WHERE opportunity_id = $1 AND number = $2`, [
          opportunity.id,
          number,
        ]);
        if (taken) throw badInput('number', 'This opportunity has a tender with this number already');
        const saved = await em.save(
          em.create(Tender, {
            brandId: scope.brandId,
            opportunityId: opportunity.id,
            number,
            purchaser,
            budget: fields.budget,
            currency: fields.currency,
            registrationDeadline: fields.registrationDeadline,
            bidOpeningAt: fields.bidOpeningAt,
            status: TenderStatus.OPEN,
            winningPrice: null,
            winner: null,
            createdBy: scope.userId,
            requestKey: idempotencyKey ?? null,
            requestHash: idempotencyKey ? write.hash : null,
          }),
        );
        if (opportunity.stage !== OpportunityStage.TENDER)
          await this.opportunities.advanceIn(em, scope, opportunity, OpportunityStage.TENDER);
        await audit(em, scope, 'CREATE', 'tender', saved.id, { ...fields, number, purchaser });
        return saved.id;
      }),
    );
    return this.get(scope, id);
  }

  /** The bid is in: every live quote usable (none waiting for approval), at least one. Sent again: already so. */
  async submit(scope: Scope, id: string, expectedVersion: number): Promise<Tender> {
    await this.ds.transaction(async (em) => {
      const tender = await this.locked(em, scope, id);
      if (tender.status === TenderStatus.SUBMITTED && tender.version === expectedVersion + 1) return;
      assertVersion(tender, expectedVersion, 'tender');
      if (tender.status !== TenderStatus.OPEN) throw illegal('Only an open tender is submitted');
      const quotes = await em.find(TenderQuote, { where: { tenderId: tender.id } });
      if (quotes.some((q) => q.status === TenderQuoteStatus.PENDING_APPROVAL))
        throw illegal('A quote below the floor price still waits for approval');
      if (!quotes.some((q) => q.status === TenderQuoteStatus.USABLE))
        throw illegal('Quote at least one product before submitting');
      tender.status = TenderStatus.SUBMITTED;
      await em.save(tender);
      await audit(em, scope, 'SUBMIT_TENDER', 'tender', tender.id, {
        quoteIds: quotes.filter((q) => q.status === TenderQuoteStatus.USABLE).map((q) => q.id),
      });
    });
    return this.get(scope, id);
  }

  /** Won or lost, with the winner and the winning price; won moves the opportunity to WON. Sent again: already so. */
  async recordResult(scope: Scope, id: string, input: TenderResultInput): Promise<Tender> {
    await this.ds.transaction(async (em) => {
      const tender = await this.locked(em, scope, id);
      const status = input.won ? TenderStatus.WON : TenderStatus.LOST;
      const winner = input.winner.trim();
      if (tender.status === status && tender.winner === winner && tender.version === input.expectedVersion + 1) return;
      assertVersion(tender, input.expectedVersion, 'tender');
      if (tender.status !== TenderStatus.SUBMITTED) throw illegal('Only a submitted tender has a result');
      if (!winner) throw badInput('winner', 'Name who won');
      Object.assign(tender, { status, winner, winningPrice: input.winningPrice ?? null });
      await em.save(tender);
      if (input.won) {
        const opportunity = await this.opportunities.locked(em, scope, tender.opportunityId);
        if (opportunity.stage !== OpportunityStage.WON)
          await this.opportunities.advanceIn(em, scope, opportunity, OpportunityStage.WON);
      }
      await audit(em, scope, 'RECORD_TENDER_RESULT', 'tender', tender.id, {
        status,
        winner,
        winningPrice: tender.winningPrice,
      });
    });
    return this.get(scope, id);
  }
}
