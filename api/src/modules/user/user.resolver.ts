import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, Side } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { BrandType } from '../brand';
import { Brand } from '../brand';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { RegionType } from '../region';
import { Region } from '../region';
import { User } from './user.entity';
import { SetLocaleArgs, UserConnection, UserFilter, UserType } from './user.types';
import { Can } from '../../auth/can';

@Resolver(() => UserType)
export class UserResolver {
  /** The logged-in user. */
  @Authorized()
  @Query(() => UserType)
  me(@Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.users.me(requireScope(ctx));
  }

  /** People the viewer may see: brand colleagues and partner users of visible distributors; an owner, their own team. */
  // engineers visit hospitals with the distributors' reps (docs/domain.md, "The users"): they name people on a co-visit or a note
  @Can('user.list')
  @Query(() => UserConnection)
  users(
    @Args() page: PageArgs,
    @Arg('filter', () => UserFilter, { nullable: true }) filter: UserFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.users.list(requireScope(ctx), page, filter);
  }

  /** Persists the viewer's language for every device they use. */
  @Authorized()
  @Mutation(() => UserType)
  setMyLocale(@Args() { locale }: SetLocaleArgs, @Ctx() ctx: GqlContext): Promise<User> {
    return ctx.services.users.setLocale(requireScope(ctx), locale);
  }

  @Can('user.grantFinanceAccess')
  @Mutation(() => UserType, {
    description: 'Lets a rep see the distributor’s invoices, payments and statements (or stops it)',
  })
  setFinanceAccess(
    @Arg('userId', () => ID) userId: string,
    @Arg('allowed') allowed: boolean,
    @Ctx() ctx: GqlContext,
  ): Promise<User> {
    return ctx.services.users.setFinanceAccess(requireScope(ctx), userId, allowed);
  }

  /** An owner always sees the account; a rep when the owner grants it; brand users by region (not this flag). */
  @FieldResolver(() => Boolean, {
    description: 'May see the distributor’s invoices, payments and statements (owners always; reps when granted)',
  })
  financeAccess(@Root() user: User): boolean {
    return user.role === Role.OWNER || user.financeAccess;
  }

  @FieldResolver(() => BrandType)
  brand(@Root() user: User, @Ctx() ctx: GqlContext): Promise<Brand | null> {
    return loadersOf(ctx).brandById.load(user.brandId);
  }

  /** The partner user's distributor; null for brand users and for one the viewer may not see. */
  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() user: User, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return user.distributorId ? loadersOf(ctx).distributorById.load(user.distributorId) : Promise.resolve(null);
  }

  /** A brand user's territories. */
  @FieldResolver(() => [RegionType])
  regions(@Root() user: User, @Ctx() ctx: GqlContext): Promise<Region[]> {
    return user.side === Side.BRAND ? loadersOf(ctx).regionsByUserId.load(user.id) : Promise.resolve([]);
  }
}
