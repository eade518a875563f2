import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLSchema,
  OperationDefinitionNode,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  parse,
  typeFromAST,
} from 'graphql';
import { Side, sideOfRole } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, distributorByCode } from '../../src/db/seed/demo-data';
import { PRODUCT_LINES } from '../../src/db/seed/catalog-data';
import { SEED_COURSES } from '../../src/db/seed/training-data';
import { foreignOpportunities } from './opportunity-fixtures';
import { foreignPlans } from './exit-fixtures';
import { foreignDistributors, foreignHospitals, foreignOrders, foreignProducts, foreignUsers } from '../personas';

/**
 * The sweep of ids inside mutation inputs: every ID field of every input object a mutation takes
 * is found in the schema, and each is aimed at records the persona may not see (of their brand
 * and of the other) and at a random id. The two answers must be the same, byte for byte.
 */

/** What an ID field names, by its name: the kinds of record the sweep aims it at. */
export const FIELD_KINDS: Record<string, string> = {
  hospitalId: 'hospital',
  hospitalIds: 'hospital',
  regionId: 'region',
  regionIds: 'region',
  productId: 'product',
  productIds: 'product',
  productLineId: 'productLine',
  productLineIds: 'productLine',
  distributorId: 'distributor',
  distributorIds: 'distributor',
  parentId: 'distributor',
  userId: 'user',
  userIds: 'user',
  ccUserIds: 'user',
  participantIds: 'user',
  ownerId: 'user',
  fromUserId: 'user',
  toUserId: 'user',
  courseId: 'course',
  invoiceId: 'invoice',
  contactIds: 'contact',
  departmentId: 'department',
  orderId: 'order',
  shipmentIds: 'shipment',
  statementId: 'statement',
  coVisitId: 'coVisit',
  coVisitIds: 'coVisit',
  enrollmentId: 'enrollment',
  disputeId: 'dispute',
  qualificationId: 'qualification',
  renewalId: 'qualificationRenewal',
  opportunityId: 'opportunity',
  tenderId: 'tender',
  engineerId: 'user',
  milestoneId: 'deliveryMilestone',
  toDistributorId: 'distributor',
  successorId: 'distributor',
  planId: 'exitPlan',
  trialId: 'trial',
  reagentLineId: 'productLine',
  targetId: 'salesTarget',
};

/**
 * ID fields that name no record of their own scope: a part of the record the call already reached
 * through the scope (answered alike for any id that is not one of its parts), or no record at all.
 */
export const WITHIN_PARENT: Record<string, string> = {
  lineId: 'a line of the order or statement the input names',
  orderLineId: 'a line of the order being shipped',
  fileId: 'a file attached to the course being edited',
  idempotencyKey: 'a client-chosen key, not a record',
  taskIds: 'an open follow-up task of the person handing over (fromUserId), whom the call reached through the scope',
};

export interface IdPosition {
  /** Where in the variables: variable name, then field names and list indexes. */
  path: Array<string | number>;
  field: string;
  inputType: string;
  list: boolean;
}

/** Every ID field inside the input objects a call's variables carry (the first element of each list of inputs). */
export function idPositions(schema: GraphQLSchema, query: string, variables: Record<string, unknown>): IdPosition[] {
  const op = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const found: IdPosition[] = [];
  const walk = (
    type: GraphQLInputObjectType,
    value: Record<string, unknown> | undefined,
    path: Array<string | number>,
  ) => {
    for (const field of Object.values(type.getFields())) {
      const inner = getNullableType(field.type) as GraphQLInputType;
      const named = getNamedType(field.type);
      const v = value?.[field.name];
      if (named.name === 'ID') {
        found.push({ path: [...path, field.name], field: field.name, inputType: type.name, list: isListType(inner) });
      } else if (isInputObjectType(named)) {
        if (isListType(inner)) {
          if (Array.isArray(v) && v.length) walk(named, v[0] as Record<string, unknown>, [...path, field.name, 0]);
        } else if (v && typeof v === 'object') walk(named, v as Record<string, unknown>, [...path, field.name]);
      }
    }
  };
  for (const def of op?.variableDefinitions ?? []) {
    const type = typeFromAST(schema, def.type as never);
    const named = type && getNamedType(type);
    if (named && isInputObjectType(named))
      walk(named, variables[def.variable.name.value] as Record<string, unknown>, [def.variable.name.value]);
  }
  return found;
}

/** The variables with one ID position set: a list gains the id, a single id is replaced; idempotency keys are fresh. */
export function withId(variables: Record<string, unknown>, pos: IdPosition, id: string): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(variables)) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const step of pos.path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = pos.path[pos.path.length - 1];
  at[last] = pos.list ? [...((at[last] as string[] | undefined) ?? []), id] : id;
  freshKeys(copy);
  return copy;
}

function freshKeys(value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'idempotencyKey') (value as Record<string, unknown>)[k] = randomUUID();
    else freshKeys(v);
  }
}

