import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { MoneyType, ProductType } from '../product/product.types';
import { ComplianceFindingType } from '../compliance/compliance.types';

registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(OrderKind, { name: 'OrderKind' });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 100_000;

@ObjectType('Order')
export class OrderType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human-readable order number, e.g. SO2026112700000042' })
  number: string;

  @Field(() => OrderKind)
  kind: OrderKind;

  @Field(() => OrderStatus)
  status: OrderStatus;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  submittedAt: Date;

  @Field(() => Int)
  version: number;
}

@ObjectType('OrderLine')
export class OrderLineType {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  lineNo: number;

  @Field(() => Int)
  quantity: number;
}

@ObjectType('OrderPriceAdjustment', { description: 'A price change on a confirmed line, with who and why' })
export class OrderPriceAdjustmentType {
  @Field(() => ID)
  id: string;

  @Field()
  reason: string;

  @Field()
  createdAt: Date;
}

@ObjectType('OrderEvent', { description: 'One step of the order’s timeline' })
export class OrderEventType {
  @Field(() => ID)
  id: string;

  @Field({ description: 'PLACE, APPROVE, REJECT, CANCEL, SHIP, REVERSE_SHIPMENT, ADJUST_PRICE, DELIVER, CLOSE' })
  action: string;

  @Field(() => OrderStatus, { nullable: true })
  fromStatus: OrderStatus | null;

  @Field(() => OrderStatus)
  toStatus: OrderStatus;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('Shipment')
export class ShipmentType {
  @Field(() => ID)
  id: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  shippedOn: string;

  @Field(() => String, { nullable: true })
  carrier: string | null;

  @Field(() => String, { nullable: true })
  trackingNo: string | null;

  @Field(() => ID, { nullable: true, description: 'Set on a reversal: the shipment it takes back' })
  reversesId: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field()
  createdAt: Date;
}

@ObjectType('ShipmentItem')
export class ShipmentItemType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  orderLineId: string;

  @Field(() => Int, { description: 'Negative on a reversal' })
  quantity: number;

  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field(() => String, { nullable: true, description: 'UDI production identifier (batch, serial, dates as printed)' })
  udiPi: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expiryDate: string | null;
}

@ObjectType('OrderConnection')
export class OrderConnection extends Connection(OrderType) {}

@ObjectType('CatalogItem', { description: 'A product the distributor may sell now, at its tier price' })
export class CatalogItemType {
  @Field(() => ProductType)
  product: unknown;

  @Field(() => MoneyType)
  unitPrice: MoneyType;
}

@ObjectType('CatalogConnection')
export class CatalogConnection extends Connection(CatalogItemType) {}

@ObjectType('CreditStatus', { description: 'Credit limit − (open orders + outstanding receivables) = available' })
export class CreditStatusType {
  @Field(() => MoneyType)
  limit: MoneyType;

  @Field(() => MoneyType, { description: 'Placed, approved or partly shipped orders not yet shipped' })
  openOrders: MoneyType;

  @Field(() => MoneyType)
  receivables: MoneyType;

  @Field(() => MoneyType)
  available: MoneyType;
}

@ObjectType('OrderReviewLine')
export class OrderReviewLineType {
  @Field(() => Int)
  lineNo: number;

  @Field(() => ProductType)
  product: unknown;

  @Field(() => Int)
  quantity: number;

  @Field(() => MoneyType)
  unitPrice: MoneyType;

  @Field(() => MoneyType)
  amount: MoneyType;

  @Field(() => [ComplianceFindingType], { description: 'Why this line may not be sold; empty when it may' })
  findings: ComplianceFindingType[];
}

@ObjectType('OrderReview', { description: 'What placing this order would do, checked before it is placed' })
export class OrderReviewType {
  @Field(() => [OrderReviewLineType])
  lines: OrderReviewLineType[];

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => CreditStatusType, { nullable: true, description: 'The account’s figures: for brand staff and the owner, not for reps' })
  credit: CreditStatusType | null;

  @Field({ description: 'The order fits in the available credit' })
  withinCredit: boolean;

  @Field({ description: 'Every line compliant and within credit: placing it will succeed unless something changes' })
  allowed: boolean;
}

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string | null;
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
