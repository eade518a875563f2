import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Region } from './region.entity';
import { RegionType } from './region.types';

@Resolver(() => RegionType)
export class RegionResolver {
  /** The brand's territories, for pickers and filters. */
  @Authorized()
  @Query(() => [RegionType])
  regions(@Ctx() ctx: GqlContext): Promise<Region[]> {
    return ctx.services.regions.list(requireScope(ctx));
  }

  @FieldResolver(() => RegionType, { nullable: true })
  parent(@Root() region: Region, @Ctx() ctx: GqlContext): Promise<Region | null> {
    return region.parentId ? loadersOf(ctx).regionById.load(region.parentId) : Promise.resolve(null);
  }
}
