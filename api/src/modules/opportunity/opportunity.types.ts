import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { OpportunityStage, RegistrationStatus } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { MoneyType } from '../product';
import { IdField, OptionalBooleanField, OptionalIdField } from '../../common/fields';

registerEnumType(OpportunityStage, {
  name: 'OpportunityStage',
  description: '线索 LEAD → 需求确认 NEED_CONFIRMED → 试用 TRIAL → 招标 TENDER → 赢单 WON, or 丢单 LOST',
});
registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: '待审批 PENDING, 已批准 APPROVED (protecting), 已驳回 REJECTED, 已过期 EXPIRED (protection ended)',
});

@ObjectType('Opportunity')
export class OpportunityType {
  @Field(() => ID)
  id: string;

  @Field()
  need: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM: when the deal is expected' })
  expectedMonth: string | null;

  @Field(() => String, { nullable: true })
  competitor: string | null;

  @Field(() => OpportunityStage)
  stage: OpportunityStage;

  @Field(() => String, { nullable: true })
  lostReason: string | null;

  @Field(() => String, { nullable: true, description: 'Whom it was lost to, when known' })
  lostTo: string | null;

  @Field()
  createdAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType()
export class OpportunityConnection extends Connection(OpportunityType) {}

@ObjectType('OpportunityStageFact', { description: 'A stage the opportunity reached, kept as it was recorded' })
export class OpportunityStageFactType {
  @Field(() => ID)
  id: string;

  @Field(() => OpportunityStage)
  stage: OpportunityStage;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => String, { nullable: true })
  lostTo: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('DealRegistration', { description: '项目报备: a distributor asked the brand to protect its opportunity' })
export class DealRegistrationType {
  @Field(() => ID)
  id: string;

  @Field(() => RegistrationStatus)
  status: RegistrationStatus;

  @Field({ description: 'When it was registered' })
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true })
  rejectReason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The last day an approved registration protects' })
  protectedUntil: string | null;
}

@ObjectType('OpportunityFunnelStage', { description: 'The opportunities in one stage: how many, and their value' })
export class OpportunityFunnelStageType {
  @Field(() => OpportunityStage)
  stage: OpportunityStage;

  @Field(() => Int)
  count: number;

  @Field(() => [MoneyType], { description: 'Their estimated value, one sum per currency' })
  values: MoneyType[];
}

@InputType()
export class OpportunityFilter {
  @Field(() => OpportunityStage, { nullable: true })
  @IsOptional()
  @IsEnum(OpportunityStage)
  stage?: OpportunityStage | null;

  @Field(() => RegistrationStatus, { nullable: true, description: 'By its latest registration' })
  @IsOptional()
  @IsEnum(RegistrationStatus)
  registration?: RegistrationStatus | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField('The hospital’s region; a province includes its cities')
  regionId?: string | null;

  @Field(() => String, { nullable: true, description: 'Hospital, department or need' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @OptionalBooleanField('Only those the viewer owns')
  mine?: boolean | null;
}

@ArgsType()
export class OpportunityIdArgs {
  @IdField()
  id: string;
}
