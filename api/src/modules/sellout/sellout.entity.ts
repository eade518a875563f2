import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SelloutFindingKind, SelloutUploadKind } from '@medchannel/shared-schema';
import { TenantEntity } from '../../common/base.entity';
import type { Candidate } from './hospital-match';
import type { RowProblem } from './sellout-file';

/** A row of an upload as the preview read it: the file's text, what it was matched to, what was chosen. */
export interface UploadRow {
  row: number;
  hospitalText: string;
  departmentText: string;
  productText: string;
  productId: string | null;
  batchNo: string;
  quantity: number | null;
  occurredOn: string | null;
  /** the unit price's cell as written (absent in uploads read before prices were) */
  priceText?: string;
  /** the price per unit sold at, exact, and its currency (the cell's, else the product's); null: none or unreadable */
  unitPrice?: string | null;
  currency?: string | null;
  /** the master's closest hospitals, best first */
  candidates: Candidate[];
  /** the hospital the row is written to: the best candidate when it scores high enough, else the user's choice */
  hospitalId: string | null;
  departmentId: string | null;
  /** no authorization of the distributor covers the product at the hospital on the day (窜货) */
  crossTerritory: boolean;
}

/** A distributor's monthly file (流向 or stock on hand): previewed, then committed once. */
@Entity('sellout_upload')
export class SelloutUpload extends TenantEntity {
  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 16 })
  kind: SelloutUploadKind;

  /** YYYY-MM */
  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  /** sha256 of the file's bytes: the same file for the same distributor, month and kind is committed once */
  @Column({ name: 'content_hash', type: 'char', length: 64 })
  contentHash: string;

  @Column({ type: 'varchar', length: 16 })
  status: 'PREVIEWED' | 'COMMITTED';

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows: number;

  @Column({ type: 'jsonb' })
  rows: UploadRow[];

  @Column({ type: 'jsonb' })
  errors: RowProblem[];

  @Column({ name: 'committed_at', type: 'timestamptz', nullable: true })
  committedAt: Date | null;
}

/** What reconciliation found in a committed upload: a sale outside the authorizations, or stock that differs. */
@Entity('sellout_finding')
export class SelloutFinding {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'brand_id', type: 'uuid' })
  brandId: string;

  @Column({ name: 'distributor_id', type: 'uuid' })
  distributorId: string;

  @Column({ name: 'upload_id', type: 'uuid' })
  uploadId: string;

  @Column({ type: 'varchar', length: 24 })
  kind: SelloutFindingKind;

  @Column({ type: 'char', length: 7 })
  month: string;

  @Column({ name: 'row_no', type: 'integer', nullable: true })
  rowNo: number | null;

  @Column({ name: 'product_id', type: 'uuid' })
  productId: string;

  @Column({ name: 'batch_no', type: 'varchar', length: 64 })
  batchNo: string;

  @Column({ name: 'hospital_id', type: 'uuid', nullable: true })
  hospitalId: string | null;

  @Column({ name: 'occurred_on', type: 'date', nullable: true })
  occurredOn: string | null;

  /** units sold (a cross-territory sale) */
  @Column({ type: 'integer', nullable: true })
  quantity: number | null;

  /** units the distributor reported on hand, and the units its movements hold at the month's end */
  @Column({ type: 'integer', nullable: true })
  reported: number | null;

  @Column({ type: 'integer', nullable: true })
  derived: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
