import { Audience, ComplianceReason, ErrorCode, ErrorReason, Role } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog, person } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * The catalog as master data: a product edited at the version seen, its registration certificate
 * renewed with the old kept as history (orders and the compliance check on the current one), and
 * tier prices read as in force on a day.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const PRODUCT = `query($id: ID!) { product(id: $id) { id code name listPrice { amount } version registrationNo
  registrationValidFrom registrationValidTo registrations { registrationNo validFrom validTo } } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateProductInput!) { updateProduct(id: $id, input: $i) { id code name listPrice { amount } version } }`;
const RENEW = `mutation($id: ID!, $i: RenewRegistrationInput!) { renewProductRegistration(id: $id, input: $i) {
  id version registrationNo registrationValidTo registrations { registrationNo validFrom validTo } } }`;
const CHECK = `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) {
  complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed findings { reason } } }`;
const PRICES = `query($id: ID!, $on: LocalDate!) { product(id: $id) { pricesOn(on: $on) { tier price { amount } effectiveFrom } } }`;
const SET_PRICE = `mutation($i: SetTierPriceInput!) { setTierPrice(input: $i) { id } }`;

async function product(id: string) {
  const r = await admin.request(PRODUCT, { id });
  expect(r.errors).toEqual([]);
  return r.data.product;
}

const facts = (p: { code: string; name: string }, over: Record<string, unknown> = {}) => ({
  productLineId: cat.lineId,
  code: p.code,
  name: p.name,
  kind: 'CONSUMABLE',
  deviceClass: 'II',
  udiDi: null,
  listPrice: '100.00',
  ...over,
});

