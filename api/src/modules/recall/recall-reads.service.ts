import { DataSource } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs } from '../../common/pagination';
import { rawPage } from '../../common/raw-page';
import { RecallFilter, RecallReachFilter } from './recall.inputs';
import {
  RecallDistributorType,
  RecallHospitalType,
  RecallLotType,
  RecallReachPreviewType,
  RecallType,
} from './recall.types';
import { lotMovements } from './recall.service';

/**
 * The reads of recalls: the list and one recall (auth/scope.ts `recall`), its reached distributors
 * with their acknowledgements and the hospitals they sold the lot to (the reach's rows read as
 * `distributorOwned`: a distributor sees only its own part, a brand user the part in scope), and
 * the lots of a product the channel moved (the picker). Each page is its count and one statement.
 */
export class RecallReadService {
  constructor(private readonly ds: DataSource) {}

  /** Recalls `r` with their product and the counts of the reach in scope. */
  private recalls(scope: Scope) {
    const seen = scopeCondition(scope, 'recall', 'r');
    const rd = scopeCondition(scope, 'distributorOwned', 'rd');
    const rh = scopeCondition(scope, 'distributorOwned', 'rh');
    return {
      params: { ...seen.params, ...rd.params, ...rh.params },
      where: seen.sql,
      sql: `SELECT r.id, r.product_id AS "productId", p.name AS "productName", p.code AS "productCode",
                   NULLIF(r.batch_no, '') AS "batchNo", NULLIF(r.serial_no, '') AS "serialNo", r.reason, r.severity,
                   r.instructions, r.status, r.created_at AS "createdAt", r.closed_at AS "closedAt",
                   to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_at,
                   (SELECT COUNT(*)::int FROM recall_distributor rd WHERE rd.recall_id = r.id AND ${rd.sql}) AS "distributorCount",
                   (SELECT COUNT(*)::int FROM recall_distributor rd JOIN recall_ack a ON a.recall_id = rd.recall_id AND a.distributor_id = rd.distributor_id
                     WHERE rd.recall_id = r.id AND ${rd.sql}) AS "acknowledgedCount",
                   (SELECT COUNT(*)::int FROM recall_hospital rh WHERE rh.recall_id = r.id AND ${rh.sql}) AS "hospitalCount"
              FROM recall r JOIN product p ON p.id = r.product_id`,
    };
  }

  list(scope: Scope, page: PageArgs, filter: RecallFilter = {}): Promise<Page<RecallType>> {
    const q = this.recalls(scope);
    const params: Record<string, unknown> = { ...q.params };
    const conditions = [q.where];
    if (filter.status) {
      conditions.push('r.status = :status');
      params.status = filter.status;
    }
    return rawPage<RecallType>(this.ds, page, {
      sql: `${q.sql} WHERE ${conditions.join(' AND ')}`,
      params,
      direction: 'DESC',
      keys: ['r.sort_at', 'r.id'],
      cursorOf: (r) => [String(r.sort_at), String(r.id)],
    });
  }

  /** One recall the viewer sees, or NOT_FOUND exactly like a missing one. */
  async byId(scope: Scope, id: string): Promise<RecallType> {
    const q = this.recalls(scope);
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(`${q.sql} WHERE r.id = :id AND ${q.where}`, {
      ...q.params,
      id,
    });
    const [row] = isUuid(id) ? await this.ds.query(sql, params) : [];
    if (!row) throw notFound('Recall');
    return row;
  }

  /** The reached distributors in scope, by name; each with its acknowledgement (who, when) or none yet. */
  async distributors(
    scope: Scope,
    recallId: string,
    page: PageArgs,
    filter: RecallReachFilter = {},
  ): Promise<Page<RecallDistributorType>> {
    const recall = await this.byId(scope, recallId);
    const own = scopeCondition(scope, 'distributorOwned', 'rd');
    const params: Record<string, unknown> = { ...own.params, recall: recall.id };
    const conditions = ['rd.recall_id = :recall', own.sql];
    if (filter.acknowledged != null)
      conditions.push(filter.acknowledged ? 'a.recall_id IS NOT NULL' : 'a.recall_id IS NULL');
    if (filter.distributorId) {
      conditions.push('rd.distributor_id = :distributorId');
      params.distributorId = filter.distributorId;
    }
    return rawPage<RecallDistributorType>(this.ds, page, {
      sql: `SELECT rd.recall_id AS "recallId", rd.distributor_id AS "distributorId", d.name AS "distributorName",
                   CASE WHEN d.parent_id IS NULL THEN 1 ELSE 2 END AS tier, rd.received, rd.held, rd.transferred, rd.sold,
                   a.acknowledged_at AS "acknowledgedAt", u.display_name AS "acknowledgedByName"
              FROM recall_distributor rd JOIN distributor d ON d.id = rd.distributor_id
              LEFT JOIN recall_ack a ON a.recall_id = rd.recall_id AND a.distributor_id = rd.distributor_id
              LEFT JOIN app_user u ON u.id = a.acknowledged_by
             WHERE ${conditions.join(' AND ')}`,
      params,
      // sorted by a joined name, which no index serves: built once for count and page
      once: true,
      keys: ['r."distributorName"', 'r."distributorId"'],
      cursorOf: (r) => [String(r.distributorName), String(r.distributorId)],
    });
  }

