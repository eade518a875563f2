import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Side, rolesFor, sideOfRole } from '@medchannel/shared-schema';
import { BRANDS, type SeedUser } from '../../db/seed/demo-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import { firstDistributor, hospitalFor, productOf, tag } from '../../../test/isolation/fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { foreignDistributors } from '../../../test/personas';

/** Placed equipment and the stocktake: every query and mutation, aimed at the persona's own records and at foreign ones. */

const PLACEMENT = `id distributorId distributorName productName serialNo hospitalName departmentName reagentLineName commitmentQuantity commitmentPeriod status version`;
const DETAIL = `${PLACEMENT} history { kind occurredOn serialNo hospitalName departmentName actorName } commitment { month committed actual shortfall }`;
const ITEM = `id serialNo distributorName hospitalName departmentName finding condition hasPhoto confirmedAt`;
const GET = `query($id: ID!) { placement(id: $id) { ${DETAIL} } }`;
const RELOCATE = `mutation($id: ID!, $i: RelocatePlacementInput!) { relocatePlacement(id: $id, input: $i) { ${PLACEMENT} } }`;
const REPLACE = `mutation($id: ID!, $i: ReplacePlacementInstrumentInput!) { replacePlacementInstrument(id: $id, input: $i) { ${PLACEMENT} } }`;
const RETURN = `mutation($id: ID!, $i: ReturnPlacementInput!) { returnPlacement(id: $id, input: $i) { ${PLACEMENT} } }`;
const CAMPAIGN = `query($id: ID!) { stocktakeCampaign(id: $id) { id year status progress { distributorName instruments confirmed batchesCounted discrepancies } } }`;
const ITEMS = `query($c: ID!, $d: ID) { stocktakeItems(campaignId: $c, first: 50, filter: { distributorId: $d }) { totalCount nodes { ${ITEM} } } }`;
const DISCREPANCIES = `query($c: ID!, $d: ID) { stocktakeDiscrepancies(campaignId: $c, first: 50, distributorId: $d) { totalCount nodes { id kind distributorName serialNo placeName batchNo counted derived } } }`;
const CONFIRM = `mutation($id: ID!, $i: ConfirmStocktakeItemInput!) { confirmStocktakeItem(itemId: $id, input: $i) { ${ITEM} } }`;
const COUNT = `mutation($c: ID!, $i: CountStocktakeBatchInput!) { countStocktakeBatch(campaignId: $c, input: $i) { id batchNo counted derived } }`;
const CLOSE = `mutation($id: ID!) { closeStocktake(id: $id) { id status } }`;

const otherBrand = (user: SeedUser) => (user.brandId === BRANDS.huakang.id ? BRANDS.ruiguang.id : BRANDS.huakang.id);
const lineOf = (user: SeedUser) => PRODUCT_LINES.find((l) => l.brandId === user.brandId)!.id;

/** A department of the persona's hospital (a fresh one when asked, to move an instrument to). */
async function departmentOf(
  ds: DataSource,
  user: SeedUser,
  fresh = false,
): Promise<{ hospitalId: string; id: string }> {
  const hospitalId = hospitalFor(user).id;
  const [dept] = fresh
    ? await ds.query(`INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, $3) RETURNING id`, [
        user.brandId,
        hospitalId,
        `矩阵科${tag()}`,
      ])
    : await ds.query(
        `SELECT id FROM hospital_department WHERE hospital_id = $1 AND name NOT LIKE '矩阵科%' ORDER BY name LIMIT 1`,
        [hospitalId],
      );
  return { hospitalId, id: dept.id };
}

/** A placed instrument of the persona's first distributor, written straight to the tables (with its first event). */
async function placementFor(ds: DataSource, user: SeedUser): Promise<string> {
  const dept = await departmentOf(ds, user);
  const [p] = await ds.query(
    `INSERT INTO placement (brand_id, distributor_id, product_id, serial_no, source, hospital_id, department_id, reagent_line_id,
                            commitment_quantity, commitment_period, starts_on, ends_on, created_by)
     VALUES ($1, $2, $3, $4, 'STOCK', $5, $6, $7, 10, 'MONTH', '2026-01-01', '2030-12-31', $8) RETURNING id`,
    [
      user.brandId,
      firstDistributor(user).id,
      productOf(user).id,
      `MX-${tag().toUpperCase()}`,
      dept.hospitalId,
      dept.id,
      lineOf(user),
      user.id,
    ],
  );
  await ds.query(
    `INSERT INTO placement_event (brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, actor_id)
     SELECT brand_id, id, 'PLACED', starts_on, hospital_id, department_id, serial_no, created_by FROM placement WHERE id = $1`,
    [p.id],
  );
  return p.id;
}

/** An open campaign of a brand (the matrix's own, year 2000, made once). */
async function campaignOf(ds: DataSource, brandId: string): Promise<string> {
  const [admin] = await ds.query(
    `SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN' ORDER BY email LIMIT 1`,
    [brandId],
  );
  await ds.query(
    `INSERT INTO stocktake_campaign (brand_id, year, due_on, created_by) VALUES ($1, 2000, '2030-12-31', $2)
     ON CONFLICT (brand_id, year) DO NOTHING`,
    [brandId, admin.id],
  );
  return (await ds.query(`SELECT id FROM stocktake_campaign WHERE brand_id = $1 AND year = 2000`, [brandId]))[0].id;
}

