import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TargetStatus } from '@medchannel/shared-schema';
import { Can } from '../../auth/can';
import { GqlContext, requireScope } from '../../context';
import { DepartmentPotential, SalesTarget } from './target.entity';
import type { PotentialSums } from './potential.service';
import {
  CounterTargetInput,
  DepartmentPotentialType,
  PotentialRollupType,
  ProposeTargetInput,
  SalesTargetType,
  SetPotentialInput,
  TargetFilter,
} from './target.types';
import { money } from '../product';
import { Decimal } from '../../common/money';

const rollup = (s: PotentialSums): PotentialRollupType => ({
  productLineId: s.productLineId,
  regionId: s.regionId,
  hospitals: s.hospitals,
  consumables: money(s.consumables, s.currency),
  equipment: money(s.equipment, s.currency),
  total: money(new Decimal(s.consumables).plus(s.equipment), s.currency),
});

@Resolver()
export class TargetResolver {
  @Can('potential.read')
  @Query(() => [DepartmentPotentialType], {
    description: 'The current potential of each department × product line of a hospital in view',
  })
  departmentPotentials(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<DepartmentPotential[]> {
    return ctx.services.potentials.currentOf(requireScope(ctx), hospitalId);
  }

  @Can('potential.read')
  @Query(() => [PotentialRollupType], {
    description: 'A distributor’s yearly potential per line, over the hospitals its live authorizations cover',
  })
  async distributorPotential(
    @Arg('distributorId', () => ID) distributorId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<PotentialRollupType[]> {
    return (await ctx.services.potentials.distributorRollup(requireScope(ctx), distributorId)).map(rollup);
  }

  @Can('potential.read')
  @Query(() => [PotentialRollupType], {
    description: 'Yearly potential per region (a city, and its province) and line, over the hospitals in view',
  })
  async regionPotentials(@Ctx() ctx: GqlContext): Promise<PotentialRollupType[]> {
    return (await ctx.services.potentials.byRegion(requireScope(ctx))).map(rollup);
  }

  @Can('target.read')
  @Query(() => [SalesTargetType], { description: 'A year’s targets of the distributors in view (or of one)' })
  salesTargets(@Arg('filter') filter: TargetFilter, @Ctx() ctx: GqlContext): Promise<SalesTarget[]> {
    return ctx.services.targets.list(requireScope(ctx), filter);
  }

  @Can('potential.edit')
  @Mutation(() => DepartmentPotentialType, { description: 'A department’s potential assumptions, as the next version' })
  setDepartmentPotential(@Arg('input') input: SetPotentialInput, @Ctx() ctx: GqlContext): Promise<DepartmentPotential> {
    return ctx.services.potentials.set(requireScope(ctx), input);
  }

  @Can('target.propose')
  @Mutation(() => SalesTargetType, {
    description: 'Propose a target (potential × share), or propose again after a counter',
  })
  proposeTarget(@Arg('input') input: ProposeTargetInput, @Ctx() ctx: GqlContext): Promise<SalesTarget> {
    return ctx.services.targets.propose(requireScope(ctx), input);
  }

  @Can('target.propose')
  @Mutation(() => SalesTargetType, { description: 'Agree to the owner’s counter: the target is locked' })
  agreeTarget(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GqlContext,
  ): Promise<SalesTarget> {
    return ctx.services.targets.agree(requireScope(ctx), id, expectedVersion, TargetStatus.COUNTERED);
  }

  @Can('target.respond')
  @Mutation(() => SalesTargetType, { description: 'Accept the brand’s proposal: the target is locked' })
  acceptTarget(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GqlContext,
  ): Promise<SalesTarget> {
    return ctx.services.targets.agree(requireScope(ctx), id, expectedVersion, TargetStatus.PROPOSED);
  }

  @Can('target.respond')
  @Mutation(() => SalesTargetType, { description: 'Counter the brand’s proposal with quarters and a reason' })
  counterTarget(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: CounterTargetInput,
    @Ctx() ctx: GqlContext,
  ): Promise<SalesTarget> {
    return ctx.services.targets.counter(requireScope(ctx), id, input);
  }
}
