import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * A grant's ids are read through the grantor's scope, and a refused
 * exclusive grant names the grant in the way only to someone who may read it.
 *
 * The brand: channel manager cm0 covers the city and manages D0; D2 (the province, cm2's) is out
 * of cm0's sight, and so is the province's own hospital.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let cm0: GqlClient;

const GRANT = `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`;
const window = (from: number, to: number) => ({ validFrom: addDays(today(), from), validTo: addDays(today(), to) });
const grantInput = (distributorId: string, over: Record<string, unknown> = {}) => ({
  distributorId,
  kind: 'FORMAL',
  exclusive: false,
  productLineIds: [cat.lineId],
  productIds: [],
  regionIds: [],
  hospitalIds: [],
  ...window(0, 30),
  ...over,
});
const grants = async () =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM authorization_grant WHERE brand_id = $1`, [brand.brandId]))[0]
    .n as number;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 3);
  cat = await createCatalog(t.app.ds, brand);
  const [cm] = await t.app.ds.query(
    `SELECT id, email FROM app_user WHERE id = (SELECT channel_manager_id FROM distributor WHERE id = $1)`,
    [brand.distributorIds[0]],
  );
  await t.app.ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
    brand.brandId,
    cm.id,
    cat.cityId,
  ]);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  cm0 = t.client(Audience.CONSOLE);
  await cm0.login(cm.email);
});
afterAll(() => t?.stop());

test('a hospital out of the grantor’s sight answers exactly like a random id, and nothing is granted', async () => {
  const before = await grants();
  const hidden = await cm0.request(GRANT, {
    i: grantInput(brand.distributorIds[0], { hospitalIds: [cat.hospitalInProvince] }),
  });
  const random = await cm0.request(GRANT, { i: grantInput(brand.distributorIds[0], { hospitalIds: [randomUUID()] }) });
  expect(codeOf(hidden)).toBe(ErrorCode.NOT_FOUND);
  expect(hidden.text).toBe(random.text);
  expect(hidden.text).not.toContain(cat.hospitalInProvince);
  expect(await grants()).toBe(before);
  // within sight it is granted
  const seen = await cm0.request(GRANT, {
    i: grantInput(brand.distributorIds[0], { hospitalIds: [cat.hospitalInCity], ...window(100, 120) }),
  });
  expect(seen.errors).toEqual([]);
});

test('an exclusive conflict names the grant in the way to who may read it, and only says it exists to anyone else', async () => {
  const far = window(200, 220);
  const [, , d2] = brand.distributorIds;
  const blocking = (
    await admin.request(GRANT, { i: grantInput(d2, { exclusive: true, regionIds: [cat.provinceId], ...far }) })
  ).data.grantAuthorization.id as string;
  const [{ name }] = await t.app.ds.query(`SELECT name FROM distributor WHERE id = $1`, [d2]);
  const before = await grants();
  const ask = { i: grantInput(brand.distributorIds[0], { regionIds: [cat.cityId], ...far }) };

  const blind = await cm0.request(GRANT, ask);
  expect([codeOf(blind), reasonOf(blind)]).toEqual([ErrorCode.CONFLICT, ErrorReason.EXCLUSIVE_CONFLICT]);
  expect(blind.errors[0].message).toBe('A conflicting exclusive authorization exists');
  for (const secret of [blocking, name, d2, far.validFrom]) expect(blind.text).not.toContain(secret);

  const sighted = await admin.request(GRANT, ask);
  expect([codeOf(sighted), reasonOf(sighted)]).toEqual([ErrorCode.CONFLICT, ErrorReason.EXCLUSIVE_CONFLICT]);
  expect(sighted.errors[0].message).toContain(blocking);
  expect(sighted.errors[0].message).toContain(name);
  expect(await grants()).toBe(before);
});
