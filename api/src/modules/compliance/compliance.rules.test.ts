import { Audience, ComplianceReason, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * docs/domain.md rules 1–3, each attacked: sell without (or outside, or after) an authorization,
 * without a qualification covering the device class, or a product whose registration expired.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 8);
  cat = await createCatalog(t.app.ds, brand);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const CHECK = `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) {
  complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed findings { reason message } } }`;
const GRANT = `mutation($i: GrantAuthorizationInput!) { grantAuthorization(input: $i) { id version status validTo } }`;

async function check(d: string, p: string, h: string, on = today()) {
  const r = await admin.request(CHECK, { d, p, h, on });
  expect(r.errors).toEqual([]);
  return {
    allowed: r.data.complianceCheck.allowed as boolean,
    reasons: r.data.complianceCheck.findings.map((f: { reason: string }) => f.reason) as string[],
  };
}

const grantInput = (distributorId: string, over: Record<string, unknown> = {}) => ({
  distributorId,
  kind: 'FORMAL',
  exclusive: false,
  productLineIds: [cat.lineId],
  productIds: [],
  regionIds: [cat.cityId],
  hospitalIds: [],
  validFrom: today(),
  validTo: addDays(today(), 180),
  ...over,
});

async function grant(distributorId: string, over: Record<string, unknown> = {}) {
  const r = await admin.request(GRANT, { i: grantInput(distributorId, over) });
  expect(r.errors).toEqual([]);
  return r.data.grantAuthorization as { id: string; version: number };
}

