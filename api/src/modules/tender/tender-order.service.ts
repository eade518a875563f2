import { DataSource } from 'typeorm';
import { OrderKind, TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { badInput, illegal } from '../../common/errors';
import type { OpportunityServices } from '../opportunity';
import type { OrderServices } from '../order';
import { TenderQuote } from './tender.entity';
import { TenderService } from './tender.service';
import { PlaceTenderOrderInput } from './tender.types';

type Orders = OrderServices['orders'];
type Placement = OrderServices['orderPlacement'];
type Opportunities = OpportunityServices['opportunities'];
type Order = Awaited<ReturnType<Orders['get']>>;

/**
 * A won tender becomes its distributor's order (招标 → 订单): a hospital order for the tender's
 * hospital, its lines the tender's usable quotes at their quoted prices, placed through the order
 * module's own path (its scope, compliance, credit and idempotency). One live order per tender: a
 * second tap, with any request key, answers the first one.
 */
export class TenderOrderService {
  constructor(
    private readonly ds: DataSource,
    private readonly tenders: TenderService,
    private readonly opportunities: Opportunities,
    private readonly orders: Orders,
    private readonly placement: Placement,
  ) {}

  /** The orders placed from the tenders (each in the viewer's order scope), oldest first. */
  byTenderIds(scope: Scope, tenderIds: readonly string[]): Promise<Order[]> {
    return this.orders
      .scoped(scope)
      .andWhere('o.tender_id = ANY(:tenderIds)', { tenderIds })
      .orderBy('o.created_at')
      .addOrderBy('o.id')
      .getMany();
  }

  async place(scope: Scope, input: PlaceTenderOrderInput): Promise<Order> {
    const tender = await this.tenders.get(scope, input.tenderId);
    if (tender.status !== TenderStatus.WON) throw illegal('Only a won tender becomes an order');
    const opportunity = await this.opportunities.get(scope, tender.opportunityId);
    if (!opportunity.distributorId) throw illegal('The brand’s own lead has no distributor to order');
    const quotes = await this.ds.getRepository(TenderQuote).find({
      where: { tenderId: tender.id, status: TenderQuoteStatus.USABLE },
    });
    const quoted = new Map(quotes.map((q) => [q.productId, q]));
    input.lines.forEach((line, i) => {
      if (!quoted.has(line.productId))
        throw badInput(`lines.${i}.productId`, 'Order only the products the tender quoted');
    });
    const currencies = new Set(input.lines.map((l) => quoted.get(l.productId)!.currency));
    if (currencies.size > 1) throw badInput('lines', 'Products quoted in different currencies go on separate orders');
    return this.placement.place(
      scope,
      {
        distributorId: opportunity.distributorId,
        kind: OrderKind.HOSPITAL,
        hospitalId: opportunity.hospitalId,
        lines: input.lines,
        note: input.note ?? null,
        idempotencyKey: input.idempotencyKey,
      },
      {
        tenderId: tender.id,
        opportunityId: opportunity.id,
        unitPrices: new Map(quotes.map((q) => [q.productId, q.price])),
        currency: [...currencies][0],
      },
    );
  }
}
