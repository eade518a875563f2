import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import {
  ConfirmStocktakeItemInput,
  CountStocktakeBatchInput,
  OpenStocktakeInput,
  StocktakeItemFilter,
} from './placement.inputs';
import {
  StocktakeCampaignConnection,
  StocktakeCampaignType,
  StocktakeDiscrepancyConnection,
  StocktakeCountType,
  StocktakeItemConnection,
  StocktakeItemType,
  StocktakeProgressType,
} from './placement.types';

@Resolver(() => StocktakeCampaignType)
export class StocktakeResolver {
  @Can('stocktake.read')
  @Query(() => StocktakeCampaignConnection, { description: 'The brand’s stocktake campaigns, latest year first' })
  stocktakeCampaigns(@Args() page: PageArgs, @Ctx() ctx: GqlContext) {
    return ctx.services.stocktakes.campaigns(requireScope(ctx), page);
  }

  @Can('stocktake.read')
  @Query(() => StocktakeCampaignType)
  stocktakeCampaign(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.stocktakes.campaign(requireScope(ctx), id);
  }

  @Can('stocktake.read')
  @Query(() => StocktakeItemConnection, {
    description: 'A campaign’s instruments to confirm that the viewer sees, the ones still to confirm first',
  })
  stocktakeItems(
    @Arg('campaignId', () => ID) campaignId: string,
    @Args() page: PageArgs,
    @Arg('filter', () => StocktakeItemFilter, { nullable: true }) filter: StocktakeItemFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stocktakes.items(requireScope(ctx), campaignId, page, filter);
  }

  @Can('stocktake.read')
  @Query(() => StocktakeDiscrepancyConnection, {
    description: 'Instruments not found or in the wrong place, batches counted unlike their derived stock',
  })
  stocktakeDiscrepancies(
    @Arg('campaignId', () => ID) campaignId: string,
    @Args() page: PageArgs,
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stocktakes.discrepancies(requireScope(ctx), campaignId, page, distributorId);
  }

  @Can('stocktake.manage')
  @Mutation(() => StocktakeCampaignType, {
    description: 'Opens the stocktake of a year: every placed instrument is to confirm',
  })
  openStocktake(@Arg('input') input: OpenStocktakeInput, @Ctx() ctx: GqlContext) {
    return ctx.services.stocktakes.open(requireScope(ctx), input);
  }

  @Can('stocktake.manage')
  @Mutation(() => StocktakeCampaignType, { description: 'Closes a stocktake: its results are kept as they are' })
  closeStocktake(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.stocktakes.close(requireScope(ctx), id);
  }

  @Can('stocktake.confirm')
  @Mutation(() => StocktakeItemType, {
    description: 'What was found of a placed instrument (scan its serial to confirm it)',
  })
  confirmStocktakeItem(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('input') input: ConfirmStocktakeItemInput,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stocktakes.confirm(requireScope(ctx), itemId, input);
  }

  @Can('stocktake.confirm')
  @Mutation(() => StocktakeCountType, {
    description: 'A count of one batch in stock, beside the stock its movements derive',
  })
  countStocktakeBatch(
    @Arg('campaignId', () => ID) campaignId: string,
    @Arg('input') input: CountStocktakeBatchInput,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.stocktakes.count(requireScope(ctx), campaignId, input);
  }

  @FieldResolver(() => [StocktakeProgressType], { description: 'Per distributor the viewer sees' })
  progress(@Root() c: StocktakeCampaignType, @Ctx() ctx: GqlContext) {
    return loadersOf(ctx).stocktakeProgressById.load(c.id);
  }
}
