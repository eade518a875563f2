import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { StockMovementKind } from '@medchannel/shared-schema';
import { Connection } from '../../common/pagination';
import { LocalDateScalar } from '../../common/dates';
import { ProductType } from '../product';

registerEnumType(StockMovementKind, {
  name: 'StockMovementKind',
  description:
    '入库 RECEIVED, 销售出库 SOLD_OUT, 调出/调入 TRANSFER_OUT/IN, 医院退货 RETURNED, 调整 ADJUSTED, 冲销 REVERSAL',
});

/** The names a stock row shows, read with it in one statement. */
@ObjectType()
abstract class DistributorProductNames {
  @Field(() => ID)
  distributorId: string;

  @Field()
  distributorName: string;

  @Field(() => ID)
  productId: string;

  @Field()
  productName: string;

  @Field()
  productCode: string;
}

@ObjectType('StockLine', { description: 'A distributor’s stock of one lot (product, batch, serial) on hand' })
export class StockLineType extends DistributorProductNames {
  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expiryDate: string | null;

  @Field(() => Int)
  quantity: number;

  @Field({ description: 'Expires within the near-expiry window' })
  nearExpiry: boolean;

  @Field({ description: 'Its expiry has passed' })
  expired: boolean;
}

@ObjectType()
export class StockLineConnection extends Connection(StockLineType) {}

@ObjectType('StockMovement', { description: 'One movement of a distributor’s stock, kept as recorded' })
export class StockMovementType extends DistributorProductNames {
  @Field(() => ID)
  id: string;

  @Field(() => StockMovementKind)
  kind: StockMovementKind;

  @Field(() => Int, { description: 'Signed: in positive, out negative' })
  quantity: number;

  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expiryDate: string | null;

  @Field(() => LocalDateScalar)
  occurredOn: string;

  @Field(() => String, { nullable: true })
  hospitalName: string | null;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => String, { nullable: true, description: 'A transfer’s other distributor' })
  counterpartName: string | null;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true, description: 'The movement this one reverses' })
  reversesId: string | null;

  @Field({ description: 'A later movement reverses this one' })
  reversed: boolean;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class StockMovementConnection extends Connection(StockMovementType) {}

@ObjectType('SellOutRow', {
  description: 'Units sold out (net of returns and reversals) to one hospital department of one product',
})
export class SellOutRowType {
  @Field(() => ID)
  hospitalId: string;

  @Field()
  hospitalName: string;

  @Field(() => String, { nullable: true })
  regionName: string | null;

  @Field(() => ID, { nullable: true })
  departmentId: string | null;

  @Field(() => String, { nullable: true })
  departmentName: string | null;

  @Field(() => ID)
  productId: string;

  @Field()
  productName: string;

  @Field(() => Int)
  quantity: number;
}

@ObjectType()
export class SellOutConnection extends Connection(SellOutRowType) {}

@ObjectType('UdiScan', {
  description: 'A scanned GS1 UDI read: its fields, its product, and the viewer’s stock of the lot',
})
export class UdiScanType {
  @Field()
  gtin: string;

  @Field(() => String, { nullable: true })
  batchNo: string | null;

  @Field(() => String, { nullable: true })
  serialNo: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  expiryDate: string | null;

  @Field(() => ProductType, { nullable: true, description: 'The brand’s product with this GTIN (UDI-DI), if any' })
  product: unknown;

  @Field(() => Int, { description: 'The viewer’s distributor’s units of this lot on hand (0 for brand users)' })
  onHand: number;
}
