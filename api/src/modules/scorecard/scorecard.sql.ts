import type { EntityManager } from 'typeorm';
import { OrderStatus } from '@medchannel/shared-schema';

/** Orders that count as sell-in (as the targets' progress counts them): approved and after, not cancelled. */
const SELL_IN_STATUSES = [
  OrderStatus.APPROVED,
  OrderStatus.PARTIALLY_SHIPPED,
  OrderStatus.SHIPPED,
  OrderStatus.DELIVERED,
  OrderStatus.CLOSED,
];

/** What the one read answers per distributor: every input of every figure, as text (exact). */
export interface ScorecardInputsRow {
  distributorId: string;
  /** the tier in force on the as-of day */
  tier: number;
  target: string | null;
  sellIn: string;
  authorizedHospitals: number;
  hospitalsWithSellOut: number;
  /** per authorized product line: its name and the reps with a certificate valid at the quarter's end */
  lines: { line: string; reps: number }[];
  outstanding: string;
  overdue: string;
  balance: string;
  raised: string;
  commitments: number;
  acknowledged: number;
  instrumentsConfirmed: number;
  instrumentsFound: number;
  countsTaken: number;
  countsMatching: number;
}

export interface QuarterWindow {
  year: number;
  quarter: number;
  /** the quarter's first and last day, and the day payment is read at (the last day, or today while it runs) */
  from: string;
  to: string;
  asOf: string;
}

/**
 * Every figure's inputs for the distributors given, in ONE statement (a CTE per figure):
 * - attainment: the agreed targets' quarter amounts (their latest version) and the sell-in of
 *   their lines in the quarter (China time), at the lines' adjusted prices;
 * - coverage: hospitals the grants live in the quarter cover (named, or in a named region or its
 *   parent) and those among them with a sell-out movement in the quarter that was not reversed;
 * - certified reps: per product line granted, the distinct people of the distributor holding a
 *   certificate for it valid on the as-of day;
 * - payment: open receivables arisen by the as-of day and the part due before it; the ledger
 *   balance at that day and the receivables raised in the quarter (for DSO);
 * - commitments: those of visit notes about the distributor dated in the quarter, and the acknowledged;
 * - stocktake: the year's campaign: instruments confirmed and found where they stand; stock counts
 *   taken and matching what the movements derive.
 */
