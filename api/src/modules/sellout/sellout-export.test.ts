import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { buildScope } from '../../auth/scope';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { byHeader, fetchExport } from '../../../test/exports';
import { personaUser } from '../../../test/personas';
import { BRANDS } from '../../db/seed/demo-data';
import { HOSPITALS } from '../../db/seed/hospital-data';

/**
 * /files/exports/sell-out.xlsx: the 渠道库存 › 销售流向 list (its URL filters by their names) as
 * Excel, in the viewer's scope and the list's order, headers in the viewer's language.
 */
let t: TestApp;
const HK = BRANDS.huakang.id;
const hk = (prefix: string) => HOSPITALS.filter((h) => h.brandId === HK && h.regionCode.startsWith(prefix));
// 中山一院 (广东): outside the regional head's 浙江 and 江苏
const GD = hk('GD')[0];
const IN_REGION = [...hk('ZJ').slice(2), ...hk('JS')];

beforeAll(async () => {
  t = await startTestApp();
  // the seed's sales are at two 杭州 hospitals: copies of its first sale to more hospitals, on other
  // days, one of them in 广东, so the list spans regions, departments left out, and several batches
  const sales = [...IN_REGION, GD].map((h, i) => [h.id, i + 1]);
  await t.app.ds.transaction(async (em) => {
    const [seed] = await em.query(
      `SELECT id FROM stock_movement WHERE brand_id = $1 AND kind = 'SOLD_OUT' ORDER BY created_at LIMIT 1`,
      [HK],
    );
    for (const [hospitalId, days] of sales)
      await em.query(
        `INSERT INTO stock_movement (id, brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, kind,
                quantity, hospital_id, department_id, occurred_on, created_by)
         SELECT gen_random_uuid(), brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, kind,
                quantity - $3, $2, NULL, occurred_on - $3::int, created_by
           FROM stock_movement WHERE id = $1`,
        [seed.id, hospitalId, days],
      );
  });
});
afterAll(() => t?.stop());

const LIST = `query($f: SellOutFilter) { sellOut(first: 100, filter: $f) { totalCount
  nodes { hospitalName regionName departmentName productName quantity } } }`;
type Row = {
  hospitalName: string;
  regionName: string | null;
  departmentName: string | null;
  productName: string;
  quantity: number;
};
const listed = async (c: GqlClient, f: Record<string, unknown> = {}) => {
  const r = await c.request(LIST, { f });
  expect(r.errors).toEqual([]);
  return r.data.sellOut as { totalCount: number; nodes: Row[] };
};
/** The sheet's rows in the list's shape (an empty cell reads as null). */
const asList = (rows: Array<Record<string, unknown>>): Row[] =>
  rows.map((r) => ({
    hospitalName: r['医院'] as string,
    regionName: (r['区域'] as string) ?? null,
    departmentName: (r['科室'] as string) ?? null,
    productName: r['产品'] as string,
    quantity: r['数量'] as number,
  }));
