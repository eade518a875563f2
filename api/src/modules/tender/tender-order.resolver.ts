import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Opportunity, OpportunityType } from '../opportunity';
import { OrderType } from '../order';
import { Tender } from './tender.entity';
import { PlaceTenderOrderInput, TenderType } from './tender.types';

type Order = { id: string; tenderId: string | null; opportunityId: string | null };

/** A won tender's order: placed from the tender, and each side names the other (through the viewer's scope). */
@Resolver(() => TenderType)
export class TenderOrderResolver {
  @Can('order.place')
  @Mutation(() => OrderType, {
    description: 'The order a won tender becomes, at its quoted prices; a second tap answers the same order',
  })
  placeOrderFromTender(@Arg('input') input: PlaceTenderOrderInput, @Ctx() ctx: GqlContext) {
    return ctx.services.tenderOrders.place(requireScope(ctx), input);
  }

  @FieldResolver(() => [OrderType], { description: 'The orders placed from it (those the viewer sees), oldest first' })
  orders(@Root() t: Tender, @Ctx() ctx: GqlContext): Promise<Order[]> {
    return loadersOf(ctx).ordersByTenderId.load(t.id);
  }
}

/** What an order placed from a won tender names. */
@Resolver(() => OrderType)
export class OrderOriginResolver {
  @FieldResolver(() => TenderType, { nullable: true, description: 'The won tender it was placed from' })
  tender(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<Tender | null> {
    return o.tenderId ? loadersOf(ctx).tenderById.load(o.tenderId) : Promise.resolve(null);
  }

  @FieldResolver(() => OpportunityType, { nullable: true, description: 'The opportunity that tender won' })
  opportunity(@Root() o: Order, @Ctx() ctx: GqlContext): Promise<Opportunity | null> {
    return o.opportunityId ? loadersOf(ctx).tenderOpportunityById.load(o.opportunityId) : Promise.resolve(null);
  }
}
