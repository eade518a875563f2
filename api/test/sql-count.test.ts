import { Audience } from '@medchannel/shared-schema';
import { TestApp, startTestApp } from './harness';
import { BrandFixture, createBrand, createCatalog } from './factories';

/**
 * The SQL statements one GraphQL operation costs must not grow with the page size: nested
 * fields go through per-request DataLoaders, never a query per parent row.
 */
let t: TestApp;
let brand: BrandFixture;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 30);
  const cat = await createCatalog(t.app.ds, brand);
  for (let i = 0; i < 30; i++) {
    const [p] = await t.app.ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       VALUES ($1, $2, $3, $4, 'CONSUMABLE', 'I', 'R', CURRENT_DATE - 1, CURRENT_DATE + 300, '10.00') RETURNING id`,
      [brand.brandId, cat.lineId, `SQLP${i}`, `SQL产品 ${String(i).padStart(2, '0')}`],
    );
    await t.app.ds.query(`INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '8.00', CURRENT_DATE - 1), ($1, $2, 2, '9.00', CURRENT_DATE - 1)`, [brand.brandId, p.id]);
  }
  // a page of hospitals and of grants, each with nested records
  for (let i = 0; i < 30; i++) {
    const [h] = await t.app.ds.query(`INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, $2, 'GRADE_2A', $3) RETURNING id`, [brand.brandId, `SQL医院 ${String(i).padStart(2, '0')}`, cat.cityId]);
    await t.app.ds.query(`INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科'), ($1, $2, '超声科')`, [brand.brandId, h.id]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 1, CURRENT_DATE + 30)`,
      [brand.brandId, brand.distributorIds[i], [cat.lineId], [h.id]],
    );
  }
});
afterAll(() => t?.stop());

const LISTS: Array<{ name: string; query: string; as: () => string }> = [
  {
    name: 'distributors',
    as: () => brand.adminEmail,
    query: `query($n: Int!) { distributors(first: $n) { totalCount pageInfo { hasNextPage endCursor }
      nodes { id name region { id name parent { name } } channelManager { id displayName regions { name } }
        parent { id name channelManager { displayName } } secondTier { id name region { name } } } } }`,
  },
  {
    name: 'hospitals',
    as: () => brand.adminEmail,
    query: `query($n: Int!) { hospitals(first: $n, filter: { search: "SQL医院" }) { totalCount nodes { id name region { name parent { name } }
      departments { name } contacts { name } servingDistributors { id name channelManager { displayName } } } } }`,
  },
  {
    name: 'distributors with their grants and documents',
    as: () => brand.adminEmail,
    query: `query($n: Int!) { distributors(first: $n) { nodes { id stageHistory { toStage } qualifications { number expiry { level } }
      authorizations { id status productLines { name } products { name } regions { name } hospitals { name } } } } }`,
  },
  {
    name: 'products',
    as: () => brand.adminEmail,
    query: `query($n: Int!) { products(first: $n) { totalCount nodes { id name productLine { name } listPrice { amount } priceList { tier price { amount } } } } }`,
  },
  {
    name: 'users',
    as: () => brand.adminEmail,
    query: `query($n: Int!) { users(first: $n, filter: { side: PARTNER }) { totalCount nodes { id displayName brand { name } regions { name }
      distributor { id name parent { name } channelManager { displayName } } } } }`,
  },
];

test.each(LISTS)('$name costs the same SQL for 2 rows as for 25', async ({ query, as }) => {
  const client = t.client(Audience.CONSOLE);
  await client.login(as());
  const small = await client.request(query, { n: 2 });
  const large = await client.request(query, { n: 25 });
  expect(small.errors).toEqual([]);
  expect(large.errors).toEqual([]);
  const nodes = (r: typeof small) => Object.values(r.data as Record<string, { nodes: unknown[] }>)[0].nodes.length;
  expect(nodes(small)).toBe(2);
  expect(nodes(large)).toBe(25);
  expect(large.sqlCount).toBe(small.sqlCount);
  // and the count is small in absolute terms: auth + count + page + one batch per nested level
  expect(large.sqlCount).toBeLessThanOrEqual(12);
});

test('lists without paging (a distributor’s grants, documents about to expire) cost the same for 2 rows as for 25', async () => {
  const client = t.client(Audience.CONSOLE);
  await client.login(brand.adminEmail);
  // one root field per query: two roots resolving side by side may or may not share a loader
  // batch, which would make the count vary by one from run to run
  const queries = [
    `{ authorizations { id status distributor { name channelManager { displayName } } productLines { name } hospitals { name region { name } } } }`,
    `{ expiringQualifications(withinDays: 366) { id expiry { level } distributor { name } } }`,
  ];
  const measure = () => Promise.all(queries.map((q) => client.request(q)));
  const addDocument = (i: number) =>
    t.app.ds.query(
      `INSERT INTO qualification (brand_id, distributor_id, type, number, valid_from, valid_to) VALUES ($1, $2, 'OTHER', $3, CURRENT_DATE - 10, CURRENT_DATE + 20)`,
      [brand.brandId, brand.distributorIds[i], `SQLQ${i}`],
    );
  await addDocument(29);
  const before = await measure();
  // more grants and expiring documents: the statement count must not move
  for (let i = 0; i < 23; i++) {
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       SELECT brand_id, distributor_id, 'FORMAL', product_line_ids, '{}'::uuid[] || (SELECT id FROM region WHERE brand_id = $1 LIMIT 1), valid_from, valid_to
         FROM authorization_grant WHERE brand_id = $1 LIMIT 1`,
      [brand.brandId],
    );
    await addDocument(i);
  }
  const after = await measure();
  expect(after.flatMap((r) => r.errors)).toEqual([]);
  expect(after[0].data.authorizations.length).toBeGreaterThan(before[0].data.authorizations.length + 20);
  expect(after[1].data.expiringQualifications.length).toBeGreaterThan(before[1].data.expiringQualifications.length + 20);
  expect(after.map((r) => r.sqlCount)).toEqual(before.map((r) => r.sqlCount));
});

test('a portal list costs the same as well', async () => {
  const client = t.client(Audience.PORTAL);
  await client.login(brand.ownerEmail);
  const query = `query($n: Int!) { distributors(first: $n) { nodes { id name secondTier { id name } channelManager { displayName } } } }`;
  const one = await client.request(query, { n: 1 });
  const two = await client.request(query, { n: 2 });
  expect(two.data.distributors.nodes).toHaveLength(2);
  expect(two.sqlCount).toBe(one.sqlCount);
});

test('every GraphQL response reports its SQL count', async () => {
  const client = t.client(Audience.CONSOLE);
  const r = await client.request(`{ me { id } }`);
  expect(Number.isFinite(r.sqlCount)).toBe(true);
});
