import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { SeedUser, distributorByCode } from '../../db/seed/demo-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { expectedDistributors, foreignDistributors } from '../../../test/personas';
import { firstDistributor, notFoundEach } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { SEED_TARGET_ID } from './target.seed';
import { REBATE_SEED } from './rebate.seed-data';

/** The rebate operations: policies (read, set), a quarter's rebates and their approval. */

const QUARTER = `quarter quarterAmount { amount } sellIn { amount } attainment band { rate } rebate { amount }
  posted { amount } pending { amount } nextBand { threshold } moreToNext { amount } policyVersion ended
  target { id distributor { id } productLine { id } }`;
const BANDS = [
  { threshold: '0.8', rate: '0.01' },
  { threshold: '1', rate: '0.02' },
];
const APPROVE = `mutation($i: ApproveRebateInput!) { approveRebate(input: $i) { ${QUARTER} } }`;

/** The seeded targets (杭州康达's, 苏州恒康's) whose distributor is out of the persona's sight. */
const foreignTargets = (user: SeedUser) =>
  [
    { code: 'HK-KD', id: SEED_TARGET_ID },
    { code: REBATE_SEED.distributorCode, id: REBATE_SEED.targetId },
  ]
    .filter(({ code }) => !expectedDistributors(user).some((d) => d.id === distributorByCode(code).id))
    .map(({ id }) => id);

/**
 * An agreed 2025 target of the persona's first distributor on a line of its own, with a policy
 * (80% → 1%) and a February order of 100.00 against its 100.00 first quarter: 1.00 to approve.
 */
async function approvableTarget(ds: DataSource, user: SeedUser): Promise<string> {
  const d = firstDistributor(user);
  const code = `RB${randomUUID().slice(0, 8)}`;
  const [line] = await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, $2, $2) RETURNING id`, [
    d.brandId,
    code,
  ]);
  const [product] = await ds.query(
    `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
     VALUES ($1, $2, $3, $3, 'CONSUMABLE', 'I', $3, '2020-01-01', '2099-12-31', '100.00') RETURNING id`,
    [d.brandId, line.id, code],
  );
  const [t] = await ds.query(
    `INSERT INTO sales_target (brand_id, distributor_id, product_line_id, year, status, currency, agreed_at, agreed_by, created_by)
     VALUES ($1, $2, $3, 2025, 'AGREED', 'CNY', now(), $4, $4) RETURNING id`,
    [d.brandId, d.id, line.id, user.id],
  );
  await ds.query(
    `INSERT INTO sales_target_version (brand_id, target_id, number, kind, yearly, q1, q2, q3, q4, currency, created_by, request_key, request_hash)
     VALUES ($1, $2, 1, 'PROPOSAL', '400.00', '100.00', '100.00', '100.00', '100.00', 'CNY', $3, $4, repeat('0', 64))`,
    [d.brandId, t.id, user.id, randomUUID()],
  );
  await ds.query(
    `INSERT INTO rebate_policy (brand_id, product_line_id, version, bands, created_by, request_key, request_hash)
     VALUES ($1, $2, 1, $3, $4, $5, repeat('0', 64))`,
    [d.brandId, line.id, JSON.stringify([{ threshold: '0.8000', rate: '0.0100' }]), user.id, randomUUID()],
  );
  const [order] = await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
     VALUES ($1, $2, $3, 'STOCK', $4, 'APPROVED', 'CNY', '100.00', '0.00', gen_random_uuid(), repeat('0', 64), '2025-02-10T02:00:00Z') RETURNING id`,
    [d.brandId, d.id, code, user.id],
  );
  await ds.query(
    `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, 1, '100.00', 'CNY')`,
    [d.brandId, order.id, product.id],
  );
  return t.id;
}

export const REBATE_OPERATIONS: Record<string, OperationCase> = {
  rebatePolicies: {
    allowed: rolesFor('rebate.read'),
    own: () => ({ query: `{ rebatePolicies { id productLineId version bands { threshold rate } createdAt } }` }),
  },
  setRebatePolicy: {
    allowed: rolesFor('rebate.setPolicy'),
    mutates: true,
    own: ({ user }) => ({
      query: `mutation($i: SetRebatePolicyInput!) { setRebatePolicy(input: $i) { id version bands { threshold rate } } }`,
      variables: {
        i: {
          productLineId: PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id,
          bands: BANDS,
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: ({ user }) =>
      notFoundEach(
        PRODUCT_LINES.filter((l) => l.brandId !== user.brandId),
        (l) => ({
          query: `mutation($i: SetRebatePolicyInput!) { setRebatePolicy(input: $i) { id } }`,
          variables: { i: { productLineId: l.id, bands: BANDS, idempotencyKey: randomUUID() } },
        }),
      ),
  },
  quarterRebates: {
    allowed: rolesFor('rebate.read'),
    own: () => ({ query: `{ quarterRebates(year: 2025, quarter: 1) { ${QUARTER} } }` }),
    foreign: ({ user }) =>
      notFoundEach(foreignDistributors(user), (d) => ({
        query: `query($d: ID!) { quarterRebates(year: 2025, quarter: 1, distributorId: $d) { quarter } }`,
        variables: { d: d.id },
      })),
  },
  approveRebate: {
    allowed: rolesFor('rebate.approve'),
    mutates: true,
    own: async ({ user, ds }) => ({
      query: APPROVE,
      variables: { i: { targetId: await approvableTarget(ds, user), quarter: 1, idempotencyKey: randomUUID() } },
    }),
    foreign: ({ user }) =>
      notFoundEach(foreignTargets(user), (t) => ({
        query: `mutation($i: ApproveRebateInput!) { approveRebate(input: $i) { quarter } }`,
        variables: { i: { targetId: t, quarter: 1, idempotencyKey: randomUUID() } },
      })),
  },
};
