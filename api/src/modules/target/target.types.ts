import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { TargetStatus, TargetVersionKind } from '@medchannel/shared-schema';
import { CURRENCIES, DecimalScalar } from '../../common/money';
import { DecimalRange } from '../../common/ranges';
import { IdField, OptionalIdField, OptionalTextField, TextField } from '../../common/fields';
import { MoneyType } from '../product';

registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  description: '待确认 PROPOSED (the owner answers), 已还价 COUNTERED (the brand answers), 已确认 AGREED (locked)',
});
registerEnumType(TargetVersionKind, {
  name: 'TargetVersionKind',
  description: '品牌方提议 PROPOSAL or 经销商还价 COUNTER',
});

/** Up to 4 decimals (a usage per procedure); a share 0 < s ≤ 1 with up to 4 decimals. */
const USAGE = /^\d{1,8}(\.\d{1,4})?$/;
const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;

@ObjectType('DepartmentPotential', {
  description: 'A department’s yearly potential for a product line, one version of its assumptions',
})
export class DepartmentPotentialType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  hospitalId: string;

  @Field(() => ID)
  departmentId: string;

  @Field(() => Int)
  version: number;

  @Field(() => Int)
  beds: number;

  @Field(() => Int, { description: 'Surgeries or tests a year' })
  yearlyVolume: number;

  @Field({ description: 'Consumable units per procedure or test (up to 4 decimals)' })
  usagePerProcedure: string;

  @Field(() => Int, { description: 'One instrument serves this many beds' })
  bedsPerEquipment: number;

  @Field(() => Int, { description: 'An instrument is replaced after this many years' })
  equipmentLifeYears: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('PotentialRollup', { description: 'Yearly potential summed over hospitals, per product line' })
export class PotentialRollupType {
  @Field(() => ID)
  productLineId: string;

  @Field(() => ID, { nullable: true, description: 'The region summed (per region roll-ups)' })
  regionId: string | null;

  @Field(() => Int)
  hospitals: number;

  @Field(() => MoneyType)
  consumables: MoneyType;

  @Field(() => MoneyType)
  equipment: MoneyType;

  @Field(() => MoneyType)
  total: MoneyType;
}

@InputType({ description: 'A department’s potential assumptions for a product line: saved as its next version' })
export class SetPotentialInput {
  @IdField()
  departmentId: string;

  @IdField()
  productLineId: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100000)
  beds: number;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100000000)
  yearlyVolume: number;

  @Field()
  @IsString()
  @Matches(USAGE, { message: 'usagePerProcedure is a number with at most 4 decimals' })
  usagePerProcedure: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  consumableUnitPrice: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(100000)
  bedsPerEquipment: number;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  equipmentUnitPrice: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(30)
  equipmentLifeYears: number;

  @Field({ defaultValue: 'CNY' })
  @IsIn(CURRENCIES)
  currency: string;

  @OptionalTextField(500)
  note?: string | null;

  @OptionalIdField('Made once per edit by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@ObjectType('SalesTargetVersion', { description: 'One proposal or counter of a target, yearly and per quarter' })
export class SalesTargetVersionType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  number: number;

  @Field(() => TargetVersionKind)
  kind: TargetVersionKind;

  @Field(() => String, { nullable: true, description: 'The expected share of the potential (0–1)' })
  share: string | null;

  @Field(() => String, { nullable: true, description: 'Why the owner counters' })
  reason: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('SalesTarget', { description: '目标: a distributor’s target for a product line and a year' })
export class SalesTargetType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  distributorId: string;

  @Field(() => ID)
  productLineId: string;

  @Field(() => Int)
  year: number;

  @Field(() => TargetStatus)
  status: TargetStatus;

  @Field(() => Date, { nullable: true })
  agreedAt: Date | null;

  @Field(() => Int)
  version: number;
}

@ObjectType('MonthAmount', { description: 'Sell-in of one month (YYYY-MM)' })
export class MonthAmountType {
  @Field()
  month: string;

  @Field(() => MoneyType)
  amount: MoneyType;
}

@ObjectType('TargetMonth', {
  description: 'One month of a target’s year: sell-in, sell-out where reported, and sell-in to date against the target',
})
export class TargetMonthType {
  @Field({ description: 'YYYY-MM' })
  month: string;

  @Field(() => MoneyType, { description: 'Orders approved and later, submitted in the month (China time)' })
  sellIn: MoneyType;

  @Field(() => MoneyType, {
    nullable: true,
    description:
      'Sell-out (流向) of the line in the month at the distributor’s tier price on each line’s day; null: not reported',
  })
  sellOut: MoneyType | null;

  @Field(() => MoneyType, { description: 'Sell-in from January to this month' })
  cumulative: MoneyType;

  @Field({ description: 'Cumulative ÷ the yearly target, a percentage with one decimal ("0.0" when no target)' })
  attainment: string;
}

@ObjectType('TargetProgress', { description: 'Sell-in (approved orders and later) against the target, by month' })
export class TargetProgressType {
  /** the target the progress is of (not a field: the series resolver loads by it) */
  targetId: string;

  /** the current yearly amount */
  yearly: string;

  currency: string;

  @Field(() => [MonthAmountType])
  months: MonthAmountType[];

  @Field(() => MoneyType)
  total: MoneyType;

  @Field({ description: 'Total ÷ the yearly target, as a percentage with one decimal ("0.0" when no target)' })
  attainment: string;
}

@InputType()
export class TargetFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

@InputType({ description: 'A proposal: potential × share, or an amount set by hand; quarters split evenly' })
export class ProposeTargetInput {
  @IdField()
  distributorId: string;

  @IdField()
  productLineId: string;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field()
  @IsString()
  @Matches(SHARE, { message: 'share is a fraction above 0 and at most 1, with at most 4 decimals' })
  share: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Left out: the potential × share' })
  @IsOptional()
  @DecimalRange('0', '9999999999.99')
  yearlyAmount?: string | null;

  @Field(() => Int, { nullable: true, description: 'The target’s version seen (a proposal again after a counter)' })
  @IsOptional()
  @IsInt()
  expectedVersion?: number | null;

  @IdField('Made once per proposal or counter by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType({ description: 'The owner’s counter: the amounts per quarter he accepts, and why' })
export class CounterTargetInput {
  @Field(() => Int)
  @IsInt()
  expectedVersion: number;

  @Field(() => [DecimalScalar], { description: 'Q1 to Q4; the yearly target is their sum' })
  @ArrayMinSize(4)
  @ArrayMaxSize(4)
  @DecimalRange('0', '9999999999.99', { each: true })
  quarters: string[];

  @TextField(1, 500)
  reason: string;

  @IdField('Made once per proposal or counter by the client: a retry with it returns the first result')
  idempotencyKey: string;
}