export async function scorecardInputs(
  em: EntityManager,
  brandId: string,
  distributorIds: readonly string[],
  w: QuarterWindow,
): Promise<ScorecardInputsRow[]> {
  return em.query(
    `WITH d AS (SELECT id, tier FROM distributor WHERE brand_id = $2 AND id = ANY($1::uuid[])),
     qs AS (SELECT ($5::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS s,
                   ($6::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai' AS e),
     targets AS (
       SELECT st.distributor_id, st.product_line_id, st.currency,
              (ARRAY[v.q1, v.q2, v.q3, v.q4])[$4::int] AS amount
         FROM sales_target st
         JOIN LATERAL (SELECT * FROM sales_target_version v WHERE v.target_id = st.id ORDER BY v.number DESC LIMIT 1) v ON TRUE
        WHERE st.distributor_id IN (SELECT id FROM d) AND st.status = 'AGREED' AND st.year = $3),
     attainment AS (
       SELECT t.distributor_id, SUM(t.amount) AS target,
              COALESCE(SUM((SELECT SUM(l.quantity * COALESCE(adj.to_unit_price, l.unit_price))
                 FROM purchase_order o CROSS JOIN qs
                 JOIN order_line l ON l.order_id = o.id
                 JOIN product p ON p.id = l.product_id AND p.product_line_id = t.product_line_id
                 LEFT JOIN LATERAL (SELECT a.to_unit_price FROM order_price_adjustment a WHERE a.order_line_id = l.id
                   ORDER BY a.created_at DESC, a.id DESC LIMIT 1) adj ON TRUE
                WHERE o.distributor_id = t.distributor_id AND o.currency = t.currency AND o.status = ANY($8::text[])
                  AND o.submitted_at >= qs.s AND o.submitted_at < qs.e)), 0) AS sell_in
         FROM targets t GROUP BY t.distributor_id),
     grants AS (
       SELECT g.* FROM authorization_grant g
        WHERE g.distributor_id IN (SELECT id FROM d) AND g.valid_from <= $6 AND g.valid_to >= $5
          AND (g.revoked_from IS NULL OR g.revoked_from > $5)),
     authorized AS (
       SELECT DISTINCT g.distributor_id, h.id AS hospital_id
         FROM grants g JOIN hospital h ON h.brand_id = $2
          AND (h.id = ANY(g.hospital_ids) OR h.region_id = ANY(g.region_ids)
            OR (SELECT r.parent_id FROM region r WHERE r.id = h.region_id) = ANY(g.region_ids))),
     coverage AS (
       SELECT a.distributor_id, COUNT(*)::int AS authorized,
              COUNT(*) FILTER (WHERE EXISTS (SELECT 1 FROM stock_movement m
                 WHERE m.distributor_id = a.distributor_id AND m.hospital_id = a.hospital_id AND m.kind = 'SOLD_OUT'
                   AND m.occurred_on BETWEEN $5 AND $6
                   AND NOT EXISTS (SELECT 1 FROM stock_movement r WHERE r.reverses_id = m.id)))::int AS with_sellout
         FROM authorized a GROUP BY a.distributor_id),
     lines AS (
       SELECT g.distributor_id, pl.name, COUNT(DISTINCT c.user_id)::int AS reps
         FROM (SELECT DISTINCT distributor_id, unnest(product_line_ids) AS line_id FROM grants) g
         JOIN product_line pl ON pl.id = g.line_id
         LEFT JOIN certificate c ON c.distributor_id = g.distributor_id AND g.line_id = ANY(c.product_line_ids)
          AND c.issued_on <= $7 AND c.valid_to >= $7
        GROUP BY g.distributor_id, pl.name),
     certified AS (
       SELECT distributor_id, json_agg(json_build_object('line', name, 'reps', reps) ORDER BY name) AS lines
         FROM lines GROUP BY distributor_id),
     receivable AS (
       SELECT i.distributor_id, SUM(i.outstanding) AS outstanding,
              COALESCE(SUM(i.outstanding) FILTER (WHERE i.due_on < $7), 0) AS overdue
         FROM receivable_open_item i
        WHERE i.distributor_id IN (SELECT id FROM d) AND i.occurred_on <= $7 GROUP BY i.distributor_id),
     ledger AS (
       SELECT e.distributor_id, COALESCE(SUM(e.amount) FILTER (WHERE e.occurred_on <= $7), 0) AS balance,
              COALESCE(SUM(e.amount) FILTER (WHERE e.kind = 'SHIPMENT_RECEIVABLE' AND e.occurred_on BETWEEN $5 AND $7), 0) AS raised
         FROM ledger_entry e WHERE e.distributor_id IN (SELECT id FROM d) GROUP BY e.distributor_id),
     commitments AS (
       SELECT n.distributor_id, COUNT(*)::int AS total, COUNT(*) FILTER (WHERE c.status = 'ACKNOWLEDGED')::int AS acknowledged
         FROM visit_commitment c JOIN visit_note n ON n.id = c.note_id
        WHERE n.distributor_id IN (SELECT id FROM d) AND n.visited_on BETWEEN $5 AND $6 GROUP BY n.distributor_id),
     instruments AS (
       SELECT i.distributor_id, COUNT(*) FILTER (WHERE i.finding IS NOT NULL)::int AS confirmed,
              COUNT(*) FILTER (WHERE i.finding = 'FOUND')::int AS found
         FROM stocktake_item i JOIN stocktake_campaign sc ON sc.id = i.campaign_id AND sc.brand_id = $2 AND sc.year = $3
        WHERE i.distributor_id IN (SELECT id FROM d) GROUP BY i.distributor_id),
     counts AS (
       SELECT k.distributor_id, COUNT(*)::int AS taken, COUNT(*) FILTER (WHERE k.counted = k.derived)::int AS matching
         FROM stocktake_count k JOIN stocktake_campaign sc ON sc.id = k.campaign_id AND sc.brand_id = $2 AND sc.year = $3
        WHERE k.distributor_id IN (SELECT id FROM d) GROUP BY k.distributor_id)
     SELECT d.id AS "distributorId",
            COALESCE((SELECT dt.tier FROM distributor_tier dt WHERE dt.distributor_id = d.id AND dt.effective_from <= $7
              ORDER BY dt.effective_from DESC LIMIT 1), d.tier)::int AS tier,
            a.target::numeric(18,2)::text AS target, COALESCE(a.sell_in, 0)::numeric(18,2)::text AS "sellIn",
            COALESCE(cv.authorized, 0) AS "authorizedHospitals", COALESCE(cv.with_sellout, 0) AS "hospitalsWithSellOut",
            COALESCE(ce.lines, '[]'::json) AS lines,
            COALESCE(rc.outstanding, 0)::numeric(18,2)::text AS outstanding, COALESCE(rc.overdue, 0)::numeric(18,2)::text AS overdue,
            COALESCE(lg.balance, 0)::numeric(18,2)::text AS balance, COALESCE(lg.raised, 0)::numeric(18,2)::text AS raised,
            COALESCE(cm.total, 0) AS commitments, COALESCE(cm.acknowledged, 0) AS acknowledged,
            COALESCE(ins.confirmed, 0) AS "instrumentsConfirmed", COALESCE(ins.found, 0) AS "instrumentsFound",
            COALESCE(ct.taken, 0) AS "countsTaken", COALESCE(ct.matching, 0) AS "countsMatching"
       FROM d
       LEFT JOIN attainment a ON a.distributor_id = d.id
       LEFT JOIN coverage cv ON cv.distributor_id = d.id
       LEFT JOIN certified ce ON ce.distributor_id = d.id
       LEFT JOIN receivable rc ON rc.distributor_id = d.id
       LEFT JOIN ledger lg ON lg.distributor_id = d.id
       LEFT JOIN commitments cm ON cm.distributor_id = d.id
       LEFT JOIN instruments ins ON ins.distributor_id = d.id
       LEFT JOIN counts ct ON ct.distributor_id = d.id`,
    [distributorIds, brandId, w.year, w.quarter, w.from, w.to, w.asOf, SELL_IN_STATUSES],
  );
}
