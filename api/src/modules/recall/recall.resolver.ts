import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { CreateRecallInput, RecallFilter, RecallReachFilter } from './recall.inputs';
import {
  RecallConnection,
  RecallDistributorConnection,
  RecallDistributorType,
  RecallHospitalConnection,
  RecallLotType,
  RecallReachPreviewType,
  RecallType,
} from './recall.types';

@Resolver()
export class RecallResolver {
  @Can('recall.read')
  @Query(() => RecallConnection, { description: 'Recalls in scope (a distributor: those that reach it), newest first' })
  recalls(
    @Args() page: PageArgs,
    @Arg('filter', () => RecallFilter, { nullable: true }) filter: RecallFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.recallReads.list(requireScope(ctx), page, filter);
  }

  @Can('recall.read')
  @Query(() => RecallType)
  recall(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.recallReads.byId(requireScope(ctx), id);
  }

  @Can('recall.read')
  @Query(() => RecallDistributorConnection, {
    description: 'The distributors a recall reaches, in scope, with their units and acknowledgement',
  })
  recallDistributors(
    @Arg('recallId', () => ID) recallId: string,
    @Args() page: PageArgs,
    @Arg('filter', () => RecallReachFilter, { nullable: true }) filter: RecallReachFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.recallReads.distributors(requireScope(ctx), recallId, page, filter);
  }

  @Can('recall.read')
  @Query(() => RecallHospitalConnection, {
    description: 'The hospital departments the reached distributors in scope sold the lot to',
  })
  recallHospitals(
    @Arg('recallId', () => ID) recallId: string,
    @Args() page: PageArgs,
    @Arg('filter', () => RecallReachFilter, { nullable: true }) filter: RecallReachFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.recallReads.hospitals(requireScope(ctx), recallId, page, filter);
  }

  @Can('recall.manage')
  @Query(() => [RecallLotType], { description: 'Batches (and serials a search names) of a product the channel moved' })
  recallLots(
    @Arg('productId', () => ID) productId: string,
    @Arg('search', () => String, { nullable: true }) search: string | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.recallReads.lots(requireScope(ctx), productId, search);
  }

  @Can('recall.manage')
  @Query(() => RecallReachPreviewType, { description: 'Whom a recall of the lot would reach now, in scope' })
  recallReachPreview(
    @Arg('productId', () => ID) productId: string,
    @Arg('batchNo', () => String, { nullable: true }) batchNo: string | undefined,
    @Arg('serialNo', () => String, { nullable: true }) serialNo: string | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.recallReads.preview(requireScope(ctx), productId, batchNo, serialNo);
  }

  @Can('recall.manage')
  @Mutation(() => RecallType, { description: 'Issues a recall: its reach computed, every reached distributor told' })
  async createRecall(@Arg('input') input: CreateRecallInput, @Ctx() ctx: GqlContext) {
    const scope = requireScope(ctx);
    const id = await ctx.services.recalls.create(scope, input);
    return ctx.services.recallReads.byId(scope, id);
  }

  @Can('recall.acknowledge')
  @Mutation(() => RecallDistributorType, {
    description:
      'Acknowledges a recall for the viewer’s distributor (an owner: or a reached second tier); again: the first stands',
  })
  async acknowledgeRecall(
    @Arg('id', () => ID) id: string,
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    const scope = requireScope(ctx);
    const forWhom = await ctx.services.recalls.acknowledge(scope, id, distributorId);
    return ctx.services.recallReads.distributor(scope, id, forWhom);
  }

  @Can('recall.manage')
  @Mutation(() => RecallType, { description: 'Closes a recall; its reach and acknowledgements stay as they are' })
  async closeRecall(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    const scope = requireScope(ctx);
    await ctx.services.recalls.close(scope, id);
    return ctx.services.recallReads.byId(scope, id);
  }
}
