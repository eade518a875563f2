import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { primeTrialPage, trialPageParts } from './trial-page';
import { Trial } from './trial.entity';
import {
  CancelTrialInput,
  DeliverTrialInput,
  ExtendTrialInput,
  PlanTrialInput,
  ReturnTrialInput,
} from './trial.inputs';
import { TrialConnection, TrialFilter, TrialIdArgs, TrialType } from './trial.types';

@Resolver(() => TrialType)
export class TrialResolver {
  /** The trials in the viewer's scope, newest first (the console's list; the portal's "my trials" with `mine`). */
  @Can('trial.read')
  @Query(() => TrialConnection)
  async trials(
    @Args() page: PageArgs,
    @Arg('filter', () => TrialFilter, { nullable: true }) filter: TrialFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Trial>> {
    const parts = trialPageParts(selectionOf(info).nodes);
    const found = await ctx.services.trials.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeTrialPage(loadersOf(ctx), found.nodes) };
  }

  @Can('trial.read')
  @Query(() => [TrialType], { description: 'The trials of one opportunity, newest first' })
  opportunityTrials(@Arg('opportunityId', () => ID) opportunityId: string, @Ctx() ctx: GqlContext): Promise<Trial[]> {
    return ctx.services.trials.ofOpportunity(requireScope(ctx), opportunityId);
  }

  @Can('trial.read')
  @Query(() => TrialType)
  trial(@Args() { id }: TrialIdArgs, @Ctx() ctx: GqlContext): Promise<Trial> {
    return ctx.services.trials.get(requireScope(ctx), id);
  }

  @Can('trial.manage')
  @Mutation(() => TrialType, {
    description: 'Plan a trial; refused (SERIAL_ON_TRIAL) while the serial is on another open one',
  })
  planTrial(@Arg('input') input: PlanTrialInput, @Ctx() ctx: GqlContext): Promise<Trial> {
    return ctx.services.trials.plan(requireScope(ctx), input);
  }

  @Can('trial.manage')
  @Mutation(() => TrialType)
  deliverTrial(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: DeliverTrialInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Trial> {
    return ctx.services.trials.deliver(requireScope(ctx), id, input);
  }

  @Can('trial.manage')
  @Mutation(() => TrialType, { description: 'Move the last day later, with a reason' })
  extendTrial(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ExtendTrialInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Trial> {
    return ctx.services.trials.extend(requireScope(ctx), id, input);
  }

  @Can('trial.manage')
  @Mutation(() => TrialType, { description: 'The instrument came back: the outcome and what the trial showed' })
  returnTrial(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ReturnTrialInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Trial> {
    return ctx.services.trials.return(requireScope(ctx), id, input);
  }

  @Can('trial.manage')
  @Mutation(() => TrialType)
  cancelTrial(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: CancelTrialInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Trial> {
    return ctx.services.trials.cancel(requireScope(ctx), id, input);
  }
}
