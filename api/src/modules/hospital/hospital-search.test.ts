import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * Hospital search (name or address, any case, the user's text taken literally) and who serves
 * each hospital found (a grant naming it, or covering its city or its province; live grants only).
 * Both read through indexes of their own (migration ReadPathIndexes); these are what they must answer.
 */
let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;
let provinceId: string;
let cityId: string;
let otherCityId: string;
const hospital: Record<string, string> = {};

const SEARCH = `query($s: String) { hospitals(first: 50, filter: { search: $s }) { totalCount nodes { name servingDistributors { id } } } }`;
const search = async (s: string) => {
  const r = await admin.request(SEARCH, { s });
  expect(r.errors).toEqual([]);
  return r.data.hospitals as {
    totalCount: number;
    nodes: Array<{ name: string; servingDistributors: Array<{ id: string }> }>;
  };
};
const names = async (s: string) => {
  const found = await search(s);
  expect(found.totalCount).toBe(found.nodes.length);
  return found.nodes.map((n) => n.name).sort();
};

beforeAll(async () => {
  // counts include the session lookup every time (a warm session would save it from the second request on)
  t = await startTestApp({ sessionCacheSeconds: 0 });
  brand = await createBrand(t.app.ds, 4);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  [{ id: provinceId }] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'PROVINCE'`, [
    brand.brandId,
  ]);
  [{ id: cityId }] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 AND level = 'CITY'`, [
    brand.brandId,
  ]);
  [{ id: otherCityId }] = await t.app.ds.query(
    `INSERT INTO region (brand_id, parent_id, level, code, name) VALUES ($1, $2, 'CITY', 'C2', '另一市') RETURNING id`,
    [brand.brandId, provinceId],
  );
  const rows: Array<[string, string, string | null, string]> = [
    ['rm', '第一人民医院', '解放路 1 号', cityId],
    ['union', 'Union Medical College Hospital', '东单帅府园 1 号', cityId],
    ['address', '市立医院', '人民路 88 号', otherCityId],
    ['pct', '100% 满意医院', null, otherCityId],
    ['under', '康复_中心', '滨江区', otherCityId],
  ];
  for (const [key, name, address, region] of rows) {
    const [{ id }] = await t.app.ds.query(
      `INSERT INTO hospital (brand_id, name, grade, beds, region_id, address) VALUES ($1, $2, '3A', 100, $3, $4) RETURNING id`,
      [brand.brandId, name, region, address],
    );
    hospital[key] = id;
  }
  const grant = (
    distributor: string,
    hospitals: string[],
    regions: string[],
    validTo = addDays(today(), 30),
    revokedFrom: string | null = null,
  ) =>
    t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, hospital_ids, region_ids, valid_from, valid_to, revoked_from)
       VALUES ($1, $2, 'FORMAL', ARRAY[gen_random_uuid()], $3, $4, $5, $6, $7)`,
      [brand.brandId, distributor, hospitals, regions, addDays(today(), -30), validTo, revokedFrom],
    );
  const [d0, d1, d2, d3] = brand.distributorIds;
  await grant(d0, [hospital.rm], []); // names one hospital
  await grant(d1, [], [cityId]); // a city: its hospitals
  await grant(d2, [], [provinceId]); // a province: every city under it
  await grant(d3, [], [provinceId], addDays(today(), -1)); // lapsed yesterday
  await grant(d3, [hospital.union], [], addDays(today(), 30), today()); // revoked from today
});
afterAll(() => t?.stop());

test('search matches the name or the address, in any case, and takes % and _ literally', async () => {
  expect(await names('人民')).toEqual(['市立医院', '第一人民医院']); // a name, and an address
  expect(await names('union MEDICAL')).toEqual(['Union Medical College Hospital']);
  expect(await names('帅府园')).toEqual(['Union Medical College Hospital']);
  expect(await names('100%')).toEqual(['100% 满意医院']);
  expect(await names('%')).toEqual(['100% 满意医院']);
  expect(await names('_')).toEqual(['康复_中心']);
  expect(await names('复_中')).toEqual(['康复_中心']);
  expect(await names('复x中')).toEqual([]);
  // name and address are two texts: nothing matches across them
  expect(await names('医院解放路')).toEqual([]);
  expect(await names('医院\n解放路')).toEqual([]);
  // a name changed is searched by its new text at once
  await t.app.ds.query(`UPDATE hospital SET name = '第二人民医院' WHERE id = $1`, [hospital.rm]);
  expect(await names('第二人民')).toEqual(['第二人民医院']);
  expect(await names('第一人民')).toEqual([]);
});

test('a hospital is served by grants naming it or covering its city or province, live ones only', async () => {
  const [d0, d1, d2] = brand.distributorIds;
  const served = async (s: string) => (await search(s)).nodes.map((n) => n.servingDistributors.map((d) => d.id).sort());
  expect(await served('第二人民医院')).toEqual([[d0, d1, d2].sort()]);
  expect(await served('Union')).toEqual([[d1, d2].sort()]); // d3's grant for it is revoked
  expect(await served('市立医院')).toEqual([[d2]]); // another city: only the province's grant
});

test('a city comes with its province: region { parent } costs no statement more than region alone', async () => {
  const q = (fields: string) =>
    admin.request(`{ hospitals(first: 50, filter: { search: "医院" }) { nodes { region { ${fields} } } } }`);
  const city = await q('name');
  const both = await q('name parent { name }');
  expect(both.errors).toEqual([]);
  expect(
    both.data.hospitals.nodes.map((n: { region: { parent: { name: string } | null } }) => n.region.parent?.name),
  ).toContain('测试省');
  expect(both.sqlCount).toBe(city.sqlCount);
});
