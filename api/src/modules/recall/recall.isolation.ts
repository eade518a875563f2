import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Side, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import { BRANDS, DISTRIBUTORS, SeedUser, distributorByCode } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import { firstDistributor, productOf } from '../../../test/isolation/fixtures';
import { Call, OperationCase } from '../../../test/isolation/types';
import { foreignDistributors, foreignProducts } from '../../../test/personas';

/** Recalls: the list, one recall, its reach (distributors, hospitals), the lot picker, issue, acknowledge, close. */

const RECALL = `id productName batchNo serialNo reason severity instructions status distributorCount acknowledgedCount hospitalCount`;
const ONE = `query($id: ID!) { recall(id: $id) { ${RECALL} } }`;
const REACH = `query($id: ID!) { recallDistributors(recallId: $id, first: 50) { totalCount nodes { distributorId distributorName tier received held sold acknowledgedAt acknowledgedByName } } }`;
const HOSPITALS = `query($id: ID!) { recallHospitals(recallId: $id, first: 50) { totalCount nodes { distributorName hospitalName departmentName quantity } } }`;
const ACK = `mutation($id: ID!, $d: ID) { acknowledgeRecall(id: $id, distributorId: $d) { distributorId acknowledgedAt } }`;
const CLOSE = `mutation($id: ID!) { closeRecall(id: $id) { ${RECALL} } }`;
const CREATE = `mutation($i: CreateRecallInput!) { createRecall(input: $i) { ${RECALL} } }`;

