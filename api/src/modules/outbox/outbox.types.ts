import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { IsBoolean, IsString, IsUrl, MaxLength } from 'class-validator';
import { Connection } from '../../common/pagination';

@ObjectType('OutboxEvent', {
  description: 'Something the ERP is told about; delivered at least once, deduplicated by id',
})
export class OutboxEventType {
  @Field(() => ID)
  id: string;

  @Field()
  type: string;

  @Field()
  entity: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => String, {
    nullable: true,
    description: "The record as people know it: an order's, shipment's or invoice's number, a statement's month",
  })
  reference: string | null;

  @Field(() => Int)
  attempts: number;

  @Field(() => Date, { nullable: true })
  deliveredAt: Date | null;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field()
  nextAttemptAt: Date;

  @Field()
  createdAt: Date;
}

@ObjectType('WebhookDelivery', { description: 'One attempt to deliver one event' })
export class WebhookDeliveryType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  eventId: string;

  @Field(() => Int)
  attempt: number;

  @Field()
  url: string;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true })
  error: string | null;

  @Field(() => Int)
  durationMs: number;

  @Field()
  createdAt: Date;
}

@ObjectType('WebhookEndpoint')
export class WebhookEndpointType {
  @Field()
  url: string;

  @Field()
  enabled: boolean;

  @Field(() => String, {
    nullable: true,
    description: 'The signing secret: answered only when it was just made (first setting, or rotation)',
  })
  secret: string | null;
}

@ObjectType('OutboxEventConnection')
export class OutboxEventConnection extends Connection(OutboxEventType) {}

@ObjectType('WebhookDeliveryConnection')
export class WebhookDeliveryConnection extends Connection(WebhookDeliveryType) {}

@ArgsType()
export class SetWebhookArgs {
  @Field()
  @IsString()
  @MaxLength(500)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'An http(s) URL' })
  url: string;

  @Field({ defaultValue: true })
  @IsBoolean()
  enabled: boolean;

  @Field({ defaultValue: false, description: 'Make a new signing secret (the old one stops working)' })
  @IsBoolean()
  rotateSecret: boolean;
}
