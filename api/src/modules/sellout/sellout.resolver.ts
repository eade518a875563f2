import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import {
  SelloutFindingConnection,
  SelloutFindingFilter,
  SelloutMatchesInput,
  SelloutUploadType,
} from './sellout.types';

@Resolver()
export class SelloutResolver {
  /** An upload's preview (its rows, matches and problems), or its commit. Files go to POST /files/sellout-uploads. */
  @Can('stock.record')
  @Query(() => SelloutUploadType)
  async selloutUpload(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<SelloutUploadType> {
    const scope = requireScope(ctx);
    return ctx.services.selloutReads.view(scope, await ctx.services.sellout.get(scope, id));
  }

  @Can('stock.read')
  @Query(() => SelloutFindingConnection, {
    description:
      'Reconciliation in scope: sell-out outside the authorizations (窜货) and stock that differs, newest first',
  })
  selloutFindings(
    @Args() page: PageArgs,
    @Arg('filter', () => SelloutFindingFilter, { nullable: true }) filter: SelloutFindingFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.selloutReads.findings(requireScope(ctx), page, filter);
  }

  @Can('stock.record')
  @Mutation(() => SelloutUploadType, { description: 'Confirms or changes rows’ hospitals; the rows are checked again' })
  async matchSelloutRows(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => SelloutMatchesInput) input: SelloutMatchesInput,
    @Ctx() ctx: GqlContext,
  ): Promise<SelloutUploadType> {
    const scope = requireScope(ctx);
    return ctx.services.selloutReads.view(scope, await ctx.services.sellout.match(scope, id, input.matches));
  }

  @Can('stock.record')
  @Mutation(() => SelloutUploadType, {
    description: 'Writes every row or none; the same file committed again answers the first commit',
  })
  async commitSelloutUpload(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<SelloutUploadType> {
    const scope = requireScope(ctx);
    return ctx.services.selloutReads.view(scope, await ctx.services.sellout.commit(scope, id));
  }
}
