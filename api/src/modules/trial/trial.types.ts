import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { TrialOutcome, TrialStatus } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { IdField, OptionalBooleanField, OptionalIdField } from '../../common/fields';

registerEnumType(TrialStatus, {
  name: 'TrialStatus',
  description: '计划 PLANNED → 已送达 DELIVERED → (已延期 EXTENDED) → 已归还 RETURNED, or 已取消 CANCELLED',
});
registerEnumType(TrialOutcome, { name: 'TrialOutcome', description: 'What a returned trial came to' });

@ObjectType('TrialAgreement', {
  description: 'The signed trial agreement; its bytes are GET /files/trials/{id}/agreement',
})
export class TrialAgreementType {
  @Field()
  fileName: string;

  @Field()
  fileMime: string;

  @Field(() => Int)
  fileSize: number;
}

@ObjectType('Trial', { description: '试用: an instrument, by serial, lent to an opportunity’s hospital department' })
export class TrialType {
  @Field(() => ID)
  id: string;

  @Field(() => ID, { description: 'The opportunity it serves' })
  opportunityId: string;

  @Field()
  serialNumber: string;

  @Field(() => LocalDateScalar)
  plannedFrom: string;

  @Field(() => LocalDateScalar, { description: 'The last day (an extension moves it)' })
  plannedTo: string;

  @Field()
  protocol: string;

  @Field(() => TrialStatus)
  status: TrialStatus;

  @Field(() => LocalDateScalar, { nullable: true })
  deliveredOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  returnedOn: string | null;

  @Field(() => TrialOutcome, { nullable: true })
  outcome: TrialOutcome | null;

  @Field(() => String, { nullable: true })
  result: string | null;

  @Field(() => String, { nullable: true })
  cancelReason: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class TrialConnection extends Connection(TrialType) {}

@ObjectType('TrialEvent', { description: 'One change of a trial, as it was recorded' })
export class TrialEventType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PLANNED, DELIVERED, EXTENDED, RETURNED, CANCELLED or AGREEMENT (uploaded)' })
  kind: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day after this change' })
  plannedTo: string | null;

  @Field(() => String, { nullable: true, description: 'The reason, the result or the file’s name' })
  note: string | null;

  @Field()
  createdAt: Date;
}

@InputType()
export class TrialFilter {
  @Field(() => TrialStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TrialStatus)
  status?: TrialStatus | null;

  @OptionalBooleanField('Only open trials past their last day (China date)')
  overdue?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Serial number or hospital' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @OptionalBooleanField('Only trials the viewer planned or of opportunities he owns')
  mine?: boolean | null;

  @OptionalIdField()
  opportunityId?: string | null;
}

@ArgsType()
export class TrialIdArgs {
  @IdField()
  id: string;
}
