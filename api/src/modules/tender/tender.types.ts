import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { MAX_ORDER_LINES, TenderQuoteStatus, TenderStatus } from '@medchannel/shared-schema';
import { CURRENCIES, DecimalScalar } from '../../common/money';
import { DecimalRange } from '../../common/ranges';
import { LocalDateScalar } from '../../common/dates';
import { Connection } from '../../common/pagination';
import { OrderLineInput } from '../order';
import {
  DateField,
  ExpectedVersionField,
  IdField,
  OptionalIdField,
  OptionalTextField,
  TextField,
} from '../../common/fields';

registerEnumType(TenderStatus, {
  name: 'TenderStatus',
  description: '准备中 OPEN → 已投标 SUBMITTED → 中标 WON or 未中标 LOST',
});
registerEnumType(TenderQuoteStatus, {
  name: 'TenderQuoteStatus',
  description: '待审批 PENDING_APPROVAL (below the floor), 可用 USABLE, 已驳回 REJECTED',
});

@ObjectType('Tender', { description: '招标: a tender an opportunity is bid in' })
export class TenderType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field()
  purchaser: string;

  @Field(() => LocalDateScalar, { description: 'The last day to register' })
  registrationDeadline: string;

  @Field()
  bidOpeningAt: Date;

  @Field(() => TenderStatus)
  status: TenderStatus;

  @Field(() => String, { nullable: true })
  winner: string | null;

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;
}

@ObjectType('TenderQuote', { description: '投标报价: the price bid for one product of a tender' })
export class TenderQuoteType {
  @Field(() => ID)
  id: string;

  @Field(() => TenderQuoteStatus)
  status: TenderQuoteStatus;

  @Field(() => String, { nullable: true, description: 'Why a price below the floor is asked for' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The approver’s reason' })
  decisionNote: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType('TenderProduct', { description: 'A product the tender may quote, with the floor price in force today' })
export class TenderProductType {
  @Field(() => ID)
  productId: string;
}

@ObjectType('FloorPrice', { description: 'A product’s floor price (底价) from a date' })
export class FloorPriceType {
  @Field(() => ID)
  id: string;

  @Field(() => LocalDateScalar)
  effectiveFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  effectiveTo: string | null;
}

@ObjectType()
export class TenderQuoteConnection extends Connection(TenderQuoteType) {}

@InputType()
export class CreateTenderInput {
  @IdField()
  opportunityId: string;

  @TextField(1, 64, 'The tender’s number (招标编号)')
  number: string;

  @TextField(1, 200, 'Who buys (采购人)')
  purchaser: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  budget: string;

  @Field(() => String, { defaultValue: 'CNY' })
  @IsIn(CURRENCIES)
  currency: string;

  @DateField('The last day to register')
  registrationDeadline: string;

  @Field()
  bidOpeningAt: Date;

  @OptionalIdField('Made once per tender by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType()
export class AddTenderQuoteInput {
  @IdField()
  tenderId: string;

  @IdField('A product of the opportunity’s line')
  productId: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  price: string;

  @Field(() => String, { defaultValue: 'CNY' })
  @IsIn(CURRENCIES)
  currency: string;

  @OptionalTextField(500, 'Why, when the price is below the floor (required then)')
  reason?: string | null;

  @OptionalIdField('Made once per quote by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@InputType()
export class TenderResultInput {
  @ExpectedVersionField()
  expectedVersion: number;

  @Field({ description: 'Won (the opportunity is won with it) or lost' })
  @IsBoolean()
  won: boolean;

  @TextField(1, 200, 'Who won the tender (the own distributor when won)')
  winner: string;

  @Field(() => DecimalScalar, { nullable: true })
  @IsOptional()
  @DecimalRange('0', '9999999999.99')
  winningPrice?: string | null;
}

@ArgsType()
export class DecideQuoteArgs {
  @IdField('The quote')
  id: string;

  @TextField(1, 500, 'Why (kept with the decision)')
  reason: string;
}

@InputType()
export class SetFloorPriceInput {
  @IdField()
  productId: string;

  @Field(() => DecimalScalar)
  @DecimalRange('0', '9999999999.99')
  price: string;

  @DateField()
  effectiveFrom: string;
}

@InputType({ description: 'The order a won tender becomes: quantities of its quoted products, at the quoted prices' })
export class PlaceTenderOrderInput {
  @IdField('A won tender')
  tenderId: string;

  @Field(() => [OrderLineInput], { description: 'Each a product the tender quoted (usable)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];

  @OptionalTextField(500)
  note?: string | null;

  @IdField('Made once per order by the client: a retry with it returns the first result')
  idempotencyKey: string;
}
