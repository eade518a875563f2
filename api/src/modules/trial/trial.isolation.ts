import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Side, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import { addDays, today } from '../../common/dates';
import { BRANDS, SeedUser, distributorByCode } from '../../db/seed/demo-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { expectedDistributors } from '../../../test/personas';
import { hospitalFor, notFoundEach, productOf } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { SEED_TRIALS, SeedTrial, seedOpportunityId } from './trial.seed';

/** The trial operations: the list, an opportunity's trials, one trial, planning and each change of status. */

const TRIAL = `id opportunityId serialNumber status plannedFrom plannedTo protocol deliveredOn returnedOn outcome result
  cancelReason version overdue createdAt agreement { fileName fileMime fileSize } product { id name }
  hospital { id name } department { id name } opportunityNeed history { kind plannedTo note createdAt actor { id displayName } }`;

/**
 * A seeded trial the persona may surely not see, from the seed alone: every trial of another brand,
 * and a partner's trials of distributors not his (a brand user's regions are the opportunity table's business).
 */
function foreignTrials(user: SeedUser): SeedTrial[] {
  if (user.brandId !== BRANDS.huakang.id) return SEED_TRIALS;
  if (sideOfRole(user.role) !== Side.PARTNER) return [];
  const mine = new Set(expectedDistributors(user).map((d) => d.code));
  return SEED_TRIALS.filter((t) => !mine.has(t.distributorCode));
}

/** An opportunity of the matrix's own the persona sees (his own, of his distributor when a partner). */
async function opportunityFor(ds: DataSource, user: SeedUser): Promise<string> {
  const hospital = hospitalFor(user);
  const [dept] = await ds.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 ORDER BY name LIMIT 1`, [
    hospital.id,
  ]);
  const distributorId =
    sideOfRole(user.role) === Side.PARTNER && user.distributorCode ? distributorByCode(user.distributorCode).id : null;
  const [o] = await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, created_by)
     VALUES ($1, $2, $3, $4, '矩阵试用', '1000.00', 'CNY', $5, $6, $5) RETURNING id`,
    [
      user.brandId,
      hospital.id,
      dept.id,
      PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id,
      user.id,
      distributorId,
    ],
  );
  return o.id;
}

/** A trial of the matrix's own, in the given status, of an opportunity the persona sees. */
async function trialFor(ds: DataSource, user: SeedUser, status: 'PLANNED' | 'DELIVERED' = 'PLANNED'): Promise<string> {
  const [t] = await ds.query(
    `INSERT INTO trial (brand_id, opportunity_id, product_id, serial_number, planned_from, planned_to, protocol, status, delivered_on, created_by)
     VALUES ($1, $2, $3, $4, CURRENT_DATE, CURRENT_DATE + 30, '矩阵协议', $5::varchar, CASE WHEN $5::varchar = 'PLANNED' THEN NULL ELSE CURRENT_DATE END, $6) RETURNING id`,
    [
      user.brandId,
      await opportunityFor(ds, user),
      productOf(user).id,
      `MX-${randomUUID().slice(0, 12).toUpperCase()}`,
      status,
      user.id,
    ],
  );
  return t.id;
}

const change = (
  name: string,
  input: string,
  fields: (p: { version: number }) => Record<string, unknown>,
  status?: 'DELIVERED',
) => {
  const query = `mutation($id: ID!, $i: ${input}!) { ${name}(id: $id, input: $i) { ${TRIAL} } }`;
  const c: OperationCase = {
    allowed: rolesFor('trial.manage'),
    own: async ({ user, ds }) => ({
      query,
      variables: { id: await trialFor(ds, user, status), i: fields({ version: 1 }) },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTrials(user), (t) => ({ query, variables: { id: t.id, i: fields({ version: 1 }) } })),
    mutates: true,
  };
  return c;
};

export const TRIAL_OPERATIONS: Record<string, OperationCase> = {
  trials: {
    allowed: rolesFor('trial.read'),
    own: () => ({
      query: `{ trials(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${TRIAL} } } }`,
    }),
    foreign: ({ user }) =>
      foreignTrials(user).map((t) => ({
        query: `query($s: String) { trials(first: 50, filter: { search: $s }) { totalCount nodes { id serialNumber } } }`,
        variables: { s: t.serial },
        expect: 'LISTED' as const,
      })),
  },
  opportunityTrials: {
    allowed: rolesFor('trial.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { opportunityTrials(opportunityId: $id) { ${TRIAL} } }`,
      variables: { id: await opportunityFor(ds, user) },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTrials(user), (t) => ({
        query: `query($id: ID!) { opportunityTrials(opportunityId: $id) { id } }`,
        variables: { id: seedOpportunityId(t.opportunity) },
      })),
  },
  trial: {
    allowed: rolesFor('trial.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { trial(id: $id) { ${TRIAL} } }`,
      variables: { id: await trialFor(ds, user) },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTrials(user), (t) => ({
        query: `query($id: ID!) { trial(id: $id) { id serialNumber } }`,
        variables: { id: t.id },
      })),
  },
  planTrial: {
    allowed: rolesFor('trial.manage'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: PlanTrialInput!) { planTrial(input: $i) { ${TRIAL} } }`,
      variables: {
        i: {
          opportunityId: await opportunityFor(ds, user),
          productId: productOf(user).id,
          serialNumber: `MX-${randomUUID().slice(0, 12)}`,
          plannedFrom: '2030-01-01',
          plannedTo: '2030-01-31',
          protocol: '矩阵试用协议',
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTrials(user), (t) => ({
        query: `mutation($i: PlanTrialInput!) { planTrial(input: $i) { id } }`,
        variables: {
          i: {
            opportunityId: seedOpportunityId(t.opportunity),
            productId: productOf(user).id,
            serialNumber: `MX-${randomUUID().slice(0, 12)}`,
            plannedFrom: '2030-01-01',
            plannedTo: '2030-01-31',
            protocol: '越界',
          },
        },
      })),
    mutates: true,
  },
  deliverTrial: change('deliverTrial', 'DeliverTrialInput', ({ version }) => ({
    expectedVersion: version,
    deliveredOn: '2030-01-02',
  })),
  extendTrial: change(
    'extendTrial',
    'ExtendTrialInput',
    ({ version }) => ({ expectedVersion: version, plannedTo: addDays(today(), 60), reason: '矩阵延期' }),
    'DELIVERED',
  ),
  returnTrial: change(
    'returnTrial',
    'ReturnTrialInput',
    ({ version }) => ({ expectedVersion: version, returnedOn: '2099-01-01', outcome: 'POSITIVE', result: '矩阵结果' }),
    'DELIVERED',
  ),
  cancelTrial: change('cancelTrial', 'CancelTrialInput', ({ version }) => ({
    expectedVersion: version,
    reason: '矩阵取消',
  })),
};
