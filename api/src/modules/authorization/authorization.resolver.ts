import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { AuthorizationStatus } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { today } from '../../common/dates';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { ProductLineType, ProductType } from '../product';
import { Product, ProductLine } from '../product';
import { RegionType } from '../region';
import { Region } from '../region';
import { HospitalType } from '../hospital';
import { Hospital } from '../hospital';
import { AuthorizationGrant, statusOn } from './authorization.entity';
import {
  AuthorizationType,
  AuthorizationsArgs,
  ExtendAuthorizationArgs,
  GrantAuthorizationInput,
  RevokeAuthorizationArgs,
} from './authorization.types';
import { Can } from '../../auth/can';

const present = <T>(rows: Array<T | null | Error>): T[] =>
  rows.filter((r): r is T => r !== null && !(r instanceof Error));

@Resolver(() => AuthorizationType)
export class AuthorizationResolver {
  /** Grants the viewer may see; a distributor's users see their own (what they may sell where, until when). */
  @Authorized()
  @Query(() => [AuthorizationType])
  authorizations(@Args() args: AuthorizationsArgs, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant[]> {
    return ctx.services.authorizations.list(requireScope(ctx), args);
  }

  @Can('authorization.grant')
  @Mutation(() => AuthorizationType)
  grantAuthorization(
    @Arg('input') input: GrantAuthorizationInput,
    @Ctx() ctx: GqlContext,
  ): Promise<AuthorizationGrant> {
    return ctx.services.authorizations.grant(requireScope(ctx), input);
  }

  @Can('authorization.grant')
  @Mutation(() => AuthorizationType)
  extendAuthorization(@Args() args: ExtendAuthorizationArgs, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant> {
    return ctx.services.authorizations.extend(requireScope(ctx), args);
  }

  @Can('authorization.revoke')
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

/** The hospital page's grants: those covering the hospital that have not ended, as far as the viewer sees them. */
@Resolver(() => HospitalType)
export class HospitalAuthorizationsResolver {
  @FieldResolver(() => [AuthorizationType], {
    description:
      'Grants naming it or covering its region that have not ended (live or to come), as far as the viewer sees them',
  })
  authorizations(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<AuthorizationGrant[]> {
    return loadersOf(ctx).authorizationsByHospitalId.load(h.id);
  }
}
