import { tierOnSql } from '../distributor';

export interface SeriesRow {
  targetId: string;
  /** YYYY-MM */
  month: string;
  /** sell-in of the month, "0.00" when none */
  sellIn: string;
  /** sell-out valued at the distributor's tier price on each line's day; null when the month is not reported */
  sellOut: string | null;
}

/**
 * The twelve months of each target's year (`visible`: a statement selecting the target ids in view),
 * in one statement:
 * - sell-in: the orders that count (`:statuses`), by month submitted (China time), their lines of
 *   the target's product line at their latest price (as `TargetService.monthsOf`);
 * - sell-out (流向): the distributor's movements to and from hospitals (sold out, returned, and
 *   their reversals, the sell-out list's net), each line valued at the price-list entry in force on
 *   its day for the distributor's tier on that day (tierOnSql), else the product's list price, in
 *   the target's currency. A month is reported when a sell-out upload for it is committed or a
 *   sell-out movement falls in it; otherwise its sell-out is null, not zero.
 */
export function seriesSql(visible: string): string {
  return `WITH t AS (
      SELECT st.id, st.brand_id, st.distributor_id, st.product_line_id, st.currency, st.year
        FROM sales_target st WHERE st.id IN (${visible})),
    sell_in AS (
      SELECT t.id, to_char(o.submitted_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month,
             SUM(l.quantity * COALESCE(adj.to_unit_price, l.unit_price)) AS amount
        FROM t
        JOIN purchase_order o ON o.distributor_id = t.distributor_id AND o.brand_id = t.brand_id
         AND o.currency = t.currency AND o.status = ANY(:statuses)
         AND o.submitted_at >= make_timestamptz(t.year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
         AND o.submitted_at < make_timestamptz(t.year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
        JOIN order_line l ON l.order_id = o.id
        JOIN product p ON p.id = l.product_id AND p.product_line_id = t.product_line_id
        LEFT JOIN LATERAL (SELECT a.to_unit_price FROM order_price_adjustment a WHERE a.order_line_id = l.id
          ORDER BY a.created_at DESC, a.id DESC LIMIT 1) adj ON TRUE
       GROUP BY t.id, month),
    moved AS (
      SELECT t.id, to_char(m.occurred_on, 'YYYY-MM') AS month, p.product_line_id = t.product_line_id AS in_line,
             -m.quantity AS units,
             COALESCE(
               (SELECT e.price FROM price_list_entry e
                 WHERE e.product_id = m.product_id AND e.tier = ${tierOnSql('t.distributor_id', 'm.occurred_on')}
                   AND e.effective_from <= m.occurred_on AND (e.effective_to IS NULL OR e.effective_to >= m.occurred_on)
                   AND e.currency = t.currency
                 ORDER BY e.effective_from DESC LIMIT 1),
               CASE WHEN p.currency = t.currency THEN p.list_price END) AS price
        FROM t
        JOIN stock_movement m ON m.distributor_id = t.distributor_id AND m.brand_id = t.brand_id
         AND m.hospital_id IS NOT NULL
         AND m.occurred_on >= make_date(t.year, 1, 1) AND m.occurred_on < make_date(t.year + 1, 1, 1)
        JOIN product p ON p.id = m.product_id),
    sell_out AS (
      SELECT id, month, SUM(units * price) FILTER (WHERE in_line) AS amount FROM moved GROUP BY id, month),
    uploaded AS (
      SELECT DISTINCT t.id, u.month FROM t
        JOIN sellout_upload u ON u.distributor_id = t.distributor_id AND u.brand_id = t.brand_id
         AND u.kind = 'SELL_OUT' AND u.status = 'COMMITTED' AND u.month LIKE t.year::text || '-%')
    SELECT t.id AS "targetId", to_char(gs.m, 'YYYY-MM') AS month,
           COALESCE(si.amount, 0)::numeric(18,2)::text AS "sellIn",
           CASE WHEN so.id IS NOT NULL OR up.id IS NOT NULL
             THEN COALESCE(so.amount, 0)::numeric(18,2)::text END AS "sellOut"
      FROM t
      CROSS JOIN LATERAL generate_series(make_date(t.year, 1, 1), make_date(t.year, 12, 1), interval '1 month') gs(m)
      LEFT JOIN sell_in si ON si.id = t.id AND si.month = to_char(gs.m, 'YYYY-MM')
      LEFT JOIN sell_out so ON so.id = t.id AND so.month = to_char(gs.m, 'YYYY-MM')
      LEFT JOIN uploaded up ON up.id = t.id AND up.month = to_char(gs.m, 'YYYY-MM')
     ORDER BY t.id, month`;
}