describe('rule 1: an active authorization covering the product and the hospital on that date', () => {
  test('without any authorization the answer names NO_AUTHORIZATION', async () => {
    expect(await check(brand.distributorIds[0], cat.productII, cat.hospitalInCity)).toEqual({
      allowed: false,
      reasons: [ComplianceReason.NO_AUTHORIZATION],
    });
  });

  test('a grant for the city covers its hospitals, not the province’s; it applies only within its period', async () => {
    const d = brand.distributorIds[1];
    await grant(d, { validFrom: addDays(today(), -10), validTo: addDays(today(), 20) });
    expect(await check(d, cat.productII, cat.hospitalInCity)).toEqual({ allowed: true, reasons: [] });
    expect((await check(d, cat.productII, cat.hospitalInProvince)).reasons).toEqual([
      ComplianceReason.NO_AUTHORIZATION,
    ]);
    expect((await check(d, cat.productII, cat.hospitalInCity, addDays(today(), 21))).reasons).toEqual([
      ComplianceReason.AUTHORIZATION_EXPIRED,
    ]);
    expect((await check(d, cat.productII, cat.hospitalInCity, addDays(today(), -11))).reasons).toEqual([
      ComplianceReason.NO_AUTHORIZATION,
    ]);
  });

  test('a temporary authorization expires by itself and cannot outlast the cap', async () => {
    const d = brand.distributorIds[2];
    const tooLong = await admin.request(GRANT, {
      i: grantInput(d, { kind: 'TEMPORARY', validTo: addDays(today(), 90) }),
    });
    expect(reasonOf(tooLong)).toBe(ErrorReason.TEMPORARY_TOO_LONG);
    const expired = await grant(d, {
      kind: 'TEMPORARY',
      validFrom: addDays(today(), -30),
      validTo: addDays(today(), -1),
    });
    expect((await check(d, cat.productII, cat.hospitalInCity)).reasons).toEqual([
      ComplianceReason.AUTHORIZATION_EXPIRED,
    ]);
    const byStatus = async (status: string) =>
      (
        await admin.request(
          `query($d: ID!, $s: AuthorizationStatus!) { authorizations(distributorId: $d, status: $s) { id status } }`,
          { d, s: status },
        )
      ).data.authorizations;
    expect(await byStatus('EXPIRED')).toEqual([{ id: expired.id, status: 'EXPIRED' }]);
    expect(await byStatus('ACTIVE')).toEqual([]);
  });

  test('a revocation applies from its effective date on, and is never backdated', async () => {
    const d = brand.distributorIds[3];
    const g = await grant(d, {
      productLineIds: [],
      productIds: [cat.productII],
      regionIds: [],
      hospitalIds: [cat.hospitalInProvince],
    });
    const REVOKE = `mutation($id: ID!, $from: LocalDate!, $v: Int!) { revokeAuthorization(id: $id, effectiveFrom: $from, reason: "退出", expectedVersion: $v) { status revokedFrom } }`;
    const backdated = await admin.request(REVOKE, { id: g.id, from: addDays(today(), -1), v: g.version });
    expect(codeOf(backdated)).toBe(ErrorCode.BAD_USER_INPUT);
    const r = await admin.request(REVOKE, { id: g.id, from: addDays(today(), 5), v: g.version });
    expect(r.data.revokeAuthorization).toEqual({ status: 'ACTIVE', revokedFrom: addDays(today(), 5) });
    expect((await check(d, cat.productII, cat.hospitalInProvince, addDays(today(), 4))).allowed).toBe(true);
    expect((await check(d, cat.productII, cat.hospitalInProvince, addDays(today(), 5))).reasons).toEqual([
      ComplianceReason.AUTHORIZATION_REVOKED,
    ]);
    // a later grant that has run out by the day asked: both reasons are said, not the revocation alone
    await grant(d, {
      productLineIds: [],
      productIds: [cat.productII],
      regionIds: [],
      hospitalIds: [cat.hospitalInProvince],
      validFrom: addDays(today(), 10),
      validTo: addDays(today(), 20),
    });
    expect((await check(d, cat.productII, cat.hospitalInProvince, addDays(today(), 15))).allowed).toBe(true);
    expect((await check(d, cat.productII, cat.hospitalInProvince, addDays(today(), 30))).reasons).toEqual([
      ComplianceReason.AUTHORIZATION_REVOKED,
      ComplianceReason.AUTHORIZATION_EXPIRED,
    ]);
  });

  test('overlapping exclusive grants are refused, naming the grant in the way; writes nothing', async () => {
    const [a, b] = [brand.distributorIds[4], brand.distributorIds[5]];
    // (a window of its own: earlier tests hold grants in this brand's city)
    const window = { validFrom: addDays(today(), 250), validTo: addDays(today(), 300) };
    const first = await grant(a, { exclusive: true, regionIds: [cat.provinceId], ...window });
    const [{ n: before }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM authorization_grant WHERE brand_id = $1`,
      [brand.brandId],
    );
    // b asks for one city hospital inside a's exclusive province: refused
    const clash = await admin.request(GRANT, {
      i: grantInput(b, {
        productLineIds: [],
        productIds: [cat.productIII],
        regionIds: [],
        hospitalIds: [cat.hospitalInCity],
        validFrom: addDays(today(), 260),
        validTo: addDays(today(), 270),
      }),
    });
    expect(codeOf(clash)).toBe(ErrorCode.CONFLICT);
    expect(reasonOf(clash)).toBe(ErrorReason.EXCLUSIVE_CONFLICT);
    expect(clash.errors[0].message).toContain(first.id);
    expect(clash.errors[0].message).toContain('测试经销商');
    const [{ n: after }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM authorization_grant WHERE brand_id = $1`,
      [brand.brandId],
    );
    expect(after).toBe(before);
    // after a's grant ends, b may have it
    await grant(b, { regionIds: [cat.cityId], validFrom: addDays(today(), 301), validTo: addDays(today(), 320) });
  });

  test('two exclusive grants racing for the same place: exactly one wins', async () => {
    const [a, b] = [brand.distributorIds[6], brand.distributorIds[7]];
    const far = {
      exclusive: true,
      productLineIds: [],
      productIds: [cat.productII],
      regionIds: [cat.cityId],
      validFrom: addDays(today(), 400),
      validTo: addDays(today(), 420),
    };
    const results = await Promise.all([a, b, a, b].map((d) => admin.request(GRANT, { i: grantInput(d, far) })));
    const won = results.filter((r) => r.errors.length === 0);
    expect(won.length).toBeGreaterThanOrEqual(1);
    const winners = new Set(won.map((r) => r.data.grantAuthorization.id));
    const [{ n }] = await t.app.ds.query(
      `SELECT count(DISTINCT distributor_id)::int AS n FROM authorization_grant WHERE brand_id = $1 AND valid_from = $2`,
      [brand.brandId, addDays(today(), 400)],
    );
    expect(n).toBe(1);
    expect(winners.size).toBe(won.length);
  });
});

