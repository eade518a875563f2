import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

/**
 * 发货. A fact once written: a wrong shipment is corrected by a reversal (a shipment with
 * `reversesId` and negated quantities), never by editing.
 */
@Entity('shipment')
export class Shipment extends TenantEntity {
  @Column({ name: 'order_id', type: 'uuid' })
  orderId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ type: 'varchar', length: 32 })
  number: string;

  @Column({ name: 'shipped_on', type: 'date' })
  shippedOn: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  carrier: string | null;

  @Column({ name: 'tracking_no', type: 'varchar', length: 100, nullable: true })
  trackingNo: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 2 })
  amount: string;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  @Column({ name: 'idempotency_key', type: 'uuid' })
  idempotencyKey: string;

  @Column({ name: 'request_hash', type: 'char', length: 64 })
  requestHash: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;
}

/** One line's part of a shipment: a quantity of one batch, or one serial-numbered unit. */
@Entity('shipment_item')
export class ShipmentItem extends TenantEntity {
  @Column({ name: 'shipment_id', type: 'uuid' })
  shipmentId: string;

  @Column({ name: 'order_line_id', type: 'uuid' })
  orderLineId: string;

  /** Position within the shipment, as entered */
  @Column({ name: 'item_no', type: 'smallint' })
  itemNo: number;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'batch_no', type: 'varchar', length: 64, nullable: true })
  batchNo: string | null;

  @Column({ name: 'serial_no', type: 'varchar', length: 64, nullable: true })
  serialNo: string | null;

  @Column({ name: 'udi_pi', type: 'varchar', length: 120, nullable: true })
  udiPi: string | null;

  @Column({ name: 'expiry_date', type: 'date', nullable: true })
  expiryDate: string | null;
}
