import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Region } from '../region';

/**
 * What a row of the receivables aging names (its distributor, and the distributor's region), read
 * in the aging's own statement: each under the scope helper's condition, as its loader reads it,
 * and only when the request's selection asks. The request's loaders are primed with them, so the
 * page costs the session lookup and one statement.
 */
export interface AgingTreeParts {
  distributor: boolean;
  region: boolean;
}

export const agingTreeParts = (nodes: Selection | undefined): AgingTreeParts => ({
  distributor: asks(nodes, 'distributor'),
  region: asks(nodes?.distributor, 'region'),
});

/** A JSON expression over the aging row's `p.distributor_id`, with the parameters its conditions name. */
export interface AgingRowTree {
  sql: string;
  params: Record<string, unknown>;
}

export function agingRowTree(ds: DataSource, scope: Scope, parts: AgingTreeParts): AgingRowTree | null {
  if (!parts.distributor) return null;
  const { fields, one, row, inScope, params } = jsonTreeKit(ds, scope);
  const sql = fields([
    ['distributor', one(Distributor, 'distributor', 'ad', 'p.distributor_id', 'distributor')],
    parts.region && [
      'region',
      `(SELECT ${row(Region, 'ar')} FROM region ar JOIN distributor ard ON ard.region_id = ar.id
         WHERE ard.id = p.distributor_id AND ${inScope('brand', 'ar')})`,
    ],
  ]);
  return { sql, params };
}

/** Primes the request's loaders with the rows' trees (a record the scope hides as null). */
export function primeAgingRows(
  ds: DataSource,
  loaders: Loaders,
  parts: AgingTreeParts,
  rows: Array<{ distributorId: string; tree?: Json | null }>,
): void {
  for (const { distributorId, tree } of rows) {
    const json = tree?.distributor as Json | null | undefined;
    const distributor = json ? fromJsonRow(ds, Distributor, json) : null;
    loaders.distributorById.prime(distributorId, distributor);
    if (parts.region && distributor?.regionId) {
      const region = tree?.region as Json | null | undefined;
      loaders.regionById.prime(distributor.regionId, region ? fromJsonRow(ds, Region, region) : null);
    }
  }
}
