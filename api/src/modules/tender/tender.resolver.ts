import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { primeQuotePage, quotePageParts } from './quote-page';
import { ProductFloorPrice, Tender, TenderQuote } from './tender.entity';
import {
  AddTenderQuoteInput,
  CreateTenderInput,
  DecideQuoteArgs,
  FloorPriceType,
  SetFloorPriceInput,
  TenderQuoteConnection,
  TenderQuoteType,
  TenderResultInput,
  TenderType,
} from './tender.types';

@Resolver(() => TenderType)
export class TenderResolver {
  /** The tenders of an opportunity the viewer sees (NOT_FOUND otherwise), oldest first. */
  @Can('tender.read')
  @Query(() => [TenderType])
  async tenders(@Arg('opportunityId', () => ID) opportunityId: string, @Ctx() ctx: GqlContext): Promise<Tender[]> {
    const scope = requireScope(ctx);
    const opportunity = await ctx.services.opportunities.get(scope, opportunityId);
    return ctx.services.tenders.byOpportunityIds(scope, [opportunity.id]);
  }

  @Can('tender.approveQuote')
  @Query(() => TenderQuoteConnection, {
    description: 'Bid quotes below the floor price the viewer decides, oldest first',
  })
  async tenderQuotesAwaitingApproval(
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<TenderQuote>> {
    const parts = quotePageParts(selectionOf(info).nodes);
    const found = await ctx.services.tenderQuotes.awaitingApproval(requireScope(ctx), page, parts);
    return { ...found, nodes: primeQuotePage(loadersOf(ctx), found.nodes) };
  }

  @Can('tender.manage')
  @Mutation(() => TenderType, { description: 'A tender on the opportunity, which reaches its TENDER stage' })
  createTender(@Arg('input') input: CreateTenderInput, @Ctx() ctx: GqlContext): Promise<Tender> {
    return ctx.services.tenders.create(requireScope(ctx), input);
  }

  @Can('tender.manage')
  @Mutation(() => TenderQuoteType, { description: 'A product’s bid price; below the floor it waits for approval' })
  addTenderQuote(@Arg('input') input: AddTenderQuoteInput, @Ctx() ctx: GqlContext): Promise<TenderQuote> {
    return ctx.services.tenderQuotes.add(requireScope(ctx), input);
  }

  @Can('tender.manage')
  @Mutation(() => TenderType, { description: 'The bid is in: every quote usable, at the version the user saw' })
  submitTender(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GqlContext,
  ): Promise<Tender> {
    return ctx.services.tenders.submit(requireScope(ctx), id, expectedVersion);
  }

  @Can('tender.manage')
  @Mutation(() => TenderType, { description: 'Won (the opportunity is won) or lost, with the winner' })
  recordTenderResult(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: TenderResultInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Tender> {
    return ctx.services.tenders.recordResult(requireScope(ctx), id, input);
  }

  @Can('tender.approveQuote')
  @Mutation(() => TenderQuoteType)
  approveTenderQuote(@Args() { id, reason }: DecideQuoteArgs, @Ctx() ctx: GqlContext): Promise<TenderQuote> {
    return ctx.services.tenderQuotes.approve(requireScope(ctx), id, reason);
  }

  @Can('tender.approveQuote')
  @Mutation(() => TenderQuoteType)
  rejectTenderQuote(@Args() { id, reason }: DecideQuoteArgs, @Ctx() ctx: GqlContext): Promise<TenderQuote> {
    return ctx.services.tenderQuotes.reject(requireScope(ctx), id, reason);
  }

  @Can('product.setPrice')
  @Mutation(() => FloorPriceType, { description: 'A product’s floor price (底价) from a date' })
  setFloorPrice(@Arg('input') input: SetFloorPriceInput, @Ctx() ctx: GqlContext): Promise<ProductFloorPrice> {
    return ctx.services.floorPrices.set(requireScope(ctx), input);
  }
}
