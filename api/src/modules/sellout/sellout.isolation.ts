import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { rolesFor } from '@medchannel/shared-schema';
import { USERS, type SeedUser } from '../../db/seed/demo-data';
import { firstDistributor } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { foreignDistributors } from '../../../test/personas';

/** The monthly sell-out upload: its preview, the rows' matches, its commit, and reconciliation's findings. */

/** A few distributors out of the persona's sight (of its own brand first). */
const someForeign = (user: SeedUser) =>
  foreignDistributors(user)
    .sort((a, b) => Number(b.brandId === user.brandId) - Number(a.brandId === user.brandId))
    .slice(0, 3);

/** A row of a file whose hospital nobody has chosen yet (so a match may name one, and the sweep may aim it). */
const ROW = {
  row: 2,
  hospitalText: '矩阵医院',
  departmentText: '',
  productText: '',
  productId: null,
  batchNo: '',
  quantity: null,
  occurredOn: null,
  candidates: [],
  hospitalId: null,
  departmentId: null,
  crossTerritory: false,
};

/** A previewed upload of a distributor (a fresh content hash, so each commits on its own): empty, or of one row. */
async function uploadOf(ds: DataSource, brandId: string, distributorId: string, rows: unknown[] = []): Promise<string> {
  const by = USERS.find((u) => u.brandId === brandId)!;
  const [row] = await ds.query(
    `INSERT INTO sellout_upload (brand_id, distributor_id, created_by, kind, month, file_name, content_hash, status, total_rows, rows, errors)
     VALUES ($1, $2, $3, 'SELL_OUT', '2026-01', '矩阵.csv', $4, 'PREVIEWED', $5, $6::jsonb, '[]'::jsonb) RETURNING id`,
    [brandId, distributorId, by.id, randomBytes(32).toString('hex'), rows.length, JSON.stringify(rows)],
  );
  return row.id;
}

const own = async (ds: DataSource, user: SeedUser) => uploadOf(ds, user.brandId, firstDistributor(user).id);
const foreign =
  (query: string, vars: (id: string) => Record<string, unknown>) =>
  async ({ user, ds }: { user: SeedUser; ds: DataSource }) =>
    Promise.all(someForeign(user).map(async (d) => ({ query, variables: vars(await uploadOf(ds, d.brandId, d.id)) })));

const GET = `query($id: ID!) { selloutUpload(id: $id) { id status month rows { row hospitalText } findings { id } } }`;
const MATCH = `mutation($id: ID!, $m: SelloutMatchesInput!) { matchSelloutRows(id: $id, input: $m) { id status errorCount } }`;
const COMMIT = `mutation($id: ID!) { commitSelloutUpload(id: $id) { id status findings { id } } }`;

export const SELLOUT_OPERATIONS: Record<string, OperationCase> = {
  selloutUpload: {
    allowed: rolesFor('stock.record'),
    own: async ({ user, ds }) => ({ query: GET, variables: { id: await own(ds, user) } }),
    foreign: foreign(GET, (id) => ({ id })),
  },
  matchSelloutRows: {
    allowed: rolesFor('stock.record'),
    own: async ({ user, ds }) => ({
      query: MATCH,
      variables: {
        id: await uploadOf(ds, user.brandId, firstDistributor(user).id, [ROW]),
        m: { matches: [{ row: 2, candidate: null }] },
      },
    }),
    foreign: foreign(MATCH, (id) => ({ id, m: { matches: [] } })),
    mutates: true,
  },
  commitSelloutUpload: {
    allowed: rolesFor('stock.record'),
    own: async ({ user, ds }) => ({ query: COMMIT, variables: { id: await own(ds, user) } }),
    foreign: foreign(COMMIT, (id) => ({ id })),
    mutates: true,
  },
  selloutFindings: {
    allowed: rolesFor('stock.read'),
    own: () => ({
      query: `{ selloutFindings(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { id kind month distributorName productName batchNo hospitalName quantity reported derived } } }`,
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID) { selloutFindings(first: 50, filter: { distributorId: $d }) { totalCount nodes { distributorName batchNo hospitalName } } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
};
