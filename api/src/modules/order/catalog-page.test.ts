import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * catalog(...) builds its page, count, each row's product line, the distributor's tier price and the
 * viewer's certification gap in one statement besides the session (catalog-page.ts). Each row must
 * answer field for field what the per-record paths answer: product(id) through the loaders, and the
 * order review's line for the same product (the tier price and the certification gate, as the old
 * page read them), for an owner, a rep, the brand's admin and the owner of another brand's
 * distributor, with search, product-line, hospital and cursor variants; the rows are the ones the
 * grants allow, and another brand's distributor or hospital is NOT_FOUND.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let other: BrandFixture;
let otherCat: CatalogFixture;
let line2: string;
const viewers: Record<string, GqlClient> = {};

const ROW = `unitPrice { amount currency } certification { productLineId courseId courseTitle }
  product { id code name kind productLine { id name } }`;
const PAGE = `query($d: ID, $search: String, $productLineId: ID, $hospitalId: ID, $first: Int!, $after: String) {
  catalog(distributorId: $d, search: $search, productLineId: $productLineId, hospitalId: $hospitalId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;
const PRODUCT = `query($id: ID!) { product(id: $id) { id code name kind productLine { id name } } }`;
const REVIEW = `query($i: OrderDraftInput!) { reviewOrder(input: $i) {
  lines { unitPrice { amount currency } certification { productLineId courseId courseTitle } } } }`;

const insertProduct = async (brandId: string, lineId: string, code: string, gated = false) =>
  (
    await t.app.ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from,
         registration_valid_to, list_price, requires_certification)
       VALUES ($1, $2, $3, $4, 'CONSUMABLE', 'II', $5, CURRENT_DATE - 400, CURRENT_DATE + 400, '100.00', $6) RETURNING id`,
      [brandId, lineId, code, `测试产品 ${code}`, `REG-${code}`, gated],
    )
  )[0].id as string;

const userId = async (email: string) =>
  (await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [email]))[0].id as string;

/** A published product course for `line`, changed `daysAgo`; with its version. */
async function course(adminId: string, title: string, daysAgo: number) {
  const [c] = await t.app.ds.query(
    `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, created_by, updated_at)
     VALUES ($1, 'PRODUCT', $2, $3, 1, $4, now() - make_interval(days => $5)) RETURNING id`,
    [brand.brandId, title, [line2], adminId, daysAgo],
  );
  const [v] = await t.app.ds.query(
    `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, published_at)
     VALUES ($1, $2, 1, 'PUBLISHED', 'PRODUCT', $3, $4, 50, 3, 12, now()) RETURNING id`,
    [brand.brandId, c.id, title, [line2]],
  );
  return { id: c.id as string, versionId: v.id as string };
}

async function enroll(courseRef: { id: string; versionId: string }, email: string) {
  const [u] = await t.app.ds.query(`SELECT id, distributor_id FROM app_user WHERE email = $1`, [email]);
  const [e] = await t.app.ds.query(
    `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, course_version_id, started_at, attempts)
     VALUES ($1, $2, $3, $4, CURRENT_DATE + 30, $5, now(), 1) RETURNING id`,
    [brand.brandId, courseRef.id, u.id, u.distributor_id, courseRef.versionId],
  );
  return { user: u as { id: string; distributor_id: string }, enrollmentId: e.id as string };
}

