import { DataSource } from 'typeorm';
import { Scope, scopeCondition } from '../../auth/scope';
import { Page, PageArgs, decodeCursor, toPage } from '../../common/pagination';
import { money } from '../product';
import type { SelloutUpload, UploadRow } from './sellout.entity';
import {
  SelloutFindingFilter,
  SelloutFindingType,
  SelloutHospitalMatchType,
  SelloutUploadRowType,
  SelloutUploadType,
} from './sellout.types';

/**
 * Findings `f` with the names they show: the hospital's only where the viewer's scope sees it (a
 * distributor's people are not told the name of a hospital outside their authorizations).
 */
function findingsSql(scope: Scope) {
  const owned = scopeCondition(scope, 'channelStock', 'f');
  const h = scopeCondition(scope, 'hospital', 'h');
  return {
    params: { ...owned.params, ...h.params },
    sql: `SELECT f.id, f.kind, f.month, f.distributor_id AS "distributorId", d.name AS "distributorName",
                 p.name AS "productName", p.code AS "productCode", f.batch_no AS "batchNo", h.name AS "hospitalName",
                 f.occurred_on::text AS "occurredOn", f.quantity, f.reported, f.derived, f.row_no AS "rowNo",
                 f.created_at AS "createdAt", f.upload_id,
                 to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_at
            FROM sellout_finding f JOIN distributor d ON d.id = f.distributor_id JOIN product p ON p.id = f.product_id
            LEFT JOIN hospital h ON h.id = f.hospital_id AND ${h.sql}
           WHERE ${owned.sql}`,
  };
}

/** The reads of the upload: an upload with its rows' names, and reconciliation's findings in scope, newest first. */
export class SelloutReadService {
  constructor(private readonly ds: DataSource) {}

  /** An upload as its screen shows it: product names, the matched hospitals the viewer sees, its findings. Three statements. */
  async view(scope: Scope, upload: SelloutUpload): Promise<SelloutUploadType> {
    const ids = [...new Set(upload.rows.flatMap((r) => [r.hospitalId, ...r.candidates.map((c) => c.hospitalId)]))];
    const h = scopeCondition(scope, 'hospital', 'h');
    const [hq, hp] = this.ds.driver.escapeQueryWithParameters(
      `SELECT h.id, h.name FROM hospital h WHERE h.id = ANY(:ids) AND ${h.sql}`,
      { ...h.params, ids: ids.filter(Boolean) },
    );
    const seen: Array<{ id: string; name: string }> = ids.length ? await this.ds.query(hq, hp) : [];
    const nameOf = new Map(seen.map((s) => [s.id, s.name]));
    const productIds = [...new Set(upload.rows.map((r) => r.productId).filter(Boolean))];
    const products: Array<{ id: string; name: string }> = productIds.length
      ? await this.ds.query(`SELECT id, name FROM product WHERE id = ANY($1)`, [productIds])
      : [];
    const productOf = new Map(products.map((p) => [p.id, p.name]));
    const f = findingsSql(scope);
    const [fq, fp] = this.ds.driver.escapeQueryWithParameters(
      `SELECT * FROM (${f.sql}) r WHERE r.upload_id = :upload ORDER BY r."rowNo", r.id`,
      { ...f.params, upload: upload.id },
    );
    const findings: SelloutFindingType[] = upload.status === 'COMMITTED' ? await this.ds.query(fq, fp) : [];
    const matchOf = (hospitalId: string, candidate: number | null, score: number | null): SelloutHospitalMatchType => ({
      candidate,
      hospitalId: nameOf.has(hospitalId) ? hospitalId : null,
      hospitalName: nameOf.get(hospitalId) ?? null,
      score,
      outsideScope: !nameOf.has(hospitalId),
    });
    const row = (r: UploadRow): SelloutUploadRowType => {
      const at = r.candidates.findIndex((c) => c.hospitalId === r.hospitalId);
      return {
        row: r.row,
        hospitalText: r.hospitalText,
        departmentText: r.departmentText,
        productText: r.productText,
        productName: r.productId ? (productOf.get(r.productId) ?? null) : null,
        batchNo: r.batchNo,
        quantity: r.quantity,
        occurredOn: r.occurredOn,
        priceText: r.priceText ?? '',
        unitPrice: r.unitPrice && r.currency ? money(r.unitPrice, r.currency) : null,
        match: r.hospitalId
          ? matchOf(r.hospitalId, at >= 0 ? at : null, at >= 0 ? r.candidates[at].score : null)
          : null,
        candidates: r.candidates.map((c, i) => matchOf(c.hospitalId, i, c.score)),
        crossTerritory: r.crossTerritory,
      };
    };
    return {
      id: upload.id,
      kind: upload.kind,
      month: upload.month,
      distributorId: upload.distributorId,
      fileName: upload.fileName,
      status: upload.status,
      totalRows: upload.totalRows,
      errorCount: upload.errors.length,
      errors: upload.errors,
      rows: upload.rows.map(row),
      findings,
    };
  }

  /** Reconciliation's findings the viewer sees: 窜货 flags and stock differences, newest first. */
  async findings(scope: Scope, page: PageArgs, filter?: SelloutFindingFilter): Promise<Page<SelloutFindingType>> {
    const f = findingsSql(scope);
    const params: Record<string, unknown> = { ...f.params, page_limit: page.first + 1 };
    const where: string[] = [];
    if (filter?.kind) {
      where.push('r.kind = :kind');
      params.kind = filter.kind;
    }
    if (filter?.distributorId) {
      where.push('r."distributorId" = :distributor');
      params.distributor = filter.distributorId;
    }
    const counted = where.length ? `WHERE ${where.join(' AND ')}` : '';
    if (page.after) {
      const [at, id] = decodeCursor(page.after, 2);
      where.push('(r.sort_at, r.id) < (:cursor_at, :cursor_id)');
      Object.assign(params, { cursor_at: at, cursor_id: id });
    }
    // the count and the page in one statement
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT (SELECT COUNT(*)::int FROM (${f.sql}) r ${counted}) AS total,
              (SELECT coalesce(json_agg(x ORDER BY x.sort_at DESC, x.id DESC), '[]'::json) FROM
                 (SELECT * FROM (${f.sql}) r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY r.sort_at DESC, r.id DESC LIMIT :page_limit) x) AS nodes`,
      params,
    );
    const [{ total, nodes }] = await this.ds.query(sql, values);
    const rows = (nodes as Array<SelloutFindingType & { sort_at: string; createdAt: string | Date }>).map((n) => ({
      ...n,
      createdAt: new Date(n.createdAt),
    }));
    return toPage(rows, page.first, total, (r) => [r.sort_at, r.id]);
  }
}
