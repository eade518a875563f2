import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * A won tender becomes the distributor's order at the quoted prices (not the price list's), through
 * the order module's path: its credit and compliance rules, its scope, its idempotency; the tender
 * names its orders and the order its tender and opportunity. Distributor D0 (authorized for the
 * line in the city, credit 1,000,000) wins; D1's rep sees none of it.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let rep: GqlClient;
let otherRep: GqlClient;
let repId: string;
let departmentId: string;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 2);
  cat = await createCatalog(t.app.ds, brand);
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  [{ id: departmentId }] = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '超声科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [brand.distributorIds[0]]);
  await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
    [brand.brandId, brand.distributorIds[0], [cat.lineId], [cat.cityId], addDays(today(), -30), addDays(today(), 300)],
  );
  await t.app.ds.query(
    `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '80.00', $3)`,
    [brand.brandId, cat.productII, addDays(today(), -10)],
  );
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  rep = t.client(Audience.PORTAL);
  await rep.login(`rep0-${tag}@test.demo`);
  [{ id: repId }] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [`rep0-${tag}@test.demo`]);
  otherRep = t.client(Audience.PORTAL);
  await otherRep.login(`rep1-${tag}@test.demo`);
});
afterAll(() => t?.stop());

const ORDER = `id number kind status total { amount currency } lines { quantity unitPrice { amount } product { id } }
  tender { id number status } opportunity { id stage }`;
const PLACE = `mutation($i: PlaceTenderOrderInput!) { placeOrderFromTender(input: $i) { ${ORDER} } }`;
const OF = `query($o: ID!) { tenders(opportunityId: $o) { id orders { id number } } }`;

const ok = async (client: GqlClient, query: string, vars: Record<string, unknown>) => {
  const res = await client.request(query, vars);
  expect(res.errors).toEqual([]);
  return Object.values(res.data)[0] as Record<string, any>;
};

/** D0's opportunity with a tender whose HK product is quoted at `price`, taken as far as `upTo`. */
async function tender(price: string, upTo: 'SUBMITTED' | 'WON') {
  const [o] = await t.app.ds.query(
    `INSERT INTO opportunity (brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency, owner_id, distributor_id, stage, created_by)
     VALUES ($1, $2, $3, $4, '中标下单', '1000.00', 'CNY', $5, $6, 'NEED_CONFIRMED', $5) RETURNING id`,
    [brand.brandId, cat.hospitalInCity, departmentId, cat.lineId, repId, brand.distributorIds[0]],
  );
  const created = await ok(rep, `mutation($i: CreateTenderInput!) { createTender(input: $i) { id version } }`, {
    i: {
      opportunityId: o.id,
      number: `ZB-${randomUUID().slice(0, 6)}`,
      purchaser: '测试市医院',
      budget: '5000.00',
      registrationDeadline: addDays(today(), 20),
      bidOpeningAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    },
  });
  await ok(rep, `mutation($i: AddTenderQuoteInput!) { addTenderQuote(input: $i) { id } }`, {
    i: { tenderId: created.id, productId: cat.productII, price },
  });
  await ok(rep, `mutation($id: ID!) { submitTender(id: $id, expectedVersion: 1) { id } }`, { id: created.id });
  if (upTo === 'WON')
    await ok(rep, `mutation($id: ID!, $i: TenderResultInput!) { recordTenderResult(id: $id, input: $i) { id } }`, {
      id: created.id,
      i: { expectedVersion: 2, won: true, winner: '本公司', winningPrice: price },
    });
  return { id: created.id as string, opportunityId: o.id as string };
}

const orders = async () =>
  (await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE brand_id = $1`, [brand.brandId]))[0].n;
const input = (tenderId: string, quantity = 3, productId = cat.productII) => ({
  tenderId,
  lines: [{ productId, quantity }],
  idempotencyKey: randomUUID(),
});

test('a won tender becomes one hospital order at its quoted price; a second tap answers the same order', async () => {
  const won = await tender('150.00', 'WON');
  const order = await ok(rep, PLACE, { i: input(won.id) });
  expect(order).toMatchObject({
    kind: 'HOSPITAL',
    status: 'SUBMITTED',
    total: { amount: '450.00', currency: 'CNY' },
    lines: [{ quantity: 3, unitPrice: { amount: '150.00' }, product: { id: cat.productII } }],
    tender: { id: won.id, status: 'WON' },
    opportunity: { id: won.opportunityId, stage: 'WON' },
  });
  const [row] = await t.app.ds.query(`SELECT tender_id, opportunity_id FROM purchase_order WHERE id = $1`, [order.id]);
  expect(row).toEqual({ tender_id: won.id, opportunity_id: won.opportunityId });
  const before = await orders();
  // a second tap (another request key, even other quantities) and a retry with the same key: the same order
  expect((await ok(rep, PLACE, { i: input(won.id, 5) })).id).toBe(order.id);
  const same = input(won.id);
  expect((await ok(rep, PLACE, { i: same })).id).toBe(order.id);
  expect((await ok(rep, PLACE, { i: same })).id).toBe(order.id);
  expect(await orders()).toBe(before);
  // the tender names its order, in the console and in the portal
  for (const client of [admin, rep])
    expect(await ok(client, OF, { o: won.opportunityId })).toEqual([
      { id: won.id, orders: [{ id: order.id, number: order.number }] },
    ]);
  // once cancelled, the tender can be ordered again
  await ok(rep, `mutation($id: ID!) { cancelOrder(id: $id, expectedVersion: 1, reason: "数量有误") { id } }`, {
    id: order.id,
  });
  const again = await ok(rep, PLACE, { i: input(won.id, 4) });
  expect(again.id).not.toBe(order.id);
  expect((await ok(rep, OF, { o: won.opportunityId }))[0].orders.map((o: { id: string }) => o.id)).toEqual([
    order.id,
    again.id,
  ]);
});

test('refused with a coded error and nothing written: not won, a product not quoted, over the credit, out of sight', async () => {
  const before = await orders();
  const submitted = await tender('150.00', 'SUBMITTED');
  const notWon = await rep.request(PLACE, { i: input(submitted.id) });
  expect([codeOf(notWon), reasonOf(notWon)]).toEqual([ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION]);
  const won = await tender('150.00', 'WON');
  const unquoted = await rep.request(PLACE, { i: input(won.id, 1, cat.productIII) });
  expect(codeOf(unquoted)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(unquoted.errors[0]?.extensions?.field).toBe('lines.0.productId');
  // the order module's own rules hold: 150.00 × 10,000 passes the credit limit
  const tooMuch = await rep.request(PLACE, { i: input(won.id, 10_000) });
  expect(reasonOf(tooMuch)).toBe(ErrorReason.CREDIT_LIMIT_EXCEEDED);
  // another distributor's rep, the console (who places no orders), a malformed id
  const foreign = await otherRep.request(PLACE, { i: input(won.id) });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
  expect(codeOf(await admin.request(PLACE, { i: input(won.id) }))).toBe(ErrorCode.FORBIDDEN);
  expect(codeOf(await rep.request(PLACE, { i: input('not-an-id') }))).toBe(ErrorCode.BAD_USER_INPUT);
  expect(await orders()).toBe(before);
});
