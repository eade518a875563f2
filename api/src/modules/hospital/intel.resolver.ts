import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Hospital } from './hospital.entity';
import { HospitalType } from './hospital.types';
import { HospitalNote, HospitalServingReport } from './intel.entity';
import { HospitalNoteType, ServingReportType } from './intel.types';
import { Can } from '../../auth/can';

/** Notes and serving reports on a hospital: the brand's own intelligence, never a distributor's to read. */
@Resolver(() => HospitalType)
export class IntelResolver {
  @Can('hospital.intel')
  @Mutation(() => HospitalNoteType)
  addHospitalNote(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Arg('body') body: string,
    @Ctx() ctx: GqlContext,
  ): Promise<HospitalNote> {
    return ctx.services.intel.addNote(requireScope(ctx), hospitalId, body.slice(0, 4000));
  }

  @Can('hospital.intel')
  @Mutation(() => ServingReportType)
  reportHospitalServing(
    @Arg('hospitalId', () => ID) hospitalId: string,
    @Arg('distributorName') distributorName: string,
    @Arg('products', () => String, { nullable: true }) products: string | null,
    @Ctx() ctx: GqlContext,
  ): Promise<HospitalServingReport> {
    return ctx.services.intel.reportServing(
      requireScope(ctx),
      hospitalId,
      distributorName.slice(0, 200),
      products?.slice(0, 500) ?? null,
    );
  }

  @Can('hospital.intel')
  @FieldResolver(() => [HospitalNoteType])
  notes(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<HospitalNote[]> {
    return loadersOf(ctx).notesByHospitalId.load(h.id);
  }

  /** Distributors heard to serve it, besides those authorized (servingDistributors). */
  @Can('hospital.intel')
  @FieldResolver(() => [ServingReportType])
  reportedServing(@Root() h: Hospital, @Ctx() ctx: GqlContext): Promise<HospitalServingReport[]> {
    return loadersOf(ctx).servingReportsByHospitalId.load(h.id);
  }
}
