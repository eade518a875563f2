import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Region } from '../region';
import { Hospital } from './hospital.entity';
import { servesHospitalSql } from './serving';

/**
 * A page of hospitals with what each row of the list names (its city and that city's province,
 * the distributors serving it), built with the page in one statement (paginateTree): each part
 * only when the request's selection under `nodes` asks for it, each record under the scope
 * helper's own condition, so one the viewer may not see is left out, as from its loaders. The
 * request's loaders are primed with it, so the field resolvers answer from memory.
 */
export interface HospitalPageParts {
  region: boolean;
  servingDistributors: boolean;
}

export function hospitalPageParts(nodes: Selection | undefined): HospitalPageParts {
  return { region: asks(nodes, 'region'), servingDistributors: asks(nodes, 'servingDistributors') };
}

export interface HospitalNode {
  hospital: Hospital;
  parts: HospitalPageParts;
  region: Region | null;
  /** the region's parent (the province of a city), as the region loader primes it */
  regionParent: Region | null;
  servingDistributors: Distributor[] | undefined;
}

interface NodeJson {
  row: Json;
  region?: Json | null;
  regionParent?: Json | null;
  serving?: Json[];
}

/** The page's node over hospital `h`, for paginateTree. */
export function hospitalPageTree(ds: DataSource, scope: Scope, parts: HospitalPageParts): PageTree<HospitalNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the authorization service's rule, on the business calendar's today
  kit.params.serving_today = today();
  const node = fields([
    ['row', row(Hospital, 'h')],
    parts.region && ['region', one(Region, 'region', 'hreg', 'h.region_id', 'brand')],
    parts.region && [
      'regionParent',
      `(SELECT ${row(Region, 'hrp')} FROM region hrp JOIN region hrc ON hrc.parent_id = hrp.id
         WHERE hrc.id = h.region_id AND ${inScope('brand', 'hrp')})`,
    ],
    // the distributors the viewer may see, with a grant the viewer may see serving the hospital
    parts.servingDistributors && [
      'serving',
      list(
        row(Distributor, 'sd'),
        `distributor sd WHERE ${inScope('distributor', 'sd')} AND EXISTS (
           SELECT 1 FROM authorization_grant g JOIN region hr ON hr.id = h.region_id
            WHERE g.distributor_id = sd.id AND g.brand_id = h.brand_id
              AND ${inScope('distributorOwned', 'g')} AND ${servesHospitalSql('g', 'h', 'hr', 'serving_today')})`,
        'sd.name COLLATE "C", sd.id',
      ),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        hospital: fromJsonRow(ds, Hospital, n.row),
        parts,
        region: entity(Region, n.region),
        regionParent: entity(Region, n.regionParent),
        servingDistributors: n.serving?.map((d) => fromJsonRow(ds, Distributor, d)),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes; returns the hospitals. */
export function primeHospitalPage(loaders: Loaders, nodes: HospitalNode[]): Hospital[] {
  return nodes.map((n) => {
    const h = n.hospital;
    if (n.parts.region) {
      loaders.regionById.prime(h.regionId, n.region);
      if (n.regionParent) loaders.regionById.prime(n.regionParent.id, n.regionParent);
    }
    if (n.servingDistributors) {
      loaders.servingDistributorIdsByHospitalId.prime(
        h.id,
        n.servingDistributors.map((d) => d.id),
      );
      for (const d of n.servingDistributors) loaders.distributorById.prime(d.id, d);
    }
    return h;
  });
}
