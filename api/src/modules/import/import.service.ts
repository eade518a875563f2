import { DataSource, EntityManager } from 'typeorm';
import { ErrorCode, ErrorReason, Role, rolesFor, type Capability } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { ImportJob, ImportKind } from './import.entity';
import { Preview } from './import-common';
import { exportHospitals, previewHospitals, writeHospitals } from './hospital-import';
import { exportDistributors, previewDistributors, writeDistributors } from './distributor-import';
import { HospitalFilter } from '../hospital';
import { DistributorFilter } from '../distributor';
import type { PaymentService } from '../finance';
import type { InvoiceService } from '../finance';
import { previewInvoices, previewPayments, writeInvoices, writePayments } from './finance-import';
import { previewPrices, writePrices } from './price-import';
import type { ProductService } from '../product';

const KEPT_ERRORS = 500;

export interface ImportProgress {
  phase: 'WRITING';
  done: number;
  total: number;
}

type Writer = (
  em: EntityManager,
  scope: Scope,
  payload: unknown,
  progress: (done: number, total: number) => void,
) => Promise<string | null>;

interface Kind {
  /** who may import it */
  roles: readonly Role[];
  preview: (ds: DataSource, scope: Scope, data: Buffer) => Promise<Preview>;
  write: Writer;
}

/** Who may import each kind (capabilities.ts: channel staff hospitals and distributors, finance the ERP's payments and invoices). */
export const IMPORTERS: Record<ImportKind, Capability> = {
  HOSPITALS: 'import.hospitals',
  DISTRIBUTORS: 'import.distributors',
  PAYMENTS: 'import.payments',
  INVOICES: 'import.invoices',
  PRICES: 'import.prices',
};

/**
 * Spreadsheet imports: upload → preview (every row checked, errors by row and column, nothing
 * written) → commit all or nothing in one transaction. A running commit's progress is kept in
 * memory for the polling client.
 */
export class ImportService {
  private readonly progress = new Map<string, ImportProgress>();
  private readonly kinds: Record<ImportKind, Kind>;

  constructor(
    private readonly ds: DataSource,
    payments: PaymentService,
    invoices: InvoiceService,
    products: ProductService,
  ) {
    this.kinds = {
      HOSPITALS: { roles: rolesFor(IMPORTERS.HOSPITALS), preview: previewHospitals, write: writeHospitals },
      DISTRIBUTORS: { roles: rolesFor(IMPORTERS.DISTRIBUTORS), preview: previewDistributors, write: writeDistributors },
      PAYMENTS: { roles: rolesFor(IMPORTERS.PAYMENTS), preview: previewPayments, write: writePayments(payments) },
      INVOICES: { roles: rolesFor(IMPORTERS.INVOICES), preview: previewInvoices, write: writeInvoices(invoices) },
      PRICES: { roles: rolesFor(IMPORTERS.PRICES), preview: previewPrices, write: writePrices(products) },
    };
  }

  private kind(scope: Scope, kind: ImportKind): Kind {
    if (!this.kinds[kind].roles.includes(scope.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Your role may not import this', undefined, ErrorReason.ROLE_NOT_ALLOWED);
    }
    return this.kinds[kind];
  }

  /** The viewer's filtered lists, in the import templates' shape. */
  exportHospitals(scope: Scope, filter: HospitalFilter): Promise<Buffer> {
    return exportHospitals(this.ds, scope, filter);
  }

  exportDistributors(scope: Scope, filter: DistributorFilter): Promise<Buffer> {
    return exportDistributors(this.ds, scope, filter);
  }

  progressOf(id: string): ImportProgress | null {
    return this.progress.get(id) ?? null;
  }

  /** An import is its uploader's. */
  async get(scope: Scope, id: string): Promise<ImportJob> {
    const job = isUuid(id)
      ? await applyScope(this.ds.getRepository(ImportJob).createQueryBuilder('j'), scope, 'brand')
          .andWhere('j.id = :id AND j.created_by = :me', { id, me: scope.userId })
          .getOne()
      : null;
    if (!job) throw notFound('Import');
    return job;
  }

  async preview(scope: Scope, kind: ImportKind, fileName: string, data: Buffer): Promise<ImportJob> {
    const p = await this.kind(scope, kind).preview(this.ds, scope, data);
    p.errors.sort((a, b) => a.row - b.row);
    const repo = this.ds.getRepository(ImportJob);
    return repo.save(
      repo.create({
        brandId: scope.brandId,
        createdBy: scope.userId,
        kind,
        fileName: fileName.slice(0, 200),
        status: 'PREVIEWED',
        totalRows: p.totalRows,
        errorCount: p.errors.length,
        errors: p.errors.slice(0, KEPT_ERRORS),
        payload: p.payload,
        summary: p.summary,
      }),
    );
  }

  /** Writes every previewed row or none. A second commit of the same import changes nothing. */
  async commit(scope: Scope, id: string): Promise<ImportJob> {
    const job = await this.get(scope, id);
    if (job.status === 'COMMITTED') return job;
    if (job.errorCount > 0 || (job.totalRows === 0 && job.errors.length > 0)) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Fix the ${job.errorCount} rows in error and upload again`,
        'id',
        ErrorReason.VALIDATION_FAILED,
      );
    }
    try {
      return await this.ds.transaction(async (em) => {
        const locked = await em
          .getRepository(ImportJob)
          .createQueryBuilder('j')
          .addSelect('j.payload')
          .where('j.id = :id', { id })
          .setLock('pessimistic_write')
          .getOneOrFail();
        if (locked.status === 'COMMITTED') return locked;
        const conflict = await this.kind(scope, locked.kind).write(em, scope, locked.payload, (done, total) =>
          this.progress.set(id, { phase: 'WRITING', done, total }),
        );
        if (conflict) throw new AppError(ErrorCode.CONFLICT, conflict);
        await em.update(ImportJob, { id }, { status: 'COMMITTED' });
        await audit(em, scope, `IMPORT_${locked.kind}`, 'import_job', id, {
          ...locked.summary,
          fileName: locked.fileName,
        });
        return Object.assign(locked, { status: 'COMMITTED' as const });
      });
    } finally {
      this.progress.delete(id);
    }
  }
}
