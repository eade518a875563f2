import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorCode,
  ErrorReason,
  HOSPITAL_MATCH_THRESHOLD,
  SelloutFindingKind,
  SelloutUploadKind,
  Side,
  StockMovementKind,
} from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, badInput, notFound } from '../../common/errors';
import { isUniqueViolation } from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { appendMovement } from '../inventory';
import { hospitalMatcher } from './hospital-match';
import { checkRows } from './sellout-check';
import { dayOf, priceOf, readSelloutFile, unitsOf } from './sellout-file';
import { SelloutFinding, SelloutUpload, UploadRow } from './sellout.entity';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ONCE = 'sellout_upload_once';

export interface UploadAsked {
  kind: SelloutUploadKind;
  month: string;
  distributorId?: string | null;
}

export interface MatchAsked {
  row: number;
  /** one of the row's candidates, by its place in the list */
  candidate?: number | null;
  /** or any hospital the viewer sees */
  hospitalId?: string | null;
}

/**
 * The monthly sell-out upload (流向) of a distributor's people: the file read and matched
 * (hospitals by similarity, products by code or name), previewed with problems by row and column,
 * matches confirmed or changed per row, then committed all or nothing — sell-outs written as stock
 * movements through inventory's appendMovement, reconciliation's findings beside them. The same
 * file for the same distributor, month and kind is committed once: uploading or committing it again
 * answers the first commit and writes nothing. Uploads are read per auth/scope.ts `channelStock`.
 */
export class SelloutService {
  constructor(private readonly ds: DataSource) {}

