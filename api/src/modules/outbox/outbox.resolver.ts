import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf, requireScope } from '../../context';
import { Page, PageArgs } from '../../common/pagination';
import { OutboxEvent, WebhookDelivery } from './outbox.entity';
import {
  OutboxEventConnection,
  OutboxEventType,
  SetWebhookArgs,
  WebhookDeliveryConnection,
  WebhookDeliveryType,
  WebhookEndpointType,
} from './outbox.types';
import { Can } from '../../auth/can';
import { eventReference } from './event-reference';

/** The ERP exchange's settings and logs: the brand's admins and finance. */
@Resolver(() => WebhookDeliveryType)
export class OutboxResolver {
  @Can('erp.read')
  @Query(() => WebhookEndpointType, { nullable: true })
  async webhookEndpoint(@Ctx() ctx: GqlContext): Promise<WebhookEndpointType | null> {
    const endpoint = await ctx.services.outbox.endpoint(requireScope(ctx));
    return endpoint ? { url: endpoint.url, enabled: endpoint.enabled, secret: null } : null;
  }

  @Can('erp.configure')
  @Mutation(() => WebhookEndpointType)
  async setWebhookEndpoint(@Args() args: SetWebhookArgs, @Ctx() ctx: GqlContext): Promise<WebhookEndpointType> {
    const { endpoint, secret } = await ctx.services.outbox.setEndpoint(requireScope(ctx), args);
    return { url: endpoint.url, enabled: endpoint.enabled, secret };
  }

  @Can('erp.read')
  @Query(() => OutboxEventConnection, { description: 'Events for the ERP, newest first' })
  outboxEvents(
    @Args() page: PageArgs,
    @Arg('pendingOnly', { defaultValue: false }) pendingOnly: boolean,
    @Ctx() ctx: GqlContext,
  ): Promise<Page<OutboxEvent>> {
    return ctx.services.outbox.events(requireScope(ctx), page, pendingOnly);
  }

  @Can('erp.read')
  @Query(() => WebhookDeliveryConnection, { description: 'The delivery log, newest first' })
  webhookDeliveries(@Args() page: PageArgs, @Ctx() ctx: GqlContext): Promise<Page<WebhookDelivery>> {
    return ctx.services.outbox.deliveries(requireScope(ctx), page);
  }

  @Can('erp.configure')
  @Mutation(() => OutboxEventType, { description: 'Sends an event again (same id: the receiver dedupes)' })
  redeliverWebhookEvent(@Arg('eventId', () => ID) eventId: string, @Ctx() ctx: GqlContext): Promise<OutboxEvent> {
    return ctx.services.outbox.redeliver(requireScope(ctx), eventId);
  }

  @FieldResolver(() => OutboxEventType, { nullable: true })
  event(@Root() d: WebhookDelivery, @Ctx() ctx: GqlContext): Promise<OutboxEvent | null> {
    return loadersOf(ctx).outboxEventById.load(d.eventId);
  }
}

/** An event's fields read off what it sent. */
@Resolver(() => OutboxEventType)
export class OutboxEventFields {
  @FieldResolver(() => String, { nullable: true })
  reference(@Root() e: OutboxEvent): string | null {
    return eventReference(e.entity, e.payload);
  }
}
