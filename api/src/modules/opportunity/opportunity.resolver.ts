import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, ID, Info, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { opportunityPageParts, primeOpportunityPage } from './opportunity-page';
import { Opportunity } from './opportunity.entity';
import {
  CreateOpportunityInput,
  MoveOpportunityInput,
  ProtectionDaysInput,
  RejectRegistrationArgs,
} from './opportunity.inputs';
import {
  OpportunityConnection,
  OpportunityFilter,
  OpportunityFunnelStageType,
  OpportunityIdArgs,
  OpportunityType,
} from './opportunity.types';

@Resolver(() => OpportunityType)
export class OpportunityResolver {
  /** The pipeline in the viewer's scope, newest first. */
  @Can('opportunity.read')
  @Query(() => OpportunityConnection)
  async opportunities(
    @Args() page: PageArgs,
    @Arg('filter', () => OpportunityFilter, { nullable: true }) filter: OpportunityFilter | undefined,
    @Ctx() ctx: GqlContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Page<Opportunity>> {
    const parts = opportunityPageParts(selectionOf(info).nodes);
    const found = await ctx.services.opportunities.list(requireScope(ctx), page, filter, parts);
    return { ...found, nodes: primeOpportunityPage(loadersOf(ctx), found.nodes) };
  }

  @Can('opportunity.read')
  @Query(() => OpportunityType)
  opportunity(@Args() { id }: OpportunityIdArgs, @Ctx() ctx: GqlContext): Promise<Opportunity> {
    return ctx.services.opportunities.get(requireScope(ctx), id);
  }

  @Can('opportunity.read')
  @Query(() => [OpportunityFunnelStageType], {
    description: 'Count and value by stage of what the list shows for the same filter (its stage aside)',
  })
  opportunityFunnel(
    @Arg('filter', () => OpportunityFilter, { nullable: true }) filter: OpportunityFilter | undefined,
    @Ctx() ctx: GqlContext,
  ): Promise<OpportunityFunnelStageType[]> {
    return ctx.services.opportunities.funnel(requireScope(ctx), filter);
  }

  @Can('opportunity.read')
  @Query(() => Int, { description: 'How many days an approved registration protects' })
  registrationProtectionDays(@Ctx() ctx: GqlContext): Promise<number> {
    return ctx.services.registrations.protectionDays(requireScope(ctx));
  }

  @Can('opportunity.edit')
  @Mutation(() => OpportunityType)
  createOpportunity(@Arg('input') input: CreateOpportunityInput, @Ctx() ctx: GqlContext): Promise<Opportunity> {
    return ctx.services.opportunities.create(requireScope(ctx), input);
  }

  @Can('opportunity.edit')
  @Mutation(() => OpportunityType, { description: 'To a later stage, at the version the user saw; lost with a reason' })
  moveOpportunity(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: MoveOpportunityInput,
    @Ctx() ctx: GqlContext,
  ): Promise<Opportunity> {
    return ctx.services.opportunities.move(requireScope(ctx), id, input);
  }

  @Can('opportunity.register')
  @Mutation(() => OpportunityType, { description: '项目报备: ask the brand to protect the opportunity' })
  registerOpportunity(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext): Promise<Opportunity> {
    return ctx.services.registrations.register(requireScope(ctx), id);
  }

  @Can('opportunity.approve')
  @Mutation(() => OpportunityType)
  approveRegistration(
    @Arg('id', () => ID, { description: 'The registration' }) id: string,
    @Ctx() ctx: GqlContext,
  ): Promise<Opportunity> {
    return ctx.services.registrations.approve(requireScope(ctx), id);
  }

  @Can('opportunity.approve')
  @Mutation(() => OpportunityType)
  rejectRegistration(@Args() { id, reason }: RejectRegistrationArgs, @Ctx() ctx: GqlContext): Promise<Opportunity> {
    return ctx.services.registrations.reject(requireScope(ctx), id, reason);
  }

  @Can('opportunity.configure')
  @Mutation(() => Int)
  setRegistrationProtectionDays(@Arg('input') input: ProtectionDaysInput, @Ctx() ctx: GqlContext): Promise<number> {
    return ctx.services.registrations.setProtectionDays(requireScope(ctx), input.days);
  }
}
