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
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { hospitalPageParts, primeHospitalPage } from './hospital-page';
import { RegionType } from '../region';
import { Region } from '../region';
import { DistributorType } from '../distributor';
import { Distributor } from '../distributor';
import { Hospital, HospitalContact, HospitalDepartment } from './hospital.entity';
import { CreateHospitalInput, DepartmentInput, UpdateHospitalInput } from './hospital.inputs';
import {
  HospitalConnection,
  HospitalContactType,
  HospitalDepartmentType,
  HospitalFilter,
  HospitalIdArgs,
  HospitalType,
} from './hospital.types';
import { Can } from '../../auth/can';

@Resolver(() => HospitalType)
export class HospitalResolver {
  /** Hospitals in the viewer's regions; for a distributor, those its authorizations cover. */
  @Authorized()
  @Query(() => HospitalConnection)
  async hospitals(
    @Args() page: PageArgs,
    @Arg('filter', () => HospitalFilter, { nullable: true }) filter: HospitalFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Hospital>> {
    const parts = hospitalPageParts(selectionOf(info).nodes);
    const found = await ctx.services.hospitals.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeHospitalPage(loadersOf(ctx), found.nodes) };
  }

  @Authorized()
  @Query(() => HospitalType)
  hospital(@Args() { id }: HospitalIdArgs, @Ctx() ctx: GqlContext): Promise<Hospital> {
    return ctx.services.hospitals.get(requireScope(ctx), id);
  }

  @Can('hospital.edit')
  @Query(() => [RegionType], { description: 'The regions the viewer may put a hospital in (those they cover)' })
  hospitalRegions(@Ctx() ctx: GqlContext): Promise<Region[]> {
    return ctx.services.hospitals.placeableRegions(requireScope(ctx));
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalType)
  createHospital(@Arg('input') input: CreateHospitalInput, @Ctx() ctx: GqlContext): Promise<Hospital> {
    return ctx.services.hospitals.create(requireScope(ctx), input);
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalType, { description: 'The profile at the version the user saw' })
  updateHospital(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateHospitalInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Hospital> {
    return ctx.services.hospitals.update(requireScope(ctx), id, input);
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalType)
  addHospitalDepartment(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Arg('input') input: DepartmentInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Hospital> {
    return ctx.services.hospitals.addDepartment(requireScope(ctx), hospitalId, input);
  }

  @Can('hospital.edit')
  @Mutation(() => HospitalType, { description: 'A department renamed or its yearly volume updated' })
  updateHospitalDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: DepartmentInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: GqlContext,
  ): Promise<Hospital> {
    return ctx.services.hospitals.updateDepartment(requireScope(ctx), id, input, expectedVersion);
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
  @Can('hospital.readContacts')
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
    // by name (code point order), as the list's tree orders them (hospital-page.ts)
    return found
      .filter((d): d is Distributor => Boolean(d) && !(d instanceof Error))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}
