import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { NotificationChannel, NotificationDelivery, NotificationKind, RobotProvider } from '@medchannel/shared-schema';
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

registerEnumType(NotificationChannel, { name: 'NotificationChannel' });
registerEnumType(NotificationDelivery, { name: 'NotificationDelivery' });
registerEnumType(RobotProvider, { name: 'RobotProvider' });

/** The records a notice may be about (what a record's page names when it marks its notices read). */
const NOTICE_ENTITIES = ['order', 'statement', 'course', 'co_visit', 'visit_note', 'qualification', 'authorization'];

@ArgsType()
export class MarkNotificationsReadAboutArgs {
  @Field({
    description: 'What the record is: order, statement, course, co_visit, visit_note, qualification, authorization',
  })
  @IsIn(NOTICE_ENTITIES)
  entity: string;

  @Field(() => ID)
  @IsUUID('all')
  entityId: string;
}

@ObjectType('NotificationPreference', { description: 'How the viewer takes one kind of notice on one channel' })
export class NotificationPreferenceType {
  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  channel: NotificationChannel;

  @Field(() => NotificationDelivery)
  delivery: NotificationDelivery;
}

@InputType('NotificationPreferenceInput')
export class NotificationPreferenceInput {
  @Field(() => NotificationKind)
  @IsEnum(NotificationKind)
  kind: NotificationKind;

  @Field(() => NotificationChannel)
  @IsEnum(NotificationChannel)
  channel: NotificationChannel;

  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery: NotificationDelivery;
}

@ArgsType()
export class SetNotificationPreferencesArgs {
  @Field(() => [NotificationPreferenceInput])
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  choices: NotificationPreferenceInput[];
}

@ObjectType('GroupRobot', {
  description:
    'A WeCom or DingTalk group robot of the brand or of a distributor; its URL and secret are never answered',
})
export class GroupRobotType {
  @Field(() => ID)
  id: string;

  @Field(() => RobotProvider)
  provider: RobotProvider;

  @Field()
  enabled: boolean;

  @Field({ description: 'A signing secret is set (DingTalk)' })
  hasSecret: boolean;

  @Field(() => Int)
  version: number;

  @Field()
  updatedAt: Date;
}

@ArgsType()
export class SetGroupRobotArgs {
  @Field(() => RobotProvider)
  @IsEnum(RobotProvider)
  provider: RobotProvider;

  @Field({ description: 'The robot’s webhook address, with its token' })
  @IsString()
  @MaxLength(500)
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'An http(s) URL' })
  url: string;

  @Field(() => String, {
    nullable: true,
    description: 'DingTalk’s signing secret: leave out to keep it, empty to remove it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  secret?: string | null;

  @Field({ defaultValue: true })
  @IsBoolean()
  enabled: boolean;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;
}