const regionId = async (code: string) =>
  (await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 AND code = $2`, [HK, code]))[0].id as string;

test('the export is the screen’s list row for row, for each of its URL filters', async () => {
  const admin = await t.as(personaUser('admin').email);
  const days: string[] = (
    await t.app.ds.query(
      `SELECT DISTINCT occurred_on::text AS d FROM stock_movement WHERE brand_id = $1 AND kind = 'SOLD_OUT' ORDER BY 1`,
      [HK],
    )
  ).map((r: { d: string }) => r.d);
  const [product] = await t.app.ds.query(`SELECT id FROM product WHERE brand_id = $1 AND code = 'HK-HIV-96'`, [HK]);
  const zj = await regionId('ZJ');
  const mid = days[Math.floor(days.length / 2)];
  const cases: Array<[string, Record<string, unknown>]> = [
    ['', {}],
    [`region=${zj}`, { regionId: zj }],
    [`product=${product.id}`, { productId: product.id }],
    [`from=${mid}`, { from: mid }],
    [`from=${days[1]}&to=${mid}&region=${zj}`, { from: days[1], to: mid, regionId: zj }],
    [`hospital=${GD.id}`, { hospitalId: GD.id }],
    // the screen's tab is no filter
    [`view=sellOut&to=${mid}`, { to: mid }],
  ];
  const all = (await listed(admin)).totalCount;
  expect(all).toBeGreaterThan(IN_REGION.length);
  for (const [query, filter] of cases) {
    const list = await listed(admin, filter);
    const sheet = await fetchExport(t, admin, 'sell-out.xlsx', query);
    expect([query, sheet.status]).toEqual([query, 200]);
    expect([query, asList(byHeader(sheet))]).toEqual([query, list.nodes]);
    expect(list.totalCount).toBeGreaterThan(0);
    if (query) expect([query, list.totalCount < all]).toEqual([query, true]);
  }
  // the quantity is a number cell (a sheet sums it), the headers the screen's words
  const sheet = await fetchExport(t, admin, 'sell-out.xlsx');
  expect(sheet.headers).toEqual(['医院', '区域', '科室', '产品', '产品编码', '数量']);
  expect(sheet.rows.every((r) => typeof r[5] === 'number')).toBe(true);
});

test('a regional head’s export is his regions’ sell-out: another region’s hospital never appears', async () => {
  const head = await t.as(personaUser('regionalHead').email);
  const admin = await t.as(personaUser('admin').email);
  const his = await fetchExport(t, head, 'sell-out.xlsx');
  expect(his.status).toBe(200);
  const rows = asList(byHeader(his));
  expect(rows).toEqual((await listed(head)).nodes);
  expect(rows.map((r) => r.hospitalName)).toEqual(expect.arrayContaining(IN_REGION.map((h) => h.name)));
  expect(rows.map((r) => r.hospitalName)).not.toContain(GD.name);
  expect(JSON.stringify(his.rows)).not.toContain(GD.name);
  // asked for 广东 or its hospital by the URL, he gets the headers and nothing else
  for (const query of [`region=${await regionId('GD')}`, `hospital=${GD.id}`]) {
    const asked = await fetchExport(t, head, 'sell-out.xlsx', query);
    expect([query, asked.status, asked.rows]).toEqual([query, 200, []]);
  }
  // the row is there to leave out: the admin's file has it
  expect(asList(byHeader(await fetchExport(t, admin, 'sell-out.xlsx'))).map((r) => r.hospitalName)).toContain(GD.name);
});

test('rows are read a batch at a time in the list’s order, the batches together the whole list', async () => {
  const user = (
    await t.app.ds.query(
      `SELECT id, brand_id AS "brandId", role, side, distributor_id AS "distributorId" FROM app_user WHERE email = $1`,
      [personaUser('admin').email],
    )
  )[0];
  const scope = await buildScope(t.app.ds.manager, user);
  const list = await t.app.services.stockReads.sellOut(scope, { first: 100 }, {});
  const batches = [];
  for await (const b of t.app.services.sellOutExport.batches(scope, {}, 2)) batches.push(b);
  expect(batches.length).toBe(Math.ceil(list.totalCount / 2));
  expect(batches.every((b) => b.length <= 2)).toBe(true);
  const key = (r: { hospitalId: string; departmentName: string | null; productId: string; quantity: number }) =>
    [r.hospitalId, r.departmentName, r.productId, r.quantity].join('|');
  expect(batches.flat().map(key)).toEqual(list.nodes.map(key));
});

test('headers in the viewer’s language: English for a user who chose it', async () => {
  const head = await t.as(personaUser('regionalHead').email);
  const set = await head.request(`mutation { setMyLocale(locale: EN) { locale } }`);
  expect(set.errors).toEqual([]);
  const sheet = await fetchExport(t, head, 'sell-out.xlsx');
  expect(sheet.headers).toEqual(['Hospital', 'Region', 'Department', 'Product', 'Product code', 'Quantity']);
  expect(sheet.rows.length).toBe((await listed(head)).totalCount);
  await head.request(`mutation { setMyLocale(locale: ZH_CN) { locale } }`);
});

test('past the row limit it is refused with TOO_MANY_ROWS before a byte of the file; bad filters name the parameter', async () => {
  const admin = await t.as(personaUser('admin').email);
  const { totalCount } = await listed(admin);
  const limit = t.app.services.maxExportRows;
  try {
    t.app.services.maxExportRows = totalCount - 1;
    const refused = await fetchExport(t, admin, 'sell-out.xlsx');
    expect([refused.status, refused.error]).toEqual([
      400,
      expect.objectContaining({
        code: ErrorCode.BAD_USER_INPUT,
        reason: ErrorReason.TOO_MANY_ROWS,
        limit: totalCount - 1,
      }),
    ]);
    t.app.services.maxExportRows = totalCount;
    expect((await fetchExport(t, admin, 'sell-out.xlsx')).rows.length).toBe(totalCount);
  } finally {
    t.app.services.maxExportRows = limit;
  }
  for (const [query, field] of [
    ['from=yesterday', 'from'],
    ['region=1', 'region'],
  ]) {
    const sheet = await fetchExport(t, admin, 'sell-out.xlsx', query);
    expect([query, sheet.status, sheet.error?.field]).toEqual([query, 400, field]);
  }
  // a distributor's owner sees his own sales only; no session is 401
  const owner = await t.as(personaUser('ownerB').email);
  expect((await fetchExport(t, owner, 'sell-out.xlsx')).rows).toEqual([]);
  const res = await fetch(`${t.url}/files/exports/sell-out.xlsx`, { headers: { 'x-medchannel-app': 'console' } });
  expect(res.status).toBe(401);
});
