import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { PageArgs } from '../../common/pagination';
import {
  PlaceInstrumentInput,
  PlacementFilter,
  RelocatePlacementInput,
  ReplacePlacementInstrumentInput,
  ReturnPlacementInput,
} from './placement.inputs';
import { CommitmentMonthType, PlacementConnection, PlacementEventType, PlacementType } from './placement.types';

@Resolver(() => PlacementType)
export class PlacementResolver {
  @Can('placement.read')
  @Query(() => PlacementConnection, { description: 'Placed instruments in scope, newest first' })
  placements(
    @Args() page: PageArgs,
    @Arg('filter', () => PlacementFilter, { nullable: true }) filter: PlacementFilter | undefined,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.placements.list(requireScope(ctx), page, filter);
  }

  @Can('placement.read')
  @Query(() => PlacementType)
  placement(@Arg('id', () => ID) id: string, @Ctx() ctx: GqlContext) {
    return ctx.services.placements.get(requireScope(ctx), id);
  }

  @Can('placement.manage')
  @Mutation(() => PlacementType, { description: 'Places an instrument at a hospital department under a commitment' })
  placeInstrument(@Arg('input') input: PlaceInstrumentInput, @Ctx() ctx: GqlContext) {
    return ctx.services.placements.place(requireScope(ctx), input);
  }

  @Can('placement.manage')
  @Mutation(() => PlacementType, { description: 'Moves a placed instrument to another department (移机)' })
  relocatePlacement(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: RelocatePlacementInput,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.placements.relocate(requireScope(ctx), id, input);
  }

  @Can('placement.manage')
  @Mutation(() => PlacementType, { description: 'Another serial stands in for the placed one (换机)' })
  replacePlacementInstrument(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ReplacePlacementInstrumentInput,
    @Ctx() ctx: GqlContext,
  ) {
    return ctx.services.placements.replace(requireScope(ctx), id, input);
  }

  @Can('placement.manage')
  @Mutation(() => PlacementType, { description: 'The instrument comes back: the placement ends (归还)' })
  returnPlacement(@Arg('id', () => ID) id: string, @Arg('input') input: ReturnPlacementInput, @Ctx() ctx: GqlContext) {
    return ctx.services.placements.return(requireScope(ctx), id, input);
  }

  @FieldResolver(() => [PlacementEventType], { description: 'Its history, oldest first' })
  history(@Root() p: PlacementType, @Ctx() ctx: GqlContext) {
    return loadersOf(ctx).placementEventsById.load(p.id);
  }

  @FieldResolver(() => [CommitmentMonthType], {
    description: 'Each month from its first day to today (or its end): reagent units committed against sold out',
  })
  commitment(@Root() p: PlacementType, @Ctx() ctx: GqlContext) {
    return loadersOf(ctx).placementMonthsById.load(p.id);
  }
}
