import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import {
  OpportunityNode,
  OpportunityPageParts,
  opportunityPageParts,
  opportunityPageTree,
  primeOpportunityPage,
} from '../opportunity';
import { User } from '../user';
import { DeliveryFile, DeliveryMilestone, DeliveryProject } from './delivery.entity';

/**
 * A page of delivery projects with what each row of the lists names (the engineer, the milestones
 * with their files, the opportunity with what the opportunity pages' own tree reads of it), built
 * with the page in one statement (paginateTree). A project is in sight through its opportunity, so
 * its milestones and files are too; the engineer and the opportunity's parts are read under the
 * scope helper's conditions, as from their loaders, which are primed with them.
 */
export interface DeliveryPageParts {
  engineer: boolean;
  milestones: boolean;
  files: boolean;
  opportunity: OpportunityPageParts | null;
}

export function deliveryPageParts(nodes: Selection | undefined): DeliveryPageParts {
  return {
    engineer: asks(nodes, 'engineer'),
    // the project's status and overdue are read from its milestones
    milestones: asks(nodes, 'milestones', 'status', 'overdue'),
    files: asks(nodes?.milestones, 'files'),
    opportunity: asks(nodes, 'opportunity') ? opportunityPageParts(nodes?.opportunity) : null,
  };
}

export interface DeliveryNode {
  project: DeliveryProject;
  parts: DeliveryPageParts;
  engineer: User | null;
  milestones: Array<{ milestone: DeliveryMilestone; files: DeliveryFile[] | undefined }> | undefined;
  opportunity: OpportunityNode | null;
}

interface NodeJson {
  row: Json;
  engineer?: Json | null;
  milestones?: Array<{ row: Json; files?: Json[] }>;
  opportunity?: Json | null;
}

/** The page's node over delivery project `p`, for paginateTree. */
export function deliveryPageTree(ds: DataSource, scope: Scope, parts: DeliveryPageParts): PageTree<DeliveryNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the opportunity as the opportunity pages read it (their tree over alias `o`), in one sub-select
  const opportunity = parts.opportunity && opportunityPageTree(ds, scope, parts.opportunity);
  if (opportunity) Object.assign(kit.params, opportunity.params);
  const node = fields([
    ['row', row(DeliveryProject, 'p')],
    parts.engineer && ['engineer', one(User, 'app_user', 'pe', 'p.engineer_id', 'user')],
    parts.milestones && [
      'milestones',
      list(
        fields([
          ['row', row(DeliveryMilestone, 'pm')],
          parts.files && [
            'files',
            list(row(DeliveryFile, 'pf'), 'delivery_file pf WHERE pf.milestone_id = pm.id', 'pf.created_at, pf.id'),
          ],
        ]),
        'delivery_milestone pm WHERE pm.project_id = p.id',
        'pm.seq',
      ),
    ],
    !!opportunity && [
      'opportunity',
      `(SELECT ${opportunity.node} FROM opportunity o WHERE o.id = p.opportunity_id AND ${inScope('opportunity', 'o')})`,
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        project: fromJsonRow(ds, DeliveryProject, n.row),
        parts,
        engineer: entity(User, n.engineer),
        milestones: n.milestones?.map((m) => ({
          milestone: fromJsonRow(ds, DeliveryMilestone, m.row),
          files: m.files?.map((f) => fromJsonRow(ds, DeliveryFile, f)),
        })),
        opportunity: opportunity && n.opportunity ? opportunity.read(n.opportunity) : null,
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the projects. */
export function primeDeliveryPage(loaders: Loaders, nodes: DeliveryNode[]): DeliveryProject[] {
  return nodes.map((n) => {
    const p = n.project;
    if (n.parts.engineer) loaders.userById.prime(p.engineerId, n.engineer);
    if (n.milestones) {
      loaders.deliveryMilestonesByProjectId.prime(
        p.id,
        n.milestones.map((m) => m.milestone),
      );
      if (n.parts.files)
        for (const m of n.milestones) loaders.deliveryFilesByMilestoneId.prime(m.milestone.id, m.files ?? []);
    }
    if (n.parts.opportunity) {
      loaders.deliveryOpportunityById.prime(p.opportunityId, n.opportunity?.opportunity ?? null);
      if (n.opportunity) primeOpportunityPage(loaders, [n.opportunity]);
    }
    return p;
  });
}
