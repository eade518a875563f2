import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthorizationStatus, Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { today } from '../../common/dates';
import { DistributorType } from '../distributor/distributor.types';
import { Distributor } from '../distributor/distributor.entity';
import { ProductLineType, ProductType } from '../product/product.types';
import { Product, ProductLine } from '../product/product.entity';
import { RegionType } from '../region/region.types';
import { Region } from '../region/region.entity';
import { HospitalType } from '../hospital/hospital.types';
import { Hospital } from '../hospital/hospital.entity';
import { AuthorizationGrant, statusOn } from './authorization.entity';
import {
  AuthorizationType,
  AuthorizationsArgs,
  ExtendAuthorizationArgs,
  GrantAuthorizationInput,
  RevokeAuthorizationArgs,
} from './authorization.types';

const GRANTORS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

const present = <T>(rows: Array<T | null | Error>): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));

@Resolver(() => AuthorizationType)
export class AuthorizationResolver {
  /** Grants the viewer may see; a distributor's users see their own (what they may sell where, until when). */
  @Authorized()
  @Query(() => [AuthorizationType])
  authorizations(@Args() args: AuthorizationsArgs, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant[]> {
    return ctx.services.authorizations.list(requireScope(ctx), args);
  }

  @Authorized(...GRANTORS)
  @Mutation(() => AuthorizationType)
  grantAuthorization(@Arg('input') input: GrantAuthorizationInput, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant> {
    return ctx.services.authorizations.grant(requireScope(ctx), input);
  }

  @Authorized(...GRANTORS)
  @Mutation(() => AuthorizationType)
  extendAuthorization(@Args() args: ExtendAuthorizationArgs, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant> {
    return ctx.services.authorizations.extend(requireScope(ctx), args);
  }

  @Authorized(Role.ADMIN, Role.REGIONAL_HEAD)
  @Mutation(() => AuthorizationType)
  revokeAuthorization(@Args() args: RevokeAuthorizationArgs, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant> {
    return ctx.services.authorizations.revoke(requireScope(ctx), args);
  }

  @FieldResolver(() => AuthorizationStatus, { description: 'Where the grant stands today' })
  status(@Root() g: AuthorizationGrant): AuthorizationStatus {
    return statusOn(g, today());
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() g: AuthorizationGrant, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return loadersOf(ctx).distributorById.load(g.distributorId);
  }

  @FieldResolver(() => [ProductLineType])
  async productLines(@Root() g: AuthorizationGrant, @Ctx() ctx: GqlContext): Promise<ProductLine[]> {
    return present(await loadersOf(ctx).productLineById.loadMany(g.productLineIds));
  }

  @FieldResolver(() => [ProductType])
  async products(@Root() g: AuthorizationGrant, @Ctx() ctx: GqlContext): Promise<Product[]> {
    return present(await loadersOf(ctx).productById.loadMany(g.productIds));
  }

  @FieldResolver(() => [RegionType])
  async regions(@Root() g: AuthorizationGrant, @Ctx() ctx: GqlContext): Promise<Region[]> {
    return present(await loadersOf(ctx).regionById.loadMany(g.regionIds));
  }

  /** Named hospitals, as far as the viewer may see them. */
  @FieldResolver(() => [HospitalType])
  async hospitals(@Root() g: AuthorizationGrant, @Ctx() ctx: GqlContext): Promise<Hospital[]> {
    return present(await loadersOf(ctx).hospitalById.loadMany(g.hospitalIds));
  }
}
