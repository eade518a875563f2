import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { MAX_LINE_QUANTITY, MAX_ORDER_LINES, OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { LocalDateScalar } from '../../common/dates';

/** What clients send about orders: drafts, filters, desk moves and shipments (validated before any service runs). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  @IsUUID()
  productId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;
}

@InputType({ description: 'An order as drafted: what to review, and what placeOrder places' })
export class OrderDraftInput {
  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer’s own distributor' })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => OrderKind)
  @IsEnum(OrderKind)
  kind: OrderKind;

  @Field(() => ID, { nullable: true, description: 'Required for a HOSPITAL order; none for STOCK' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @Field(() => [OrderLineInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ORDER_LINES)
  @ValidateNested({ each: true })
  lines: OrderLineInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@InputType()
export class PlaceOrderInput extends OrderDraftInput {
  @Field(() => ID, { description: 'Made once per order by the client: a retry with it returns the first result' })
  @IsUUID()
  idempotencyKey: string;
}

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true })
  @IsOptional()
  @IsEnum(OrderStatus, { each: true })
  statuses?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The distributor’s region or a city under it' })
  @IsOptional()
  @IsUUID()
  regionId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only orders submitted at least this many days ago' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minAgeDays?: number | null;

  @Field(() => String, { nullable: true, description: 'Order number, hospital or distributor name' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;
}

@ArgsType()
export class CatalogArgs {
  @Field(() => ID, { nullable: true, description: 'Defaults to the viewer’s own distributor' })
  @IsOptional()
  @IsUUID()
  distributorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only what may be sold to this hospital' })
  @IsOptional()
  @IsUUID()
  hospitalId?: string | null;

  @Field(() => String, { nullable: true, description: 'Name, code or UDI-DI' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  productLineId?: string | null;
}

@ArgsType()
export class OrderTransitionArgs {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => Int, { description: 'The version the user saw' })
  @IsInt()
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Required when the brand cancels; the distributor may leave it out' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
}

/** A move that must say why (rejecting): the same arguments, with the reason required. */
@ArgsType()
export class ReasonedTransitionArgs extends OrderTransitionArgs {
  @Field({ description: 'Why: the distributor reads it' })
  @IsString()
  @Length(2, 500)
  declare reason: string;
}

@InputType()
export class AdjustOrderLinePriceInput {
  @Field(() => ID)
  @IsUUID()
  orderId: string;

  @Field(() => ID)
  @IsUUID()
  lineId: string;

  @Field(() => String, { description: 'The new unit price, a decimal such as "1180.00"' })
  @Matches(/^\d{1,16}(\.\d{1,2})?$/, { message: 'A price is a decimal such as "1180.00"' })
  unitPrice: string;

  @Field()
  @IsString()
  @Length(2, 500)
  reason: string;

  @Field(() => Int)
  @IsInt()
  expectedVersion: number;
}

@InputType()
export class ShipmentItemInput {
  @Field(() => ID)
  @IsUUID()
  orderLineId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_LINE_QUANTITY)
  quantity: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  batchNo?: string | null;

  @Field(() => String, { nullable: true, description: 'One unit per serial number: quantity must be 1' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  serialNo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  udiPi?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @IsOptional()
  @Matches(DATE)
  expiryDate?: string | null;
}

@InputType()
export class RecordShipmentInput {
  @Field(() => ID)
  @IsUUID()
  orderId: string;

  @Field(() => ID, { description: 'Made once per shipment by the client: a retry returns the first result' })
  @IsUUID()
  idempotencyKey: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Defaults to today' })
  @IsOptional()
  @Matches(DATE)
  shippedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  carrier?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  trackingNo?: string | null;

  @Field(() => [ShipmentItemInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  items: ShipmentItemInput[];
}

@ArgsType()
export class ReverseShipmentArgs {
  @Field(() => ID)
  @IsUUID()
  shipmentId: string;

  @Field()
  @IsString()
  @Length(2, 500)
  reason: string;
}
