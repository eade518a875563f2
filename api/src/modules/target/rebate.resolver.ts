import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { money } from '../product';
import { RebatePolicy } from './rebate.entity';
import type { RebateQuarter } from './rebate.service';
import { ApproveRebateInput, RebatePolicyType, RebateQuarterType, SetRebatePolicyInput } from './rebate.types';
import { SalesTarget } from './target.entity';
import { SalesTargetType } from './target.types';

/** A computed quarter as the schema reads it (amounts with the target's currency). */
function rebateQuarterOf(q: RebateQuarter): RebateQuarterType {
  const c = q.target.currency;
  return {
    target: q.target,
    quarter: q.quarter,
    quarterAmount: money(q.quarterAmount, c),
    sellIn: money(q.sellIn, c),
    attainment: q.attainment,
    band: q.band,
    rebate: money(q.rebate, c),
    posted: money(q.posted, c),
    pending: money(q.pending, c),
    nextBand: q.nextBand,
    moreToNext: q.moreToNext === null ? null : money(q.moreToNext, c),
    policyVersion: q.policy?.version ?? null,
    ended: q.ended,
  };
}

@Resolver()
export class RebateResolver {
  @Can('rebate.read')
  @Query(() => [RebatePolicyType], { description: 'The current rebate policy of each product line that has one' })
  rebatePolicies(@Ctx() ctx: GqlContext): Promise<RebatePolicy[]> {
    return ctx.services.rebates.currentPolicies(requireScope(ctx));
  }

  @Can('rebate.setPolicy')
  @Mutation(() => RebatePolicyType, { description: 'Set a product line’s rebate bands, as its next policy version' })
  setRebatePolicy(@Arg('input') input: SetRebatePolicyInput, @Ctx() ctx: GqlContext): Promise<RebatePolicy> {
    return ctx.services.rebates.setPolicy(requireScope(ctx), input);
  }

  @Can('rebate.read')
  @Query(() => [RebateQuarterType], {
    description: 'A quarter’s rebates of the agreed targets in view (of one distributor, or all) for a year',
  })
  async quarterRebates(
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<RebateQuarterType[]> {
    const rows = await ctx.services.rebates.quarter(requireScope(ctx), year, quarter, distributorId ?? undefined);
    return rows.map(rebateQuarterOf);
  }

  @Can('rebate.approve')
  @Mutation(() => RebateQuarterType, {
    description:
      'Approve an ended quarter’s rebate: what is due less what was posted goes to the ledger; a retry with the same request key posts nothing again',
  })
  async approveRebate(@Arg('input') input: ApproveRebateInput, @Ctx() ctx: GqlContext): Promise<RebateQuarterType> {
    return rebateQuarterOf(await ctx.services.rebates.approve(requireScope(ctx), input));
  }
}

@Resolver(() => SalesTargetType)
export class SalesTargetRebateResolver {
  @FieldResolver(() => RebateQuarterType, {
    nullable: true,
    description: 'The rebate of a quarter (projected while it runs); none unless the target is agreed',
  })
  async rebate(
    @Root() t: SalesTarget,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: GqlContext,
  ): Promise<RebateQuarterType | null> {
    const q = await loadersOf(ctx).rebateQuarters.load({ target: t, quarter });
    return q ? rebateQuarterOf(q) : null;
  }
}
