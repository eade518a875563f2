import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { AuthorizationGrant } from '../authorization';
import { Distributor } from '../distributor';
import { ProductLine } from '../product';
import { Region } from '../region';
import { User } from '../user';
import { VisitNoteNode, VisitNotePageParts, primeVisitNotePage, visitNotePageParts, visitNotePageTree } from '../visit';
import { Hospital } from './hospital.entity';
import { Place, PlaceJson, placeParts, primePlace, readPlace } from './hospital-place-tree';
import { coversHospitalSql, servesHospitalSql } from './serving';

/**
 * A page of hospitals with what the rows of the lists name (city and province, departments,
 * contacts with their history, authorizations with their product lines, the distributors serving
 * it with their channel manager, the visit notes the viewer may read through the visit notes' own
 * tree), built with the page in one statement (paginateTree): each part only when the request's
 * selection under `nodes` asks for it, each record under the scope helper's own condition, so one
 * the viewer may not see is left out or null, as from its loaders. The request's loaders are
 * primed with it, so the field resolvers answer from memory.
 */
export interface HospitalPageParts {
  region: boolean;
  departments: boolean;
  contacts: boolean;
  contactHistory: boolean;
  authorizations: boolean;
  authorizationLines: boolean;
  servingDistributors: boolean;
  channelManagers: boolean;
  visitNotes: VisitNotePageParts | null;
}

export function hospitalPageParts(nodes: Selection | undefined): HospitalPageParts {
  return {
    region: asks(nodes, 'region'),
    departments: asks(nodes, 'departments'),
    contacts: asks(nodes, 'contacts'),
    contactHistory: asks(nodes?.contacts, 'history'),
    authorizations: asks(nodes, 'authorizations'),
    authorizationLines: asks(nodes?.authorizations, 'productLines'),
    servingDistributors: asks(nodes, 'servingDistributors'),
    channelManagers: asks(nodes?.servingDistributors, 'channelManager'),
    visitNotes: asks(nodes, 'visitNotes') ? visitNotePageParts(nodes?.visitNotes) : null,
  };
}

interface Grant {
  grant: AuthorizationGrant;
  productLines: ProductLine[] | undefined;
}

interface Serving {
  distributor: Distributor;
  channelManager: User | null;
}

export interface HospitalNode extends Place {
  hospital: Hospital;
  parts: HospitalPageParts;
  region: Region | null;
  /** the region's parent (the province of a city), as the region loader primes it */
  regionParent: Region | null;
  authorizations: Grant[] | undefined;
  servingDistributors: Serving[] | undefined;
  visitNotes: VisitNoteNode[] | undefined;
}

interface NodeJson extends PlaceJson {
  row: Json;
  region?: Json | null;
  regionParent?: Json | null;
  authorizations?: Array<{ row: Json; productLines?: Json[] }>;
  serving?: Array<{ row: Json; channelManager?: Json | null }>;
  visitNotes?: Json[];
}

