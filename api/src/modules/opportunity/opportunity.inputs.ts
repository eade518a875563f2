import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  MAX_OPPORTUNITY_PRODUCTS,
  MAX_PROTECTION_DAYS,
  MIN_PROTECTION_DAYS,
  OpportunityStage,
} from '@medchannel/shared-schema';
import { DecimalRange } from '../../common/ranges';
import { CURRENCIES, DecimalScalar } from '../../common/money';
import { ExpectedVersionField, IdField, OptionalIdField, OptionalTextField, TextField } from '../../common/fields';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** An opportunity as captured on a phone or in the console: where, what for, how much, when. */
@InputType()
export class CreateOpportunityInput {
  @IdField()
  hospitalId: string;

  @IdField('One of the hospital’s departments')
  departmentId: string;

  @IdField()
  productLineId: string;

  @Field(() => [ID], { defaultValue: [], description: 'Products of the line, when the need names them' })
  @ArrayMaxSize(MAX_OPPORTUNITY_PRODUCTS)
  @IsUUID('all', { each: true })
  productIds: string[];

  @TextField(2, 500)
  need: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  estimatedValue: string;

  @Field(() => String, { defaultValue: 'CNY' })
  @IsIn(CURRENCIES)
  currency: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM' })
  @IsOptional()
  @Matches(MONTH)
  expectedMonth?: string | null;

  @OptionalTextField(200)
  competitor?: string | null;

  @OptionalIdField('The distributor working it (brand users; a partner’s is always their own)')
  distributorId?: string | null;

  @OptionalIdField('Made once per opportunity by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType()
export class MoveOpportunityInput {
  @Field(() => OpportunityStage)
  @IsEnum(OpportunityStage)
  stage: OpportunityStage;

  @ExpectedVersionField()
  expectedVersion: number;

  @OptionalTextField(500, 'Why; required when the deal is lost')
  note?: string | null;

  @OptionalTextField(200, 'Whom a lost deal went to, when known')
  lostTo?: string | null;
}

@ArgsType()
export class RejectRegistrationArgs {
  @IdField('The registration')
  id: string;

  @TextField(2, 500)
  reason: string;
}

@InputType()
export class ProtectionDaysInput {
  @Field(() => Int)
  @IsInt()
  @Min(MIN_PROTECTION_DAYS)
  @Max(MAX_PROTECTION_DAYS)
  days: number;
}
