import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';

@ObjectType('RobotDelivery', { description: 'One attempt to post one message to a group robot' })
export class RobotDeliveryType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What the message was: a notice kind, DIGEST (a day’s digest) or TEST' })
  messageType: string;

  @Field(() => Int)
  attempt: number;

  @Field(() => Int, { nullable: true })
  statusCode: number | null;

  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true, description: 'Why it failed (WebhookFailure)' })
  error: string | null;

  @Field(() => Int)
  durationMs: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class RobotDeliveryConnection extends Connection(RobotDeliveryType) {}
