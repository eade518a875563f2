import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { TestApp, codeOf, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { ExitWorld, START, exitWorld, stockOf } from './exit.test-kit';

/** 劝退: the exiting distributor's sell-outs below the floor price since the plan's date are flagged. */
let t: TestApp;
let w: ExitWorld;
let planId: string;

const BELOW = `query($id: ID!, $first: Int, $after: String) { exitPlan(id: $id) { id
  belowFloor(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { movementId hospitalName
  productName batchNo occurredOn quantity unitPrice { amount currency } floor { amount currency } gap { amount currency } } } } }`;
const SELL = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { id } }`;

beforeAll(async () => {
  t = await startTestApp();
  w = await exitWorld(t);
  const [d0, , , , d4] = w.brand.distributorIds;
  await stockOf(t.app.ds, w, d0);
  await stockOf(t.app.ds, w, d4);
  await t.app.ds.query(
    `INSERT INTO product_floor_price (brand_id, product_id, price, currency, effective_from)
     SELECT brand_id, id, '100.00', currency, $2 FROM product WHERE id = $1`,
    [w.cat.productII, addDays(today(), -60)],
  );
  const r = await w.admin.request(START, {
    i: { distributorId: d0, effectiveOn: today(), reason: '低价倾销', idempotencyKey: randomUUID() },
  });
  expect(r.errors).toEqual([]);
  planId = r.data.startExitPlan.id;
});
afterAll(() => t?.stop());

const sell = (c: typeof w.rep0, unitPrice: string | null, occurredOn: string) =>
  c.request(SELL, {
    i: {
      kind: 'SOLD_OUT',
      productId: w.cat.productII,
      batchNo: 'B1',
      quantity: 1,
      occurredOn,
      hospitalId: w.cat.hospitalInCity,
      departmentId: w.departmentId,
      unitPrice,
    },
  });

test('a sale below the floor since the plan’s date is flagged with its gap; at the floor, without a price or before the date it is not', async () => {
  // D0's people no longer see the hospitals once the authorizations are revoked: its sales as written
  const d0 = w.brand.distributorIds[0];
  for (const [price, on] of [
    ['90.50', today()],
    ['100.00', today()],
    [null, today()],
    ['10.00', addDays(today(), -1)],
  ] as const)
    await t.app.ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, serial_no, kind, quantity, occurred_on,
         hospital_id, department_id, unit_price, currency, created_by)
       SELECT $1, $2, $3, 'B1', '', 'SOLD_OUT', -1, $4, $5, $6, $7::numeric, CASE WHEN $7::text IS NULL THEN NULL ELSE 'CNY' END,
              (SELECT id FROM app_user WHERE distributor_id = $2 LIMIT 1)`,
      [w.brand.brandId, d0, w.cat.productII, on, w.cat.hospitalInCity, w.departmentId, price],
    );
  // another distributor's sale at a dumping price is not this plan's
  expect((await sell(w.rep4, '1.00', today())).errors).toEqual([]);
  const r = await w.admin.request(BELOW, { id: planId });
  expect(r.errors).toEqual([]);
  expect(r.data.exitPlan.belowFloor.totalCount).toBe(1);
  expect(r.data.exitPlan.belowFloor.nodes).toEqual([
    expect.objectContaining({
      batchNo: 'B1',
      occurredOn: today(),
      quantity: 1,
      unitPrice: { amount: '90.50', currency: 'CNY' },
      floor: { amount: '100.00', currency: 'CNY' },
      gap: { amount: '9.50', currency: 'CNY' },
    }),
  ]);
  const [stored] = await t.app.ds.query(`SELECT unit_price::text AS p, currency FROM stock_movement WHERE id = $1`, [
    r.data.exitPlan.belowFloor.nodes[0].movementId,
  ]);
  expect(stored).toEqual({ p: '90.50', currency: 'CNY' });
});

test('the lines come a page at a time, newest first, each once, with the count of them all', async () => {
  const d0 = w.brand.distributorIds[0];
  // four more dumping sales on three days (two the same day: the id orders them)
  for (const [price, days] of [
    ['50.00', 1],
    ['60.00', 2],
    ['70.00', 2],
    ['80.00', 3],
  ] as const)
    await t.app.ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, serial_no, kind, quantity, occurred_on,
         hospital_id, department_id, unit_price, currency, created_by)
       SELECT $1, $2, $3, 'B1', '', 'SOLD_OUT', -2, $4, $5, $6, $7::numeric, 'CNY',
              (SELECT id FROM app_user WHERE distributor_id = $2 LIMIT 1)`,
      [w.brand.brandId, d0, w.cat.productII, addDays(today(), days), w.cat.hospitalInCity, w.departmentId, price],
    );
  const all = await w.admin.request(BELOW, { id: planId, first: 100 });
  expect(all.errors).toEqual([]);
  const every = all.data.exitPlan.belowFloor.nodes as Array<{ movementId: string; occurredOn: string }>;
  expect(all.data.exitPlan.belowFloor.totalCount).toBe(5);
  expect(every.map((l) => l.occurredOn)).toEqual([3, 2, 2, 1, 0].map((d) => addDays(today(), d)));

  const seen: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 3; i++) {
    const r = await w.admin.request(BELOW, { id: planId, first: 2, after });
    expect(r.errors).toEqual([]);
    const page: {
      totalCount: number;
      nodes: Array<{ movementId: string }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = r.data.exitPlan.belowFloor;
    expect(page.totalCount).toBe(5);
    seen.push(...page.nodes.map((l) => l.movementId));
    expect(page.pageInfo.hasNextPage).toBe(i < 2);
    after = page.pageInfo.endCursor;
  }
  expect(seen).toEqual(every.map((l) => l.movementId));

  expect(codeOf(await w.admin.request(BELOW, { id: planId, first: 2, after: 'not-a-cursor' }))).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
  const wrongTypes = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
  expect(codeOf(await w.admin.request(BELOW, { id: planId, first: 2, after: wrongTypes }))).toBe(
    ErrorCode.BAD_USER_INPUT,
  );
});

test('a unit price only goes with a sell-out and is exact: a bad one is refused and writes nothing', async () => {
  const before = (await t.app.ds.query(`SELECT count(*)::int AS n FROM stock_movement`))[0].n;
  expect(codeOf(await sell(w.rep4, '12.345', today()))).toBe(ErrorCode.BAD_USER_INPUT);
  expect(codeOf(await sell(w.rep4, '-1.00', today()))).toBe(ErrorCode.BAD_USER_INPUT);
  expect((await t.app.ds.query(`SELECT count(*)::int AS n FROM stock_movement`))[0].n).toBe(before);
});

test('another brand’s admin finds no plan (NOT_FOUND, its flagged sales unseen)', async () => {
  const other = await createBrand(t.app.ds, 1);
  const c = t.client(Audience.CONSOLE);
  await c.login(other.adminEmail);
  const r = await c.request(BELOW, { id: planId });
  expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
  expect(r.data?.exitPlan ?? null).toBeNull();
});
