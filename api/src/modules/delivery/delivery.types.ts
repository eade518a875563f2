import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { DeliveryFileKind, DeliveryStatus, MilestoneKind, PresalesKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { DecimalScalar } from '../../common/money';
import { OptionalIdField } from '../../common/fields';

registerEnumType(PresalesKind, { name: 'PresalesKind', description: '演示 DEMO, 技术支持, 培训, 其他' });
registerEnumType(MilestoneKind, {
  name: 'MilestoneKind',
  description: '到货 DELIVERY → 安装 INSTALLATION → 验收 ACCEPTANCE → 科室培训 STAFF_TRAINING',
});
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus', description: 'COMPLETED once the last milestone is done' });
registerEnumType(DeliveryFileKind, { name: 'DeliveryFileKind' });

@ObjectType('PresalesLog', { description: 'Pre-sales work, kept as logged; a reversal holds the opposite hours' })
export class PresalesLogType {
  @Field(() => ID)
  id: string;

  @Field(() => PresalesKind)
  kind: PresalesKind;

  @Field(() => LocalDateScalar)
  workDate: string;

  @Field(() => DecimalScalar, { description: 'Exact hours; negative on a reversal' })
  hours: string;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => ID, { nullable: true, description: 'The entry this one reverses' })
  reversesId: string | null;

  @Field({ description: 'A later entry reverses this one' })
  reversed: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType('PresalesWork', {
  description: 'An opportunity’s pre-sales work: every entry, newest first, and the hours',
})
export class PresalesWorkType {
  @Field(() => DecimalScalar, { description: 'The sum of every entry’s hours (reversals included)' })
  totalHours: string;

  @Field(() => [PresalesLogType])
  entries: PresalesLogType[];
}

@ObjectType('DeliveryFile')
export class DeliveryFileType {
  @Field(() => ID)
  id: string;

  @Field(() => DeliveryFileKind)
  kind: DeliveryFileKind;

  @Field()
  fileName: string;

  @Field()
  fileMime: string;

  @Field(() => Int)
  fileSize: number;

  @Field()
  createdAt: Date;
}

@ObjectType('DeliveryMilestone')
export class DeliveryMilestoneType {
  @Field(() => ID)
  id: string;

  @Field(() => MilestoneKind)
  kind: MilestoneKind;

  @Field(() => LocalDateScalar, { nullable: true })
  plannedDate: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  doneDate: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;
}

@ObjectType('DeliveryProject', {
  description: '交付项目: a won opportunity’s delivery, installation, acceptance and training',
})
export class DeliveryProjectType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class DeliveryProjectConnection extends Connection(DeliveryProjectType) {}

@InputType()
export class DeliveryProjectFilter {
  @Field(() => DeliveryStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DeliveryStatus)
  status?: DeliveryStatus | null;

  @OptionalIdField('Assigned to this engineer')
  engineerId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only projects with a milestone past its planned date, not done',
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;
}
