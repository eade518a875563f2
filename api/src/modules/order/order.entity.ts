import { Column, Entity, VersionColumn } from 'typeorm';
import { OrderKind, OrderStatus } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';

/** 订单. `order` is an SQL keyword, hence the table name. */
@Entity('purchase_order')
export class Order extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrderKind;

  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;

  @Column({ name: 'placed_by', type: 'uuid' })
  placedBy: string;

  @Column({ type: 'varchar', length: 24 })
  status: OrderStatus;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** Sum of the lines at their current prices (adjustments included); kept with them in one transaction. */
  @Column({ type: 'numeric', precision: 18, scale: 2 })
  total: string;

  /** What shipments (net of reversals) have moved to the ledger; total − shippedTotal still holds credit. */
  @Column({ name: 'shipped_total', type: 'numeric', precision: 18, scale: 2 })
  shippedTotal: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt: Date;

  @VersionColumn()
  version: number;

  /** the won tender it was placed from, at the tender's quoted prices (migration TenderOrders) */
  @Column({ name: 'tender_id', type: 'uuid', nullable: true })
  tenderId: string | null;

  /** the opportunity that tender won */
  @Column({ name: 'opportunity_id', type: 'uuid', nullable: true })
  opportunityId: string | null;
}

/** A confirmed line: never edited. Its price changes only through OrderPriceAdjustment rows. */
@Entity('order_line')
export class OrderLine extends TenantEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'line_no', type: 'smallint' })
  lineNo: number;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ type: 'integer' })
  quantity: number;

  /** The price list's price when the order was placed. */
  @Column({ name: 'unit_price', type: 'numeric', precision: 18, scale: 2 })
  unitPrice: string;

  @Column({ type: 'char', length: 3 })
  currency: string;
}

@Entity('order_price_adjustment')
export class OrderPriceAdjustment extends TenantEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  @Column({ name: 'from_unit_price', type: 'numeric', precision: 18, scale: 2 })
  fromUnitPrice: string;

  @Column({ name: 'to_unit_price', type: 'numeric', precision: 18, scale: 2 })
  toUnitPrice: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;
}

/** The order's timeline: every status move (and price adjustment) with who and why. */
@Entity('order_event')
export class OrderEvent extends TenantEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ name: 'from_status', type: 'varchar', length: 24, nullable: true })
  fromStatus: OrderStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 24 })
  toStatus: OrderStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId: string;
}
