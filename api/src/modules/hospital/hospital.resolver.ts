import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BRAND_ROLES, Role } from '@medchannel/shared-schema';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import { RegionType } from '../region/region.types';
import { Region } from '../region/region.entity';
import { DistributorType } from '../distributor/distributor.types';
import { Distributor } from '../distributor/distributor.entity';
import { Hospital, HospitalContact, HospitalDepartment } from './hospital.entity';
import {
  ContactInput,
  CreateHospitalInput,
  HospitalConnection,
  HospitalContactType,
  HospitalDepartmentType,
  HospitalFilter,
  HospitalIdArgs,
  HospitalType,
} from './hospital.types';

const EDITORS = [Role.ADMIN, Role.REGIONAL_HEAD, Role.CHANNEL_MANAGER];

@Resolver(() => HospitalType)
export class HospitalResolver {
  /** Hospitals in the viewer's regions; for a distributor, those its authorizations cover. */
  @Authorized()
  @Query(() => HospitalConnection)
  hospitals(
    @Args() page: PageArgs,
    @Arg('filter', () => HospitalFilter, { nullable: true }) filter: HospitalFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.hospitals.list(requireScope(ctx), page, filter);
  }

  @Authorized()
  @Query(() => HospitalType)
  hospital(@Args() { id }: HospitalIdArgs, @Ctx() ctx: GqlContext): Promise<Hospital> {
    return ctx.services.hospitals.get(requireScope(ctx), id);
  }

  @Authorized(...EDITORS)
  @Mutation(() => HospitalType)
  createHospital(@Arg('input') input: CreateHospitalInput, @Ctx() ctx: GqlContext): Promise<Hospital> {
    return ctx.services.hospitals.create(requireScope(ctx), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => HospitalType)
  addHospitalContact(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Arg('input') input: ContactInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Hospital> {
    return ctx.services.hospitals.addContact(requireScope(ctx), hospitalId, input);
  }

  @FieldResolver(() => RegionType)
  region(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<Region | null> {
    return loadersOf(ctx).regionById.load(h.regionId);
  }

  @FieldResolver(() => [HospitalDepartmentType])
  departments(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<HospitalDepartment[]> {
    return loadersOf(ctx).departmentsByHospitalId.load(h.id);
  }

  /** The decision chain: the brand's own intelligence. */
  @Authorized(...BRAND_ROLES)
  @FieldResolver(() => [HospitalContactType])
  contacts(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<HospitalContact[]> {
    return loadersOf(ctx).contactsByHospitalId.load(h.id);
  }

  /** Who serves this hospital: distributors with a live authorization covering it, as far as the viewer may see them. */
  @FieldResolver(() => [DistributorType])
  async servingDistributors(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<Distributor[]> {
    const loaders = loadersOf(ctx);
    const ids = await loaders.servingDistributorIdsByHospitalId.load(h.id);
    const found = await loaders.distributorById.loadMany(ids);
    return found.filter((d): d is Distributor => Boolean(d) && !(d instanceof Error));
  }
}
