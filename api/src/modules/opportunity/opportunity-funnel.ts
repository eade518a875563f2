import { Side } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import type { OpportunityFilter } from './opportunity.types';

/** The filters the summary answers: each names one of its columns. */
const ANSWERED: ReadonlySet<string> = new Set<keyof OpportunityFilter>(['stage', 'distributorId']);

/** A condition over `opportunity_funnel f`, with its named parameters. */
export interface FunnelRows {
  where: string;
  params: Record<string, unknown>;
}

/**
 * The rows of the funnel summary (`opportunity_funnel`, migration OpportunityFunnel) that hold
 * exactly the opportunities the list shows this viewer for this filter, or null when it cannot say:
 * then the caller counts the opportunities themselves.
 *
 * The summary keeps a brand, a distributor, a stage and a currency. It answers a viewer whose scope
 * names nothing else: an admin (the brand) and a partner (its distributors), read through the scope
 * helper's own condition, so the two cannot drift apart. Other brand users see opportunities by their
 * owner and their hospital's region too, and the filters `mine`, `regionId`, `search` and
 * `registration` name what the summary does not keep: those are counted from the rows. A filter
 * field added later is counted from the rows until it is listed in ANSWERED.
 */
export function funnelRows(scope: Scope, filter: OpportunityFilter, withStage: boolean): FunnelRows | null {
  if (scope.side === Side.BRAND && !scope.allRegions) return null;
  if (Object.entries(filter).some(([key, value]) => value && !ANSWERED.has(key))) return null;
  const { sql, params } = scopeCondition(scope, 'opportunity', 'f');
  const where = [sql];
  const named: Record<string, unknown> = { ...params };
  if (withStage && filter.stage) {
    where.push('f.stage = :stage');
    named.stage = filter.stage;
  }
  if (filter.distributorId) {
    where.push('f.distributor_id = :distributorId');
    named.distributorId = filter.distributorId;
  }
  return { where: where.join(' AND '), params: named };
}

/** How many opportunities the rows hold, as one SQL expression (a list's total). */
export const funnelCount = (rows: FunnelRows) =>
  `(SELECT coalesce(SUM(f.n), 0)::int FROM opportunity_funnel f WHERE ${rows.where})`;
