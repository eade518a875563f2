import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RecallSeverity, RecallStatus } from '@medchannel/shared-schema';

/** A recall of a product's batch or serial (召回). Its reach lives in recall_distributor and recall_hospital. */
@Entity('recall')
export class Recall {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  /** '' when the recall names a serial only */
  @Column({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  /** '' when the recall names a whole batch */
  @Column({ name: 'serial_no', type: 'varchar', length: 64 })
  serialNo: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 16 })
  severity: RecallSeverity;

  @Column({ type: 'varchar', length: 2000 })
  instructions: string;

  @Column({ type: 'varchar', length: 8 })
  status: RecallStatus;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'closed_by', type: 'uuid', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'request_key', type: 'varchar', length: 64, nullable: true, select: false })
  requestKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false })
  requestHash: string | null;
}
