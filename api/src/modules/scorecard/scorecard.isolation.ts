import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rolesFor, rolesForAny } from '@medchannel/shared-schema';
import type { SeedUser } from '../../db/seed/demo-data';
import { foreignDistributors } from '../../../test/personas';
import { firstDistributor, notFoundEach } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';

/** Scorecards, the brand's weights, and re-tier proposals with their review. */

const CARD = `distributor { id name } score tier figures { kind value score weight inputs { key subject value } }`;
const PROPOSAL = `id score fromTier toTier direction status effectiveFrom distributor { id name }`;
const WEIGHTS = (key: string) => ({
  weights: ['ATTAINMENT', 'COVERAGE', 'CERTIFIED_REPS', 'PAYMENT', 'COMMITMENTS', 'STOCKTAKE'].map((kind) => ({
    kind,
    weight: 1,
  })),
  upThreshold: '85',
  downThreshold: '50',
  idempotencyKey: key,
});

/**
 * Weights on the commitments alone, with thresholds every score below 99.99 falls under, and an
 * open commitment of the distributor in the first quarter of 2025 (so its score there is 0): a tier
 * down is indicated. The distributor's open proposal is closed first.
 */
async function retierable(ds: DataSource, user: SeedUser, distributorId: string): Promise<void> {
  await ds.query(
    `UPDATE retier_proposal SET status = 'REJECTED', reviewed_at = now(), review_reason = 'isolation' WHERE distributor_id = $1 AND status = 'PROPOSED'`,
    [distributorId],
  );
  await ds.query(
    `INSERT INTO scorecard_weights (brand_id, version, weights, up_threshold, down_threshold, created_by, request_key, request_hash)
     SELECT $1, COALESCE(MAX(version), 0) + 1, '{"ATTAINMENT":0,"COVERAGE":0,"CERTIFIED_REPS":0,"PAYMENT":0,"COMMITMENTS":1,"STOCKTAKE":0}',
            '100', '99.99', $2, gen_random_uuid(), repeat('0', 64) FROM scorecard_weights WHERE brand_id = $1`,
    [user.brandId, user.id],
  );
  const [note] = await ds.query(
    `INSERT INTO visit_note (brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, idempotency_key, request_hash)
     SELECT $1, $2, h.id, $3, 'SHARED', '2025-02-01', '隔离测试', gen_random_uuid(), repeat('0', 64)
       FROM hospital h WHERE h.brand_id = $1 LIMIT 1 RETURNING id`,
    [user.brandId, user.id, distributorId],
  );
  await ds.query(
    `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, status) VALUES ($1, $2, 1, 'OTHER', '隔离测试', 'OPEN')`,
    [user.brandId, note.id],
  );
}

/** A proposal of a distributor, written straight (tier 1 → 2). */
async function proposalOf(ds: DataSource, distributorId: string, brandId: string): Promise<string> {
  await ds.query(
    `UPDATE retier_proposal SET status = 'REJECTED', reviewed_at = now(), review_reason = 'isolation' WHERE distributor_id = $1 AND status = 'PROPOSED'`,
    [distributorId],
  );
  const [{ id: creator }] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN' LIMIT 1`, [
    brandId,
  ]);
  const [p] = await ds.query(
    `INSERT INTO retier_proposal (brand_id, distributor_id, year, quarter, score, from_tier, to_tier, status, created_by, request_key, request_hash)
     VALUES ($1, $2, 2025, 1, '40.00', 1, 2, 'PROPOSED', $3, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [brandId, distributorId, creator],
  );
  return p.id;
}

const REVIEW = `mutation($id: ID!, $i: ReviewRetierInput!) { reviewRetier(id: $id, input: $i) { ${PROPOSAL} } }`;
const reject = () => ({ approve: false, reason: '隔离测试', idempotencyKey: randomUUID() });

export const SCORECARD_OPERATIONS: Record<string, OperationCase> = {
  distributorScorecard: {
    allowed: rolesFor('scorecard.read'),
    own: ({ user }) => ({
      query: `query($d: ID!) { distributorScorecard(distributorId: $d, year: 2025, quarter: 1) { ${CARD} } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!) { distributorScorecard(distributorId: $d, year: 2025, quarter: 1) { score } }`,
        variables: { d: d.id },
      })),
  },
  scorecardWeights: {
    allowed: rolesFor('scorecard.read'),
    own: () => ({ query: `{ scorecardWeights { version weights { kind weight } upThreshold downThreshold } }` }),
  },
  setScorecardWeights: {
    allowed: rolesFor('scorecard.setWeights'),
    mutates: true,
    own: () => ({
      query: `mutation($i: SetScorecardWeightsInput!) { setScorecardWeights(input: $i) { version } }`,
      variables: { i: WEIGHTS(randomUUID()) },
    }),
  },
  retierProposals: {
    allowed: rolesForAny(['retier.propose', 'retier.review']),
    own: () => ({ query: `{ retierProposals { ${PROPOSAL} } }` }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!) { retierProposals(distributorId: $d) { ${PROPOSAL} } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  proposeRetier: {
    allowed: rolesFor('retier.propose'),
    mutates: true,
    own: async ({ user, ds }) => {
      const d = firstDistributor(user).id;
      await retierable(ds, user, d);
      return {
        query: `mutation($i: ProposeRetierInput!) { proposeRetier(input: $i) { ${PROPOSAL} } }`,
        variables: { i: { distributorId: d, year: 2025, quarter: 1, idempotencyKey: randomUUID() } },
      };
    },
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `mutation($i: ProposeRetierInput!) { proposeRetier(input: $i) { id } }`,
        variables: { i: { distributorId: d.id, year: 2025, quarter: 1, idempotencyKey: randomUUID() } },
      })),
  },
  reviewRetier: {
    allowed: rolesFor('retier.review'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: REVIEW,
      variables: { id: await proposalOf(ds, firstDistributor(user).id, user.brandId), i: reject() },
    }),
    foreign: async ({ user, ds }) => {
      const ids: string[] = [];
      for (const d of foreignDistributors(user).slice(0, 3)) ids.push(await proposalOf(ds, d.id, d.brandId));
      return notFoundEach(ids, (id) => ({ query: REVIEW, variables: { id, i: reject() } }));
    },
  },
};
