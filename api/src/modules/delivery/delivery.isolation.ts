import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role, Side, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, USERS, distributorByCode, fixedId } from '../../db/seed/demo-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { expectedDistributors } from '../../../test/personas';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { hospitalFor } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { SEED_WON_OPPORTUNITY_ID } from '../opportunity';

/** Pre-sales work and delivery projects: seen exactly when their opportunity is (the seeded project is 粤康's, at 广州). */

const PROJECT = `id version status overdue engineer { id displayName } opportunity { id need }
  milestones { id kind plannedDate doneDate note overdue files { id kind fileName url } }`;
const SEED_PROJECT_ID = fixedId(0xde01, 1);
const SEED_PRESALES_ID = fixedId(0xde02, 1);

/**
 * Who sees the seeded won opportunity (粤康's, at 中山大学附属第一医院, owned by 粤康's owner), from the
 * seed alone (docs/domain.md, rule 6), independently of the scope's SQL.
 */
function seesSeedProject(user: SeedUser): boolean {
  const hospital = HOSPITALS.find((h) => h.name === '中山大学附属第一医院')!;
  if (hospital.brandId !== user.brandId) return false;
  const seesDistributor = expectedDistributors(user).some((d) => d.code === 'HK-YK');
  if (sideOfRole(user.role) === Side.PARTNER) return seesDistributor;
  if (user.role === Role.ADMIN || user.email === 'boss@yuekang.demo') return true;
  const parent = REGIONS.find((r) => r.brandId === hospital.brandId && r.code === hospital.regionCode)?.parentCode;
  const regions = user.regionCodes ?? [];
  return regions.includes(hospital.regionCode) || (parent !== undefined && regions.includes(parent)) || seesDistributor;
}
/** The foreign calls of a persona who does not see the seeded project (none for one who does). */
const ifForeign = (user: SeedUser, calls: () => Array<{ query: string; variables: Record<string, unknown> }>) =>
  seesSeedProject(user) ? [] : calls();

const engineerOf = (user: SeedUser) => USERS.find((u) => u.brandId === user.brandId && u.role === Role.ENGINEER)!.id;

/** A won opportunity of the matrix's own the persona sees (theirs, at a hospital they see, of their distributor). */
async function wonFor(ds: DataSource, user: SeedUser): Promise<string> {
  const hospital = hospitalFor(user);
  const [dept] = await ds.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 ORDER BY name LIMIT 1`, [
    hospital.id,
  ]);
  const distributorId = sideOfRole(user.role) === Side.PARTNER ? distributorByCode(user.distributorCode!).id : null;
  const [o] = await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
     VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', $6, $7, 'WON', $6) RETURNING id`,
    [
      user.brandId,
      hospital.id,
      dept.id,
      PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id,
      `矩阵交付 ${randomUUID().slice(0, 8)}`,
      user.id,
      distributorId,
    ],
  );
  return o.id;
}

