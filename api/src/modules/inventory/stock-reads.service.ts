import { DataSource } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { addDays, today } from '../../common/dates';
import { Page, PageArgs } from '../../common/pagination';
import { rawPage } from '../../common/raw-page';
import type { ProductService } from '../product';
import { SellOutFilter, StockFilter, StockMovementFilter } from './inventory.inputs';
import { SellOutRowType, StockLineType, StockMovementType, UdiScanType } from './inventory.types';
import { SELL_OUT_ORDER, sellOutQuery } from './sell-out-query';
import { parseUdi } from './udi';

/**
 * Movements `m` with the names they show, for a WHERE to follow: a hospital's and a transfer's
 * other distributor's only where the viewer sees them (a second tier sees that stock came from its
 * first tier, not its name), never a name the scope hides.
 */
const movements = (scope: Scope) => {
  const h = scopeCondition(scope, 'hospital', 'h');
  const c = scopeCondition(scope, 'distributor', 'c');
  return {
    params: { ...h.params, ...c.params },
    sql: `SELECT m.id, m.kind, m.quantity, NULLIF(m.batch_no, '') AS "batchNo", NULLIF(m.serial_no, '') AS "serialNo",
                   m.expiry_date::text AS "expiryDate", m.occurred_on::text AS "occurredOn", m.reason, m.reverses_id AS "reversesId",
                   m.created_at AS "createdAt", to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS sort_at,
                   EXISTS (SELECT 1 FROM stock_movement rv WHERE rv.reverses_id = m.id) AS reversed,
                   m.distributor_id AS "distributorId", d.name AS "distributorName", m.product_id AS "productId",
                   p.name AS "productName", p.code AS "productCode", h.name AS "hospitalName", hd.name AS "departmentName",
                   c.name AS "counterpartName"
              FROM stock_movement m JOIN distributor d ON d.id = m.distributor_id JOIN product p ON p.id = m.product_id
              LEFT JOIN hospital h ON h.id = m.hospital_id AND ${h.sql}
              LEFT JOIN hospital_department hd ON hd.id = m.department_id AND h.id IS NOT NULL
              LEFT JOIN distributor c ON c.id = m.counterpart_id AND ${c.sql}`,
  };
};

/**
 * The reads of channel inventory: stock on hand now (the balances) or at the end of any day (the
 * sum of the movements up to it), the movements, sell-out by hospital, department and product, and
 * a scanned UDI. Every statement carries the scope's `channelStock` condition; names are joined in,
 * so a page is one statement and its count.
 */
export class StockReadService {
  constructor(
    private readonly ds: DataSource,
    private readonly products: ProductService,
    private readonly nearExpiryDays: number,
  ) {}

