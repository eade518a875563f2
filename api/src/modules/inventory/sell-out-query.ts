import { Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { addDays, addMonths, monthDays } from '../../common/dates';
import type { SellOutFilter } from './inventory.inputs';

/** The sell-out list's order (ascending) over sellOutQuery's rows `r`: by hospital name, then department and product; its keyset. */
export const SELL_OUT_ORDER = ['r."hospitalName"', 'r."hospitalId"', 'r.sort_department', 'r."productId"'] as const;

/** A range of days, either end open. */
export interface DaySpan {
  from?: string;
  to?: string;
}

/**
 * A range of days split where the monthly summary can serve it: `months`, the whole months inside
 * (their first days; an open end stays open), and `days`, what lies outside them at either edge.
 * With no whole month inside, the range is all `days`.
 */
export function monthSpans(from?: string | null, to?: string | null): { months: DaySpan | null; days: DaySpan[] } {
  const first = (day: string) => `${day.slice(0, 7)}-01`;
  // the first whole month on or after `from`; the last whole month on or before `to`
  const start = from ? (from.endsWith('-01') ? from : addMonths(first(from), 1)) : undefined;
  const end = to ? (addDays(to, 1).endsWith('-01') ? first(to) : addMonths(first(to), -1)) : undefined;
  if (start && end && start > end) return { months: null, days: [{ from: from ?? undefined, to: to ?? undefined }] };
  const days: DaySpan[] = [];
  if (from && start && from < start) days.push({ from, to: addDays(start, -1) });
  if (to && end && to >= addMonths(end, 1)) days.push({ from: addMonths(end, 1), to });
  return { months: { from: start, to: end }, days };
}

/** `column` within the span's given ends, as conditions; their parameters (`name`_from, `name`_to) are added to `params`. */
function within(column: string, name: string, span: DaySpan, params: Record<string, unknown>): string[] {
  const conditions: string[] = [];
  if (span.from) {
    conditions.push(`${column} >= :${name}_from::date`);
    params[`${name}_from`] = span.from;
  }
  if (span.to) {
    conditions.push(`${column} <= :${name}_to::date`);
    params[`${name}_to`] = span.to;
  }
  return conditions;
}

/**
 * The sell-out list's rows before paging: units sold out, net of hospitals' returns and reversals,
 * per hospital, department and product, of the distributors in scope at the hospitals in scope (a
 * brand user's regions); the dashboards count the same. Whole months are read from sell_out_month,
 * which the movements' trigger keeps equal to their sum (migration 1772400000000), and only the
 * days at the range's edges from the movements.
 *
 * - `sql`, the rows to page: the hospitals in scope walked in name order (hospital_brand_name),
 *   each one's sales grouped by department and product beside it (LATERAL), so a page groups the
 *   few hospitals it shows rather than the whole list (rawPage's cut on the leading key starts the
 *   walk at the cursor's hospital);
 * - `count`, the list's count (`n`) and its units: for a viewer who sees the whole brand and one
 *   whole month unfiltered but by region or hospital, the month's hospitals added up in
 *   sell_out_hospital_month, which the trigger keeps equal to this list (migration 1772500000000);
 *   otherwise the list's rows by ids only, grouped in one pass over the range;
 * - `late`, the department's and the product's names, joined to the rows a page or a batch shows
 *   (raw-page.ts).
 */
export function sellOutQuery(
  scope: Scope,
  filter: SellOutFilter = {},
): {
  sql: string;
  count: string;
  late: { select: string; joins: string };
  params: Record<string, unknown>;
} {
  const owned = scopeCondition(scope, 'channelStock', 'm');
  const hospital = scopeCondition(scope, 'hospital', 'h');
  const params: Record<string, unknown> = { ...owned.params, ...hospital.params };
  const hospitals = [hospital.sql];
  if (filter.regionId) {
    hospitals.push('h.region_id IN (SELECT sr.id FROM region sr WHERE sr.id = :regionId OR sr.parent_id = :regionId)');
    params.regionId = filter.regionId;
  }
  if (filter.hospitalId) {
    hospitals.push('h.id = :hospitalId');
    params.hospitalId = filter.hospitalId;
  }
  const common = [owned.sql];
  for (const [key, sql] of [
    ['productId', 'm.product_id = :productId'],
    ['distributorId', 'm.distributor_id = :distributorId'],
  ] as const) {
    if (filter[key]) {
      common.push(sql);
      params[key] = filter[key];
    }
  }
  const { months, days } = monthSpans(filter.from, filter.to);
  const monthConditions = months ? within('m.month', 'months', months, params) : [];
  const dayConditions = days.map((span, i) => within('m.occurred_on', `days${i}`, span, params));
  /** The sales at the hospitals `atHospital` names, by department and product (and hospital, `byHospital`). */
  const grouped = (atHospital: string, byHospital: boolean) => {
    const by = byHospital ? 's.hospital_id, ' : '';
    const parts: string[] = [];
    if (months) {
      parts.push(`SELECT m.hospital_id, m.department_id, m.product_id, m.sold
                    FROM sell_out_month m WHERE ${[...common, atHospital, ...monthConditions].join(' AND ')}`);
    }
    for (const conditions of dayConditions) {
      parts.push(`SELECT m.hospital_id, m.department_id, m.product_id, -m.quantity AS sold
                    FROM stock_movement m WHERE ${['m.hospital_id IS NOT NULL', ...common, atHospital, ...conditions].join(' AND ')}`);
    }
    return `SELECT ${by}s.department_id, s.product_id, SUM(s.sold)::int AS quantity
              FROM (${parts.join(' UNION ALL ')}) s
             GROUP BY ${by}s.department_id, s.product_id HAVING SUM(s.sold) <> 0`;
  };
  const inScope = `SELECT h.id FROM hospital h WHERE ${hospitals.join(' AND ')}`;
  const groups = grouped(`m.hospital_id IN (${inScope})`, true);
  const whole =
    scope.side === Side.BRAND &&
    scope.allRegions &&
    !filter.productId &&
    !filter.distributorId &&
    months?.from !== undefined &&
    months.from === months.to &&
    days.length === 0;
  // the brand's hospitals need no filter: each of the month's rows is one of them
  const kept = ['t.brand_id = :scope_brand', 't.month = :months_from::date'];
  if (hospitals.length > 1) kept.push(`t.hospital_id IN (${inScope})`);
  const count = whole
    ? `SELECT COALESCE(SUM(t.rows), 0)::int AS n, COALESCE(SUM(t.units), 0)::int AS units
         FROM sell_out_hospital_month t WHERE ${kept.join(' AND ')}`
    : `SELECT COUNT(*)::int AS n, COALESCE(SUM(g.quantity), 0)::int AS units FROM (${groups}) g`;
  return {
    sql: `SELECT h.id AS "hospitalId", h.name AS "hospitalName", rg.name AS "regionName",
                 g.department_id AS "departmentId", g.product_id AS "productId",
                 g.quantity, COALESCE(g.department_id::text, '') AS sort_department
            FROM hospital h CROSS JOIN LATERAL (${grouped('m.hospital_id = h.id', false)}) g
            LEFT JOIN region rg ON rg.id = h.region_id
           WHERE ${hospitals.join(' AND ')}`,
    count,
    late: {
      select: `hd.name AS "departmentName", p.name AS "productName", p.code AS "productCode"`,
      joins: `LEFT JOIN hospital_department hd ON hd.id = r."departmentId" LEFT JOIN product p ON p.id = r."productId"`,
    },
    params,
  };
}

/**
 * A month's sell-out list counted: its rows and their units, as one `json_build_object('rows', 'units')`:
 * the list's own count (sellOutQuery), which for a viewer who sees the whole brand adds up the
 * month's hospitals in sell_out_hospital_month. `month`: YYYY-MM.
 */
export function sellOutMonthTotals(scope: Scope, month: string): { sql: string; params: Record<string, unknown> } {
  const list = sellOutQuery(scope, monthDays(month));
  return { sql: `SELECT json_build_object('rows', c.n, 'units', c.units) FROM (${list.count}) c`, params: list.params };
}
