import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Region } from '../region';
import { User } from '../user';
import { Distributor } from './distributor.entity';

/**
 * A page of distributors with what each row of the list names (its region and the province above
 * it when asked, its channel manager, its first tier), built with the page in one statement (paginateTree),
 * each part only when the request's selection under `nodes` asks for it and under the scope
 * helper's own condition; the request's loaders are primed with it, as from their own batches.
 */
export interface DistributorPageParts {
  region: boolean;
  /** the province above the region, only when the rows ask for the region's parent (a subquery per row otherwise spent for nothing) */
  province: boolean;
  channelManager: boolean;
  parent: boolean;
}

export const distributorPageParts = (nodes: Selection | undefined): DistributorPageParts => ({
  region: asks(nodes, 'region'),
  province: asks(nodes?.region, 'parent'),
  channelManager: asks(nodes, 'channelManager'),
  parent: asks(nodes, 'parent'),
});

export interface DistributorNode {
  distributor: Distributor;
  parts: DistributorPageParts;
  /** the region and, when asked, the province above it (regionById primes parents alike) */
  regions: Region[];
  channelManager: User | null;
  parent: Distributor | null;
}

interface NodeJson {
  row: Json;
  region?: Json | null;
  province?: Json | null;
  channelManager?: Json | null;
  parent?: Json | null;
}

/** The page's node over distributor `d`, for paginateTree. */
export function distributorPageTree(
  ds: DataSource,
  scope: Scope,
  parts: DistributorPageParts,
): PageTree<DistributorNode> {
  const { params, row, fields, one, inScope, entity } = jsonTreeKit(ds, scope);
  const node = fields([
    ['row', row(Distributor, 'd')],
    parts.region && ['region', one(Region, 'region', 'dr', 'd.region_id', 'brand')],
    parts.region &&
      parts.province && [
        'province',
        `(SELECT ${row(Region, 'dp')} FROM region dp JOIN region dc ON dc.parent_id = dp.id
         WHERE dc.id = d.region_id AND ${inScope('brand', 'dp')})`,
      ],
    parts.channelManager && ['channelManager', one(User, 'app_user', 'dm', 'd.channel_manager_id', 'user')],
    parts.parent && ['parent', one(Distributor, 'distributor', 'dt', 'd.parent_id', 'distributor')],
  ]);
  return {
    node,
    params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        distributor: fromJsonRow(ds, Distributor, n.row),
        parts,
        regions: [entity(Region, n.region), entity(Region, n.province)].filter((r): r is Region => r !== null),
        channelManager: entity(User, n.channelManager),
        parent: entity(Distributor, n.parent),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the distributors. */
export function primeDistributorPage(loaders: Loaders, nodes: DistributorNode[]): Distributor[] {
  return nodes.map(({ distributor: d, parts, regions, channelManager, parent }) => {
    loaders.distributorById.prime(d.id, d);
    if (parts.region) {
      for (const r of regions) loaders.regionById.prime(r.id, r);
      if (d.regionId && !regions.some((r) => r.id === d.regionId)) loaders.regionById.prime(d.regionId, null);
    }
    if (parts.channelManager && d.channelManagerId) loaders.userById.prime(d.channelManagerId, channelManager);
    if (parts.parent && d.parentId) loaders.distributorById.prime(d.parentId, parent);
    return d;
  });
}
