import type { DataSource, EntityManager } from 'typeorm';
import { today } from '../../common/dates';
import { illegal } from '../../common/errors';

/**
 * A distributor's tier on a day, in SQL: the latest row of its tier history (distributor_tier,
 * appended by an approved re-tier, module scorecard, or a change on the profile) effective by that
 * day (the later of two from the same day), else the tier it was created with (distributor.tier).
 * Price resolution reads it, so a re-tier from a date moves the prices from that date and orders
 * placed before keep theirs. `distributorId` and `on` are SQL expressions (a column or a parameter).
 */
export function tierOnSql(distributorId: string, on: string): string {
  return `COALESCE((SELECT dt.tier FROM distributor_tier dt WHERE dt.distributor_id = ${distributorId}
      AND dt.effective_from <= ${on} ORDER BY dt.effective_from DESC, dt.created_at DESC LIMIT 1),
    (SELECT dd.tier FROM distributor dd WHERE dd.id = ${distributorId}))`;
}

export interface TierChange {
  brandId: string;
  distributorId: string;
  tier: number;
  /** the first day it applies: today or later */
  from: string;
  /** the approved re-tier proposal it comes from; null for a change on the profile */
  proposalId: string | null;
  createdBy: string;
}

/**
 * Appends a tier to the distributor's history: the one way a tier changes, so the profile's tier and
 * the prices never disagree. History is appended in date order: a change from a day that already has
 * a later change (or, for a dated re-tier, one from that day) is refused; two changes on the profile
 * the same day append both and the later applies. The caller moves `distributor.tier` (the tier in
 * force today, which the profile shows) when `from` is today; `applyTiersDue` moves it on the day.
 */
export async function appendTier(em: EntityManager, change: TierChange, sameDay = false): Promise<void> {
  const [later] = await em.query(
    `SELECT 1 FROM distributor_tier WHERE distributor_id = $1 AND effective_from ${sameDay ? '>' : '>='} $2 LIMIT 1`,
    [change.distributorId, change.from],
  );
  if (later) throw illegal('A tier change applies from that date or later already');
  await em.query(
    `INSERT INTO distributor_tier (brand_id, distributor_id, tier, effective_from, proposal_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [change.brandId, change.distributorId, change.tier, change.from, change.proposalId, change.createdBy],
  );
}

/**
 * The scheduled job that keeps the profile's tier (`distributor.tier`, which lists filter and show)
 * equal to the tier in force today, once a re-tier approved from a later date comes due. One
 * statement; a distributor already at its tier is not touched. Answers how many moved.
 */
export async function applyTiersDue(ds: DataSource, now: Date = new Date()): Promise<number> {
  const [row] = await ds.query(
    `WITH due AS (
       SELECT DISTINCT ON (distributor_id) distributor_id, tier FROM distributor_tier
        WHERE effective_from <= $1 ORDER BY distributor_id, effective_from DESC, created_at DESC),
     moved AS (
       UPDATE distributor d SET tier = due.tier, version = d.version + 1, updated_at = now()
         FROM due WHERE d.id = due.distributor_id AND d.tier <> due.tier RETURNING d.id)
     SELECT count(*)::int AS n FROM moved`,
    [today(now)],
  );
  return row.n;
}
