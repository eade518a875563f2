import { Ctx, Query, Resolver } from 'type-graphql';
import { Can } from '../../auth/can';
import { GqlContext, requireScope } from '../../context';
import { BrandDashboardType, OwnerDashboardType } from './dashboard.types';

@Resolver()
export class DashboardResolver {
  @Can('console.insights')
  @Query(() => BrandDashboardType, {
    description:
      '经营看板: coverage by province and city, sell-in and sell-out by month, certified staff per line — in the viewer’s scope, each figure its drill-down list’s count',
  })
  brandDashboard(@Ctx() ctx: GqlContext): Promise<BrandDashboardType> {
    const scope = requireScope(ctx);
    return ctx.services.replica.read(() => ctx.services.dashboard.brand(scope));
  }

  @Can('portal.insights')
  @Query(() => OwnerDashboardType, {
    description:
      'The owner’s dashboard: his people certified per product line and the commitments still open to his company, each its portal list’s count',
  })
  ownerDashboard(@Ctx() ctx: GqlContext): Promise<OwnerDashboardType> {
    const scope = requireScope(ctx);
    return ctx.services.replica.read(() => ctx.services.dashboard.owner(scope));
  }
}
