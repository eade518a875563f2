import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { PageTree } from '../../common/pagination';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Hospital, HospitalDepartment } from '../hospital';
import { Product, ProductLine } from '../product';
import { User } from '../user';
import { DealRegistration, Opportunity, OpportunityStageFact } from './opportunity.entity';

/**
 * A page of opportunities with what each row of the list names (hospital, department, product
 * line, distributor, owner, latest registration, products, stages), built with the page in one statement
 * (paginateTree): each part only when the request's selection under `nodes` asks for it, each
 * record under the scope helper's own condition, so one the viewer may not see comes back null,
 * as from its loader. The request's loaders are primed with it, so the field resolvers answer
 * from memory.
 */
export interface OpportunityPageParts {
  hospital: boolean;
  departments: boolean;
  productLine: boolean;
  distributor: boolean;
  owner: boolean;
  registration: boolean;
  products: boolean;
  stageHistory: boolean;
}

export function opportunityPageParts(nodes: Selection | undefined): OpportunityPageParts {
  return {
    hospital: asks(nodes, 'hospital'),
    departments: asks(nodes, 'department'),
    productLine: asks(nodes, 'productLine'),
    distributor: asks(nodes, 'distributor'),
    owner: asks(nodes, 'owner'),
    registration: asks(nodes, 'registration'),
    products: asks(nodes, 'products'),
    stageHistory: asks(nodes, 'stageHistory'),
  };
}

export interface OpportunityNode {
  opportunity: Opportunity;
  parts: OpportunityPageParts;
  hospital: Hospital | null;
  departments: HospitalDepartment[] | undefined;
  productLine: ProductLine | null;
  distributor: Distributor | null;
  owner: User | null;
  registration: DealRegistration | null;
  products: Product[] | undefined;
  stageHistory: OpportunityStageFact[] | undefined;
}

interface NodeJson {
  row: Json;
  hospital?: Json | null;
  departments?: Json[];
  productLine?: Json | null;
  distributor?: Json | null;
  owner?: Json | null;
  registration?: Json | null;
  products?: Json[];
  stageHistory?: Json[];
}

/** The page's node over opportunity `o`, for paginateTree. */
export function opportunityPageTree(
  ds: DataSource,
  scope: Scope,
  parts: OpportunityPageParts,
): PageTree<OpportunityNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  const node = fields([
    ['row', row(Opportunity, 'o')],
    parts.hospital && ['hospital', one(Hospital, 'hospital', 'oh', 'o.hospital_id', 'hospital')],
    // the department is read from its hospital's departments, which follow the hospital's scope
    parts.departments && [
      'departments',
      list(
        row(HospitalDepartment, 'hd'),
        `hospital_department hd WHERE hd.hospital_id = o.hospital_id
           AND EXISTS (SELECT 1 FROM hospital dh WHERE dh.id = hd.hospital_id AND ${inScope('hospital', 'dh')})`,
        'hd.name',
      ),
    ],
    parts.productLine && ['productLine', one(ProductLine, 'product_line', 'opl', 'o.product_line_id', 'brand')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'od', 'o.distributor_id', 'distributor')],
    parts.owner && ['owner', one(User, 'app_user', 'ou', 'o.owner_id', 'user')],
    parts.registration && [
      'registration',
      `(SELECT ${row(DealRegistration, 'r')} FROM deal_registration r WHERE r.opportunity_id = o.id
         ORDER BY r.created_at DESC, r.id DESC LIMIT 1)`,
    ],
    parts.products && [
      'products',
      list(row(Product, 'pp'), `product pp WHERE pp.id = ANY(o.product_ids) AND ${inScope('brand', 'pp')}`, 'pp.id'),
    ],
    parts.stageHistory && [
      'stageHistory',
      list(
        row(OpportunityStageFact, 'sf'),
        'opportunity_stage_fact sf WHERE sf.opportunity_id = o.id',
        'sf.created_at, sf.id',
      ),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        opportunity: fromJsonRow(ds, Opportunity, n.row),
        parts,
        hospital: entity(Hospital, n.hospital),
        departments: n.departments?.map((d) => fromJsonRow(ds, HospitalDepartment, d)),
        productLine: entity(ProductLine, n.productLine),
        distributor: entity(Distributor, n.distributor),
        owner: entity(User, n.owner),
        registration: entity(DealRegistration, n.registration),
        products: n.products?.map((p) => fromJsonRow(ds, Product, p)),
        stageHistory: n.stageHistory?.map((f) => fromJsonRow(ds, OpportunityStageFact, f)),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the opportunities. */
export function primeOpportunityPage(loaders: Loaders, nodes: OpportunityNode[]): Opportunity[] {
  return nodes.map((n) => {
    const o = n.opportunity;
    if (n.parts.hospital) loaders.hospitalById.prime(o.hospitalId, n.hospital);
    if (n.departments) loaders.departmentsByHospitalId.prime(o.hospitalId, n.departments);
    if (n.parts.productLine) loaders.productLineById.prime(o.productLineId, n.productLine);
    if (n.parts.distributor && o.distributorId) loaders.distributorById.prime(o.distributorId, n.distributor);
    if (n.parts.owner) loaders.userById.prime(o.ownerId, n.owner);
    if (n.parts.registration) loaders.latestRegistrationByOpportunityId.prime(o.id, n.registration);
    if (n.products) {
      // a product the scope hid (none today: products are brand-wide) is primed as null, as its loader answers
      const found = new Map(n.products.map((p) => [p.id, p]));
      for (const id of o.productIds) loaders.productById.prime(id, found.get(id) ?? null);
    }
    if (n.stageHistory) loaders.opportunityStagesById.prime(o.id, n.stageHistory);
    return o;
  });
}
