/**
 * SQL fragments of placements `p` shared by the lists and the commitment reads: the names a row
 * shows, and the reagent units sold out (net) to where the placement stood in one month.
 */

/** A placement's columns with its names, over `placement p`. */
export const PLACEMENT_COLUMNS = `p.id, p.distributor_id AS "distributorId", d.name AS "distributorName", p.product_id AS "productId",
  pr.name AS "productName", p.serial_no AS "serialNo", p.source, p.trial_id AS "trialId", p.hospital_id AS "hospitalId",
  h.name AS "hospitalName", p.department_id AS "departmentId", hd.name AS "departmentName",
  p.reagent_line_id AS "reagentLineId", pl.name AS "reagentLineName", p.commitment_quantity AS "commitmentQuantity",
  p.commitment_period AS "commitmentPeriod", p.starts_on::text AS "startsOn", p.ends_on::text AS "endsOn", p.status,
  p.returned_on::text AS "returnedOn", p.version, p.created_at AS "createdAt",
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sort_at`;

/**
 * The names a placement `p` shows; its hospital's and department's only where the viewer sees the
 * hospital (`hospitalSql`: the scope's hospital condition over `h`), never a name the scope hides.
 */
export const placementJoins = (hospitalSql: string) => `JOIN distributor d ON d.id = p.distributor_id
  JOIN product pr ON pr.id = p.product_id JOIN product_line pl ON pl.id = p.reagent_line_id
  LEFT JOIN hospital h ON h.id = p.hospital_id AND ${hospitalSql}
  LEFT JOIN hospital_department hd ON hd.id = p.department_id AND h.id IS NOT NULL`;

/** The units a month of placement `p` commits: a yearly commitment counts a twelfth (rounded) each month. */
const committedOf = (a: string) =>
  `CASE WHEN ${a}.commitment_period = 'MONTH' THEN ${a}.commitment_quantity ELSE round(${a}.commitment_quantity / 12.0)::int END`;
export const COMMITTED = committedOf('p');

/**
 * Reagent units of p's line sold out, net of returns and reversals, in the month starting `month`
 * (a date expression) to the department p stood at in that month (its latest event before the
 * month's end), by p's distributor and its second tier: the month's rows of sell_out_month.
 */
export const actualIn = (month: string) => `COALESCE((SELECT SUM(sm.sold)::int
    FROM sell_out_month sm JOIN product rp ON rp.id = sm.product_id
   WHERE (sm.hospital_id, sm.department_id) = (SELECT e.hospital_id, e.department_id FROM placement_event e
           WHERE e.placement_id = p.id AND e.occurred_on < (${month}) + interval '1 month'
           ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 1)
     AND rp.product_line_id = p.reagent_line_id AND sm.month = (${month})::date
     AND sm.distributor_id IN (SELECT dd.id FROM distributor dd WHERE dd.id = p.distributor_id OR dd.parent_id = p.distributor_id)), 0)`;

/**
 * The last complete month (China date `:today`) fell short of p's commitment, p placed through it.
 * Set-based: the month's sell-out of brand `:shortBrand` (its sell_out_month rows) is grouped once by
 * where it went (hospital, department, line, distributor) and joined to where each placement stood at the month's end; the
 * same figure as `actualIn` per placement, which at 20,000 placements cost a sub-select each (11 s).
 */
export const SHORT_LAST_MONTH = `p.id IN (
  SELECT q.id
    FROM placement q
    LEFT JOIN LATERAL (SELECT e.hospital_id, e.department_id FROM placement_event e
                        WHERE e.placement_id = q.id AND e.occurred_on < date_trunc('month', :today::date)
                        ORDER BY e.occurred_on DESC, e.created_at DESC LIMIT 1) at ON true
    LEFT JOIN (SELECT sm.hospital_id, sm.department_id, rp.product_line_id, sm.distributor_id, SUM(sm.sold) AS units
                 FROM sell_out_month sm JOIN product rp ON rp.id = sm.product_id
                WHERE sm.brand_id = :shortBrand AND sm.month = (date_trunc('month', :today::date) - interval '1 month')::date
                GROUP BY 1, 2, 3, 4) s
      ON s.hospital_id = at.hospital_id AND s.department_id = at.department_id AND s.product_line_id = q.reagent_line_id
     AND s.distributor_id IN (SELECT dd.id FROM distributor dd WHERE dd.id = q.distributor_id OR dd.parent_id = q.distributor_id)
   WHERE q.brand_id = :shortBrand AND q.status = 'PLACED'
     AND q.starts_on < date_trunc('month', :today::date) AND q.ends_on >= date_trunc('month', :today::date) - interval '1 month'
   GROUP BY q.id, q.commitment_period, q.commitment_quantity
  HAVING COALESCE(SUM(s.units), 0)::int < ${committedOf('q')})`;
