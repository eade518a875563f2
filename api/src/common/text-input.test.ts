import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../test/harness';
import { BrandFixture, createBrand } from '../../test/factories';

let t: TestApp;
let admin: GqlClient;
let regionId: string;
let brand: BrandFixture;

// A brand of the test's own: what it writes (or must not) is counted there, and no other test file sees it.
beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 1);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  [{ id: regionId }] = await t.app.ds.query(`SELECT id FROM region WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
});
afterAll(() => t?.stop());

const written = async () => {
  const [{ hospitals }] = await t.app.ds.query(`SELECT count(*)::int AS hospitals FROM hospital WHERE brand_id = $1`, [
    brand.brandId,
  ]);
  const [{ audits }] = await t.app.ds.query(`SELECT count(*)::int AS audits FROM audit_log WHERE brand_id = $1`, [
    brand.brandId,
  ]);
  return { hospitals, audits };
};

const CREATE = `mutation($input: CreateHospitalInput!) { createHospital(input: $input) { id } }`;
const hospital = (over: Record<string, unknown>) => ({
  name: '文本检查医院',
  grade: 'GRADE_2A',
  regionId,
  departments: [],
  ...over,
});

test.each([
  ['a NUL in a variable', CREATE, { input: hospital({ name: 'A\u0000B' }) }, 'name'],
  ['a lone surrogate in a variable', CREATE, { input: hospital({ address: 'x\ud800y' }) }, 'address'],
  [
    'a NUL nested in a list of inputs',
    CREATE,
    { input: hospital({ departments: [{ name: '检验科\u0000' }] }) },
    'name',
  ],
  [
    'a NUL in a literal',
    `mutation($r: ID!) { createHospital(input: { name: "A\\u0000B", grade: GRADE_2A, regionId: $r }) { id } }`,
    { r: '' },
    'name',
  ],
  ['a NUL in a search', `{ hospitals(filter: { search: "a\\u0000" }) { totalCount } }`, {}, 'search'],
  [
    'a lone low surrogate in a plain argument',
    `query($s: String) { hospitals(filter: { search: $s }) { totalCount } }`,
    { s: '\udc00' },
    'search',
  ],
])('%s is refused as BAD_USER_INPUT with its field before anything runs', async (_what, query, variables, field) => {
  const before = await written();
  const vars = 'r' in variables ? { r: regionId } : variables;
  const r = await admin.request(query, vars);
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0].extensions?.field).toBe(field);
  expect(r.data ?? null).toBeNull();
  expect(await written()).toEqual(before);
});

test('clean text, emoji (surrogate pairs) included, still passes', async () => {
  const r = await admin.request(CREATE, { input: hospital({ name: '文本检查医院 🏥', address: '杭州 ✓' }) });
  expect(r.errors).toEqual([]);
});
