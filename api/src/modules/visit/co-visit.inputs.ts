import { ArgsType, Field, ID, InputType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { CoVisitStatus, MAX_CO_VISIT_SLOTS, MAX_VISIT_CC, MAX_VISIT_ITEMS } from '@medchannel/shared-schema';
import { MomentWithin } from '../../common/ranges';
import {
  IdField,
  OptionalIdField,
  TextField,
  DateField,
  OptionalDateField,
  ExpectedVersionField,
} from '../../common/fields';

/** What clients send about co-visit plans (validated before any service runs). */

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
  @OptionalIdField('Required from the brand side; a partner proposes for its own distributor')
  distributorId?: string | null;

  @IdField()
  hospitalId: string;

  @OptionalIdField()
  departmentId?: string | null;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  contactIds: string[];

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(MAX_VISIT_ITEMS)
  @IsUUID('all', { each: true })
  productIds: string[];

  @TextField(2, 500)
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

  @IdField('Made once per plan by the client: a retry with it returns the first result')
  idempotencyKey: string;

  @Field({
    defaultValue: false,
    description:
      'Propose even though a time overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)',
  })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class CoVisitMoveArgs {
  @IdField()
  id: string;

  @ExpectedVersionField('The version the user saw')
  expectedVersion: number;
}

@ArgsType()
export class AcceptCoVisitSlotArgs extends CoVisitMoveArgs {
  @IdField('A slot the other side offered')
  slotId: string;

  @Field({
    defaultValue: false,
    description:
      'Accept even though the time overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)',
  })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class ProposeCoVisitSlotArgs extends CoVisitMoveArgs {
  @Field(() => CoVisitSlotInput)
  @ValidateNested()
  slot: CoVisitSlotInput;

  @Field({
    defaultValue: false,
    description:
      'Offer it even though it overlaps a participant’s confirmed co-visit (after the SCHEDULE_OVERLAP warning)',
  })
  @IsBoolean()
  confirmOverlap: boolean;
}

@ArgsType()
export class ReasonedCoVisitMoveArgs extends CoVisitMoveArgs {
  @TextField(2, 500, 'Why: the other side reads it')
  reason: string;
}

@ArgsType()
export class MyCoVisitsArgs {
  @DateField('First day, inclusive (China time)')
  from: string;

  @DateField('Last day, inclusive; at most 62 days after from')
  to: string;
}

@InputType()
export class TeamCoVisitFilter {
  @OptionalDateField()
  from?: string | null;

  @OptionalDateField()
  to?: string | null;

  @OptionalIdField('The hospital’s region or a city under it')
  regionId?: string | null;

  @OptionalIdField('Plans this person takes part in')
  userId?: string | null;

  @Field(() => [CoVisitStatus], { nullable: true })
  @IsOptional()
  @IsEnum(CoVisitStatus, { each: true })
  statuses?: CoVisitStatus[] | null;
}
