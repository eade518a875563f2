import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, createBrand } from '../../../test/factories';

/** 账期: set by those who set the credit limit, 0 to 365 days, once per change, read by the owner. */
let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

const SET = `mutation($d: ID!, $v: Int!, $n: Int!) { setPaymentTerms(distributorId: $d, expectedVersion: $v, days: $n) { id paymentTermsDays version } }`;

const row = async (d: string): Promise<{ days: number; version: number }> =>
  (await t.app.ds.query(`SELECT payment_terms_days AS days, version FROM distributor WHERE id = $1`, [d]))[0];
const audits = async (d: string): Promise<number> =>
  (
    await t.app.ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'SET_PAYMENT_TERMS' AND entity_id = $1`,
      [d],
    )
  )[0].n;

test('a change is saved and audited once; the same call again (a retry, its version now old) changes nothing', async () => {
  const d = brand.distributorIds[0];
  const before = await row(d);
  expect(before.days).toBe(30);
  const r = await admin.request(SET, { d, v: before.version, n: 45 });
  expect(r.errors).toEqual([]);
  expect(r.data.setPaymentTerms.paymentTermsDays).toBe(45);
  const again = await admin.request(SET, { d, v: before.version, n: 45 });
  expect(again.errors).toEqual([]);
  expect(again.data.setPaymentTerms.version).toBe(r.data.setPaymentTerms.version);
  expect(await audits(d)).toBe(1);
  const [entry] = await t.app.ds.query(
    `SELECT changes FROM audit_log WHERE action = 'SET_PAYMENT_TERMS' AND entity_id = $1`,
    [d],
  );
  expect(entry.changes).toEqual({ paymentTermsDays: { from: 30, to: 45 } });
  // other terms on the old version: someone changed it meanwhile
  const stale = await admin.request(SET, { d, v: before.version, n: 60 });
  expect(codeOf(stale)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
  expect((await row(d)).days).toBe(45);
});

test('out of 0..365 is a coded error on `days` and changes nothing; both ends are allowed', async () => {
  const d = brand.distributorIds[1];
  for (const n of [-1, 366]) {
    const { version } = await row(d);
    const r = await admin.request(SET, { d, v: version, n });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(r.errors[0]?.extensions?.field).toBe('days');
  }
  expect(await row(d)).toMatchObject({ days: 30 });
  expect(await audits(d)).toBe(0);
  for (const n of [0, 365]) {
    const r = await admin.request(SET, { d, v: (await row(d)).version, n });
    expect(r.data.setPaymentTerms.paymentTermsDays).toBe(n);
  }
});

test('the owner reads his terms in the portal and may not change them', async () => {
  const owner = t.client(Audience.PORTAL);
  await owner.login(brand.ownerEmail);
  const mine = await owner.request(`{ me { distributor { id paymentTermsDays } } }`);
  expect(mine.data.me.distributor).toEqual({ id: brand.distributorIds[0], paymentTermsDays: 45 });
  // and on his account card, with the balance
  const card = await owner.request(`{ accountSummary { balance { amount } paymentTermsDays } }`);
  expect(card.data.accountSummary.paymentTermsDays).toBe(45);
  const { version } = await row(brand.distributorIds[0]);
  const r = await owner.request(SET, { d: brand.distributorIds[0], v: version, n: 90 });
  expect(codeOf(r)).toBe(ErrorCode.FORBIDDEN);
  expect((await row(brand.distributorIds[0])).days).toBe(45);
});
