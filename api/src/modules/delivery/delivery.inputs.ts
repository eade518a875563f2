import { ArgsType, Field, InputType } from 'type-graphql';
import { IsEnum } from 'class-validator';
import { DeliveryFileKind, MAX_PRESALES_HOURS, PresalesKind } from '@medchannel/shared-schema';
import { DecimalRange } from '../../common/ranges';
import { DecimalScalar } from '../../common/money';
import {
  DateField,
  ExpectedVersionField,
  IdField,
  OptionalDateField,
  OptionalIdField,
  OptionalTextField,
} from '../../common/fields';

@InputType()
export class LogPresalesWorkInput {
  @IdField()
  opportunityId: string;

  @Field(() => PresalesKind)
  @IsEnum(PresalesKind)
  kind: PresalesKind;

  @DateField()
  workDate: string;

  @Field(() => DecimalScalar, { description: 'More than 0, at most 24' })
  @DecimalRange('0.01', MAX_PRESALES_HOURS)
  hours: string;

  @OptionalTextField(500)
  note?: string | null;

  @OptionalIdField('Made once per entry by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReversePresalesArgs {
  @IdField('The entry to reverse')
  id: string;

  @OptionalTextField(500, 'Why')
  note?: string | null;
}

@InputType()
export class CreateDeliveryProjectInput {
  @IdField('A won opportunity')
  opportunityId: string;

  @IdField('The engineer in charge')
  engineerId: string;

  @OptionalIdField('Made once per project by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@ArgsType()
export class AssignDeliveryEngineerArgs {
  @IdField('The project')
  id: string;

  @IdField('The engineer in charge')
  engineerId: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class PlanMilestoneInput {
  @IdField()
  milestoneId: string;

  @OptionalDateField()
  plannedDate?: string | null;

  @OptionalTextField(500)
  note?: string | null;
}

@InputType()
export class CompleteMilestoneInput {
  @IdField()
  milestoneId: string;

  @DateField('The day it was done (not in the future)')
  doneDate: string;

  @OptionalTextField(500)
  note?: string | null;
}

export const isDeliveryFileKind = (v: unknown): v is DeliveryFileKind =>
  Object.values(DeliveryFileKind).includes(v as DeliveryFileKind);
