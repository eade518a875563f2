import { DecimalScalar } from '../../common/money';
import { MoneyType, money } from '../product';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { AssessmentType } from './assessment.types';
import { DistributorAssessment } from './assessment.entity';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { distributorPageParts, primeDistributorPage } from './distributor-page';
import { RegionType } from '../region';
import { Region } from '../region';
import { UserType } from '../user';
import { User } from '../user';
import { QualificationDocType } from '../qualification';
import { Qualification } from '../qualification';
import { AuthorizationType } from '../authorization';
import { AuthorizationGrant } from '../authorization';
import { Distributor, DistributorStageChange } from './distributor.entity';
import {
  AssignChannelManagerArgs,
  AssignDistributorsToChannelManagerArgs,
  CreateDistributorInput,
  DistributorConnection,
  DistributorFilter,
  DistributorProfileInput,
  DistributorStageChangeType,
  DistributorType,
  MoveStageArgs,
  SetPaymentTermsArgs,
} from './distributor.types';
import { Can } from '../../auth/can';

@Resolver(() => DistributorType)
export class DistributorResolver {
  /** Distributors the viewer may see, by name, a page at a time. */
  @Authorized()
  @Query(() => DistributorConnection)
  async distributors(
    @Args() page: PageArgs,
    @Arg('filter', () => DistributorFilter, { nullable: true }) filter: DistributorFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Distributor>> {
    const parts = distributorPageParts(selectionOf(info).nodes);
    const found = await ctx.services.distributors.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeDistributorPage(loadersOf(ctx), found.nodes) };
  }

  @Authorized()
  @Query(() => DistributorType)
  distributor(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.get(requireScope(ctx), id);
  }

  /** A prospect enters the pipeline (stage PROSPECT). */
  @Can('distributor.manage')
  @Mutation(() => DistributorType)
  createDistributor(@Arg('input') input: CreateDistributorInput, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.create(requireScope(ctx), input);
  }

  @Can('distributor.manage')
  @Mutation(() => DistributorType)
  updateDistributorProfile(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input') input: DistributorProfileInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Distributor> {
    return ctx.services.distributors.updateProfile(requireScope(ctx), id, expectedVersion, input);
  }

  /** One step along the lifecycle, with its reason kept. */
  @Can('distributor.manage')
  @Mutation(() => DistributorType)
  moveDistributorStage(@Args() args: MoveStageArgs, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.moveStage(requireScope(ctx), args);
  }

  @Can('distributor.assignManager')
  @Mutation(() => DistributorType)
  assignChannelManager(@Args() args: AssignChannelManagerArgs, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.assignChannelManager(requireScope(ctx), args);
  }

  @Can('distributor.assignManager')
  @Mutation(() => [DistributorType], {
    description:
      'Many distributors to one channel manager (the list’s row selection). A reassignment, not an edit of what was read: no versions; those already his are left as they are, so a retry changes nothing. Answers the distributors in the order named',
  })
  assignDistributorsToChannelManager(
    @Args() args: AssignDistributorsToChannelManagerArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Distributor[]> {
    return ctx.services.distributors.assignManyToChannelManager(requireScope(ctx), args);
  }

  @Can('distributor.setCredit')
  @Mutation(() => DistributorType)
  setCreditLimit(
    @Arg('distributorId', () => ID) distributorId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('amount', () => DecimalScalar) amount: string,
    @Ctx() ctx: GqlContext,
  ): Promise<Distributor> {
    return ctx.services.distributors.setCreditLimit(requireScope(ctx), distributorId, expectedVersion, amount);
  }

  @Can('distributor.setPaymentTerms')
  @Mutation(() => DistributorType, { description: '账期: the days new invoices and receivables fall due after' })
  setPaymentTerms(
    @Args() { distributorId, expectedVersion, days }: SetPaymentTermsArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Distributor> {
    return ctx.services.distributors.setPaymentTerms(requireScope(ctx), distributorId, expectedVersion, days);
  }

  /** Brand staff and the distributor's owner, as the credit limit; a rep does not see the account's terms. */
  @FieldResolver(() => Int, { nullable: true, description: '账期: days an invoice falls due after' })
  paymentTermsDays(@Root() d: Distributor, @Ctx() ctx: GqlContext): number | null {
    return requireScope(ctx).role === Role.REP ? null : d.paymentTermsDays;
  }

  /** Brand staff and the distributor's owner; a rep does not see the account's figures. */
  @FieldResolver(() => MoneyType, { nullable: true })
  creditLimit(@Root() d: Distributor, @Ctx() ctx: GqlContext): MoneyType | null {
    return requireScope(ctx).role === Role.REP ? null : money(d.creditLimit, 'CNY');
  }

  @FieldResolver(() => RegionType, { nullable: true })
  region(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<Region | null> {
    return d.regionId ? loadersOf(ctx).regionById.load(d.regionId) : Promise.resolve(null);
  }

  /** The brand's channel manager who owns this distributor. */
  @FieldResolver(() => UserType, { nullable: true })
  channelManager(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<User | null> {
    return d.channelManagerId ? loadersOf(ctx).userById.load(d.channelManagerId) : Promise.resolve(null);
  }

  /** The first-tier distributor above a second tier; null when the viewer may not see it. */
  @FieldResolver(() => DistributorType, { nullable: true })
  parent(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return d.parentId ? loadersOf(ctx).distributorById.load(d.parentId) : Promise.resolve(null);
  }

  @FieldResolver(() => [DistributorStageChangeType])
  stageHistory(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<DistributorStageChange[]> {
    return loadersOf(ctx).stageHistoryByDistributorId.load(d.id);
  }

  /** The brand's screenings of this distributor, newest first: brand side only. */
  @Can('distributor.readAssessments')
  @FieldResolver(() => [AssessmentType])
  assessments(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<DistributorAssessment[]> {
    return loadersOf(ctx).assessmentsByDistributorId.load(d.id);
  }

  @FieldResolver(() => [QualificationDocType])
  qualifications(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<Qualification[]> {
    return loadersOf(ctx).qualificationsByDistributorId.load(d.id);
  }

  @FieldResolver(() => [AuthorizationType])
  authorizations(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant[]> {
    return loadersOf(ctx).authorizationsByDistributorId.load(d.id);
  }

  /** Its second-tier distributors (二级) the viewer may see. */
  @FieldResolver(() => [DistributorType])
  secondTier(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<Distributor[]> {
    return loadersOf(ctx).secondTierByParentId.load(d.id);
  }
}
