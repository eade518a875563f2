import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { Notification } from './notification.entity';
import { MarkNotificationsReadArgs, NotificationConnection, NotificationParamType, NotificationType, NotificationsArgs } from './notification.types';

/** Every user's own inbox; nobody reads another's. */
@Resolver(() => NotificationType)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, newest first' })
  notifications(@Args() page: PageArgs, @Args() { unreadOnly }: NotificationsArgs, @Ctx() ctx: GqlContext): Promise<Page<Notification>> {
    return ctx.services.notifications.list(requireScope(ctx), page, unreadOnly);
  }

  @Authorized()
  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: GqlContext): Promise<number> {
    return ctx.services.notifications.unreadCount(requireScope(ctx));
  }

  @Authorized()
  @Mutation(() => Int, { description: 'Marks the viewer’s notifications read; returns how many changed' })
  markNotificationsRead(@Args() { ids }: MarkNotificationsReadArgs, @Ctx() ctx: GqlContext): Promise<number> {
    return ctx.services.notifications.markRead(requireScope(ctx), ids ?? null);
  }

  @FieldResolver(() => [NotificationParamType], { description: 'Values the front end words the notice with (number, reason, …)' })
  params(@Root() n: Notification): NotificationParamType[] {
    return Object.entries(n.params).map(([name, value]) => ({ name, value: String(value) }));
  }
}