/** The page's node over hospital `h`, for paginateTree. */
export function hospitalPageTree(ds: DataSource, scope: Scope, parts: HospitalPageParts): PageTree<HospitalNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the authorization service's rules, on the business calendar's today
  kit.params.serving_today = today();
  // the notes as the visit notes' pages read them (their tree over alias `vn`)
  const notes = parts.visitNotes && visitNotePageTree(ds, scope, parts.visitNotes);
  if (notes) Object.assign(kit.params, notes.params);
  const node = fields([
    ['row', row(Hospital, 'h')],
    parts.region && ['region', one(Region, 'region', 'hreg', 'h.region_id', 'brand')],
    parts.region && [
      'regionParent',
      `(SELECT ${row(Region, 'hrp')} FROM region hrp JOIN region hrc ON hrc.parent_id = hrp.id
         WHERE hrc.id = h.region_id AND ${inScope('brand', 'hrp')})`,
    ],
    ...placeParts(kit, 'h.id', 'h', parts),
    // the grants the viewer may see naming or covering it that have not ended, latest end first
    parts.authorizations && [
      'authorizations',
      list(
        fields([
          ['row', row(AuthorizationGrant, 'ha')],
          parts.authorizationLines && [
            'productLines',
            list(
              row(ProductLine, 'hapl'),
              `product_line hapl WHERE hapl.id = ANY(ha.product_line_ids) AND ${inScope('brand', 'hapl')}`,
              'hapl.id',
            ),
          ],
        ]),
        `authorization_grant ha JOIN region har ON har.id = h.region_id
          WHERE ha.brand_id = h.brand_id AND ${inScope('distributorOwned', 'ha')}
            AND ${coversHospitalSql('ha', 'h', 'har', 'serving_today')}`,
        'ha.valid_to DESC, ha.id',
      ),
    ],
    // the distributors the viewer may see, with a grant the viewer may see serving the hospital
    parts.servingDistributors && [
      'serving',
      list(
        fields([
          ['row', row(Distributor, 'sd')],
          parts.channelManagers && ['channelManager', one(User, 'app_user', 'sdcm', 'sd.channel_manager_id', 'user')],
        ]),
        `distributor sd WHERE ${inScope('distributor', 'sd')} AND EXISTS (
           SELECT 1 FROM authorization_grant g JOIN region hr ON hr.id = h.region_id
            WHERE g.distributor_id = sd.id AND g.brand_id = h.brand_id
              AND ${inScope('distributorOwned', 'g')} AND ${servesHospitalSql('g', 'h', 'hr', 'serving_today')})`,
        'sd.name COLLATE "C", sd.id',
      ),
    ],
    // the notes about it the viewer may read, newest visit first, as their loader reads them
    !!notes && [
      'visitNotes',
      list(
        notes.node,
        `visit_note vn WHERE vn.hospital_id = h.id AND ${inScope('visitNote', 'vn')}`,
        'vn.visited_on DESC, vn.id DESC',
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
        ...readPlace(ds, n),
        authorizations: n.authorizations?.map((a) => ({
          grant: fromJsonRow(ds, AuthorizationGrant, a.row),
          productLines: a.productLines?.map((l) => fromJsonRow(ds, ProductLine, l)),
        })),
        servingDistributors: n.serving?.map((d) => ({
          distributor: fromJsonRow(ds, Distributor, d.row),
          channelManager: entity(User, d.channelManager),
        })),
        visitNotes: notes ? n.visitNotes?.map((v) => notes.read(v)) : undefined,
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the hospitals. */
export function primeHospitalPage(loaders: Loaders, nodes: HospitalNode[]): Hospital[] {
  return nodes.map((n) => {
    const h = n.hospital;
    const { parts } = n;
    if (parts.region) {
      loaders.regionById.prime(h.regionId, n.region);
      if (n.regionParent) loaders.regionById.prime(n.regionParent.id, n.regionParent);
    }
    primePlace(loaders, h.id, n);
    if (n.authorizations) {
      loaders.authorizationsByHospitalId.prime(
        h.id,
        n.authorizations.map((a) => a.grant),
      );
      for (const a of n.authorizations) {
        if (!a.productLines) continue;
        const found = new Map(a.productLines.map((l) => [l.id, l]));
        for (const id of a.grant.productLineIds) loaders.productLineById.prime(id, found.get(id) ?? null);
      }
    }
    if (n.servingDistributors) {
      loaders.servingDistributorIdsByHospitalId.prime(
        h.id,
        n.servingDistributors.map((s) => s.distributor.id),
      );
      for (const { distributor: d, channelManager } of n.servingDistributors) {
        loaders.distributorById.prime(d.id, d);
        if (parts.channelManagers && d.channelManagerId) loaders.userById.prime(d.channelManagerId, channelManager);
      }
    }
    if (n.visitNotes) {
      loaders.visitNotesByHospitalId.prime(h.id, primeVisitNotePage(loaders, n.visitNotes));
    }
    return h;
  });
}