  /** One reached distributor's row (after its acknowledgement), in scope. */
  async distributor(scope: Scope, recallId: string, distributorId: string): Promise<RecallDistributorType> {
    const page = await this.distributors(scope, recallId, { first: 1 } as PageArgs, { distributorId });
    if (!page.nodes[0]) throw notFound('Recall');
    return page.nodes[0];
  }

  /**
   * The hospital departments the reached distributors in scope sold the lot to, by hospital. (A
   * distributor sees the hospitals of its own sales in a recall whatever its authorizations say
   * today: a recall must reach every unit it sold.)
   */
  async hospitals(
    scope: Scope,
    recallId: string,
    page: PageArgs,
    filter: RecallReachFilter = {},
  ): Promise<Page<RecallHospitalType>> {
    const recall = await this.byId(scope, recallId);
    const own = scopeCondition(scope, 'distributorOwned', 'rh');
    const params: Record<string, unknown> = { ...own.params, recall: recall.id };
    const conditions = ['rh.recall_id = :recall', own.sql];
    if (filter.distributorId) {
      conditions.push('rh.distributor_id = :distributorId');
      params.distributorId = filter.distributorId;
    }
    return rawPage<RecallHospitalType>(this.ds, page, {
      sql: `SELECT rh.id, rh.distributor_id AS "distributorId", d.name AS "distributorName", rh.hospital_id AS "hospitalId",
                   h.name AS "hospitalName", hd.name AS "departmentName", rh.quantity
              FROM recall_hospital rh JOIN distributor d ON d.id = rh.distributor_id JOIN hospital h ON h.id = rh.hospital_id
              LEFT JOIN hospital_department hd ON hd.id = rh.department_id
             WHERE ${conditions.join(' AND ')}`,
      params,
      // sorted by a joined name, which no index serves: built once for count and page
      once: true,
      keys: ['r."hospitalName"', 'r.id'],
      cursorOf: (r) => [String(r.hospitalName), String(r.id)],
    });
  }

  /** Up to 20 batches (and serials, when the search names one) of a product the channel in scope moved. */
  async lots(scope: Scope, productId: string, search?: string | null): Promise<RecallLotType[]> {
    if (scope.side !== Side.BRAND) throw notFound('Product');
    const product = await visibleId(this.ds.manager, scope, 'product', productId, 'productId');
    const owned = scopeCondition(scope, 'channelStock', 'm');
    const prefix = `${(search ?? '').trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `(SELECT NULLIF(m.batch_no, '') AS "batchNo", NULL::text AS "serialNo", COUNT(DISTINCT m.distributor_id)::int AS "distributorCount"
          FROM stock_movement m WHERE m.product_id = :product AND m.batch_no <> '' AND m.batch_no LIKE :prefix AND ${owned.sql}
         GROUP BY m.batch_no ORDER BY m.batch_no DESC LIMIT 20)
       UNION ALL
       (SELECT NULLIF(m.batch_no, ''), m.serial_no, COUNT(DISTINCT m.distributor_id)::int
          FROM stock_movement m WHERE m.product_id = :product AND m.serial_no <> '' AND :search <> '' AND m.serial_no LIKE :prefix AND ${owned.sql}
         GROUP BY m.batch_no, m.serial_no ORDER BY m.serial_no LIMIT 20)`,
      { ...owned.params, product, prefix, search: (search ?? '').trim() },
    );
    return this.ds.query(sql, params);
  }

  /**
   * Whom a recall of the lot would reach now, from its movements (the reach createRecall writes),
   * counted over the distributors in the viewer's scope: the create form's preview.
   */
  async preview(
    scope: Scope,
    productId: string,
    batchNo?: string | null,
    serialNo?: string | null,
  ): Promise<RecallReachPreviewType> {
    if (scope.side !== Side.BRAND) throw notFound('Product');
    const product = await visibleId(this.ds.manager, scope, 'product', productId, 'productId');
    const batch = batchNo?.trim() ?? '';
    const serial = serialNo?.trim() ?? '';
    if (!batch && !serial) return { distributorCount: 0, hospitalCount: 0, held: 0, sold: 0 };
    const owned = scopeCondition(scope, 'distributor', 'dd');
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `WITH l AS (${lotMovements(batch, serial)}),
            d AS (SELECT l.distributor_id, SUM(l.quantity) AS held,
                         COALESCE(SUM(l.quantity) FILTER (WHERE l.kind IN ('RECEIVED', 'TRANSFER_IN', 'ADJUSTED') AND l.inward), 0) AS received
                    FROM l GROUP BY l.distributor_id),
            seen AS (SELECT d.* FROM d JOIN distributor dd ON dd.id = d.distributor_id AND ${owned.sql}
                      WHERE d.held > 0 OR d.received > 0),
            h AS (SELECT l.hospital_id, l.department_id, -SUM(l.quantity) AS sold FROM l
                   WHERE l.kind IN ('SOLD_OUT', 'RETURNED') AND l.distributor_id IN (SELECT distributor_id FROM seen)
                   GROUP BY l.distributor_id, l.hospital_id, l.department_id HAVING SUM(l.quantity) < 0)
       SELECT (SELECT COUNT(*)::int FROM seen) AS "distributorCount", (SELECT COUNT(*)::int FROM h) AS "hospitalCount",
              (SELECT COALESCE(SUM(held), 0)::int FROM seen) AS held, (SELECT COALESCE(SUM(sold), 0)::int FROM h) AS sold`,
      { ...owned.params, brand: scope.brandId, product, batch, serial },
    );
    const [row] = await this.ds.query(sql, params);
    return row;
  }
}
