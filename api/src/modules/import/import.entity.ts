import { Column, Entity } from 'typeorm';
import { TenantEntity } from '../../common/base.entity';

export interface RowError {
  /** 1-based sheet row, as Excel shows it */
  row: number;
  column: string;
  message: string;
}

export type ImportKind = 'HOSPITALS' | 'DISTRIBUTORS' | 'PAYMENTS' | 'INVOICES' | 'PRICES';

/** An uploaded workbook: parsed and checked (PREVIEWED), then written all at once (COMMITTED). */
@Entity('import_job')
export class ImportJob extends TenantEntity {
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ImportKind;

  @Column({ name: 'file_name', type: 'varchar', length: 200, nullable: true })
  fileName: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: 'PREVIEWED' | 'COMMITTED';

  @Column({ name: 'total_rows', type: 'integer' })
  totalRows: number;

  @Column({ name: 'error_count', type: 'integer' })
  errorCount: number;

  @Column({ type: 'jsonb' })
  errors: RowError[];

  @Column({ type: 'jsonb', select: false })
  payload: unknown;

  @Column({ type: 'jsonb' })
  summary: Record<string, number>;
}
