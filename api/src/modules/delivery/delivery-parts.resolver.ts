import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DeliveryStatus } from '@medchannel/shared-schema';
import { GqlContext, loadersOf } from '../../context';
import { today } from '../../common/dates';
import { Opportunity, OpportunityType } from '../opportunity';
import { User, UserType } from '../user';
import { DeliveryFile, DeliveryMilestone, DeliveryProject } from './delivery.entity';
import { DeliveryFileType, DeliveryMilestoneType, DeliveryProjectType } from './delivery.types';

const overdue = (m: DeliveryMilestone, on: string) => !m.doneDate && m.plannedDate !== null && m.plannedDate < on;

/** What a project names, each through the viewer's scope (an engineer out of a partner's sight reads as null). */
@Resolver(() => DeliveryProjectType)
export class DeliveryProjectPartsResolver {
  @FieldResolver(() => OpportunityType, { nullable: true })
  opportunity(@Root() p: DeliveryProject, @Ctx() ctx: GqlContext): Promise<Opportunity | null> {
    return loadersOf(ctx).deliveryOpportunityById.load(p.opportunityId);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'The engineer in charge' })
  engineer(@Root() p: DeliveryProject, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(p.engineerId);
  }

  @FieldResolver(() => [DeliveryMilestoneType], { description: 'In the order they are done' })
  milestones(@Root() p: DeliveryProject, @Ctx() ctx: GqlContext): Promise<DeliveryMilestone[]> {
    return loadersOf(ctx).deliveryMilestonesByProjectId.load(p.id);
  }

  @FieldResolver(() => DeliveryStatus)
  async status(@Root() p: DeliveryProject, @Ctx() ctx: GqlContext): Promise<DeliveryStatus> {
    const all = await loadersOf(ctx).deliveryMilestonesByProjectId.load(p.id);
    return all.every((m) => m.doneDate) ? DeliveryStatus.COMPLETED : DeliveryStatus.IN_PROGRESS;
  }

  @FieldResolver(() => Boolean, { description: 'A milestone is past its planned day and not done' })
  async overdue(@Root() p: DeliveryProject, @Ctx() ctx: GqlContext): Promise<boolean> {
    const on = today();
    return (await loadersOf(ctx).deliveryMilestonesByProjectId.load(p.id)).some((m) => overdue(m, on));
  }
}

@Resolver(() => DeliveryMilestoneType)
export class DeliveryMilestonePartsResolver {
  @FieldResolver(() => Boolean, { description: 'Past its planned day and not done' })
  overdue(@Root() m: DeliveryMilestone): boolean {
    return overdue(m, today());
  }

  @FieldResolver(() => [DeliveryFileType], { description: 'The signed acceptance document, photos' })
  files(@Root() m: DeliveryMilestone, @Ctx() ctx: GqlContext): Promise<DeliveryFile[]> {
    return loadersOf(ctx).deliveryFilesByMilestoneId.load(m.id);
  }
}

/** The URL a delivery file is downloaded from (with the session cookie). */
export const deliveryFileUrl = (id: string) => `/files/delivery-files/${id}`;

@Resolver(() => DeliveryFileType)
export class DeliveryFilePartsResolver {
  @FieldResolver(() => String)
  url(@Root() f: DeliveryFile): string {
    return deliveryFileUrl(f.id);
  }
}