describe('rule 2: qualifications covering the device class, valid that day', () => {
  test('a missing, expired or out-of-scope licence blocks new authorizations and sales, each named', async () => {
    const d = brand.distributorIds[0];
    await t.app.ds.query(`DELETE FROM qualification WHERE distributor_id = $1 AND type = 'OPERATING_LICENSE_III'`, [d]);
    await t.app.ds.query(
      `INSERT INTO qualification (brand_id, distributor_id, type, number, device_classes, valid_from, valid_to) VALUES ($1, $2, 'FILING_CERTIFICATE_II', 'F2', '{II}', $3, $4)`,
      [brand.brandId, d, addDays(today(), -100), addDays(today(), 100)],
    );
    const refused = await admin.request(GRANT, {
      i: grantInput(d, { productLineIds: [], productIds: [cat.productIII] }),
    });
    expect(codeOf(refused)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(refused)).toBe(ErrorReason.NOT_COMPLIANT);
    expect(refused.errors[0].message).toMatch(/class III/);
    await grant(d, { productLineIds: [], productIds: [cat.productII] });
    expect(await check(d, cat.productII, cat.hospitalInCity)).toEqual({ allowed: true, reasons: [] });
    // the class II filing runs out: the sale is refused on that date, and the warning says so first
    expect((await check(d, cat.productII, cat.hospitalInCity, addDays(today(), 101))).reasons).toEqual([
      ComplianceReason.QUALIFICATION_EXPIRED,
    ]);
    const expiring = await admin.request(
      `{ expiringQualifications(withinDays: 365) { number expiry { level daysLeft } } }`,
    );
    expect(expiring.data.expiringQualifications).toContainEqual({
      number: 'F2',
      expiry: { level: 'OK', daysLeft: 100 },
    });
    // without the business licence nothing may be sold at all
    await t.app.ds.query(`DELETE FROM qualification WHERE distributor_id = $1 AND type = 'BUSINESS_LICENSE'`, [d]);
    expect((await check(d, cat.productII, cat.hospitalInCity)).reasons).toEqual([
      ComplianceReason.QUALIFICATION_MISSING,
    ]);
  });

  test('expiry warnings step at 60, 30 and 7 days', async () => {
    const d = brand.distributorIds[1];
    for (const [n, days] of [
      ['W60', 45],
      ['W30', 20],
      ['W7', 3],
      ['WX', -2],
    ] as const) {
      await t.app.ds.query(
        `INSERT INTO qualification (brand_id, distributor_id, type, number, device_classes, valid_from, valid_to) VALUES ($1, $2, 'OTHER', $3, '{}', $4, $5)`,
        [brand.brandId, d, n, addDays(today(), -400), addDays(today(), days)],
      );
    }
    const r = await admin.request(`{ expiringQualifications(withinDays: 60) { number expiry { level } } }`);
    const levels = Object.fromEntries(
      r.data.expiringQualifications.map((q: { number: string; expiry: { level: string } }) => [
        q.number,
        q.expiry.level,
      ]),
    );
    expect(levels).toMatchObject({ W60: 'WITHIN_60_DAYS', W30: 'WITHIN_30_DAYS', W7: 'WITHIN_7_DAYS', WX: 'EXPIRED' });
  });
});

describe('rule 3: a product whose registration certificate expired cannot be sold', () => {
  test('REGISTRATION_EXPIRED even under a valid authorization', async () => {
    const d = brand.distributorIds[1];
    expect(await check(d, cat.productExpired, cat.hospitalInCity)).toEqual({
      allowed: false,
      reasons: [ComplianceReason.REGISTRATION_EXPIRED],
    });
    // it could be sold while the certificate was valid
    expect((await check(d, cat.productExpired, cat.hospitalInCity, addDays(today(), -2))).allowed).toBe(true);
  });
});