const twoOf = <T extends { brandId: string }>(user: SeedUser, rows: T[], id: (row: T) => string): string[] =>
  [rows.find((r) => r.brandId === user.brandId), rows.find((r) => r.brandId !== user.brandId)]
    .filter((r): r is T => Boolean(r))
    .map(id);

/** Ids of records of one kind the persona may not see, one of their own brand and one of the other where there are such. */
export async function foreignIdsOf(kind: string, user: SeedUser, ds: DataSource): Promise<string[]> {
  const distributors = foreignDistributors(user).map((d) => d.id);
  const rowsOf = async (sql: string, params: unknown[]) =>
    ((await ds.query(sql, params)) as Array<{ id: string }>).map((r) => r.id);
  switch (kind) {
    case 'hospital':
      return twoOf(user, foreignHospitals(user), (h) => h.id);
    case 'region':
      return twoOf(
        user,
        REGIONS.filter((r) => r.brandId !== user.brandId),
        (r) => r.id,
      );
    case 'product':
      return twoOf(user, foreignProducts(user), (p) => p.id);
    case 'productLine':
      return twoOf(
        user,
        PRODUCT_LINES.filter((l) => l.brandId !== user.brandId),
        (l) => l.id,
      );
    case 'distributor':
      return twoOf(user, foreignDistributors(user), (d) => d.id);
    case 'exitPlan':
      return foreignPlans(ds, user);
    case 'user':
      return twoOf(user, foreignUsers(user), (u) => u.id);
    case 'order':
      return twoOf(
        user,
        foreignOrders(user).map((o) => ({ id: o.id, brandId: distributorByCode(o.distributorCode).brandId })),
        (o) => o.id,
      );
    case 'course': {
      // 华康's seeded courses are foreign to the other brand; its draft also to every partner user
      const own = SEED_COURSES.filter((c) => !c.published && sideOfRole(user.role) === Side.PARTNER).map((c) => c.id);
      return [...own, ...(await rowsOf(`SELECT id FROM course WHERE brand_id <> $1 LIMIT 1`, [user.brandId]))];
    }
    case 'contact':
      return rowsOf(`SELECT id FROM hospital_contact WHERE hospital_id = ANY($1) LIMIT 2`, [
        foreignHospitals(user).map((h) => h.id),
      ]);
    case 'department':
      return rowsOf(`SELECT id FROM hospital_department WHERE hospital_id = ANY($1) LIMIT 2`, [
        foreignHospitals(user).map((h) => h.id),
      ]);
    case 'invoice':
      return rowsOf(`SELECT id FROM invoice WHERE distributor_id = ANY($1) LIMIT 2`, [distributors]);
    case 'shipment':
      return rowsOf(`SELECT id FROM shipment WHERE distributor_id = ANY($1) LIMIT 2`, [distributors]);
    case 'statement':
      return rowsOf(`SELECT id FROM statement WHERE distributor_id = ANY($1) LIMIT 2`, [distributors]);
    case 'dispute':
      return rowsOf(
        `SELECT x.id FROM statement_dispute x JOIN statement s ON s.id = x.statement_id WHERE s.distributor_id = ANY($1) LIMIT 2`,
        [distributors],
      );
    case 'enrollment':
      return rowsOf(`SELECT id FROM training_enrollment WHERE distributor_id = ANY($1) LIMIT 2`, [distributors]);
    case 'qualification':
      return rowsOf(`SELECT id FROM qualification WHERE distributor_id = ANY($1) ORDER BY id LIMIT 2`, [distributors]);
    case 'qualificationRenewal':
      return rowsOf(`SELECT id FROM qualification_renewal WHERE distributor_id = ANY($1) ORDER BY id LIMIT 2`, [
        distributors,
      ]);
    case 'opportunity':
      return foreignOpportunities(user)
        .slice(0, 2)
        .map((o) => o.id);
    case 'tender':
      return rowsOf(`SELECT id FROM tender WHERE opportunity_id = ANY($1) LIMIT 2`, [
        foreignOpportunities(user).map((o) => o.id),
      ]);
    case 'coVisit':
      return rowsOf(`SELECT id FROM co_visit WHERE brand_id <> $1 LIMIT 1`, [user.brandId]);
    case 'deliveryMilestone':
      return rowsOf(`SELECT id FROM delivery_milestone WHERE brand_id <> $1 ORDER BY id LIMIT 1`, [user.brandId]);
    case 'salesTarget':
      return rowsOf(`SELECT id FROM sales_target WHERE distributor_id = ANY($1) ORDER BY id LIMIT 2`, [distributors]);
    case 'trial':
      return rowsOf(`SELECT id FROM trial WHERE opportunity_id = ANY($1) LIMIT 2`, [
        foreignOpportunities(user).map((o) => o.id),
      ]);
    default:
      throw new Error(`no foreign ids for kind ${kind}`);
  }
}