async function auditCount(action: string, id: string): Promise<number> {
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2`,
    [action, id],
  );
  return n;
}

describe('updateProduct', () => {
  test('edits at the version seen; a stale version changes nothing; a retry answers what was made', async () => {
    const before = await product(cat.productII);
    const edit = { ...facts(before, { name: '改名产品', listPrice: '120.5' }), expectedVersion: before.version };
    const r = await admin.request(UPDATE, { id: cat.productII, i: edit });
    expect(r.errors).toEqual([]);
    expect(r.data.updateProduct).toMatchObject({ name: '改名产品', listPrice: { amount: '120.50' } });
    expect(r.data.updateProduct.version).toBe(before.version + 1);
    expect(await auditCount('UPDATE', cat.productII)).toBe(1);

    // the same request again (a lost answer): the product as it is, nothing written
    const again = await admin.request(UPDATE, { id: cat.productII, i: edit });
    expect(again.errors).toEqual([]);
    expect(again.data.updateProduct.version).toBe(before.version + 1);

    // another change at the old version: STALE_VERSION, nothing changed
    const stale = await admin.request(UPDATE, { id: cat.productII, i: { ...edit, name: '又改名' } });
    expect(codeOf(stale)).toBe(ErrorCode.CONFLICT);
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
    expect((await product(cat.productII)).name).toBe('改名产品');
  });

  test('a code another product holds is refused on the code', async () => {
    const p = await product(cat.productIII);
    const r = await admin.request(UPDATE, {
      id: cat.productIII,
      i: { ...facts(p, { code: 'P2', deviceClass: 'III' }), expectedVersion: p.version },
    });
    expect(codeOf(r)).toBe(ErrorCode.CONFLICT);
    expect(r.errors[0]?.extensions?.field).toBe('code');
    expect((await product(cat.productIII)).code).toBe('P3');
  });

  test('only the admin edits the catalog', async () => {
    const { client: finance } = await person(t, 'finance', Role.FINANCE, {});
    const p = await product(cat.productIII);
    const r = await finance.request(UPDATE, { id: cat.productIII, i: { ...facts(p), expectedVersion: p.version } });
    expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('renewProductRegistration: the current certificate, the old ones kept', () => {
  test('an expired certificate blocks the sale; renewed, the sale passes and the history holds both', async () => {
    const d = brand.distributorIds[0];
    await grant(d);
    const blocked = await admin.request(CHECK, { d, p: cat.productExpired, h: cat.hospitalInCity, on: today() });
    expect(blocked.data.complianceCheck.findings.map((f: { reason: string }) => f.reason)).toEqual([
      ComplianceReason.REGISTRATION_EXPIRED,
    ]);

    const before = await product(cat.productExpired);
    const renewal = {
      registrationNo: 'REG-PX-2',
      validFrom: addDays(today(), -1),
      validTo: addDays(today(), 1825),
      expectedVersion: before.version,
    };
    const r = await admin.request(RENEW, { id: cat.productExpired, i: renewal });
    expect(r.errors).toEqual([]);
    expect(r.data.renewProductRegistration.registrationNo).toBe('REG-PX-2');
    expect(r.data.renewProductRegistration.registrations).toEqual([
      { registrationNo: 'REG-PX-2', validFrom: renewal.validFrom, validTo: renewal.validTo },
      { registrationNo: 'REG-PX', validFrom: before.registrationValidFrom, validTo: before.registrationValidTo },
    ]);
    expect(await auditCount('RENEW_REGISTRATION', cat.productExpired)).toBe(1);

    const passes = await admin.request(CHECK, { d, p: cat.productExpired, h: cat.hospitalInCity, on: today() });
    expect(passes.data.complianceCheck).toEqual({ allowed: true, findings: [] });
    // a day the old certificate covered still answers by it: sold then, under the old one
    const earlier = await admin.request(CHECK, {
      d,
      p: cat.productExpired,
      h: cat.hospitalInCity,
      on: addDays(today(), -3),
    });
    expect(earlier.data.complianceCheck.allowed).toBe(true);

    // the same renewal again (a lost answer): nothing more written
    const again = await admin.request(RENEW, { id: cat.productExpired, i: renewal });
    expect(again.errors).toEqual([]);
    expect(again.data.renewProductRegistration.registrations).toHaveLength(2);
    expect(await auditCount('RENEW_REGISTRATION', cat.productExpired)).toBe(1);
  });

  test('a renewal registered ahead leaves the current certificate in force until it starts', async () => {
    const d = brand.distributorIds[1];
    await grant(d);
    const p = await product(cat.productIII);
    const from = addDays(p.registrationValidTo, 1);
    const r = await admin.request(RENEW, {
      id: cat.productIII,
      i: { registrationNo: 'REG-P3-2', validFrom: from, validTo: addDays(from, 1825), expectedVersion: p.version },
    });
    expect(r.errors).toEqual([]);
    const on = async (day: string) =>
      (await admin.request(CHECK, { d, p: cat.productIII, h: cat.hospitalInCity, on: day })).data.complianceCheck
        .allowed;
    expect(await on(today())).toBe(true);
    expect(await on(from)).toBe(true);
    expect(await on(addDays(from, 1826))).toBe(false);
  });

  test('a renewal must start and end after the current certificate; bad input changes nothing', async () => {
    const p = await product(cat.productII);
    const base = { registrationNo: 'X', expectedVersion: p.version };
    const early = await admin.request(RENEW, {
      id: cat.productII,
      i: { ...base, validFrom: p.registrationValidFrom, validTo: addDays(p.registrationValidTo, 10) },
    });
    expect(codeOf(early)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(early.errors[0]?.extensions?.field).toBe('validFrom');
    const short = await admin.request(RENEW, {
      id: cat.productII,
      i: { ...base, validFrom: addDays(p.registrationValidFrom, 1), validTo: p.registrationValidTo },
    });
    expect(early.errors[0]?.extensions?.field).toBe('validFrom');
    expect(short.errors[0]?.extensions?.field).toBe('validTo');
    const backwards = await admin.request(RENEW, {
      id: cat.productII,
      i: { ...base, validFrom: addDays(today(), 10), validTo: addDays(today(), 5) },
    });
    expect(backwards.errors[0]?.extensions?.field).toBe('validTo');
    expect((await product(cat.productII)).registrations).toHaveLength(1);
  });
});

describe('a registration certificate running out', () => {
  test('the daily job tells the admin once; renewed, it tells nothing more', async () => {
    const [p] = await t.app.ds.query(
      `INSERT INTO product (brand_id, product_line_id, code, name, kind, device_class, registration_no, registration_valid_from, registration_valid_to, list_price)
       VALUES ($1, $2, 'PN', '将到期产品', 'CONSUMABLE', 'I', 'REG-PN', $3, $4, '10.00') RETURNING id, version`,
      [brand.brandId, cat.lineId, addDays(today(), -300), addDays(today(), 20)],
    );
    const notices = async () =>
      t.app.ds.query(`SELECT kind, params FROM notification WHERE entity = 'product' AND entity_id = $1`, [p.id]);
    await t.app.services.noticeJobs.runDaily();
    await t.app.services.noticeJobs.runDaily();
    const told = await notices();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      kind: 'REGISTRATION_EXPIRING',
      params: { name: '将到期产品', code: 'PN', validTo: addDays(today(), 20), days: '20' },
    });
    const r = await admin.request(RENEW, {
      id: p.id,
      i: {
        registrationNo: 'REG-PN-2',
        validFrom: addDays(today(), 1),
        validTo: addDays(today(), 1800),
        expectedVersion: p.version,
      },
    });
    expect(r.errors).toEqual([]);
    await t.app.services.noticeJobs.runDaily();
    expect(await notices()).toHaveLength(1);
  });
});

describe('prices on a day', () => {
  test('a price changed from a date: the day before shows the old one, that day the new one', async () => {
    const from = addDays(today(), 30);
    for (const [price, effectiveFrom] of [
      ['90.00', today()],
      ['80.00', from],
    ]) {
      const r = await admin.request(SET_PRICE, { i: { productId: cat.productII, tier: 1, price, effectiveFrom } });
      expect(r.errors).toEqual([]);
    }
    // the same change again (a lost answer) is already so; another price from that date is refused
    const again = await admin.request(SET_PRICE, {
      i: { productId: cat.productII, tier: 1, price: '80.00', effectiveFrom: from },
    });
    expect(again.errors).toEqual([]);
    const other = await admin.request(SET_PRICE, {
      i: { productId: cat.productII, tier: 1, price: '70.00', effectiveFrom: from },
    });
    expect(other.errors[0]?.extensions?.field).toBe('effectiveFrom');
    const on = async (day: string) =>
      (await admin.request(PRICES, { id: cat.productII, on: day })).data.product.pricesOn.map(
        (e: { tier: number; price: { amount: string } }) => [e.tier, e.price.amount],
      );
    expect(await on(addDays(today(), -1))).toEqual([]);
    expect(await on(addDays(from, -1))).toEqual([[1, '90.00']]);
    expect(await on(from)).toEqual([[1, '80.00']]);
  });
});

async function grant(distributorId: string) {
  const r = await admin.request(`mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id } }`, {
    i: {
      distributorId,
      kind: 'FORMAL',
      exclusive: false,
      productLineIds: [cat.lineId],
      productIds: [],
      regionIds: [cat.cityId],
      hospitalIds: [],
      validFrom: addDays(today(), -30),
      validTo: addDays(today(), 3000),
    },
  });
  expect(r.errors).toEqual([]);
}
