import { COVERAGE_BUYING_DAYS, HospitalCoverage, OrderStatus, StockMovementKind } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';

/**
 * 目标医院 (docs/domain.md, "Dashboards"): hospital `h` is covered on `:cov_today` by a live
 * authorization of any distributor of its brand — named in the grant, or in a region (a province:
 * any of its cities) the grant names; live from its first day to its last, unless revoked by then.
 * The partner scope's reading of a grant (auth/scope.ts, 'hospital'), for every distributor.
 */
const TARGET = `EXISTS (SELECT 1 FROM authorization_grant cov_g
  WHERE cov_g.brand_id = h.brand_id
    AND cov_g.valid_from <= :cov_today::date AND cov_g.valid_to >= :cov_today::date
    AND (cov_g.revoked_from IS NULL OR cov_g.revoked_from > :cov_today::date)
    AND (h.id = ANY(cov_g.hospital_ids) OR h.region_id = ANY(cov_g.region_ids)
      OR h.region_id IN (SELECT cov_r.id FROM region cov_r WHERE cov_r.parent_id = ANY(cov_g.region_ids))))`;

/** 在采: hospital `h` bought since `:cov_since` — an order for it (neither rejected nor cancelled), or sell-out to it. */
export const BUYING = `(EXISTS (SELECT 1 FROM purchase_order cov_o
    WHERE cov_o.brand_id = h.brand_id AND cov_o.hospital_id = h.id AND cov_o.submitted_at >= :cov_since::date
      AND cov_o.status NOT IN ('${OrderStatus.REJECTED}', '${OrderStatus.CANCELLED}'))
  OR EXISTS (SELECT 1 FROM stock_movement cov_m
    WHERE cov_m.brand_id = h.brand_id AND cov_m.hospital_id = h.id AND cov_m.kind = '${StockMovementKind.SOLD_OUT}'
      AND cov_m.occurred_on >= :cov_since::date))`;

/** The condition on hospitals `h` of a coverage filter, with its parameters. */
export function coverageCondition(coverage: HospitalCoverage): { sql: string; params: Record<string, unknown> } {
  const params = { cov_today: today(), cov_since: addDays(today(), -COVERAGE_BUYING_DAYS) };
  return { sql: coverage === HospitalCoverage.TARGET ? TARGET : `(${TARGET} AND ${BUYING})`, params };
}
