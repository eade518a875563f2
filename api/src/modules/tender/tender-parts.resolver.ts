import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { MoneyType, Product, ProductType, money } from '../product';
import { User, UserType } from '../user';
import { Opportunity, OpportunityType } from '../opportunity';
import { ProductFloorPrice, Tender, TenderQuote } from './tender.entity';
import type { TenderProductRow } from './tender.service';
import { FloorPriceType, TenderProductType, TenderQuoteType, TenderType } from './tender.types';

/** What a tender names, each through the viewer's own scope. */
@Resolver(() => TenderType)
export class TenderPartsResolver {
  @FieldResolver(() => MoneyType)
  budget(@Root() t: Tender): MoneyType {
    return money(t.budget, t.currency);
  }

  @FieldResolver(() => MoneyType, { nullable: true })
  winningPrice(@Root() t: Tender): MoneyType | null {
    return t.winningPrice === null ? null : money(t.winningPrice, t.currency);
  }

  @FieldResolver(() => OpportunityType, { nullable: true })
  opportunity(@Root() t: Tender, @Ctx() ctx: GqlContext): Promise<Opportunity | null> {
    return loadersOf(ctx).tenderOpportunityById.load(t.opportunityId);
  }

  @FieldResolver(() => [TenderQuoteType], { description: 'Its bid quotes, oldest first' })
  quotes(@Root() t: Tender, @Ctx() ctx: GqlContext): Promise<TenderQuote[]> {
    return loadersOf(ctx).quotesByTenderId.load(t.id);
  }

  @FieldResolver(() => [TenderProductType], { description: 'The products it may quote, with today’s floor price' })
  products(@Root() t: Tender, @Ctx() ctx: GqlContext): Promise<TenderProductRow[]> {
    return loadersOf(ctx).productsByTenderId.load(t.id);
  }
}

@Resolver(() => TenderProductType)
export class TenderProductResolver {
  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() r: TenderProductRow, @Ctx() ctx: GqlContext): Promise<Product | null> {
    return loadersOf(ctx).productById.load(r.productId);
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: 'None: the product has no floor' })
  floorPrice(@Root() r: TenderProductRow): MoneyType | null {
    return r.floorPrice === null ? null : money(r.floorPrice, r.currency!);
  }
}

@Resolver(() => TenderQuoteType)
export class TenderQuotePartsResolver {
  @FieldResolver(() => MoneyType)
  price(@Root() q: TenderQuote): MoneyType {
    return money(q.price, q.currency);
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: 'The floor in force when quoted' })
  floorPrice(@Root() q: TenderQuote): MoneyType | null {
    return q.floorPrice === null ? null : money(q.floorPrice, q.currency);
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() q: TenderQuote, @Ctx() ctx: GqlContext): Promise<Product | null> {
    return loadersOf(ctx).productById.load(q.productId);
  }

  @FieldResolver(() => TenderType, { nullable: true })
  tender(@Root() q: TenderQuote, @Ctx() ctx: GqlContext): Promise<Tender | null> {
    return loadersOf(ctx).tenderById.load(q.tenderId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who asked for it' })
  requestedBy(@Root() q: TenderQuote, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(q.requestedBy);
  }

  @FieldResolver(() => UserType, { nullable: true })
  decidedBy(@Root() q: TenderQuote, @Ctx() ctx: GqlContext): Promise<User | null> {
    return q.decidedBy ? loadersOf(ctx).userById.load(q.decidedBy) : Promise.resolve(null);
  }
}

@Resolver(() => FloorPriceType)
export class FloorPriceResolver {
  @FieldResolver(() => MoneyType)
  price(@Root() f: ProductFloorPrice): MoneyType {
    return money(f.price, f.currency);
  }
}
