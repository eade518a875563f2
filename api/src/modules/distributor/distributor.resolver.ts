import { DecimalScalar } from '../../common/money';
import { MoneyType, money } from '../product/product.types';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BRAND_ROLES, Role } from '@medchannel/shared-schema';
import { AssessmentType } from './assessment.types';
import { DistributorAssessment } from './assessment.entity';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { RegionType } from '../region/region.types';
import { Region } from '../region/region.entity';
import { UserType } from '../user/user.types';
import { User } from '../user/user.entity';
import { QualificationDocType } from '../qualification/qualification.types';
import { Qualification } from '../qualification/qualification.entity';
import { AuthorizationType } from '../authorization/authorization.types';
import { AuthorizationGrant } from '../authorization/authorization.entity';
import { Distributor, DistributorStageChange } from './distributor.entity';
import {
  AssignChannelManagerArgs,
  CreateDistributorInput,
  DistributorConnection,
  DistributorFilter,
  DistributorProfileInput,
  DistributorStageChangeType,
  DistributorType,
  MoveStageArgs,
} from './distributor.types';

const CHANNEL_STAFF = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

@Resolver(() => DistributorType)
export class DistributorResolver {
  /** Distributors the viewer may see, by name, a page at a time. */
  @Authorized()
  @Query(() => DistributorConnection)
  distributors(
    @Args() page: PageArgs,
    @Arg('filter', () => DistributorFilter, { nullable: true }) filter: DistributorFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.distributors.list(requireScope(ctx), page, filter);
  }

  @Authorized()
  @Query(() => DistributorType)
  distributor(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.get(requireScope(ctx), id);
  }

  /** A prospect enters the pipeline (stage PROSPECT). */
  @Authorized(...CHANNEL_STAFF)
  @Mutation(() => DistributorType)
  createDistributor(@Arg('input') input: CreateDistributorInput, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.create(requireScope(ctx), input);
  }

  @Authorized(...CHANNEL_STAFF)
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
  @Authorized(...CHANNEL_STAFF)
  @Mutation(() => DistributorType)
  moveDistributorStage(@Args() args: MoveStageArgs, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.moveStage(requireScope(ctx), args);
  }

  @Authorized(Role.ADMIN, Role.REGIONAL_HEAD)
  @Mutation(() => DistributorType)
  assignChannelManager(@Args() args: AssignChannelManagerArgs, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.assignChannelManager(requireScope(ctx), args);
  }

  @Authorized(Role.ADMIN, Role.FINANCE)
  @Mutation(() => DistributorType)
  setCreditLimit(
    @Arg('distributorId', () => ID) distributorId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('amount', () => DecimalScalar) amount: string,
    @Ctx() ctx: GqlContext,
  ): Promise<Distributor> {
    return ctx.services.distributors.setCreditLimit(requireScope(ctx), distributorId, expectedVersion, amount);
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
  @Authorized(...BRAND_ROLES)
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
