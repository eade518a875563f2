import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { SeedUser, distributorByCode } from '../../db/seed/demo-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { foreignHospitals } from '../../../test/personas';
import { hospitalFor, notFoundEach } from '../../../test/isolation/fixtures';
import {
  departmentOf,
  distributorOf,
  foreignOpportunities,
  lineOf,
  opportunityFor,
} from '../../../test/isolation/opportunity-fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { seedRegistrationId } from './opportunity.seed';

/** The opportunity operations: the pipeline, one opportunity, the funnel, capturing, moving, registering and deciding. */

const OPPORTUNITY = `id need estimatedValue { amount currency } expectedMonth competitor stage lostReason lostTo version createdAt
  hospital { id name } department { id name } productLine { id name } products { id name } owner { id displayName }
  distributor { id name } stageHistory { stage note createdAt } registration { id status protectedUntil rejectReason }`;

/** A pending registration the persona may decide: of the first distributor they see, at a hospital they see. */
async function pendingRegistrationFor(ds: DataSource, user: SeedUser): Promise<string> {
  const distributorId =
    distributorOf(user) ?? distributorByCode(user.brandId === HOSPITALS[0].brandId ? 'HK-KD' : 'RG-RD').id;
  const hospital = hospitalFor(user);
  const [o] = await ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, created_by)
     VALUES ($1, $2, $3, $4, '矩阵报备', '1000.00', 'CNY', $5, $6, $5) RETURNING id`,
    [user.brandId, hospital.id, await departmentOf(ds, hospital.id), lineOf(user), user.id, distributorId],
  );
  const [r] = await ds.query(
    `INSERT INTO deal_registration (brand_id, opportunity_id, distributor_id, registered_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [user.brandId, o.id, distributorId, user.id],
  );
  return r.id;
}

/** The seeded registrations of opportunities the persona may not see. */
const foreignRegistrations = (user: SeedUser) =>
  foreignOpportunities(user)
    .filter((o) => o.registration)
    .map((o) => ({ id: seedRegistrationId(o) }));

const MOVE = `mutation($id: ID!, $i: MoveOpportunityInput!) { moveOpportunity(id: $id, input: $i) { ${OPPORTUNITY} } }`;
const REGISTER = `mutation($id: ID!) { registerOpportunity(id: $id) { ${OPPORTUNITY} } }`;
const APPROVE = `mutation($id: ID!) { approveRegistration(id: $id) { ${OPPORTUNITY} } }`;
const REJECT = `mutation($id: ID!, $r: String!) { rejectRegistration(id: $id, reason: $r) { ${OPPORTUNITY} } }`;

export const OPPORTUNITY_OPERATIONS: Record<string, OperationCase> = {
  opportunities: {
    allowed: rolesFor('opportunity.read'),
    own: () => ({
      query: `{ opportunities(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${OPPORTUNITY} } } }`,
    }),
    foreign: ({ user }) =>
      foreignOpportunities(user).map((o) => ({
        query: `query($s: String) { opportunities(first: 50, filter: { search: $s }) { totalCount nodes { id need } } }`,
        variables: { s: o.need },
        expect: 'LISTED' as const,
      })),
  },
  opportunity: {
    allowed: rolesFor('opportunity.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { opportunity(id: $id) { ${OPPORTUNITY} } }`,
      variables: { id: (await opportunityFor(ds, user)).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignOpportunities(user), (o) => ({
        query: `query($id: ID!) { opportunity(id: $id) { id need } }`,
        variables: { id: o.id },
      })),
  },
  opportunityFunnel: {
    allowed: rolesFor('opportunity.read'),
    own: () => ({ query: `{ opportunityFunnel { stage count values { amount currency } } }` }),
  },
  registrationProtectionDays: {
    allowed: rolesFor('opportunity.read'),
    own: () => ({ query: `{ registrationProtectionDays }` }),
  },
  createOpportunity: {
    allowed: rolesFor('opportunity.edit'),
    own: async ({ user, ds }) => {
      const hospital = hospitalFor(user);
      return {
        query: `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { ${OPPORTUNITY} } }`,
        variables: {
          i: {
            hospitalId: hospital.id,
            departmentId: await departmentOf(ds, hospital.id),
            productLineId: lineOf(user),
            productIds: [],
            need: '矩阵新需求',
            estimatedValue: '5000.00',
            currency: 'CNY',
            expectedMonth: '2030-06',
            idempotencyKey: randomUUID(),
          },
        },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignHospitals(user).slice(0, 3), (h) => ({
        query: `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
        variables: {
          i: {
            hospitalId: h.id,
            departmentId: randomUUID(),
            productLineId: lineOf(user),
            need: '越界',
            estimatedValue: '1.00',
          },
        },
      })),
    mutates: true,
  },
  moveOpportunity: {
    allowed: rolesFor('opportunity.edit'),
    own: async ({ user, ds }) => ({
      query: MOVE,
      variables: { id: (await opportunityFor(ds, user)).id, i: { stage: 'NEED_CONFIRMED', expectedVersion: 1 } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignOpportunities(user), (o) => ({
        query: MOVE,
        variables: { id: o.id, i: { stage: 'LOST', expectedVersion: 1, note: '越界' } },
      })),
    mutates: true,
  },
  registerOpportunity: {
    allowed: rolesFor('opportunity.register'),
    own: async ({ user, ds }) => ({ query: REGISTER, variables: { id: (await opportunityFor(ds, user)).id } }),
    foreign: ({ user }) =>
      notFoundEach(foreignOpportunities(user), (o) => ({ query: REGISTER, variables: { id: o.id } })),
    mutates: true,
  },
  approveRegistration: {
    allowed: rolesFor('opportunity.approve'),
    own: async ({ user, ds }) => ({ query: APPROVE, variables: { id: await pendingRegistrationFor(ds, user) } }),
    foreign: ({ user }) =>
      notFoundEach(foreignRegistrations(user), (r) => ({ query: APPROVE, variables: { id: r.id } })),
    mutates: true,
  },
  rejectRegistration: {
    allowed: rolesFor('opportunity.approve'),
    own: async ({ user, ds }) => ({
      query: REJECT,
      variables: { id: await pendingRegistrationFor(ds, user), r: '矩阵驳回' },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignRegistrations(user), (r) => ({ query: REJECT, variables: { id: r.id, r: '越界' } })),
    mutates: true,
  },
  setRegistrationProtectionDays: {
    allowed: rolesFor('opportunity.configure'),
    own: () => ({
      query: `mutation($i: ProtectionDaysInput!) { setRegistrationProtectionDays(input: $i) }`,
      variables: { i: { days: 90 } },
    }),
    mutates: true,
  },
};
