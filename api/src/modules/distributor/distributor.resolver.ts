import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { RegionType } from '../region/region.types';
import { Region } from '../region/region.entity';
import { UserType } from '../user/user.types';
import { User } from '../user/user.entity';
import { Distributor } from './distributor.entity';
import { AssignChannelManagerArgs, DistributorConnection, DistributorFilter, DistributorType } from './distributor.types';

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

  @Authorized(Role.ADMIN, Role.REGIONAL_HEAD)
  @Mutation(() => DistributorType)
  assignChannelManager(@Args() args: AssignChannelManagerArgs, @Ctx() ctx: GqlContext): Promise<Distributor> {
    return ctx.services.distributors.assignChannelManager(requireScope(ctx), args);
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

  /** Its second-tier distributors (二级) the viewer may see. */
  @FieldResolver(() => [DistributorType])
  secondTier(@Root() d: Distributor, @Ctx() ctx: GqlContext): Promise<Distributor[]> {
    return loadersOf(ctx).secondTierByParentId.load(d.id);
  }
}
