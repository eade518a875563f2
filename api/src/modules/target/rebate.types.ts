import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, Matches, ValidateNested } from 'class-validator';
import { IdField } from '../../common/fields';
import { MoneyType } from '../product';
import { SalesTarget } from './target.entity';
import { SalesTargetType } from './target.types';

@ObjectType('RebateBand', { description: 'From an attainment on, a rate on the whole quarter’s sell-in' })
export class RebateBandType {
  @Field({ description: 'The attainment (sell-in ÷ quarter target) from which the band applies, e.g. 0.8000' })
  threshold: string;

  @Field({ description: 'The rate on the quarter’s sell-in, e.g. 0.0200' })
  rate: string;
}

@InputType('RebateBandInput')
export class RebateBandInput {
  @Field()
  @IsString()
  @Matches(/^\d{1,2}(\.\d{1,4})?$/, { message: 'threshold is an attainment such as 0.8 or 1.2 (up to 4 decimals)' })
  threshold: string;

  @Field()
  @IsString()
  @Matches(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, { message: 'rate is between 0 and 1, with up to 4 decimals' })
  rate: string;
}

@ObjectType('RebatePolicy', { description: '返利政策: a product line’s bands, one version per change' })
export class RebatePolicyType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  productLineId: string;

  @Field(() => Int)
  version: number;

  @Field(() => [RebateBandType], { description: 'By threshold, lowest first' })
  bands: RebateBandType[];

  @Field()
  createdAt: Date;
}

@InputType({ description: 'A product line’s bands, as its next policy version' })
export class SetRebatePolicyInput {
  @IdField()
  productLineId: string;

  @Field(() => [RebateBandInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  bands: RebateBandInput[];

  @IdField('Made once per change by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType({ description: 'Approve an ended quarter of an agreed target' })
export class ApproveRebateInput {
  @IdField()
  targetId: string;

  @Field(() => Int)
  quarter: number;

  @IdField('Made once per approval by the client: a retry with it answers the first approval and posts nothing')
  idempotencyKey: string;
}

@ObjectType('RebateQuarter', {
  description: 'An agreed target’s quarter: sell-in against the quarter amount, the band, the rebate',
})
export class RebateQuarterType {
  @Field(() => SalesTargetType)
  target: SalesTarget;

  @Field(() => Int)
  quarter: number;

  @Field(() => MoneyType, { description: 'The agreed amount of the quarter' })
  quarterAmount: MoneyType;

  @Field(() => MoneyType, { description: 'The quarter’s sell-in of the line (the target’s progress)' })
  sellIn: MoneyType;

  @Field(() => String, { nullable: true, description: 'Sell-in ÷ quarter amount, 4 decimals rounded down' })
  attainment: string | null;

  @Field(() => RebateBandType, { nullable: true, description: 'The band reached (none: below the lowest)' })
  band: RebateBandType | null;

  @Field(() => MoneyType, { description: 'Sell-in × the band’s rate: the rebate due now' })
  rebate: MoneyType;

  @Field(() => MoneyType, { description: 'What approvals posted to the ledger so far' })
  posted: MoneyType;

  @Field(() => MoneyType, { description: 'What an approval now posts: rebate − posted' })
  pending: MoneyType;

  @Field(() => RebateBandType, { nullable: true, description: 'The next band up (none: the top is reached)' })
  nextBand: RebateBandType | null;

  @Field(() => MoneyType, { nullable: true, description: 'The sell-in still needed this quarter for the next band' })
  moreToNext: MoneyType | null;

  @Field(() => Int, { nullable: true, description: 'The policy version applied (none: the line has no policy)' })
  policyVersion: number | null;

  @Field({ description: 'Whether the quarter has ended (China time): only then is it approved' })
  ended: boolean;
}
