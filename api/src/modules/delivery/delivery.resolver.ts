import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { deliveryPageParts, primeDeliveryPage } from './delivery-page';
import { User, UserType } from '../user';
import { DeliveryProject } from './delivery.entity';
import {
  AssignDeliveryEngineerArgs,
  CompleteMilestoneInput,
  CreateDeliveryProjectInput,
  LogPresalesWorkInput,
  PlanMilestoneInput,
  ReversePresalesArgs,
} from './delivery.inputs';
import {
  DeliveryProjectConnection,
  DeliveryProjectFilter,
  DeliveryProjectType,
  PresalesLogType,
  PresalesWorkType,
} from './delivery.types';
import type { PresalesEntry } from './presales.service';

@Resolver()
export class DeliveryResolver {
  @Can('presales.read')
  @Query(() => PresalesWorkType, { description: 'An opportunity’s pre-sales work and its hours' })
  presalesWork(
    @Arg('opportunityId', () => ID) opportunityId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<{ totalHours: string; entries: PresalesEntry[] }> {
    return ctx.services.presales.work(requireScope(ctx), opportunityId);
  }

  @Can('presales.log')
  @Mutation(() => PresalesLogType)
  logPresalesWork(@Arg('input') input: LogPresalesWorkInput, @Ctx() ctx: GqlContext): Promise<PresalesEntry> {
    return ctx.services.presales.log(requireScope(ctx), input);
  }

  @Can('presales.log')
  @Mutation(() => PresalesLogType, { description: 'Corrects a wrong entry by appending its opposite' })
  reversePresalesWork(@Args() { id, note }: ReversePresalesArgs, @Ctx() ctx: GqlContext): Promise<PresalesEntry> {
    return ctx.services.presales.reverse(requireScope(ctx), id, note);
  }

  @Can('delivery.read')
  @Query(() => DeliveryProjectConnection, { description: 'Delivery projects in scope, newest first' })
  async deliveryProjects(
    @Args() page: PageArgs,
    @Arg('filter', () => DeliveryProjectFilter, { nullable: true }) filter: DeliveryProjectFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<DeliveryProject>> {
    const parts = deliveryPageParts(selectionOf(info).nodes);
    const found = await ctx.services.delivery.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeDeliveryPage(loadersOf(ctx), found.nodes) };
  }

  @Can('delivery.read')
  @Query(() => DeliveryProjectType, {
    nullable: true,
    description: 'The opportunity’s project, null before one is made',
  })
  deliveryProjectOfOpportunity(
    @Arg('opportunityId', () => ID) opportunityId: string,
    @Ctx() ctx: GqlContext,
  ): Promise<DeliveryProject | null> {
    return ctx.services.delivery.ofOpportunity(requireScope(ctx), opportunityId);
  }

  @Can('delivery.manage')
  @Query(() => [UserType], { description: 'The engineers a project may be assigned to' })
  deliveryEngineers(@Ctx() ctx: GqlContext): Promise<User[]> {
    return ctx.services.delivery.engineers(requireScope(ctx));
  }

  @Can('delivery.manage')
  @Mutation(() => DeliveryProjectType, { description: 'For a won opportunity, with its four milestones' })
  createDeliveryProject(
    @Arg('input') input: CreateDeliveryProjectInput,
    @Ctx() ctx: GqlContext,
  ): Promise<DeliveryProject> {
    return ctx.services.delivery.create(requireScope(ctx), input);
  }

  @Can('delivery.manage')
  @Mutation(() => DeliveryProjectType)
  assignDeliveryEngineer(
    @Args() { id, engineerId, expectedVersion }: AssignDeliveryEngineerArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<DeliveryProject> {
    return ctx.services.delivery.assign(requireScope(ctx), id, engineerId, expectedVersion);
  }

  @Can('delivery.manage')
  @Mutation(() => DeliveryProjectType, { description: 'A milestone’s planned day and note' })
  planDeliveryMilestone(@Arg('input') input: PlanMilestoneInput, @Ctx() ctx: GqlContext): Promise<DeliveryProject> {
    return ctx.services.delivery.plan(requireScope(ctx), input);
  }

  @Can('delivery.manage')
  @Mutation(() => DeliveryProjectType, {
    description: 'Done in order; acceptance once its signed document is uploaded',
  })
  completeDeliveryMilestone(
    @Arg('input') input: CompleteMilestoneInput,
    @Ctx() ctx: GqlContext,
  ): Promise<DeliveryProject> {
    return ctx.services.delivery.complete(requireScope(ctx), input);
  }
}
