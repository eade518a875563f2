import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { Page, PageArgs } from '../../common/pagination';
import { Distributor, DistributorType } from '../distributor';
import { ExitPlan } from './exit.entity';
import { DecideExitOrderInput, RecordExitReturnInput, StartExitPlanInput } from './exit.inputs';
import {
  ExitAccountType,
  ExitBelowFloorConnection,
  ExitBelowFloorLineType,
  ExitHandoverType,
  ExitOrderType,
  ExitPlanConnection,
  ExitPlanType,
  ExitReturnType,
  ExitStepStateType,
} from './exit.types';

@Resolver(() => ExitPlanType)
export class ExitResolver {
  @Can('exit.read')
  @Query(() => ExitPlanConnection, { description: 'Exit plans, latest effective date first' })
  exitPlans(@Args() page: PageArgs, @Ctx() ctx: GqlContext): Promise<Page<ExitPlan>> {
    return ctx.services.exits.list(requireScope(ctx), page);
  }

  @Can('exit.read')
  @Query(() => ExitPlanType)
  exitPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exits.get(requireScope(ctx), id);
  }

  @Can('exit.acknowledge')
  @Query(() => ExitPlanType, { nullable: true, description: 'The owner’s own exit plan, when his company is exiting' })
  myExitPlan(@Ctx() ctx: GqlContext): Promise<ExitPlan | null> {
    return ctx.services.exits.mine(requireScope(ctx));
  }

  @Can('exit.manage')
  @Mutation(() => ExitPlanType, {
    description:
      'Starts a distributor’s exit: EXITING, its authorizations revoked from the date, no new order from it. The same key again changes nothing',
  })
  startExitPlan(@Arg('input') input: StartExitPlanInput, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exits.start(requireScope(ctx), input);
  }

  @Can('exit.manage')
  @Mutation(() => ExitPlanType, { description: 'Finishes or cancels one open order of the exiting distributor' })
  decideExitOrder(@Arg('input') input: DecideExitOrderInput, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exits.decideOrder(requireScope(ctx), input);
  }

  @Can('exit.manage')
  @Mutation(() => ExitPlanType, {
    description:
      '退货: goods bought back out of the stock, credited to the account. The same key again changes nothing',
  })
  async recordExitReturn(@Arg('input') input: RecordExitReturnInput, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    const scope = requireScope(ctx);
    await ctx.services.exitReturns.record(scope, input);
    return ctx.services.exits.get(scope, input.planId);
  }

  @Can('exit.manage')
  @Mutation(() => ExitPlanType, {
    description: 'Hands the hospitals, opportunities and open commitments to the successor',
  })
  handOverExit(@Arg('planId', () => ID) planId: string, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exitHandovers.handOver(requireScope(ctx), planId);
  }

  @Can('exit.settle')
  @Mutation(() => ExitPlanType, { description: 'The final statement: settles the account at zero' })
  settleExit(@Arg('planId', () => ID) planId: string, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exits.settle(requireScope(ctx), planId);
  }

  @Can('exit.acknowledge')
  @Mutation(() => ExitPlanType, { description: 'The owner acknowledges his exit checklist' })
  acknowledgeExit(@Arg('planId', () => ID) planId: string, @Ctx() ctx: GqlContext): Promise<ExitPlan> {
    return ctx.services.exits.acknowledge(requireScope(ctx), planId);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(p.distributorId);
  }

  @FieldResolver(() => DistributorType, {
    nullable: true,
    description: 'Who takes over (none when the viewer may not see it)',
  })
  successor(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return p.successorId ? loadersOf(ctx).distributorById.load(p.successorId) : Promise.resolve(null);
  }

  @FieldResolver(() => [ExitStepStateType], { description: 'The checklist (read it on one plan, not on lists)' })
  steps(@Root() p: ExitPlan, @Ctx() ctx: GqlContext) {
    return ctx.services.exits.steps(p);
  }

  @FieldResolver(() => [ExitOrderType], { description: 'Its open orders and those the plan decided' })
  orders(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<ExitOrderType[]> {
    return ctx.services.exits.orders(p);
  }

  @FieldResolver(() => [ExitReturnType])
  returns(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<ExitReturnType[]> {
    return ctx.services.exits.returns(p);
  }

  @FieldResolver(() => [ExitHandoverType])
  handovers(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<ExitHandoverType[]> {
    return ctx.services.exits.handovers(p);
  }

  @FieldResolver(() => ExitBelowFloorConnection, {
    description:
      'Sell-outs since the effective date below the floor price, newest first (one batch for a page of plans)',
  })
  belowFloor(
    @Root() p: ExitPlan,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<ExitBelowFloorLineType>> {
    return loadersOf(ctx).exitBelowFloorByPlanId(page).load(p.id);
  }

  @FieldResolver(() => ExitAccountType)
  account(@Root() p: ExitPlan, @Ctx() ctx: GqlContext): Promise<ExitAccountType> {
    return ctx.services.exits.account(requireScope(ctx), p);
  }
}
