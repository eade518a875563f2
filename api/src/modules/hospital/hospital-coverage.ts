import { COVERAGE_BUYING_DAYS, HospitalCoverage, OrderStatus } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';

/** A grant of brand `:cov_brand` live on `:cov_today` (from its first day to its last, unless revoked by then). */
const LIVE = `cov_g.brand_id = :cov_brand AND cov_g.valid_from <= :cov_today::date AND cov_g.valid_to >= :cov_today::date
    AND (cov_g.revoked_from IS NULL OR cov_g.revoked_from > :cov_today::date)`;

/**
 * 目标医院 (docs/domain.md, "Dashboards"): hospital `h` is covered on `:cov_today` by a live
 * authorization of any distributor of its brand — named in the grant, or in a region (a province:
 * any of its cities) the grant names. The partner scope's reading of a grant (auth/scope.ts,
 * 'hospital'), for every distributor. Set-based: the brand's live grants are read once into the
 * hospitals and regions they cover (hashed), not once per hospital — at full scale (20,000
 * hospitals, 500 grants) the per-hospital form took minutes.
 */
const TARGET = `(h.id IN (SELECT unnest(cov_g.hospital_ids) FROM authorization_grant cov_g WHERE ${LIVE})
  OR h.region_id IN (SELECT unnest(cov_g.region_ids) FROM authorization_grant cov_g WHERE ${LIVE})
  OR h.region_id IN (SELECT cov_r.id FROM region cov_r JOIN authorization_grant cov_g ON cov_r.parent_id = ANY(cov_g.region_ids)
    WHERE ${LIVE}))`;

/**
 * 在采: hospital `h` bought since `:cov_since` — a sale went to it (a SOLD_OUT movement, whether
 * reversed or returned since), or an order was placed for it (neither rejected nor cancelled).
 * Set-based for the sales: the hospitals whose last day of sale (sell_out_hospital_last, kept by
 * the movements' trigger) is on or after the day, hashed once, so only the hospitals not in it
 * probe their orders (an index probe each) — at full scale two probes per hospital took most of
 * the dashboard's time. The sales come first: PostgreSQL tries an OR's arms in the order written.
 */
export const BUYING = `(h.id IN (SELECT cov_l.hospital_id FROM sell_out_hospital_last cov_l
    WHERE cov_l.brand_id = :cov_brand AND cov_l.last_sold_on >= :cov_since::date)
  OR EXISTS (SELECT 1 FROM purchase_order cov_o
    WHERE cov_o.brand_id = h.brand_id AND cov_o.hospital_id = h.id AND cov_o.submitted_at >= :cov_since::date
      AND cov_o.status NOT IN ('${OrderStatus.REJECTED}', '${OrderStatus.CANCELLED}')))`;

/** The condition on hospitals `h` of brand `brandId` of a coverage filter, with its parameters. */
export function coverageCondition(
  coverage: HospitalCoverage,
  brandId: string,
): { sql: string; params: Record<string, unknown> } {
  const params = { cov_brand: brandId, cov_today: today(), cov_since: addDays(today(), -COVERAGE_BUYING_DAYS) };
  return { sql: coverage === HospitalCoverage.TARGET ? TARGET : `(${TARGET} AND ${BUYING})`, params };
}
