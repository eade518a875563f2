import { DataSource } from 'typeorm';
import { Role, rolesFor } from '@medchannel/shared-schema';
import { REGIONS, SeedUser, USERS } from '../../db/seed/demo-data';
import { foreignDistributors } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

import { firstDistributor, regionOf, tag, versionOf, notFoundEach } from '../../../test/isolation/fixtures';

/** A distributor's lifecycle: new prospects, the profile, the stage and the screening assessment. */

/** A prospect placed where the persona's first distributor is, managed by the same manager: visible to the same people. */
async function prospectFor(ds: DataSource, user: SeedUser): Promise<{ id: string; version: number }> {
  const d = firstDistributor(user);
  const [row] = await ds.query(
    `INSERT INTO distributor (brand_id, name, code, stage, region_id, channel_manager_id)
     SELECT brand_id, $2, $3, 'PROSPECT', region_id, channel_manager_id FROM distributor WHERE id = $1 RETURNING id, version`,
    [d.id, `矩阵候选经销商 ${tag()}`, `MX-${tag()}`],
  );
  return row;
}

/**
 * A channel manager of the persona's brand other than the prospect's own, so the assignment is a
 * change; in a brand with one channel manager the prospect is first left without one.
 */
async function otherManager(ds: DataSource, user: SeedUser, distributorId: string): Promise<SeedUser> {
  const [{ channel_manager_id }] = await ds.query(`SELECT channel_manager_id FROM distributor WHERE id = $1`, [
    distributorId,
  ]);
  const managers = USERS.filter((x) => x.brandId === user.brandId && x.role === Role.CHANNEL_MANAGER);
  const other = managers.find((x) => x.id !== channel_manager_id);
  if (other) return other;
  await ds.query(`UPDATE distributor SET channel_manager_id = NULL WHERE id = $1`, [distributorId]);
  return managers[0];
}

const ASSIGN_MANY = `mutation($d: [ID!]!, $u: ID!) { assignDistributorsToChannelManager(distributorIds: $d, userId: $u) { id channelManager { id } } }`;

export const DISTRIBUTOR_OPERATIONS: Record<string, OperationCase> = {
  createDistributor: {
    allowed: rolesFor('distributor.manage'),
    own: ({ user }) => ({
      query: `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id name stage channelManager { id } } }`,
      variables: {
        i: {
          name: `矩阵新经销商 ${tag()}`,
          code: `MX-${tag()}`,
          regionId: regionOf(user.brandId, firstDistributor(user).regionCode),
          profile: { classifications: ['HIGHLY_PROFESSIONAL'] },
        },
      },
    }),
    foreign: ({ user }) => [
      {
        query: `mutation($i: CreateDistributorInput!) { createDistributor(input: $i) { id } }`,
        variables: {
          i: {
            name: `越界经销商 ${tag()}`,
            code: `MX-${tag()}`,
            regionId: REGIONS.find((r) => r.brandId !== user.brandId)!.id,
          },
        },
        // another brand's region answers like one that does not exist
      },
    ],
    mutates: true,
  },
  updateDistributorProfile: {
    allowed: rolesFor('distributor.manage'),
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      return {
        query: `mutation($id: ID!, $v: Int!, $i: DistributorProfileInput!) { updateDistributorProfile(id: $id, expectedVersion: $v, input: $i) { id contactPhone } }`,
        variables: {
          id: d.id,
          v: await versionOf(ds, 'distributor', d.id),
          i: { contactPhone: `0571-${String(Math.random()).slice(2, 10)}` },
        },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($id: ID!, $i: DistributorProfileInput!) { updateDistributorProfile(id: $id, expectedVersion: 1, input: $i) { id } }`,
        variables: { id: d.id, i: { contactPhone: '1' } },
      })),
    mutates: true,
  },
  moveDistributorStage: {
    allowed: rolesFor('distributor.manage'),
    own: async ({ user, ds }) => {
      const p = await prospectFor(ds, user);
      return {
        query: `mutation($d: ID!, $v: Int!) { moveDistributorStage(distributorId: $d, toStage: SCREENING, reason: "资质初审通过", expectedVersion: $v) { id stage stageHistory { fromStage toStage reason } } }`,
        variables: { d: p.id, v: p.version },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($d: ID!) { moveDistributorStage(distributorId: $d, toStage: EXITING, reason: "越界", expectedVersion: 1) { id } }`,
        variables: { d: d.id },
      })),
    mutates: true,
  },
  recordScreeningAssessment: {
    allowed: rolesFor('distributor.assess'),
    own: ({ user }) => ({
      query: `mutation($i: AssessmentInput!) { recordScreeningAssessment(input: $i) { id fitScore } }`,
      variables: {
        i: {
          distributorId: firstDistributor(user).id,
          productsCarried: '超声、检验试剂',
          competingProducts: '迈瑞 DC-70',
          fitScore: 4,
          willingnessScore: 5,
          capabilityScore: 3,
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: AssessmentInput!) { recordScreeningAssessment(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, fitScore: 1, willingnessScore: 1, capabilityScore: 1 } },
      })),
    mutates: true,
  },
  assignDistributorsToChannelManager: {
    allowed: rolesFor('distributor.assignManager'),
    own: async ({ user, ds }) => {
      const a = await prospectFor(ds, user);
      const b = await prospectFor(ds, user);
      return { query: ASSIGN_MANY, variables: { d: [a.id, b.id], u: (await otherManager(ds, user, a.id)).id } };
    },
    foreign: async ({ user, ds }) => {
      const own = await prospectFor(ds, user);
      const manager = await otherManager(ds, user, own.id);
      const otherBrandCm = USERS.find((x) => x.brandId !== user.brandId && x.role === Role.CHANNEL_MANAGER)!;
      return [
        // one foreign distributor among the persona's own: nothing changes, and it is not named back
        ...notFoundEach(foreignDistributors(user), (d) => ({
          query: ASSIGN_MANY,
          variables: { d: [own.id, d.id], u: manager.id },
        })),
        { query: ASSIGN_MANY, variables: { d: [own.id], u: otherBrandCm.id } },
      ];
    },
    mutates: true,
  },
  setPaymentTerms: {
    allowed: rolesFor('distributor.setPaymentTerms'),
    // other terms than it has, so the call changes them (and leaves its audit row)
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      const [row] = await ds.query(
        `SELECT version, (payment_terms_days + 1) % 366 AS next FROM distributor WHERE id = $1`,
        [d.id],
      );
      return {
        query: `mutation($d: ID!, $v: Int!, $n: Int!) { setPaymentTerms(distributorId: $d, expectedVersion: $v, days: $n) { id paymentTermsDays creditLimit { amount } version } }`,
        variables: { d: d.id, v: row.version, n: row.next },
      };
    },
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `mutation($d: ID!) { setPaymentTerms(distributorId: $d, expectedVersion: 1, days: 31) { id paymentTermsDays } }`,
        variables: { d: d.id },
      })),
    mutates: true,
  },
};
