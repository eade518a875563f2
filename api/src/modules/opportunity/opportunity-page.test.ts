import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * opportunities(...) builds its page in one statement (opportunity-page.ts): every row must answer
 * field for field what opportunity(id) answers through the per-field loaders, for each viewer
 * (brand-wide, a rep of the distributor, a rep of its second tier, who sees less), and its cursors
 * must page as paginate's do.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let repA: GqlClient;
let repB: GqlClient;
const tag = `页${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  const mail = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  for (const d of brand.distributorIds)
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.hospitalInCity]],
    );
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  repA = t.client(Audience.PORTAL);
  await repA.login(`rep0-${mail}@test.demo`);
  repB = t.client(Audience.PORTAL);
  await repB.login(`rep1-${mail}@test.demo`);
  const departments: Array<{ id: string }> = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科'), ($1, $2, '检验科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  for (const [i, client] of [repA, repA, repB, admin, repA].entries()) {
    const created = await client.request(
      `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
      {
        i: {
          hospitalId: cat.hospitalInCity,
          departmentId: departments[i % 2].id,
          productLineId: cat.lineId,
          productIds: i % 2 ? [cat.productII] : [],
          need: `${tag} ${i}`,
          estimatedValue: `${1000 + i}.25`,
          idempotencyKey: randomUUID(),
        },
      },
    );
    expect(created.errors).toEqual([]);
    if (i === 1) {
      const registered = await repA.request(`mutation($id: ID!) { registerOpportunity(id: $id) { id } }`, {
        id: created.data.createOpportunity.id,
      });
      expect(registered.errors).toEqual([]);
    }
  }
});
afterAll(() => t?.stop());

const ROW = `id need stage expectedMonth createdAt version estimatedValue { amount currency }
  hospital { id name } department { id name } productLine { id name } distributor { id name }
  owner { id displayName } products { id name } stageHistory { id stage createdAt }
  registration { id status protectedUntil }`;
const PAGE = `query($first: Int!, $after: String, $s: String!) {
  opportunities(first: $first, after: $after, filter: { search: $s }) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;

async function page(client: GqlClient, first: number, after?: string | null) {
  const res = await client.request(PAGE, { first, after, s: tag });
  expect(res.errors).toEqual([]);
  return res.data.opportunities;
}

test('each row of the one-statement page answers what opportunity(id) answers, whoever asks', async () => {
  const seen: Record<string, number> = {};
  for (const [name, client] of Object.entries({ admin, repA, repB })) {
    const { nodes, totalCount } = await page(client, 20);
    seen[name] = totalCount;
    expect(nodes).toHaveLength(totalCount);
    for (const node of nodes) {
      const one = await client.request(`query($id: ID!) { opportunity(id: $id) { ${ROW} } }`, { id: node.id });
      expect(one.errors).toEqual([]);
      expect(node).toEqual(one.data.opportunity);
    }
    // what a row names is really there (not everything null by a wrong condition)
    expect(nodes.every((n: { hospital: unknown; department: unknown }) => n.hospital && n.department)).toBe(true);
  }
  expect(seen.admin).toBe(5);
  expect(nodes(await page(repA, 20)).some((n) => n.registration?.status === 'PENDING')).toBe(true);
  expect(seen.repB).toBeLessThan(seen.admin);
});

const nodes = (p: { nodes: Array<{ id: string; registration: { status: string } | null }> }) => p.nodes;

test('pages follow their cursor: no row twice, none left out; a forged cursor is a coded error', async () => {
  const all = await page(admin, 20);
  const first = await page(admin, 2);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const rest = await page(admin, 20, first.pageInfo.endCursor);
  expect(rest.pageInfo.hasNextPage).toBe(false);
  expect([...nodes(first), ...nodes(rest)].map((n) => n.id)).toEqual(nodes(all).map((n) => n.id));
  expect(first.totalCount).toBe(all.totalCount);

  const forged = Buffer.from(JSON.stringify(['not a date', 'not a uuid'])).toString('base64url');
  const refused = await admin.request(PAGE, { first: 2, after: forged, s: tag });
  expect(codeOf(refused)).toBe(ErrorCode.BAD_USER_INPUT);
});

test('rows created in the same millisecond page as any others, brand-side and partner-side (each its own sort key)', async () => {
  const before = { admin: await page(admin, 20), repA: await page(repA, 20) };
  // five rows at one instant given to the microsecond: the column keeps the millisecond the cursor carries
  await t.app.ds.query(
    `UPDATE opportunity SET created_at = '2026-03-04 05:06:07.891234+00' WHERE brand_id = $1 AND need LIKE $2`,
    [brand.brandId, `${tag}%`],
  );
  for (const [client, all] of [
    [admin, before.admin],
    [repA, before.repA],
  ] as const) {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const p = await page(client, 2, after);
      seen.push(...nodes(p).map((n) => n.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(all.totalCount);
    expect(new Set(seen)).toEqual(new Set(nodes(all).map((n) => n.id)));
  }
  expect(before.repA.totalCount).toBeGreaterThan(1);
  const [{ created }] = await t.app.ds.query(
    `SELECT to_char(max(created_at) AT TIME ZONE 'UTC', 'SS.US') AS created FROM opportunity WHERE brand_id = $1`,
    [brand.brandId],
  );
  expect(created).toBe('07.891000');
});
