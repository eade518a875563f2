import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsEnum, IsIn, IsInt, IsOptional, Max, Min, NotEquals } from 'class-validator';
import { RECORDED_MOVEMENT_KINDS, StockMovementKind } from '@medchannel/shared-schema';
import {
  DateField,
  IdField,
  OptionalBooleanField,
  OptionalDateField,
  OptionalIdField,
  OptionalTextField,
  TextField,
} from '../../common/fields';
import { CURRENCIES, DecimalScalar } from '../../common/money';

@InputType({ description: 'A movement a distributor’s people record: a sell-out, a transfer, a return, an adjustment' })
export class RecordStockMovementInput {
  @Field(() => StockMovementKind, { description: 'SOLD_OUT, TRANSFER_OUT, RETURNED or ADJUSTED' })
  @IsIn(RECORDED_MOVEMENT_KINDS)
  kind: StockMovementKind;

  @OptionalIdField('Whose stock (default: the viewer’s own distributor; an owner may name a second tier)')
  distributorId?: string | null;

  @IdField()
  productId: string;

  @OptionalTextField(64)
  batchNo?: string | null;

  @OptionalTextField(64)
  serialNo?: string | null;

  @OptionalDateField('The lot’s expiry, when goods come back that the stock no longer holds')
  expiryDate?: string | null;

  @Field(() => Int, { description: 'Units, more than 0; an adjustment is signed (not 0)' })
  @IsInt()
  @Min(-100000)
  @Max(100000)
  @NotEquals(0)
  quantity: number;

  @DateField('The day it happened (not in the future)')
  occurredOn: string;

  @OptionalIdField('SOLD_OUT, RETURNED: the hospital')
  hospitalId?: string | null;

  @OptionalIdField('SOLD_OUT: the hospital’s department (required); RETURNED: optional')
  departmentId?: string | null;

  @OptionalIdField('TRANSFER_OUT: the second tier (or the first tier above)')
  toDistributorId?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'SOLD_OUT: the price per unit sold at (单价), if known' })
  @IsOptional()
  unitPrice?: string | null;

  @Field(() => String, { nullable: true, description: 'The unit price’s currency (default: the product’s)' })
  @IsOptional()
  @IsIn(CURRENCIES)
  currency?: string | null;

  @OptionalTextField(500, 'ADJUSTED: why (required)')
  reason?: string | null;

  @OptionalIdField('Made once per movement by the client: a retry with it returns the first result')
  idempotencyKey?: string | null;
}

@ArgsType()
export class ReverseStockMovementArgs {
  @IdField('The movement to reverse')
  id: string;

  @TextField(1, 500, 'Why')
  reason: string;
}

@InputType()
export class StockFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  productId?: string | null;

  @OptionalTextField(64, 'Batch or serial starts with')
  lot?: string | null;

  @OptionalBooleanField('Only lots expiring within the near-expiry window (or expired)')
  nearExpiry?: boolean | null;

  @OptionalDateField('Stock on hand at the end of this day (default: now)')
  asOf?: string | null;
}

@InputType()
export class StockMovementFilter {
  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField()
  productId?: string | null;

  @Field(() => StockMovementKind, { nullable: true })
  @IsOptional()
  @IsEnum(StockMovementKind)
  kind?: StockMovementKind | null;

  @OptionalDateField()
  from?: string | null;

  @OptionalDateField()
  to?: string | null;
}

@InputType({ description: 'Sell-out (流向) by hospital, department and product' })
export class SellOutFilter {
  @OptionalIdField('Hospitals in this region (a province: its cities too)')
  regionId?: string | null;

  @OptionalIdField()
  hospitalId?: string | null;

  @OptionalIdField()
  productId?: string | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalDateField()
  from?: string | null;

  @OptionalDateField()
  to?: string | null;
}
