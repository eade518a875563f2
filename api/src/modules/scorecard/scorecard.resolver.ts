import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RetierDirection, RetierStatus } from '@medchannel/shared-schema';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Distributor, DistributorType } from '../distributor';
import { RetierProposal, ScorecardWeights } from './scorecard.entity';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, FIGURE_KINDS } from './scorecard.figures';
import type { Scorecard } from './scorecard.service';
import {
  ProposeRetierInput,
  RetierProposalType,
  ReviewRetierInput,
  ScorecardType,
  ScorecardWeightsType,
  SetScorecardWeightsInput,
} from './scorecard.types';

function weightsOf(w: ScorecardWeights | null): ScorecardWeightsType {
  const weights = w?.weights ?? DEFAULT_WEIGHTS;
  return {
    version: w?.version ?? null,
    weights: FIGURE_KINDS.map((kind) => ({ kind, weight: weights[kind] ?? 0 })),
    upThreshold: w?.upThreshold ?? DEFAULT_THRESHOLDS.up,
    downThreshold: w?.downThreshold ?? DEFAULT_THRESHOLDS.down,
    createdAt: w?.createdAt ?? null,
  };
}

function scorecardOf(c: Scorecard): ScorecardType {
  return {
    ...c,
    upThreshold: c.thresholds.up,
    downThreshold: c.thresholds.down,
    indicatedDirection: c.indicated?.direction ?? null,
    indicatedTier: c.indicated?.toTier ?? null,
  };
}

@Resolver()
export class ScorecardResolver {
  @Can('scorecard.read')
  @Query(() => ScorecardType, {
    description: 'A distributor’s scorecard for a quarter, each figure with its inputs (the owner: his own)',
  })
  async distributorScorecard(
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | null,
    @Arg('year', () => Int) year: number,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: GqlContext,
  ): Promise<ScorecardType> {
    return scorecardOf(await ctx.services.scorecards.scorecard(requireScope(ctx), distributorId, year, quarter));
  }

  @Can('scorecard.read')
  @Query(() => ScorecardWeightsType, { description: 'The brand’s current weights and thresholds' })
  async scorecardWeights(@Ctx() ctx: GqlContext): Promise<ScorecardWeightsType> {
    return weightsOf(await ctx.services.scorecards.currentWeights(requireScope(ctx)));
  }

  @Can('scorecard.setWeights')
  @Mutation(() => ScorecardWeightsType, { description: 'Set the weights and thresholds, as the next version' })
  async setScorecardWeights(
    @Arg('input') input: SetScorecardWeightsInput,
    @Ctx() ctx: GqlContext,
  ): Promise<ScorecardWeightsType> {
    return weightsOf(await ctx.services.scorecards.setWeights(requireScope(ctx), input));
  }

  @Can('retier.propose', 'retier.review')
  @Query(() => [RetierProposalType], { description: 'Re-tier proposals in view, newest first' })
  retierProposals(
    @Arg('status', () => RetierStatus, { nullable: true }) status: RetierStatus | null,
    @Arg('distributorId', () => ID, { nullable: true }) distributorId: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<RetierProposal[]> {
    return ctx.services.retiers.list(requireScope(ctx), { status, distributorId });
  }

  @Can('retier.propose')
  @Mutation(() => RetierProposalType, {
    description: 'Propose the re-tier a quarter’s score indicates (RETIER_NOT_INDICATED when none)',
  })
  proposeRetier(@Arg('input') input: ProposeRetierInput, @Ctx() ctx: GqlContext): Promise<RetierProposal> {
    return ctx.services.retiers.propose(requireScope(ctx), input);
  }

  @Can('retier.review')
  @Mutation(() => RetierProposalType, {
    description: 'Approve a re-tier from a date (the tier’s prices follow from it) or reject it',
  })
  reviewRetier(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ReviewRetierInput,
    @Ctx() ctx: GqlContext,
  ): Promise<RetierProposal> {
    return ctx.services.retiers.review(requireScope(ctx), id, input);
  }
}

@Resolver(() => RetierProposalType)
export class RetierProposalPartsResolver {
  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() p: RetierProposal, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(p.distributorId);
  }

  @FieldResolver(() => RetierDirection)
  direction(@Root() p: RetierProposal): RetierDirection {
    return p.toTier < p.fromTier ? RetierDirection.UP : RetierDirection.DOWN;
  }
}
