import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { today } from '../../common/dates';
import { Distributor, DistributorType } from '../distributor';
import { Hospital, HospitalDepartment, HospitalDepartmentType, HospitalType } from '../hospital';
import { MoneyType, Product, ProductLine, ProductLineType, ProductType, money } from '../product';
import { User, UserType } from '../user';
import { DealRegistration, Opportunity, OpportunityStageFact } from './opportunity.entity';
import { registrationStatusOn } from './opportunity.service';
import { DealRegistrationType, OpportunityStageFactType, OpportunityType } from './opportunity.types';

/** What an opportunity names, each through the viewer's own scope (a record out of sight reads as null). */
@Resolver(() => OpportunityType)
export class OpportunityPartsResolver {
  @FieldResolver(() => MoneyType, { description: 'The estimated value, exact, with its currency' })
  estimatedValue(@Root() o: Opportunity): MoneyType {
    return money(o.estimatedValue, o.currency);
  }

  @FieldResolver(() => HospitalType, { nullable: true })
  hospital(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<Hospital | null> {
    return loadersOf(ctx).hospitalById.load(o.hospitalId);
  }

  @FieldResolver(() => HospitalDepartmentType, { nullable: true })
  async department(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<HospitalDepartment | null> {
    const departments = await loadersOf(ctx).departmentsByHospitalId.load(o.hospitalId);
    return departments.find((d) => d.id === o.departmentId) ?? null;
  }

  @FieldResolver(() => ProductLineType, { nullable: true })
  productLine(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<ProductLine | null> {
    return loadersOf(ctx).productLineById.load(o.productLineId);
  }

  @FieldResolver(() => [ProductType])
  async products(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<Product[]> {
    const found = await loadersOf(ctx).productById.loadMany(o.productIds);
    return found.filter((p): p is Product => Boolean(p) && !(p instanceof Error));
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who works it' })
  owner(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(o.ownerId);
  }

  @FieldResolver(() => DistributorType, { nullable: true })
  distributor(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<Distributor | null> {
    return o.distributorId ? loadersOf(ctx).distributorById.load(o.distributorId) : Promise.resolve(null);
  }

  @FieldResolver(() => [OpportunityStageFactType], { description: 'Every stage it reached, oldest first' })
  stageHistory(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<OpportunityStageFact[]> {
    return loadersOf(ctx).opportunityStagesById.load(o.id);
  }

  @FieldResolver(() => DealRegistrationType, { nullable: true, description: 'Its latest registration' })
  async registration(@Root() o: Opportunity, @Ctx() ctx: GqlContext): Promise<DealRegistration | null> {
    const r = await loadersOf(ctx).latestRegistrationByOpportunityId.load(o.id);
    return r ? { ...r, status: registrationStatusOn(r, today()) } : null;
  }
}
