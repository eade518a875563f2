import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Page, PageArgs } from '../../common/pagination';
import { GqlContext, requireScope } from '../../context';
import { Can } from '../../auth/can';
import { GroupRobot } from './notification.entity';
import { GroupRobotType, SetGroupRobotArgs } from './notification.types';
import { RobotDeliveryConnection, RobotDeliveryType } from './robot-log.types';

function view(r: GroupRobot): GroupRobotType {
  return {
    id: r.id,
    provider: r.provider,
    enabled: r.enabled,
    hasSecret: Boolean(r.secret),
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** The group robots of the brand (its admins) or of the owner's distributor. */
@Resolver(() => GroupRobotType)
export class RobotResolver {
  @Can('notice.configureRobots')
  @Query(() => [GroupRobotType], { description: 'The viewer’s side’s group robots: the brand’s, or the distributor’s' })
  async groupRobots(@Ctx() ctx: GqlContext): Promise<GroupRobotType[]> {
    return (await ctx.services.robots.list(requireScope(ctx))).map(view);
  }

  @Can('notice.configureRobots')
  @Mutation(() => GroupRobotType, { description: 'Sets the side’s robot of one provider (one each)' })
  async setGroupRobot(@Args() args: SetGroupRobotArgs, @Ctx() ctx: GqlContext): Promise<GroupRobotType> {
    return view(
      await ctx.services.robots.set(requireScope(ctx), {
        provider: args.provider,
        url: args.url,
        secret: args.secret ?? null,
        enabled: args.enabled,
        expectedVersion: args.expectedVersion ?? null,
      }),
    );
  }

  @Can('notice.configureRobots')
  @Mutation(() => Boolean, { description: 'Posts a test message to one of the side’s robots, through the outbox' })
  sendGroupRobotTest(@Arg('robotId', () => ID) robotId: string, @Ctx() ctx: GqlContext): Promise<boolean> {
    return ctx.services.robotLog.sendTest(requireScope(ctx), robotId);
  }

  @Can('notice.configureRobots')
  @Query(() => RobotDeliveryConnection, { description: 'One of the side’s robots’ delivery attempts, newest first' })
  groupRobotDeliveries(
    @Arg('robotId', () => ID) robotId: string,
    @Args() page: PageArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<RobotDeliveryType>> {
    return ctx.services.robotLog.deliveries(requireScope(ctx), robotId, page);
  }
}