/** A recall written straight to the database, reaching the distributors named (a fixture). */
async function recallReaching(ds: DataSource, brandId: string, distributorIds: string[]): Promise<string> {
  const [by] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND side = 'BRAND' ORDER BY email LIMIT 1`, [
    brandId,
  ]);
  const product = PRODUCTS.find((p) => p.brandId === brandId)!;
  const [r] = await ds.query(
    `INSERT INTO recall (brand_id, product_id, batch_no, reason, severity, instructions, created_by)
     VALUES ($1, $2, $3, '矩阵召回', 'CLASS_III', '矩阵', $4) RETURNING id`,
    [brandId, product.id, `MX-${randomUUID().slice(0, 8)}`, by.id],
  );
  for (const d of distributorIds)
    await ds.query(
      `INSERT INTO recall_distributor (recall_id, brand_id, distributor_id, received, held, transferred, sold) VALUES ($1, $2, $3, 1, 1, 0, 0)`,
      [r.id, brandId, d],
    );
  return r.id;
}

/** The persona's own distributor (a partner), or the first it sees (a brand user), or one of its brand. */
const ownDistributor = (user: SeedUser): string =>
  user.distributorCode
    ? distributorByCode(user.distributorCode).id
    : (firstDistributor(user) ?? DISTRIBUTORS.find((d) => d.brandId === user.brandId)!).id;

/**
 * Recalls the persona must not see: another brand's; for a partner also one reaching only a
 * distributor of its own brand it does not see (a brand user sees the brand's recalls, and of
 * their reach only the part in scope: that one answers, listing nothing foreign).
 */
async function foreignRecalls(ds: DataSource, user: SeedUser): Promise<Array<{ id: string; expect?: Call['expect'] }>> {
  const other = user.brandId === BRANDS.huakang.id ? BRANDS.ruiguang.id : BRANDS.huakang.id;
  const otherDistributor = DISTRIBUTORS.find((d) => d.brandId === other)!.id;
  const rows = [{ id: await recallReaching(ds, other, [otherDistributor]) }];
  const sameBrand = foreignDistributors(user).find((d) => d.brandId === user.brandId);
  if (sameBrand)
    rows.push({
      id: await recallReaching(ds, user.brandId, [sameBrand.id]),
      ...(sideOfRole(user.role) === Side.BRAND ? { expect: 'LISTED' as const } : {}),
    });
  return rows;
}

const reads = (query: string): OperationCase => ({
  allowed: rolesFor('recall.read'),
  own: async ({ user, ds }) => ({
    query,
    variables: { id: await recallReaching(ds, user.brandId, [ownDistributor(user)]) },
  }),
  foreign: async ({ user, ds }) =>
    (await foreignRecalls(ds, user)).map((r) => ({ query, variables: { id: r.id }, expect: r.expect })),
});

/** The demo's CRP batch 康达 moved to its second tier and sold (inventory.seed.ts' SEED_STOCK.batch). */
const HK_BATCH = '2603A';

/** A lot the persona's brand moved through its channel (the demo's). */
const lotOf = (user: SeedUser) =>
  user.brandId === BRANDS.huakang.id
    ? { productId: PRODUCTS.find((p) => p.code === 'HK-CRP-50')!.id, batchNo: HK_BATCH }
    : { productId: productOf(user).id, batchNo: 'RG2601' };

const recallInput = (lot: { productId: string; batchNo: string }) => ({
  ...lot,
  reason: '矩阵召回',
  severity: 'CLASS_III',
  instructions: '矩阵',
  idempotencyKey: randomUUID(),
});

export const RECALL_OPERATIONS: Record<string, OperationCase> = {
  recalls: {
    allowed: rolesFor('recall.read'),
    own: () => ({
      query: `{ recalls(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${RECALL} } } }`,
    }),
    foreign: async ({ user, ds }) => {
      await foreignRecalls(ds, user);
      return [{ query: `{ recalls(first: 50) { totalCount nodes { ${RECALL} } } }`, expect: 'LISTED' as const }];
    },
  },
  recall: reads(ONE),
  recallDistributors: reads(REACH),
  recallHospitals: reads(HOSPITALS),
  recallLots: {
    allowed: rolesFor('recall.manage'),
    own: ({ user }) => ({
      query: `query($p: ID!) { recallLots(productId: $p, search: "") { batchNo serialNo distributorCount } }`,
      variables: { p: lotOf(user).productId },
    }),
    foreign: ({ user }) =>
      foreignProducts(user)
        .slice(0, 2)
        .map((p) => ({
          query: `query($p: ID!) { recallLots(productId: $p) { batchNo } }`,
          variables: { p: p.id },
        })),
  },
  recallReachPreview: {
    allowed: rolesFor('recall.manage'),
    own: ({ user }) => ({
      query: `query($p: ID!, $b: String) { recallReachPreview(productId: $p, batchNo: $b) { distributorCount hospitalCount held sold } }`,
      variables: { p: lotOf(user).productId, b: lotOf(user).batchNo },
    }),
    foreign: ({ user }) =>
      foreignProducts(user)
        .slice(0, 2)
        .map((p) => ({
          query: `query($p: ID!) { recallReachPreview(productId: $p, batchNo: "RG2601") { distributorCount } }`,
          variables: { p: p.id },
        })),
  },
  createRecall: {
    allowed: rolesFor('recall.manage'),
    own: ({ user }) => ({ query: CREATE, variables: { i: recallInput(lotOf(user)) } }),
    foreign: ({ user }) =>
      foreignProducts(user)
        .slice(0, 2)
        .map((p) => ({ query: CREATE, variables: { i: recallInput({ productId: p.id, batchNo: 'RG2601' }) } })),
    mutates: true,
  },
  acknowledgeRecall: {
    allowed: rolesFor('recall.acknowledge'),
    own: async ({ user, ds }) => ({
      query: ACK,
      variables: { id: await recallReaching(ds, user.brandId, [ownDistributor(user)]) },
    }),
    foreign: async ({ user, ds }) => {
      const calls: Call[] = (await foreignRecalls(ds, user)).map((r) => ({ query: ACK, variables: { id: r.id } }));
      // a recall that reaches the persona, acknowledged for a distributor it does not see
      const mine = await recallReaching(ds, user.brandId, [ownDistributor(user)]);
      for (const d of foreignDistributors(user).slice(0, 2))
        calls.push({ query: ACK, variables: { id: mine, d: d.id } });
      return calls;
    },
    mutates: true,
  },
  closeRecall: {
    allowed: rolesFor('recall.manage'),
    own: async ({ user, ds }) => ({
      query: CLOSE,
      variables: { id: await recallReaching(ds, user.brandId, [ownDistributor(user)]) },
    }),
    foreign: async ({ user, ds }) => {
      const other = user.brandId === BRANDS.huakang.id ? BRANDS.ruiguang.id : BRANDS.huakang.id;
      return [
        {
          query: CLOSE,
          variables: { id: await recallReaching(ds, other, [DISTRIBUTORS.find((d) => d.brandId === other)!.id]) },
        },
      ];
    },
    mutates: true,
  },
};
