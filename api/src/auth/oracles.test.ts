import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, Role, Side } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog, withDemoPassword } from '../../test/factories';
import { today } from '../common/dates';

/**
 * Rule 11 (docs/domain.md): three questions that told a record hidden from the viewer apart from one
 * that does not exist. Each is now asked both ways and the two answers compared byte for byte.
 *
 * The brand: cm0 and a finance user cover the city only; D2 (the province) and the province's
 * hospital are out of their sight.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let cm0: GqlClient;
let financeCity: GqlClient;
let admin: GqlClient;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 3);
  cat = await createCatalog(t.app.ds, brand);
  const ds = t.app.ds;
  const [cm] = await ds.query(
    `SELECT id, email FROM app_user WHERE id = (SELECT channel_manager_id FROM distributor WHERE id = $1)`,
    [brand.distributorIds[0]],
  );
  const email = `finance-${randomUUID().slice(0, 8)}@test.demo`;
  const [fin] = await ds.query(
    `INSERT INTO app_user (brand_id, email, display_name, side, role)
     SELECT brand_id, $2, '财务', $3, $4 FROM app_user WHERE email = $1 RETURNING id`,
    [brand.adminEmail, email, Side.BRAND, Role.FINANCE],
  );
  await withDemoPassword(ds, email);
  for (const user of [cm.id, fin.id])
    await ds.query(`INSERT INTO user_region (brand_id, user_id, region_id) VALUES ($1, $2, $3)`, [
      brand.brandId,
      user,
      cat.cityId,
    ]);
  cm0 = t.client(Audience.CONSOLE);
  await cm0.login(cm.email);
  financeCity = t.client(Audience.CONSOLE);
  await financeCity.login(email);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
});
afterAll(() => t?.stop());

test('complianceCheck on a hospital out of scope answers like a random id', async () => {
  const CHECK = `query($d: ID!, $p: ID!, $h: ID!, $on: LocalDate!) { complianceCheck(distributorId: $d, productId: $p, hospitalId: $h, on: $on) { allowed } }`;
  const ask = (h: string) => cm0.request(CHECK, { d: brand.distributorIds[0], p: cat.productII, h, on: today() });
  const hidden = await ask(cat.hospitalInProvince);
  expect(codeOf(hidden)).toBe(ErrorCode.NOT_FOUND);
  expect(hidden.text).toBe((await ask(randomUUID())).text);
  expect((await ask(cat.hospitalInCity)).errors).toEqual([]);
});

test('resolveStatementDispute with another brand’s dispute answers like a random id, and changes nothing', async () => {
  const ds = t.app.ds;
  // a dispute on the other demo brand's issued statement (瑞光's 杭州瑞达), written as its owner would
  const [line] = await ds.query(
    `SELECT l.id, l.statement_id, s.brand_id FROM statement_line l JOIN statement s ON s.id = l.statement_id
       JOIN distributor d ON d.id = s.distributor_id WHERE d.code = 'RG-RD' LIMIT 1`,
  );
  const [owner] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 LIMIT 1`, [line.brand_id]);
  const [dispute] = await ds.query(
    `INSERT INTO statement_dispute (brand_id, statement_id, statement_line_id, comment, raised_by) VALUES ($1, $2, $3, '金额不符', $4) RETURNING id`,
    [line.brand_id, line.statement_id, line.id, owner.id],
  );
  try {
    const RESOLVE = `mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id status } }`;
    const ask = (disputeId: string) => financeCity.request(RESOLVE, { i: { disputeId, resolution: '核对无误' } });
    const foreign = await ask(dispute.id);
    expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
    expect(foreign.text).toBe((await ask(randomUUID())).text);
    const [after] = await ds.query(`SELECT status, resolution FROM statement_dispute WHERE id = $1`, [dispute.id]);
    expect(after).toEqual({ status: 'OPEN', resolution: null });
  } finally {
    await ds.query(`DELETE FROM statement_dispute WHERE id = $1`, [dispute.id]);
  }
});

test('recordPayment with a reference used on an account out of scope answers like a fresh reference', async () => {
  const RECORD = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { amount { amount } method receivedOn distributor { name } unallocated { amount } } }`;
  const pay = (client: GqlClient, distributorId: string, externalRef: string) =>
    client.request(RECORD, {
      i: { distributorId, amount: '100.00', receivedOn: today(), method: 'BANK_TRANSFER', externalRef },
    });
  const used = `ICBC-${randomUUID()}`;
  expect((await pay(admin, brand.distributorIds[2], used)).errors).toEqual([]);
  // the city's distributor D1, by the finance user who cannot see D2's account
  const reused = await pay(financeCity, brand.distributorIds[1], used);
  const fresh = await pay(financeCity, brand.distributorIds[1], `ICBC-${randomUUID()}`);
  expect(reused.errors).toEqual([]);
  expect(reused.text).toBe(fresh.text);
  // a replay on the same account is still the same payment, not a second one
  const again = await pay(financeCity, brand.distributorIds[1], used);
  expect(again.text).toBe(reused.text);
  const [{ n }] = await t.app.ds.query(
    `SELECT count(*)::int AS n FROM payment WHERE brand_id = $1 AND external_ref = $2`,
    [brand.brandId, used],
  );
  expect(n).toBe(2);
});
