import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OrderKind, OrderSort, OrderStatus } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { MoneyType, ProductType } from '../product';
import { ComplianceFindingType } from '../compliance';
import { CertificationNeedType } from '../training';

registerEnumType(OrderStatus, { name: 'OrderStatus' });
registerEnumType(OrderKind, { name: 'OrderKind' });
registerEnumType(OrderSort, { name: 'OrderSort' });

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
class CatalogItemType {
  @Field(() => ProductType)
  product: unknown;

  @Field(() => MoneyType)
  unitPrice: MoneyType;

  @Field(() => CertificationNeedType, {
    nullable: true,
    description: 'The viewer needs a certificate to order it: the course to take',
  })
  certification: CertificationNeedType | null;
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

  @Field(() => CertificationNeedType, {
    nullable: true,
    description: 'The product needs a certified person and the viewer is not (yet): the course to take',
  })
  certification: CertificationNeedType | null;
}

@ObjectType('OrderReview', { description: 'What placing this order would do, checked before it is placed' })
export class OrderReviewType {
  @Field(() => [OrderReviewLineType])
  lines: OrderReviewLineType[];

  @Field(() => MoneyType)
  total: MoneyType;

  @Field(() => CreditStatusType, {
    nullable: true,
    description: 'The account’s figures: for brand staff and the owner, not for reps',
  })
  credit: CreditStatusType | null;

  @Field({ description: 'The order fits in the available credit' })
  withinCredit: boolean;

  @Field({ description: 'Every line compliant and within credit: placing it will succeed unless something changes' })
  allowed: boolean;
}
