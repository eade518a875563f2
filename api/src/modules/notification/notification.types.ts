import { ArgsType, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { NotificationKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';

registerEnumType(NotificationKind, { name: 'NotificationKind' });

@ObjectType('NotificationParam')
export class NotificationParamType {
  @Field()
  name: string;

  @Field()
  value: string;
}

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field({ description: 'What it is about: "order", …' })
  entity: string;

  @Field(() => ID)
  entityId: string;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('NotificationConnection')
export class NotificationConnection extends Connection(NotificationType) {}

@ArgsType()
export class NotificationsArgs {
  @Field({ defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean;
}

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], { nullable: true, description: 'Leave out to mark every unread notification read' })
  @IsOptional()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  ids?: string[] | null;
}