/** A year no campaign of the brand has taken yet. */
const freshYear = async (ds: DataSource, brandId: string): Promise<number> =>
  (
    await ds.query(`SELECT GREATEST(MAX(year) + 1, 2040) AS y FROM stocktake_campaign WHERE brand_id = $1`, [brandId])
  )[0].y;

/** An item of the persona's first distributor in its brand's open campaign. */
async function itemFor(ds: DataSource, user: SeedUser): Promise<string> {
  const placementId = await placementFor(ds, user);
  const [item] = await ds.query(
    `INSERT INTO stocktake_item (brand_id, campaign_id, placement_id, distributor_id, serial_no, hospital_id, department_id)
     SELECT p.brand_id, $2, p.id, p.distributor_id, p.serial_no, p.hospital_id, p.department_id FROM placement p WHERE p.id = $1 RETURNING id`,
    [placementId, await campaignOf(ds, user.brandId)],
  );
  return item.id;
}

/** Placements and items of distributors the persona may not see (its brand's first). */
async function foreignRows(ds: DataSource, user: SeedUser, table: 'placement' | 'stocktake_item'): Promise<string[]> {
  const ids = foreignDistributors(user).map((d) => d.id);
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT id FROM ${table} WHERE distributor_id = ANY($1) ORDER BY (brand_id = $2) DESC, created_at LIMIT 3`,
    [ids, user.brandId],
  );
  return rows.map((r) => r.id);
}

const someForeignDistributors = (user: SeedUser) =>
  foreignDistributors(user)
    .sort((a, b) => Number(b.brandId === user.brandId) - Number(a.brandId === user.brandId))
    .slice(0, 3);

export const PLACEMENT_OPERATIONS: Record<string, OperationCase> = {
  placements: {
    allowed: rolesFor('placement.read'),
    own: () => ({
      query: `{ placements(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${PLACEMENT} } } }`,
    }),
    foreign: ({ user }) =>
      someForeignDistributors(user).map((d) => ({
        query: `query($d: ID) { placements(first: 50, filter: { distributorId: $d }) { totalCount nodes { ${PLACEMENT} } } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  placement: {
    allowed: rolesFor('placement.read'),
    own: async ({ user, ds }) => ({ query: GET, variables: { id: await placementFor(ds, user) } }),
    foreign: async ({ user, ds }) =>
      (await foreignRows(ds, user, 'placement')).map((id) => ({ query: GET, variables: { id } })),
  },
  placeInstrument: {
    allowed: rolesFor('placement.manage'),
    own: async ({ user, ds }) => {
      const serialNo = `MP-${tag().toUpperCase()}`;
      const distributorId = firstDistributor(user).id;
      await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, serial_no, kind, quantity, occurred_on, reason, created_by)
         VALUES ($1, $2, $3, 'MX', $4, 'ADJUSTED', 1, '2026-01-05', '矩阵', $5)`,
        [user.brandId, distributorId, productOf(user).id, serialNo, user.id],
      );
      const dept = await departmentOf(ds, user);
      return {
        query: `mutation($i: PlaceInstrumentInput!) { placeInstrument(input: $i) { ${PLACEMENT} } }`,
        variables: {
          i: {
            ...(sideOfRole(user.role) === Side.BRAND ? { distributorId } : {}),
            productId: productOf(user).id,
            serialNo,
            source: 'STOCK',
            hospitalId: dept.hospitalId,
            departmentId: dept.id,
            reagentLineId: lineOf(user),
            commitmentQuantity: 12,
            commitmentPeriod: 'YEAR',
            startsOn: '2026-01-05',
            endsOn: '2028-01-04',
            idempotencyKey: randomUUID(),
          },
        },
      };
    },
    mutates: true,
  },
  relocatePlacement: {
    allowed: rolesFor('placement.manage'),
    own: async ({ user, ds }) => {
      const to = await departmentOf(ds, user, true);
      return {
        query: RELOCATE,
        variables: {
          id: await placementFor(ds, user),
          i: {
            expectedVersion: 1,
            hospitalId: to.hospitalId,
            departmentId: to.id,
            occurredOn: '2026-02-01',
            note: '矩阵移机',
          },
        },
      };
    },
    foreign: async ({ user, ds }) => {
      const to = await departmentOf(ds, user, true);
      return (await foreignRows(ds, user, 'placement')).map((id) => ({
        query: RELOCATE,
        variables: {
          id,
          i: { expectedVersion: 1, hospitalId: to.hospitalId, departmentId: to.id, occurredOn: '2026-02-01' },
        },
      }));
    },
    mutates: true,
  },
  replacePlacementInstrument: {
    allowed: rolesFor('placement.manage'),
    own: async ({ user, ds }) => ({
      query: REPLACE,
      variables: {
        id: await placementFor(ds, user),
        i: { expectedVersion: 1, serialNo: `MR-${tag()}`, occurredOn: '2026-02-01', note: '矩阵换机' },
      },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignRows(ds, user, 'placement')).map((id) => ({
        query: REPLACE,
        variables: { id, i: { expectedVersion: 1, serialNo: `MF-${tag()}`, occurredOn: '2026-02-01', note: '越界' } },
      })),
    mutates: true,
  },
  returnPlacement: {
    allowed: rolesFor('placement.manage'),
    own: async ({ user, ds }) => ({
      query: RETURN,
      variables: { id: await placementFor(ds, user), i: { expectedVersion: 1, occurredOn: '2026-02-01' } },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignRows(ds, user, 'placement')).map((id) => ({
        query: RETURN,
        variables: { id, i: { expectedVersion: 1, occurredOn: '2026-02-01' } },
      })),
    mutates: true,
  },
  stocktakeCampaigns: {
    allowed: rolesFor('stocktake.read'),
    own: () => ({
      query: `{ stocktakeCampaigns(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { id year dueOn status closedAt progress { distributorName instruments confirmed } } } }`,
    }),
  },
  stocktakeCampaign: {
    allowed: rolesFor('stocktake.read'),
    own: async ({ user, ds }) => ({ query: CAMPAIGN, variables: { id: await campaignOf(ds, user.brandId) } }),
    foreign: async ({ user, ds }) => [{ query: CAMPAIGN, variables: { id: await campaignOf(ds, otherBrand(user)) } }],
  },
  stocktakeItems: {
    allowed: rolesFor('stocktake.read'),
    own: async ({ user, ds }) => {
      await itemFor(ds, user);
      return { query: ITEMS, variables: { c: await campaignOf(ds, user.brandId) } };
    },
    foreign: async ({ user, ds }) => {
      const own = await campaignOf(ds, user.brandId);
      return [
        { query: ITEMS, variables: { c: await campaignOf(ds, otherBrand(user)) } },
        ...someForeignDistributors(user).map((d) => ({
          query: ITEMS,
          variables: { c: own, d: d.id },
          expect: 'LISTED' as const,
        })),
      ];
    },
  },
  stocktakeDiscrepancies: {
    allowed: rolesFor('stocktake.read'),
    own: async ({ user, ds }) => ({ query: DISCREPANCIES, variables: { c: await campaignOf(ds, user.brandId) } }),
    foreign: async ({ user, ds }) => [
      { query: DISCREPANCIES, variables: { c: await campaignOf(ds, otherBrand(user)) } },
    ],
  },
  openStocktake: {
    allowed: rolesFor('stocktake.manage'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: OpenStocktakeInput!) { openStocktake(input: $i) { id year dueOn status } }`,
      variables: { i: { year: await freshYear(ds, user.brandId), dueOn: '2030-06-30', idempotencyKey: randomUUID() } },
    }),
    mutates: true,
  },
  closeStocktake: {
    allowed: rolesFor('stocktake.manage'),
    own: async ({ user, ds }) => {
      const [admin] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN' LIMIT 1`, [
        user.brandId,
      ]);
      const [c] = await ds.query(
        `INSERT INTO stocktake_campaign (brand_id, year, due_on, created_by) VALUES ($1, $2, '2030-06-30', $3) RETURNING id`,
        [user.brandId, await freshYear(ds, user.brandId), admin.id],
      );
      return { query: CLOSE, variables: { id: c.id } };
    },
    foreign: async ({ user, ds }) => [{ query: CLOSE, variables: { id: await campaignOf(ds, otherBrand(user)) } }],
    mutates: true,
  },
  confirmStocktakeItem: {
    allowed: rolesFor('stocktake.confirm'),
    own: async ({ user, ds }) => ({
      query: CONFIRM,
      variables: { id: await itemFor(ds, user), i: { finding: 'NOT_FOUND', note: '矩阵盘点' } },
    }),
    foreign: async ({ user, ds }) =>
      (await foreignRows(ds, user, 'stocktake_item')).map((id) => ({
        query: CONFIRM,
        variables: { id, i: { finding: 'NOT_FOUND' } },
      })),
    mutates: true,
  },
  countStocktakeBatch: {
    allowed: rolesFor('stocktake.confirm'),
    own: async ({ user, ds }) => ({
      query: COUNT,
      variables: {
        c: await campaignOf(ds, user.brandId),
        i: { productId: productOf(user).id, batchNo: `MC-${tag()}`, counted: 2 },
      },
    }),
    foreign: async ({ user, ds }) => {
      const own = await campaignOf(ds, user.brandId);
      return [
        {
          query: COUNT,
          variables: {
            c: await campaignOf(ds, otherBrand(user)),
            i: { productId: productOf(user).id, batchNo: 'X', counted: 1 },
          },
        },
        ...someForeignDistributors(user).map((d) => ({
          query: COUNT,
          variables: {
            c: own,
            i: { distributorId: d.id, productId: productOf(user).id, batchNo: 'X', counted: 1 },
          },
        })),
      ];
    },
    mutates: true,
  },
};
