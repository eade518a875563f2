import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { Hospital, HospitalDepartment, HospitalDepartmentType, HospitalType } from '../hospital';
import { Product, ProductType } from '../product';
import { User, UserType } from '../user';
import { Trial, TrialEvent } from './trial.entity';
import { TrialAgreementType, TrialEventType, TrialType } from './trial.types';

/** What a trial names, each through the viewer's own scope (a record out of sight reads as null). */
@Resolver(() => TrialType)
export class TrialPartsResolver {
  @FieldResolver(() => Boolean, { description: 'Still out after its last day (China date)' })
  overdue(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<boolean> {
    return loadersOf(ctx).trialOverdueById.load(t.id);
  }

  @FieldResolver(() => TrialAgreementType, { nullable: true })
  agreement(@Root() t: Trial): TrialAgreementType | null {
    return t.agreementName
      ? { fileName: t.agreementName, fileMime: t.agreementMime ?? '', fileSize: t.agreementSize ?? 0 }
      : null;
  }

  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<Product | null> {
    return loadersOf(ctx).productById.load(t.productId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The opportunity’s need' })
  async opportunityNeed(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<string | null> {
    return (await loadersOf(ctx).trialOpportunityById.load(t.opportunityId))?.need ?? null;
  }

  @FieldResolver(() => HospitalType, { nullable: true })
  async hospital(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<Hospital | null> {
    const o = await loadersOf(ctx).trialOpportunityById.load(t.opportunityId);
    return o ? loadersOf(ctx).hospitalById.load(o.hospitalId) : null;
  }

  @FieldResolver(() => HospitalDepartmentType, { nullable: true })
  async department(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<HospitalDepartment | null> {
    const o = await loadersOf(ctx).trialOpportunityById.load(t.opportunityId);
    if (!o) return null;
    const departments = await loadersOf(ctx).departmentsByHospitalId.load(o.hospitalId);
    return departments.find((d) => d.id === o.departmentId) ?? null;
  }

  @FieldResolver(() => [TrialEventType], { description: 'Every change, oldest first' })
  history(@Root() t: Trial, @Ctx() ctx: GqlContext): Promise<TrialEvent[]> {
    return loadersOf(ctx).trialEventsById.load(t.id);
  }
}

@Resolver(() => TrialEventType)
export class TrialEventPartsResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'Who made the change (null: out of the viewer’s sight)',
  })
  actor(@Root() e: TrialEvent, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(e.actorId);
  }
}
