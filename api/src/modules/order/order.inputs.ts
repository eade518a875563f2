import { ArgsType, Field, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, OrderKind, OrderSort, OrderStatus } from '@medchannel/shared-schema';
import {
  IdField,
  OptionalIdField,
  TextField,
  OptionalTextField,
  OptionalDateField,
  ExpectedVersionField,
} from '../../common/fields';

/** What clients send about orders: drafts, filters, desk moves and shipments (validated before any service runs). */

@InputType()
export class OrderLineInput {
  @IdField()
  productId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

@InputType({ description: 'An order as drafted: what to review, and what placeOrder places' })
export class OrderDraftInput {
  @OptionalIdField('Defaults to the viewer’s own distributor')
  distributorId?: string | null;

  @Field(() => OrderKind)
  @IsEnum(OrderKind)
  kind: OrderKind;

  @OptionalIdField('Required for a HOSPITAL order; none for STOCK')
  hospitalId?: string | null;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];

  @OptionalTextField(500)
  note?: string | null;
}

@InputType()
export class PlaceOrderInput extends OrderDraftInput {
  @IdField('Made once per order by the client: a retry with it returns the first result')
  idempotencyKey: string;
}

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus, { each: true })
  statuses?: OrderStatus[] | null;

  @OptionalIdField()
  distributorId?: string | null;

  @OptionalIdField('The distributor’s region or a city under it')
  regionId?: string | null;

  @OptionalIdField()
  hospitalId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only orders submitted at least this many days ago' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number | null;

  @OptionalTextField(100, 'Order number, hospital or distributor name')
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'Only orders submitted in this month (YYYY-MM, China time)' })
  @IsOptional()
  @Matches(/^(20\d\d)-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string | null;

  @Field(() => OrderSort, { nullable: true, description: 'Newest first unless asked otherwise' })
  @IsOptional()
  @IsEnum(OrderSort)
  sort?: OrderSort | null;
}

@ArgsType()
export class CatalogArgs {
  @OptionalIdField('Defaults to the viewer’s own distributor')
  distributorId?: string | null;

  @OptionalIdField('Only what may be sold to this hospital')
  hospitalId?: string | null;

  @OptionalTextField(100, 'Name, code or UDI-DI')
  search?: string | null;

  @OptionalIdField()
  productLineId?: string | null;
}

@ArgsType()
export class OrderTransitionArgs {
  @IdField()
  id: string;

  @ExpectedVersionField('The version the user saw')
  expectedVersion: number;

  @OptionalTextField(500, 'Required when the brand cancels; the distributor may leave it out')
  reason?: string | null;
}

/** A move that must say why (rejecting): the same arguments, with the reason required. */
@ArgsType()
export class ReasonedTransitionArgs extends OrderTransitionArgs {
  @TextField(2, 500, 'Why: the distributor reads it')
  declare reason: string;
}

@InputType()
export class AdjustOrderLinePriceInput {
  @IdField()
  orderId: string;

  @IdField()
  lineId: string;

  @Field(() => String, { description: 'The new unit price, a decimal such as "1180.00"' })
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'A price is a decimal such as "1180.00"' })
  unitPrice: string;

  @TextField(2, 500)
  reason: string;

  @ExpectedVersionField()
  expectedVersion: number;
}

@InputType()
export class ShipmentItemInput {
  @IdField()
  orderLineId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @OptionalTextField(64)
  batchNo?: string | null;

  @OptionalTextField(64, 'One unit per serial number: quantity must be 1')
  serialNo?: string | null;

  @OptionalTextField(120)
  udiPi?: string | null;

  @OptionalDateField()
  expiryDate?: string | null;
}

@InputType()
export class RecordShipmentInput {
  @IdField()
  orderId: string;

  @IdField('Made once per shipment by the client: a retry returns the first result')
  idempotencyKey: string;

  @OptionalDateField('Defaults to today')
  shippedOn?: string | null;

  @OptionalTextField(100)
  carrier?: string | null;

  @OptionalTextField(100)
  trackingNo?: string | null;

  @Field(() => [ShipmentItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  items: ShipmentItemInput[];
}

@ArgsType()
export class ReverseShipmentArgs {
  @IdField()
  shipmentId: string;

  @TextField(2, 500)
  reason: string;
}