beforeAll(async () => {
  t = await startTestApp({ sessionCacheSeconds: 0 });
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  other = await createBrand(t.app.ds, 1);
  otherCat = await createCatalog(t.app.ds, other);
  const ds = t.app.ds;
  const adminId = await userId(brand.adminEmail);
  const mail = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const repEmail = `rep0-${mail}@test.demo`;
  [line2] = (
    await ds.query(`INSERT INTO product_line (brand_id, code, name) VALUES ($1, 'L2', '第二产品线') RETURNING id`, [
      brand.brandId,
    ])
  ).map((r: { id: string }) => r.id);
  // line 1: P2, P3, PX (expired registration) from the fixture and four more, for pages; line 2: Q1 (gated) and Q2
  for (const code of ['P4', 'P5', 'P6', 'P7']) await insertProduct(brand.brandId, cat.lineId, code);
  const q1 = await insertProduct(brand.brandId, line2, 'Q1', true);
  const q2 = await insertProduct(brand.brandId, line2, 'Q2');
  // distributor 0 is tier 1: its prices for P2 (one entry ended, one in force) and Q1; P3 priced for tier 2 only
  await ds.query(
    `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from, effective_to) VALUES
       ($1, $2, 1, '99.00', CURRENT_DATE - 300, CURRENT_DATE - 101), ($1, $2, 1, '88.00', CURRENT_DATE - 100, NULL),
       ($1, $3, 1, '66.50', CURRENT_DATE - 10, NULL), ($1, $4, 2, '77.00', CURRENT_DATE - 10, NULL)`,
    [brand.brandId, cat.productII, q1, cat.productIII],
  );
  // line 1 for the city hospital; Q1 and Q2 across the province (the city below it too)
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
    [brand.brandId, brand.distributorIds[0], [cat.lineId], [cat.hospitalInCity]],
  );
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_ids, region_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
    [brand.brandId, brand.distributorIds[0], [q1, q2], [cat.provinceId]],
  );
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
    [other.brandId, other.distributorIds[0], [otherCat.lineId], [otherCat.provinceId]],
  );
  // the gate for Q1's line: the owner holds a certificate (course B); the rep is on course A, older than B, and holds none
  const a = await course(adminId, '课程A', 20);
  const b = await course(adminId, '课程B', 1);
  await enroll(a, repEmail);
  const held = await enroll(b, brand.ownerEmail);
  const [attempt] = await ds.query(
    `INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4, 1, '{}', 100, true, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [brand.brandId, held.enrollmentId, held.user.id, b.versionId],
  );
  await ds.query(
    `INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CURRENT_DATE - 10, CURRENT_DATE + 300)`,
    [brand.brandId, `CAT${mail}`, held.user.id, held.user.distributor_id, b.id, b.versionId, attempt.id, [line2]],
  );
  const login = async (audience: Audience, email: string) => {
    const client = t.client(audience);
    await client.login(email);
    return client;
  };
  viewers.owner = await login(Audience.PORTAL, brand.ownerEmail);
  viewers.rep = await login(Audience.PORTAL, repEmail);
  viewers.admin = await login(Audience.CONSOLE, brand.adminEmail);
  viewers.otherOwner = await login(Audience.PORTAL, other.ownerEmail);
});
afterAll(() => t?.stop());

interface Row {
  unitPrice: unknown;
  certification: unknown;
  product: { id: string; code: string };
}
interface CatalogPage {
  totalCount: number;
  nodes: Row[];
  pageInfo: { hasNextPage: boolean; endCursor: string };
}
interface Variant {
  search?: string;
  productLineId?: string;
  hospitalId?: string;
}

/** Every row of a variant, page after page of `first`, with the statements each request cost. */
async function allPages(client: GqlClient, d: string | null, variant: Variant, first: number) {
  const rows: Row[] = [];
  const counts: number[] = [];
  let after: string | null = null;
  let totalCount = -1;
  for (;;) {
    const res: GqlResult<{ catalog: CatalogPage }> = await client.request(PAGE, { d, ...variant, first, after });
    expect(res.errors).toEqual([]);
    counts.push(res.sqlCount);
    const page = res.data!.catalog;
    totalCount = page.totalCount;
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { rows, counts, totalCount };
}

/** What the per-record paths answer for one row: product(id) and the order review's line. */
async function reference(client: GqlClient, d: string | null, productId: string) {
  const product = await client.request(PRODUCT, { id: productId });
  const review = await client.request(REVIEW, {
    i: { kind: 'STOCK', ...(d ? { distributorId: d } : {}), lines: [{ productId, quantity: 1 }] },
  });
  expect([...product.errors, ...review.errors]).toEqual([]);
  const [line] = review.data.reviewOrder.lines;
  return { unitPrice: line.unitPrice, certification: line.certification, product: product.data.product };
}

test('each row of the one-statement catalog answers what the per-record paths answer, for every viewer and variant', async () => {
  const all = ['P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'Q1', 'Q2'];
  const variants: Record<string, [Variant, string[]]> = {
    all: [{}, all],
    search: [{ search: 'q' }, ['Q1', 'Q2']],
    line: [{ productLineId: cat.lineId }, ['P2', 'P3', 'P4', 'P5', 'P6', 'P7']],
    cityHospital: [{ hospitalId: cat.hospitalInCity }, all],
    provinceHospital: [{ hospitalId: cat.hospitalInProvince }, ['Q1', 'Q2']],
    searchLineHospital: [{ search: 'P', productLineId: cat.lineId, hospitalId: cat.hospitalInProvince }, []],
  };
  const runs: Array<{ name: string; d: string | null; variants: Record<string, [Variant, string[]]> }> = [
    { name: 'owner', d: null, variants },
    { name: 'rep', d: null, variants },
    { name: 'admin', d: brand.distributorIds[0], variants },
    {
      name: 'otherOwner',
      d: null,
      variants: {
        all: [{}, ['P2', 'P3']],
        search: [{ search: 'p3' }, ['P3']],
        line: [{ productLineId: otherCat.lineId, hospitalId: otherCat.hospitalInCity }, ['P2', 'P3']],
      },
    },
  ];
  const counts: Record<string, number> = {};
  for (const { name, d, variants: vs } of runs) {
    const client = viewers[name];
    for (const [label, [variant, codes]] of Object.entries(vs)) {
      const whole = await allPages(client, d, variant, 20);
      expect({ label, codes: whole.rows.map((r) => r.product.code), total: whole.totalCount }).toEqual({
        label,
        codes,
        total: codes.length,
      });
      // the same rows, three at a time, after each page's cursor
      const paged = await allPages(client, d, variant, 3);
      expect(paged.rows).toEqual(whole.rows);
      expect(paged.totalCount).toBe(whole.totalCount);
      for (const row of whole.rows) expect(row).toEqual(await reference(client, d, row.product.id));
      [...whole.counts, ...paged.counts].forEach((c, i) => (counts[`${name} ${label} ${i}`] = c));
    }
  }
  // the parts are really read: a tier price, the list price, a gap with its course for the rep, none for the certified owner
  const owner = await allPages(viewers.owner, null, {}, 20);
  const rep = await allPages(viewers.rep, null, {}, 20);
  const byCode = (rows: Row[], code: string) => rows.find((r) => r.product.code === code)!;
  expect(byCode(owner.rows, 'P2').unitPrice).toEqual({ amount: '88.00', currency: 'CNY' });
  expect(byCode(owner.rows, 'P3').unitPrice).toEqual({ amount: '100.00', currency: 'CNY' });
  expect(byCode(owner.rows, 'Q1').certification).toBeNull();
  expect(byCode(rep.rows, 'Q1').certification).toEqual({
    productLineId: line2,
    courseId: expect.any(String),
    courseTitle: '课程A',
  });
  expect((byCode(rep.rows, 'Q1').product as unknown as { productLine: { name: string } }).productLine.name).toBe(
    '第二产品线',
  );
  // one statement besides the session, whatever the variant, page or viewer
  expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 2])));
});

test('another brand’s distributor or hospital is NOT_FOUND, to a partner and to the brand', async () => {
  const foreignDistributor = await viewers.otherOwner.request(PAGE, { d: brand.distributorIds[0], first: 20 });
  expect(codeOf(foreignDistributor)).toBe(ErrorCode.NOT_FOUND);
  const foreignHospital = await viewers.otherOwner.request(PAGE, { hospitalId: cat.hospitalInCity, first: 20 });
  expect(codeOf(foreignHospital)).toBe(ErrorCode.NOT_FOUND);
  const adminAbroad = await viewers.admin.request(PAGE, { d: other.distributorIds[0], first: 20 });
  expect(codeOf(adminAbroad)).toBe(ErrorCode.NOT_FOUND);
  const adminForeignHospital = await viewers.admin.request(PAGE, {
    d: brand.distributorIds[0],
    hospitalId: otherCat.hospitalInCity,
    first: 20,
  });
  expect(codeOf(adminForeignHospital)).toBe(ErrorCode.NOT_FOUND);
});
