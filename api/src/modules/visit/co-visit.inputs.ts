import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize, ArrayMinSize, IsBoolean, IsDate, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested,
} from 'class-validator';
import { CoVisitStatus, MAX_CO_VISIT_SLOTS, MAX_VISIT_CC, MAX_VISIT_ITEMS } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';
import { MomentWithin } from '../../common/ranges';

/** What clients send about co-visit plans (validated before any service runs). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class CoVisitSlotInput {
  @Field({ description: 'From a day ago to a year ahead' })
  @IsDate()
  @MomentWithin(1, 366)
  startsAt: Date;

  @Field()
  @IsDate()
  @MomentWithin(1, 366)
  endsAt: Date;
}

@InputType()
export class ProposeCoVisitInput {
  @Field(() => ID, { nullable: true, description: 'Required from the brand side; a partner proposes for its own distributor' })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID)
  @IsUUID()
  hospitalId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  departmentId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  contactIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  productIds: string[];

  @Field()
  @IsString()
  @Length(2, 500)
  goal: string;

  @Field(() => [CoVisitSlotInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CO_VISIT_SLOTS)
  @ValidateNested({ each: true })
  slots: CoVisitSlotInput[];

  @Field(() => [ID], { description: 'The others who go (the proposer goes too): at least one from the other side' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_VISIT_CC)
  @IsUUID('all', { each: true })
  participantIds: string[];

  @Field(() => ID, { description: 'Made once per plan by the client: a retry with it returns the first result' })
  @IsUUID()
  idempotencyKey: string;

  @Field({ defaultValue: false, description: 'Propose even though a time overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)' })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class CoVisitMoveArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version the user saw' })
  @IsInt()
  expectedVersion: number;
}

@ArgsType()
export class AcceptCoVisitSlotArgs extends CoVisitMoveArgs {
  @Field(() => ID, { description: 'A slot the other side offered' })
  @IsUUID()
  slotId: string;

  @Field({ defaultValue: false, description: 'Accept even though the time overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)' })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class ProposeCoVisitSlotArgs extends CoVisitMoveArgs {
  @Field(() => CoVisitSlotInput)
  @ValidateNested()
  slot: CoVisitSlotInput;

  @Field({ defaultValue: false, description: 'Offer it even though it overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)' })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class ReasonedCoVisitMoveArgs extends CoVisitMoveArgs {
  @Field({ description: 'Why: the other side reads it' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

@ArgsType()
export class MyCoVisitsArgs {
  @Field(() => LocalDateScalar, { description: 'First day, inclusive (China time)' })
  @Matches(DATE)
  from: string;

  @Field(() => LocalDateScalar, { description: 'Last day, inclusive; at most 62 days after from' })
  @Matches(DATE)
  to: string;
}

@InputType()
export class TeamCoVisitFilter {
  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  to?: string | null;

  @Field(() => ID, { nullable: true, description: 'The hospital’s region or a city under it' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Plans this person takes part in' })
  @IsOptional()
  @IsUUID()
  userId?: string | null;

  @Field(() => [CoVisitStatus], { nullable: true })
  @IsOptional()
  @IsEnum(CoVisitStatus, { each: true })
  statuses?: CoVisitStatus[] | null;
}
