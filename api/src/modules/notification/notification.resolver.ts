import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { Notification } from './notification.entity';
import {
  MarkNotificationsReadAboutArgs,
  MarkNotificationsReadArgs,
  NotificationConnection,
  NotificationParamType,
  NotificationPreferenceType,
  NotificationType,
  NotificationsArgs,
  SetNotificationPreferencesArgs,
} from './notification.types';

/** Every user's own inbox and preferences; nobody reads another's. */
@Resolver(() => NotificationType)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: 'The viewer’s notifications, newest first' })
  notifications(
    @Args() page: PageArgs,
    @Args() { unreadOnly }: NotificationsArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<Notification>> {
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

  @Authorized()
  @Mutation(() => Int, {
    description:
      'A record’s page was opened: marks the viewer’s unread notices about it read; returns how many changed',
  })
  markNotificationsReadAbout(
    @Args() { entity, entityId }: MarkNotificationsReadAboutArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<number> {
    return ctx.services.notifications.markReadAbout(requireScope(ctx), entity, entityId);
  }

  @Authorized()
  @Query(() => [NotificationPreferenceType], {
    description: 'Every kind of notice the viewer may receive, per channel, with the viewer’s choice (or the default)',
  })
  notificationPreferences(@Ctx() ctx: GqlContext): Promise<NotificationPreferenceType[]> {
    return ctx.services.noticePreferences.list(requireScope(ctx));
  }

  @Authorized()
  @Mutation(() => [NotificationPreferenceType])
  setNotificationPreferences(
    @Args() { choices }: SetNotificationPreferencesArgs,
    @Ctx() ctx: GqlContext,
  ): Promise<NotificationPreferenceType[]> {
    return ctx.services.noticePreferences.set(requireScope(ctx), choices);
  }

  @FieldResolver(() => [NotificationParamType], {
    description: 'Values the front end words the notice with (number, reason, …)',
  })
  params(@Root() n: Notification): NotificationParamType[] {
    return Object.entries(n.params).map(([name, value]) => ({ name, value: String(value) }));
  }
}