  /** An upload the viewer's scope holds, or NOT_FOUND (locked for a write when asked). */
  async get(scope: Scope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<SelloutUpload> {
    const qb = applyScope(em.getRepository(SelloutUpload).createQueryBuilder('u'), scope, 'channelStock').andWhere(
      'u.id = :id',
      { id },
    );
    if (lock) qb.setLock('pessimistic_write');
    const found = isUuid(id) ? await qb.getOne() : null;
    if (!found) throw notFound('Sell-out upload');
    return found;
  }

  /** The commit of the same file for the same distributor, month and kind, if there is one. */
  private earlier(em: EntityManager, u: Pick<SelloutUpload, 'distributorId' | 'month' | 'kind' | 'contentHash'>) {
    return em.findOne(SelloutUpload, {
      where: {
        distributorId: u.distributorId,
        month: u.month,
        kind: u.kind,
        contentHash: u.contentHash,
        status: 'COMMITTED',
      },
    });
  }

  /** Reads, matches and checks a file; nothing but the preview is written. A file committed before answers that commit. */
  async preview(scope: Scope, asked: UploadAsked, fileName: string, data: Buffer): Promise<SelloutUpload> {
    if (!Object.values(SelloutUploadKind).includes(asked.kind)) throw badInput('kind', 'SELL_OUT or STOCK');
    if (!MONTH.test(asked.month ?? '')) throw badInput('month', 'A month is written YYYY-MM');
    const em = this.ds.manager;
    if (scope.side !== Side.PARTNER) throw notFound('Distributor');
    const distributorId = asked.distributorId
      ? await visibleId(em, scope, 'distributor', asked.distributorId, 'distributorId')
      : scope.distributorId;
    const contentHash = createHash('sha256').update(data).digest('hex');
    const key = { distributorId, month: asked.month, kind: asked.kind, contentHash };
    const done = await this.earlier(em, key);
    if (done) return done;
    const file = await readSelloutFile(data, asked.kind);
    const rows = await this.rowsOf(scope, file.rows);
    const upload = em.create(SelloutUpload, {
      ...key,
      brandId: scope.brandId,
      createdBy: scope.userId,
      fileName: fileName.slice(0, 200),
      status: 'PREVIEWED',
      totalRows: rows.length,
      rows,
    });
    upload.errors = file.problems.length ? file.problems : await checkRows(em, upload);
    return em.save(upload);
  }

  /** The file's rows with their products (code or name) and the master's closest hospitals. */
  private async rowsOf(scope: Scope, file: Awaited<ReturnType<typeof readSelloutFile>>['rows']): Promise<UploadRow[]> {
    if (!file.length) return [];
    const texts = [...new Set(file.map((r) => r.cells.product.toLowerCase()))];
    const products: Array<{ id: string; code: string; name: string; currency: string }> = await applyScope(
      this.ds
        .createQueryBuilder()
        .select(['p.id AS id', 'p.code AS code', 'p.name AS name', 'p.currency AS currency'])
        .from('product', 'p'),
      scope,
      'brand',
      'p',
    )
      .andWhere('(lower(p.code) = ANY(:texts) OR lower(p.name) = ANY(:texts))', { texts })
      .getRawMany();
    const productOf = (text: string) =>
      products.find((p) => p.code.toLowerCase() === text.toLowerCase()) ??
      products.find((p) => p.name.toLowerCase() === text.toLowerCase()) ??
      null;
    // the whole master of the brand: a sale outside the distributor's hospitals is what 窜货 is
    const master: Array<{ id: string; name: string }> = file.some((r) => r.cells.hospital)
      ? await this.ds.query(`SELECT id, name FROM hospital WHERE brand_id = $1`, [scope.brandId])
      : [];
    const match = hospitalMatcher(master);
    const matched = new Map<string, ReturnType<typeof match>>();
    return file.map(({ row, cells }) => {
      if (cells.hospital && !matched.has(cells.hospital)) matched.set(cells.hospital, match(cells.hospital));
      const candidates = cells.hospital ? matched.get(cells.hospital)! : [];
      const product = cells.product ? productOf(cells.product) : null;
      const price = priceOf(cells.price);
      const priced = price && price !== 'invalid' ? price : null;
      return {
        row,
        hospitalText: cells.hospital.slice(0, 200),
        departmentText: cells.department.slice(0, 100),
        productText: cells.product.slice(0, 200),
        productId: product?.id ?? null,
        batchNo: cells.batch.slice(0, 64),
        quantity: unitsOf(cells.quantity),
        occurredOn: dayOf(cells.date),
        priceText: cells.price.slice(0, 64),
        unitPrice: priced?.amount ?? null,
        currency: priced ? (priced.currency ?? product?.currency ?? null) : null,
        candidates,
        hospitalId: candidates[0] && candidates[0].score >= HOSPITAL_MATCH_THRESHOLD ? candidates[0].hospitalId : null,
        departmentId: null,
        crossTerritory: false,
      };
    });
  }

  /** The user's confirmation or change of rows' hospitals; the rows are checked again. */
  async match(scope: Scope, id: string, matches: MatchAsked[]): Promise<SelloutUpload> {
    return this.ds.transaction(async (em) => {
      const upload = await this.get(scope, id, em, true);
      if (upload.status === 'COMMITTED') return upload;
      if (matches.length > upload.rows.length) throw badInput('matches', 'More matches than the file has rows');
      for (const [i, m] of matches.entries()) {
        const row = upload.rows.find((r) => r.row === m.row);
        if (!row) throw badInput(`matches.${i}.row`, 'No such row in the file');
        if (m.hospitalId)
          row.hospitalId = await visibleId(em, scope, 'hospital', m.hospitalId, `matches.${i}.hospitalId`);
        else if (m.candidate !== null && m.candidate !== undefined) {
          const c = row.candidates[m.candidate];
          if (!c) throw badInput(`matches.${i}.candidate`, 'No such candidate for this row');
          row.hospitalId = c.hospitalId;
        } else row.hospitalId = null;
      }
      upload.errors = await checkRows(em, upload);
      await em.update(SelloutUpload, { id: upload.id }, { rows: upload.rows, errors: upload.errors });
      await audit(em, scope, 'UPDATE', 'sellout_upload', upload.id, { matches: matches.length });
      return upload;
    });
  }

  /** Writes every row or none; the same file committed before (this upload or another of it) answers that commit. */
  async commit(scope: Scope, id: string): Promise<SelloutUpload> {
    try {
      return await this.ds.transaction(async (em) => {
        const upload = await this.get(scope, id, em, true);
        if (upload.status === 'COMMITTED') return upload;
        const done = await this.earlier(em, upload);
        if (done) return done;
        const problems = await checkRows(em, upload);
        if (problems.length)
          throw new AppError(
            ErrorCode.BAD_USER_INPUT,
            `Fix the ${problems.length} problems first (row ${problems[0].row}: ${problems[0].message})`,
            'id',
            ErrorReason.VALIDATION_FAILED,
          );
        if (upload.kind === SelloutUploadKind.SELL_OUT) await this.sellOut(em, scope, upload);
        else await this.reconcile(em, upload);
        Object.assign(upload, { status: 'COMMITTED', committedAt: new Date(), errors: [] });
        await em.update(
          SelloutUpload,
          { id: upload.id },
          { status: upload.status, committedAt: upload.committedAt, rows: upload.rows, errors: [] },
        );
        await audit(em, scope, 'CREATE', 'sellout_upload', upload.id, {
          kind: upload.kind,
          month: upload.month,
          rows: upload.totalRows,
          fileName: upload.fileName,
        });
        return upload;
      });
    } catch (err) {
      // the same file committed meanwhile from another preview: that commit is the answer
      if (!isUniqueViolation(err, ONCE)) throw err;
      const upload = await this.get(scope, id);
      return (await this.earlier(this.ds.manager, upload)) ?? upload;
    }
  }

  /** Each row a SOLD_OUT movement (a lot below zero refuses the whole file); sales outside the authorizations flagged. */
  private async sellOut(em: EntityManager, scope: Scope, upload: SelloutUpload): Promise<void> {
    for (const r of upload.rows) {
      try {
        await appendMovement(em, {
          brandId: upload.brandId,
          distributorId: upload.distributorId,
          productId: r.productId!,
          batchNo: r.batchNo,
          serialNo: '',
          kind: StockMovementKind.SOLD_OUT,
          quantity: -r.quantity!,
          occurredOn: r.occurredOn!,
          hospitalId: r.hospitalId,
          departmentId: r.departmentId,
          reason: `流向上传 ${upload.month}`,
          unitPrice: r.unitPrice ?? null,
          currency: r.unitPrice ? (r.currency ?? null) : null,
          createdBy: scope.userId,
        });
      } catch (err) {
        if (err instanceof AppError) throw new AppError(err.code, `Row ${r.row}: ${err.message}`, 'id', err.reason);
        throw err;
      }
    }
    const flagged = upload.rows.filter((r) => r.crossTerritory);
    if (flagged.length)
      await em.insert(
        SelloutFinding,
        flagged.map((r) => ({
          ...this.finding(upload, SelloutFindingKind.CROSS_TERRITORY),
          rowNo: r.row,
          productId: r.productId!,
          batchNo: r.batchNo,
          hospitalId: r.hospitalId,
          occurredOn: r.occurredOn,
          quantity: r.quantity,
        })),
      );
  }

  /** The stock reported on hand against the stock the movements hold at the month's end: every lot that differs. */
  private async reconcile(em: EntityManager, upload: SelloutUpload): Promise<void> {
    const end: Array<{ end: string }> = await em.query(
      `SELECT ((($1 || '-01')::date + interval '1 month')::date - 1)::text AS end`,
      [upload.month],
    );
    const derived: Array<{ product_id: string; batch_no: string; quantity: number }> = await em.query(
      `SELECT product_id, batch_no, SUM(quantity)::int AS quantity FROM stock_movement
        WHERE distributor_id = $1 AND occurred_on <= $2 GROUP BY product_id, batch_no`,
      [upload.distributorId, end[0].end],
    );
    const lots = new Map<string, { productId: string; batchNo: string; reported: number; derived: number }>();
    for (const d of derived)
      lots.set(`${d.product_id}|${d.batch_no}`, {
        productId: d.product_id,
        batchNo: d.batch_no,
        reported: 0,
        derived: d.quantity,
      });
    for (const r of upload.rows) {
      const key = `${r.productId}|${r.batchNo}`;
      const lot = lots.get(key) ?? { productId: r.productId!, batchNo: r.batchNo, reported: 0, derived: 0 };
      lots.set(key, { ...lot, reported: r.quantity! });
    }
    const differ = [...lots.values()].filter((l) => l.reported !== l.derived);
    if (differ.length)
      await em.insert(
        SelloutFinding,
        differ.map((l) => ({
          ...this.finding(upload, SelloutFindingKind.STOCK_DIFFERENCE),
          rowNo: upload.rows.find((r) => r.productId === l.productId && r.batchNo === l.batchNo)?.row ?? null,
          productId: l.productId,
          batchNo: l.batchNo,
          reported: l.reported,
          derived: l.derived,
        })),
      );
  }

  private finding(upload: SelloutUpload, kind: SelloutFindingKind) {
    return {
      brandId: upload.brandId,
      distributorId: upload.distributorId,
      uploadId: upload.id,
      kind,
      month: upload.month,
    };
  }
}