  /** Lots on hand (quantity > 0) now, or at the end of `asOf`; soonest expiry first. */
  stock(scope: Scope, page: PageArgs, filter: StockFilter = {}): Promise<Page<StockLineType>> {
    const owned = scopeCondition(scope, 'channelStock', 'b');
    const params: Record<string, unknown> = { ...owned.params, on: today() };
    const conditions = [owned.sql];
    if (filter.distributorId) {
      conditions.push('b.distributor_id = :distributorId');
      params.distributorId = filter.distributorId;
    }
    if (filter.productId) {
      conditions.push('b.product_id = :productId');
      params.productId = filter.productId;
    }
    if (filter.lot?.trim()) {
      conditions.push(`(b.batch_no LIKE :lot OR b.serial_no LIKE :lot)`);
      params.lot = `${filter.lot.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    }
    params.soon = addDays(filter.asOf ?? today(), this.nearExpiryDays);
    // what a row shows beyond its keys (its names, its texts), worked out for the page's rows only
    const late = {
      select: `d.name AS "distributorName", NULLIF(r.sort_batch, '') AS "batchNo", NULLIF(r.sort_serial, '') AS "serialNo",
               r.expiry_on::text AS "expiryDate", COALESCE(r.expiry_on <= :soon::date, false) AS "nearExpiry",
               COALESCE(r.expiry_on < :on::date, false) AS expired, p.name AS "productName", p.code AS "productCode"`,
      joins: `LEFT JOIN distributor d ON d.id = r."distributorId" LEFT JOIN product p ON p.id = r."productId"`,
    };
    // the order's keys: a lot without an expiry last (a date, not its text: compared as a number)
    const keys = ['r.sort_expiry', 'r."distributorId"', 'r."productId"', 'r.sort_batch', 'r.sort_serial'];
    const cursorOf = (r: Record<string, unknown>) =>
      [r.sort_expiry, r.distributorId, r.productId, r.sort_batch, r.sort_serial].map(String);
    if (filter.asOf) {
      // A past date's lots are the movements up to it summed, whatever the page: built once for
      // count and page.
      params.asOf = filter.asOf;
      return rawPage<StockLineType>(this.ds, page, {
        sql: `SELECT l.distributor_id AS "distributorId", l.product_id AS "productId", l.quantity, l.expiry_date AS expiry_on,
                     COALESCE(l.expiry_date, 'infinity'::date) AS sort_expiry, l.batch_no AS sort_batch, l.serial_no AS sort_serial
                FROM (SELECT b.distributor_id, b.product_id, b.batch_no, b.serial_no, MAX(b.expiry_date) AS expiry_date,
                             SUM(b.quantity)::int AS quantity
                        FROM stock_movement b WHERE ${conditions.join(' AND ')} AND b.occurred_on <= :asOf
                       GROUP BY b.distributor_id, b.product_id, b.batch_no, b.serial_no HAVING SUM(b.quantity) > 0) l
               ${filter.nearExpiry ? 'WHERE l.expiry_date <= :soon::date' : ''}`,
        params,
        once: true,
        late,
        keys,
        cursorOf,
      });
    }
    // Today's lots are stock_balance's, counted from stock_balance_by_expiry alone. A page reads each
    // distributor's first lots in that index's order (expiry, product, lot) and keeps the soonest:
    // as many distributors' first rows as the page is long, never every lot (migration 1772900000000).
    const distributor = scopeCondition(scope, 'distributor', 'd');
    Object.assign(params, distributor.params);
    const distributors = [distributor.sql, ...(filter.distributorId ? ['d.id = :distributorId'] : [])];
    if (filter.nearExpiry) conditions.push('b.expiry_date <= :soon::date');
    const inner = [
      "COALESCE(b.expiry_date, 'infinity'::date)",
      'b.distributor_id',
      'b.product_id',
      'b.batch_no',
      'b.serial_no',
    ];
    const columns = `b.distributor_id AS "distributorId", b.product_id AS "productId", b.quantity, b.expiry_date AS expiry_on,
                     ${inner[0]} AS sort_expiry, b.batch_no AS sort_batch, b.serial_no AS sort_serial`;
    const onHand = `${conditions.join(' AND ')} AND b.quantity > 0`;
    return rawPage<StockLineType>(this.ds, page, {
      sql: `SELECT ${columns} FROM stock_balance b WHERE ${onHand}`,
      params,
      pageRows: {
        keys: inner,
        sql: (cut) => `SELECT l.* FROM distributor d CROSS JOIN LATERAL (
                         SELECT ${columns} FROM stock_balance b
                          WHERE b.distributor_id = d.id AND ${onHand} AND ${cut}
                          ORDER BY ${inner[0]}, b.product_id, b.batch_no, b.serial_no LIMIT :page_limit) l
                        WHERE ${distributors.join(' AND ')}`,
      },
      late,
      keys,
      cursorOf,
    });
  }

  /** Movements in scope, newest first. */
  movements(scope: Scope, page: PageArgs, filter: StockMovementFilter = {}): Promise<Page<StockMovementType>> {
    const owned = scopeCondition(scope, 'channelStock', 'm');
    const named = movements(scope);
    const params: Record<string, unknown> = { ...owned.params, ...named.params };
    const conditions = [owned.sql];
    for (const [key, sql] of [
      ['distributorId', 'm.distributor_id = :distributorId'],
      ['productId', 'm.product_id = :productId'],
      ['kind', 'm.kind = :kind'],
      ['from', 'm.occurred_on >= :from::date'],
      ['to', 'm.occurred_on <= :to::date'],
    ] as const) {
      if (filter[key]) {
        conditions.push(sql);
        params[key] = filter[key];
      }
    }
    return rawPage<StockMovementType>(this.ds, page, {
      sql: `${named.sql} WHERE ${conditions.join(' AND ')}`,
      params,
      direction: 'DESC',
      keys: ['r."occurredOn"', 'r.sort_at', 'r.id'],
      cursorOf: (r) => [String(r.occurredOn), String(r.sort_at), String(r.id)],
    });
  }

  /** Movements by id, in scope, in the order asked. */
  async byIds(scope: Scope, ids: readonly string[]): Promise<StockMovementType[]> {
    const owned = scopeCondition(scope, 'channelStock', 'm');
    const named = movements(scope);
    const [sql, params] = this.ds.driver.escapeQueryWithParameters(
      `${named.sql} WHERE m.id = ANY(:ids) AND ${owned.sql}`,
      { ...owned.params, ...named.params, ids },
    );
    const rows: StockMovementType[] = await this.ds.query(sql, params);
    return ids.map((id) => rows.find((r) => r.id === id)!).filter(Boolean);
  }

  /**
   * Units sold out, net of hospitals' returns and reversals, per hospital, department and product,
   * of the distributors in scope at the hospitals in scope (a brand user's regions); by hospital name.
   */
  sellOut(scope: Scope, page: PageArgs, filter: SellOutFilter = {}): Promise<Page<SellOutRowType>> {
    const q = sellOutQuery(scope, filter);
    return rawPage<SellOutRowType>(this.ds, page, {
      // a page groups the hospitals it shows; the count, the list by ids or a kept count (sell-out-query.ts)
      sql: q.sql,
      count: q.count,
      late: q.late,
      params: q.params,
      keys: [...SELL_OUT_ORDER],
      cursorOf: (r) => [String(r.hospitalName), String(r.hospitalId), String(r.sort_department), String(r.productId)],
    });
  }

  /** A scanned GS1 code read: the product with its GTIN (UDI-DI), and the viewer's own units of the lot. */
  async scan(scope: Scope, code: string): Promise<UdiScanType> {
    const udi = parseUdi(code);
    const [found] = await this.ds.query(`SELECT id FROM product WHERE brand_id = $1 AND udi_di = $2 LIMIT 1`, [
      scope.brandId,
      udi.gtin,
    ]);
    const product = found ? ((await this.products.byIds(scope, [found.id]))[0] ?? null) : null;
    let onHand = 0;
    if (product && scope.side === Side.PARTNER) {
      const [row] = await this.ds.query(
        `SELECT COALESCE(SUM(quantity), 0)::int AS n FROM stock_balance
          WHERE distributor_id = $1 AND product_id = $2 AND batch_no = $3 AND serial_no = $4`,
        [scope.distributorId, product.id, udi.batchNo ?? '', udi.serialNo ?? ''],
      );
      onHand = row.n;
    }
    return { ...udi, product, onHand };
  }
}