/** A project of the persona's own won opportunity, with its milestones. */
async function projectFor(ds: DataSource, user: SeedUser): Promise<{ id: string; milestoneIds: string[] }> {
  const opportunityId = await wonFor(ds, user);
  const [p] = await ds.query(
    `INSERT INTO delivery_project (brand_id, opportunity_id, engineer_id, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [user.brandId, opportunityId, engineerOf(user), user.id],
  );
  const rows: Array<{ id: string }> = await ds.query(
    `INSERT INTO delivery_milestone (brand_id, project_id, kind, seq)
     VALUES ($1, $2, 'DELIVERY', 1), ($1, $2, 'INSTALLATION', 2), ($1, $2, 'ACCEPTANCE', 3), ($1, $2, 'STAFF_TRAINING', 4) RETURNING id`,
    [user.brandId, p.id],
  );
  return { id: p.id, milestoneIds: rows.map((r) => r.id) };
}

const seedMilestones = async (ds: DataSource): Promise<string[]> =>
  (await ds.query(`SELECT id FROM delivery_milestone WHERE project_id = $1 ORDER BY seq`, [SEED_PROJECT_ID])).map(
    (r: { id: string }) => r.id,
  );

const LOG = `mutation($i: LogPresalesWorkInput!) { logPresalesWork(input: $i) { id kind workDate hours note reversed } }`;
const REVERSE = `mutation($id: ID!) { reversePresalesWork(id: $id) { id hours reversesId } }`;
const CREATE = `mutation($i: CreateDeliveryProjectInput!) { createDeliveryProject(input: $i) { ${PROJECT} } }`;
const ASSIGN = `mutation($id: ID!, $e: ID!, $v: Int!) { assignDeliveryEngineer(id: $id, engineerId: $e, expectedVersion: $v) { ${PROJECT} } }`;
const PLAN = `mutation($i: PlanMilestoneInput!) { planDeliveryMilestone(input: $i) { ${PROJECT} } }`;
const COMPLETE = `mutation($i: CompleteMilestoneInput!) { completeDeliveryMilestone(input: $i) { ${PROJECT} } }`;
const OF = `query($o: ID!) { deliveryProjectOfOpportunity(opportunityId: $o) { ${PROJECT} } }`;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const DELIVERY_OPERATIONS: Record<string, OperationCase> = {
  presalesWork: {
    allowed: rolesFor('presales.read'),
    own: async ({ user, ds }) => ({
      query: `query($o: ID!) { presalesWork(opportunityId: $o) { totalHours entries { id kind hours note reversed } } }`,
      variables: { o: await wonFor(ds, user) },
    }),
    foreign: ({ user }) =>
      ifForeign(user, () => [
        {
          query: `query($o: ID!) { presalesWork(opportunityId: $o) { totalHours } }`,
          variables: { o: SEED_WON_OPPORTUNITY_ID },
        },
      ]),
  },
  logPresalesWork: {
    allowed: rolesFor('presales.log'),
    own: async ({ user, ds }) => ({
      query: LOG,
      variables: {
        i: {
          opportunityId: await wonFor(ds, user),
          kind: 'DEMO',
          workDate: today(),
          hours: '1.5',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      ifForeign(user, () => [
        {
          query: LOG,
          variables: { i: { opportunityId: SEED_WON_OPPORTUNITY_ID, kind: 'DEMO', workDate: today(), hours: '1' } },
        },
      ]),
    mutates: true,
  },
  reversePresalesWork: {
    allowed: rolesFor('presales.log'),
    own: async ({ user, ds }) => {
      const [l] = await ds.query(
        `INSERT INTO presales_log (brand_id, opportunity_id, kind, work_date, hours, logged_by) VALUES ($1, $2, 'DEMO', CURRENT_DATE, 2, $3) RETURNING id`,
        [user.brandId, await wonFor(ds, user), user.id],
      );
      return { query: REVERSE, variables: { id: l.id } };
    },
    foreign: ({ user }) => ifForeign(user, () => [{ query: REVERSE, variables: { id: SEED_PRESALES_ID } }]),
    mutates: true,
  },
  deliveryProjects: {
    allowed: rolesFor('delivery.read'),
    own: () => ({
      query: `{ deliveryProjects(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PROJECT} } } }`,
    }),
    foreign: ({ user }) =>
      seesSeedProject(user)
        ? []
        : [
            {
              query: `{ deliveryProjects(first: 100, filter: { status: IN_PROGRESS }) { nodes { id opportunity { id } } } }`,
              expect: 'LISTED' as const,
            },
          ],
  },
  deliveryProjectOfOpportunity: {
    allowed: rolesFor('delivery.read'),
    own: async ({ user, ds }) => ({ query: OF, variables: { o: await wonFor(ds, user) } }),
    foreign: ({ user }) => ifForeign(user, () => [{ query: OF, variables: { o: SEED_WON_OPPORTUNITY_ID } }]),
  },
  deliveryEngineers: {
    allowed: rolesFor('delivery.manage'),
    own: () => ({ query: `{ deliveryEngineers { id displayName } }` }),
  },
  createDeliveryProject: {
    allowed: rolesFor('delivery.manage'),
    own: async ({ user, ds }) => ({
      query: CREATE,
      variables: {
        i: { opportunityId: await wonFor(ds, user), engineerId: engineerOf(user), idempotencyKey: randomUUID() },
      },
    }),
    foreign: ({ user }) =>
      ifForeign(user, () => [
        { query: CREATE, variables: { i: { opportunityId: SEED_WON_OPPORTUNITY_ID, engineerId: engineerOf(user) } } },
      ]),
    mutates: true,
  },
  assignDeliveryEngineer: {
    allowed: rolesFor('delivery.manage'),
    own: async ({ user, ds }) => ({
      query: ASSIGN,
      variables: { id: (await projectFor(ds, user)).id, e: engineerOf(user), v: 1 },
    }),
    foreign: ({ user }) =>
      ifForeign(user, () => [{ query: ASSIGN, variables: { id: SEED_PROJECT_ID, e: engineerOf(user), v: 1 } }]),
    mutates: true,
  },
  planDeliveryMilestone: {
    allowed: rolesFor('delivery.manage'),
    own: async ({ user, ds }) => ({
      query: PLAN,
      variables: { i: { milestoneId: (await projectFor(ds, user)).milestoneIds[0], plannedDate: '2030-01-02' } },
    }),
    foreign: async ({ user, ds }) =>
      seesSeedProject(user)
        ? []
        : (await seedMilestones(ds)).map((id) => ({
            query: PLAN,
            variables: { i: { milestoneId: id, plannedDate: '2030-01-02' } },
          })),
    mutates: true,
  },
  completeDeliveryMilestone: {
    allowed: rolesFor('delivery.manage'),
    own: async ({ user, ds }) => ({
      query: COMPLETE,
      variables: { i: { milestoneId: (await projectFor(ds, user)).milestoneIds[0], doneDate: '2024-01-02' } },
    }),
    foreign: async ({ user, ds }) =>
      seesSeedProject(user)
        ? []
        : (await seedMilestones(ds)).map((id) => ({
            query: COMPLETE,
            variables: { i: { milestoneId: id, doneDate: '2024-01-02' } },
          })),
    mutates: true,
  },
};
