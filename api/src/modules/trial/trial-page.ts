import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Hospital, HospitalDepartment } from '../hospital';
import { Opportunity } from '../opportunity';
import { Product } from '../product';
import { User } from '../user';
import { Trial, TrialEvent } from './trial.entity';

/**
 * A page of trials with what each row of the lists names (whether overdue, the product, the
 * opportunity with its need, hospital and department, the history with who made each change),
 * built with the page in one statement (paginateTree): each part only when the request's
 * selection under `nodes` asks for it, each record under the scope helper's own condition, so one
 * the viewer may not see reads as null, as from its loader. The request's loaders are primed with
 * it, so the field resolvers answer from memory.
 */
/** Still out after its last day: the trial `t` on the business day `:trial_today` (China). */
export const OVERDUE = `(t.status IN ('PLANNED', 'DELIVERED', 'EXTENDED') AND t.planned_to < :trial_today::date)`;

export interface TrialPageParts {
  overdue: boolean;
  product: boolean;
  opportunity: boolean;
  hospital: boolean;
  departments: boolean;
  history: boolean;
  actors: boolean;
}

export function trialPageParts(nodes: Selection | undefined): TrialPageParts {
  return {
    overdue: asks(nodes, 'overdue'),
    product: asks(nodes, 'product'),
    opportunity: asks(nodes, 'opportunityNeed', 'hospital', 'department'),
    hospital: asks(nodes, 'hospital'),
    departments: asks(nodes, 'department'),
    history: asks(nodes, 'history'),
    actors: asks(nodes?.history, 'actor'),
  };
}

export interface TrialNode {
  trial: Trial;
  parts: TrialPageParts;
  overdue: boolean;
  product: Product | null;
  opportunity: Opportunity | null;
  hospital: Hospital | null;
  departments: HospitalDepartment[] | undefined;
  history: Array<{ event: TrialEvent; actor: User | null }> | undefined;
}

interface NodeJson {
  row: Json;
  overdue?: boolean;
  product?: Json | null;
  opportunity?: Json | null;
  hospital?: Json | null;
  departments?: Json[];
  history?: Array<{ row: Json; actor?: Json | null }>;
}

/** The page's node over trial `t`, for paginateTree. */
export function trialPageTree(ds: DataSource, scope: Scope, parts: TrialPageParts): PageTree<TrialNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  kit.params.trial_today = today();
  // the opportunity as its loader reads it: under the opportunities' own scope
  const opportunityInScope = `SELECT 1 FROM opportunity tpo WHERE tpo.id = t.opportunity_id AND ${inScope('opportunity', 'tpo')}`;
  const node = fields([
    ['row', row(Trial, 't')],
    parts.overdue && ['overdue', OVERDUE],
    parts.product && ['product', one(Product, 'product', 'tpr', 't.product_id', 'brand')],
    parts.opportunity && ['opportunity', one(Opportunity, 'opportunity', 'top', 't.opportunity_id', 'opportunity')],
    // the hospital and its departments of a visible opportunity, under the hospitals' scope
    parts.hospital && [
      'hospital',
      `(SELECT ${row(Hospital, 'th')} FROM hospital th JOIN opportunity tho ON tho.hospital_id = th.id
         WHERE tho.id = t.opportunity_id AND EXISTS (${opportunityInScope}) AND ${inScope('hospital', 'th')})`,
    ],
    parts.departments && [
      'departments',
      list(
        row(HospitalDepartment, 'thd'),
        `hospital_department thd JOIN opportunity tdo ON tdo.hospital_id = thd.hospital_id
          WHERE tdo.id = t.opportunity_id AND EXISTS (${opportunityInScope})
            AND EXISTS (SELECT 1 FROM hospital tdh WHERE tdh.id = thd.hospital_id AND ${inScope('hospital', 'tdh')})`,
        'thd.name',
      ),
    ],
    parts.history && [
      'history',
      list(
        fields([
          ['row', row(TrialEvent, 'te')],
          parts.actors && ['actor', one(User, 'app_user', 'tu', 'te.actor_id', 'user')],
        ]),
        'trial_event te WHERE te.trial_id = t.id',
        'te.created_at, te.id',
      ),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        trial: fromJsonRow(ds, Trial, n.row),
        parts,
        overdue: n.overdue ?? false,
        product: entity(Product, n.product),
        opportunity: entity(Opportunity, n.opportunity),
        hospital: entity(Hospital, n.hospital),
        departments: n.departments?.map((d) => fromJsonRow(ds, HospitalDepartment, d)),
        history: n.history?.map((e) => ({ event: fromJsonRow(ds, TrialEvent, e.row), actor: entity(User, e.actor) })),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the trials. */
export function primeTrialPage(loaders: Loaders, nodes: TrialNode[]): Trial[] {
  return nodes.map((n) => {
    const t = n.trial;
    if (n.parts.overdue) loaders.trialOverdueById.prime(t.id, n.overdue);
    if (n.parts.product) loaders.productById.prime(t.productId, n.product);
    if (n.parts.opportunity) loaders.trialOpportunityById.prime(t.opportunityId, n.opportunity);
    const o = n.opportunity;
    if (o && n.parts.hospital) loaders.hospitalById.prime(o.hospitalId, n.hospital);
    if (o && n.departments) loaders.departmentsByHospitalId.prime(o.hospitalId, n.departments);
    if (n.history) {
      loaders.trialEventsById.prime(
        t.id,
        n.history.map((e) => e.event),
      );
      if (n.parts.actors) for (const e of n.history) loaders.userById.prime(e.event.actorId, e.actor);
    }
    return t;
  });
}
