import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { StockMovementKind } from '@medchannel/shared-schema';

/**
 * One movement of a distributor's stock of one lot (product, batch, serial): a fact, never changed.
 * `quantity` is signed (in: positive, out: negative). A wrong movement is corrected by a REVERSAL.
 * An empty batch or serial is '' (so a lot is a plain key), shown as none.
 */
@Entity('stock_movement')
export class StockMovement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ name: 'expiry_date', type: 'date', nullable: true })
  expiryDate: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: StockMovementKind;

  @Column({ type: 'integer' })
  quantity: number;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;

  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId: string | null;

  /** A transfer's other distributor (the second tier, or the first tier it came from) */
  @Column({ name: 'counterpart_id', type: 'uuid', nullable: true })
  counterpartId: string | null;

  @Column({ name: 'shipment_item_id', type: 'uuid', nullable: true })
  shipmentItemId: string | null;

  /** A TRANSFER_IN's TRANSFER_OUT */
  @Column({ name: 'pair_id', type: 'uuid', nullable: true })
  pairId: string | null;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason: string | null;

  /** SOLD_OUT: the price per unit the distributor reported selling at (exact, with its currency), if it did */
  @Column({ name: 'unit_price', type: 'numeric', precision: 18, scale: 2, nullable: true })
  unitPrice: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true, select: false })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false })
  requestHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** Today's stock of one lot at one distributor: the sum of its movements, kept with them. */
@Entity('stock_balance')
export class StockBalance {
  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @PrimaryColumn({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @PrimaryColumn({ name: 'product_id', type: 'uuid' })
  productId: string;

  @PrimaryColumn({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  @PrimaryColumn({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ name: 'expiry_date', type: 'date', nullable: true })
  expiryDate: string | null;

  @Column({ type: 'integer' })
  quantity: number;
}
