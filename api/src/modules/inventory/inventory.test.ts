import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import {
  InventoryWorld,
  MOVEMENT,
  RECEIVE,
  RECORD,
  REVERSE,
  SELL_OUT,
  STOCK,
  inventoryWorld,
  shipmentTo,
} from './inventory.test-kit';

/**
 * Channel inventory through the API, in a brand of the test's own (inventory.test-kit.ts): D0 and
 * its second tier D1 receive, sell out, transfer, adjust and reverse; who sees which stock.
 */
let t: TestApp;
let w: InventoryWorld;
const day = (offset: number) => addDays(today(), offset);

beforeAll(async () => {
  t = await startTestApp();
  w = await inventoryWorld(t);
});
afterAll(() => t?.stop());

const stockOf = async (client = w.rep0, filter: Record<string, unknown> = {}) =>
  (await client.request(STOCK, { f: filter })).data.channelStock;
const onHand = async (batchNo: string, client = w.rep0, filter: Record<string, unknown> = {}) =>
  (await stockOf(client, filter)).nodes
    .filter((n: { batchNo: string }) => n.batchNo === batchNo)
    .reduce((sum: number, n: { quantity: number }) => sum + n.quantity, 0);
const movementCount = async () =>
  Number(
    (await t.app.ds.query(`SELECT COUNT(*)::int AS n FROM stock_movement WHERE brand_id = $1`, [w.brand.brandId]))[0].n,
  );

/** Units of a fresh batch received by D0 from a shipment. */
async function received(quantity: number, expiryOffset = 300): Promise<string> {
  const batchNo = `B${randomUUID().slice(0, 6)}`;
  const s = await shipmentTo(t.app.ds, w.brand.brandId, w.brand.distributorIds[0], w.cat.productII, [
    { quantity, batchNo, expiryDate: day(expiryOffset) },
  ]);
  const r = await w.rep0.request(RECEIVE, { s });
  expect(r.errors).toEqual([]);
  return batchNo;
}

const sellOut = (batchNo: string, quantity: number, extra: Record<string, unknown> = {}) => ({
  kind: 'SOLD_OUT',
  productId: w.cat.productII,
  batchNo,
  quantity,
  occurredOn: today(),
  hospitalId: w.cat.hospitalInCity,
  departmentId: w.departmentId,
  ...extra,
});

test('a shipment is received once: its batch with its expiry is on hand, a second receipt adds nothing', async () => {
  const batchNo = `R${randomUUID().slice(0, 6)}`;
  const s = await shipmentTo(t.app.ds, w.brand.brandId, w.brand.distributorIds[0], w.cat.productII, [
    { quantity: 12, batchNo, expiryDate: day(200) },
    { quantity: 1, serialNo: `SN-${batchNo}` },
  ]);
  const first = await w.rep0.request(RECEIVE, { s });
  expect(first.errors).toEqual([]);
  expect(first.data.receiveShipment.map((m: { kind: string; quantity: number }) => [m.kind, m.quantity])).toEqual([
    ['RECEIVED', 12],
    ['RECEIVED', 1],
  ]);
  const again = await w.owner.request(RECEIVE, { s });
  expect(again.data.receiveShipment.map((m: { id: string }) => m.id)).toEqual(
    first.data.receiveShipment.map((m: { id: string }) => m.id),
  );
  expect(await onHand(batchNo)).toBe(12);
  const line = (await stockOf()).nodes.find((n: { batchNo: string }) => n.batchNo === batchNo);
  expect(line).toMatchObject({ expiryDate: day(200), nearExpiry: false, expired: false });
  // D1's rep cannot receive D0's shipment: it is not there for him
  expect(codeOf(await w.rep1.request(RECEIVE, { s }))).toBe(ErrorCode.NOT_FOUND);
});

test('a sell-out to a hospital department takes the stock and shows in the brand’s sell-out by hospital and region', async () => {
  const batchNo = await received(30);
  const r = await w.rep0.request(RECORD, { i: sellOut(batchNo, 8) });
  expect(r.errors).toEqual([]);
  expect(r.data.recordStockMovement).toMatchObject({
    kind: 'SOLD_OUT',
    quantity: -8,
    hospitalName: '测试市医院',
    departmentName: '检验科',
    expiryDate: day(300),
  });
  expect(await onHand(batchNo)).toBe(22);
  const rows = (await w.admin.request(SELL_OUT, { f: { regionId: w.cat.provinceId } })).data.sellOut.nodes;
  expect(rows.find((x: { hospitalName: string }) => x.hospitalName === '测试市医院')).toMatchObject({
    departmentName: '检验科',
    regionName: '测试市',
  });
  // the brand's admin sees D0's stock too
  expect(await onHand(batchNo, w.admin)).toBe(22);
});

test('more than the stock holds is refused, nothing written', async () => {
  const batchNo = await received(5);
  const before = await movementCount();
  const r = await w.rep0.request(RECORD, { i: sellOut(batchNo, 6) });
  expect(codeOf(r)).toBe(ErrorCode.CONFLICT);
  expect(reasonOf(r)).toBe(ErrorReason.INSUFFICIENT_STOCK);
  expect(await movementCount()).toBe(before);
  expect(await onHand(batchNo)).toBe(5);
});

test('a retry with the request key answers the first movement; the key with other contents is refused', async () => {
  const batchNo = await received(10);
  const idempotencyKey = randomUUID();
  const a = await w.rep0.request(RECORD, { i: sellOut(batchNo, 3, { idempotencyKey }) });
  const b = await w.rep0.request(RECORD, { i: sellOut(batchNo, 3, { idempotencyKey }) });
  expect(b.data.recordStockMovement.id).toBe(a.data.recordStockMovement.id);
  expect(await onHand(batchNo)).toBe(7);
  const c = await w.rep0.request(RECORD, { i: sellOut(batchNo, 4, { idempotencyKey }) });
  expect(reasonOf(c)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  expect(await onHand(batchNo)).toBe(7);
});

test('the owner transfers to his second tier; its reversal moves the units back, once', async () => {
  const batchNo = await received(10);
  const transfer = {
    kind: 'TRANSFER_OUT',
    productId: w.cat.productII,
    batchNo,
    quantity: 4,
    occurredOn: today(),
    toDistributorId: w.brand.distributorIds[1],
  };
  // a rep sees his own distributor only: the second tier is not there for him
  expect(codeOf(await w.rep0.request(RECORD, { i: transfer }))).toBe(ErrorCode.NOT_FOUND);
  const r = await w.owner.request(RECORD, { i: transfer });
  expect(r.errors).toEqual([]);
  expect(r.data.recordStockMovement).toMatchObject({ quantity: -4, counterpartName: '测试经销商 001' });
  expect(await onHand(batchNo)).toBe(6);
  expect(await onHand(batchNo, w.rep1)).toBe(4);
  // the owner of D0 sees his second tier's stock as well
  expect(await onHand(batchNo, w.owner)).toBe(10);
  // D1 cannot reverse the transfer's incoming half, nor see D0's movement
  const id = r.data.recordStockMovement.id;
  expect(codeOf(await w.rep1.request(REVERSE, { id, r: '越界' }))).toBe(ErrorCode.NOT_FOUND);
  const back = await w.rep0.request(REVERSE, { id, r: '调错了' });
  expect(back.errors).toEqual([]);
  expect(back.data.reverseStockMovement).toMatchObject({ kind: 'REVERSAL', quantity: 4, reversesId: id });
  expect(await onHand(batchNo)).toBe(10);
  expect(await onHand(batchNo, w.rep1)).toBe(0);
  const twice = await w.rep0.request(REVERSE, { id, r: '再冲一次' });
  expect(reasonOf(twice)).toBe(ErrorReason.ALREADY_REVERSED);
  const ofReversal = await w.rep0.request(REVERSE, { id: back.data.reverseStockMovement.id, r: 'x' });
  expect(reasonOf(ofReversal)).toBe(ErrorReason.ALREADY_REVERSED);
  // a distributor that is neither its tier above nor below is no destination
  const other = await createBrand(t.app.ds, 1);
  const foreign = await w.owner.request(RECORD, {
    i: {
      kind: 'TRANSFER_OUT',
      productId: w.cat.productII,
      batchNo,
      quantity: 1,
      occurredOn: today(),
      toDistributorId: other.distributorIds[0],
    },
  });
  expect(codeOf(foreign)).toBe(ErrorCode.NOT_FOUND);
});

test('bad input is a coded error naming the field, nothing written', async () => {
  const batchNo = await received(3);
  const before = await movementCount();
  const cases: Array<[Record<string, unknown>, string]> = [
    [sellOut(batchNo, 1, { departmentId: null }), 'departmentId'],
    [sellOut(batchNo, 1, { occurredOn: day(1) }), 'occurredOn'],
    [sellOut(batchNo, 2, { serialNo: 'S1' }), 'quantity'],
    [{ kind: 'ADJUSTED', productId: w.cat.productII, batchNo, quantity: -1, occurredOn: today() }, 'reason'],
  ];
  for (const [i, field] of cases) {
    const r = await w.rep0.request(RECORD, { i });
    expect([codeOf(r), r.errors[0]?.extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, field]);
  }
  // a hospital its authorizations do not cover is not there
  const [far] = await t.app.ds.query(
    `INSERT INTO region (brand_id, level, code, name) VALUES ($1, 'PROVINCE', 'FARX', '远方') RETURNING id`,
    [w.brand.brandId],
  );
  const [h] = await t.app.ds.query(
    `INSERT INTO hospital (brand_id, name, grade, region_id) VALUES ($1, '远方医院', 'GRADE_3A', $2) RETURNING id`,
    [w.brand.brandId, far.id],
  );
  const r = await w.rep0.request(RECORD, { i: sellOut(batchNo, 1, { hospitalId: h.id, departmentId: null }) });
  expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
  expect(await movementCount()).toBe(before);
  // the brand's people read stock but do not write it
  expect(codeOf(await w.admin.request(RECORD, { i: sellOut(batchNo, 1) }))).toBe(ErrorCode.FORBIDDEN);
});

test('stock at a past date is the sum of the movements up to its end', async () => {
  const batchNo = `H${randomUUID().slice(0, 6)}`;
  const adjust = (quantity: number, on: number) =>
    w.rep0.request(RECORD, {
      i: {
        kind: 'ADJUSTED',
        productId: w.cat.productII,
        batchNo,
        quantity,
        occurredOn: day(on),
        reason: '期初',
        expiryDate: day(400),
      },
    });
  expect((await adjust(50, -20)).errors).toEqual([]);
  expect((await w.rep0.request(RECORD, { i: sellOut(batchNo, 15, { occurredOn: day(-10) }) })).errors).toEqual([]);
  expect((await adjust(-5, -2)).errors).toEqual([]);
  expect(await onHand(batchNo, w.rep0, { asOf: day(-21) })).toBe(0);
  expect(await onHand(batchNo, w.rep0, { asOf: day(-20) })).toBe(50);
  expect(await onHand(batchNo, w.rep0, { asOf: day(-5) })).toBe(35);
  expect(await onHand(batchNo)).toBe(30);
  expect(await onHand(batchNo, w.rep0, { asOf: today() })).toBe(30);
});

test('a batch near expiry is flagged and filtered, and its owner and channel manager are told once', async () => {
  const batchNo = await received(9, 20);
  const soon = await stockOf(w.rep0, { nearExpiry: true });
  expect(soon.nodes.map((n: { batchNo: string }) => n.batchNo)).toContain(batchNo);
  expect(soon.nodes.every((n: { nearExpiry: boolean }) => n.nearExpiry)).toBe(true);
  const told = async () =>
    Number(
      (
        await t.app.ds.query(
          `SELECT COUNT(*)::int AS n FROM notification WHERE brand_id = $1 AND kind = 'STOCK_NEAR_EXPIRY' AND params->>'batch' = $2`,
          [w.brand.brandId, batchNo],
        )
      )[0].n,
    );
  await t.app.services.noticeJobs.runDaily();
  // the owner of D0 and its channel manager
  expect(await told()).toBe(2);
  await t.app.services.noticeJobs.runDaily();
  expect(await told()).toBe(2);
});

test('a scanned GS1 UDI is read by the library and names its product and the units on hand', async () => {
  const gtin = `0${String(Date.now()).slice(-12)}9`;
  await t.app.ds.query(`UPDATE product SET udi_di = $2 WHERE id = $1`, [w.cat.productII, gtin]);
  const batchNo = await received(7);
  const scan = `query($c: String!) { scanUdi(code: $c) { gtin batchNo serialNo expiryDate onHand product { id name } } }`;
  const r = await w.rep0.request(scan, { c: `(01)${gtin}(17)271231(10)${batchNo}` });
  expect(r.errors).toEqual([]);
  expect(r.data.scanUdi).toEqual({
    gtin,
    batchNo,
    serialNo: null,
    expiryDate: '2027-12-31',
    onHand: 7,
    product: { id: w.cat.productII, name: '测试产品 P2' },
  });
  // as a scanner types a GS1 DataMatrix: its symbology prefix, the group separator after a variable field
  const raw = await w.rep0.request(scan, { c: `]d201${gtin}10${batchNo}\u001d21SN77` });
  expect(raw.data.scanUdi).toMatchObject({ batchNo, serialNo: 'SN77', product: { id: w.cat.productII } });
  const bad = await w.rep0.request(scan, { c: 'hello' });
  expect([codeOf(bad), reasonOf(bad)]).toEqual([ErrorCode.BAD_USER_INPUT, ErrorReason.UDI_UNREADABLE]);
});

test('movements list newest first and page with a cursor', async () => {
  const q = `query($a: String) { stockMovements(first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { ${MOVEMENT} } } }`;
  const first = (await w.rep0.request(q)).data.stockMovements;
  const second = (await w.rep0.request(q, { a: first.pageInfo.endCursor })).data.stockMovements;
  expect(first.nodes).toHaveLength(2);
  expect(first.pageInfo.hasNextPage).toBe(true);
  const ids = [...first.nodes, ...second.nodes].map((n: { id: string }) => n.id);
  expect(new Set(ids).size).toBe(4);
  expect(first.nodes[0].occurredOn >= second.nodes[0].occurredOn).toBe(true);
});

test('stock today, stock at a date and sell-out page one row at a time as they list whole; every page, the last included, carries the count', async () => {
  // a few lots, each sold out to a department of its own, so each list has rows to page
  const departments: Array<{ id: string }> = await t.app.ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '分页一'), ($1, $2, '分页二'), ($1, $2, '分页三') RETURNING id`,
    [w.brand.brandId, w.cat.hospitalInCity],
  );
  for (const [i, { id }] of departments.entries()) {
    const batchNo = await received(13 + i, 103 + i);
    expect((await w.rep0.request(RECORD, { i: sellOut(batchNo, 3 + i, { departmentId: id }) })).errors).toEqual([]);
  }
  const SELL_OUT_PAGE = `query($f: SellOutFilter, $n: Int!, $a: String) { sellOut(filter: $f, first: $n, after: $a) {
    totalCount pageInfo { hasNextPage endCursor } nodes { hospitalId departmentName productName quantity } } }`;
  const lists = [
    { client: w.owner, query: STOCK, field: 'channelStock', f: {} },
    { client: w.owner, query: STOCK, field: 'channelStock', f: { asOf: today() } },
    { client: w.admin, query: SELL_OUT_PAGE, field: 'sellOut', f: { regionId: w.cat.provinceId } },
  ];
  for (const { client, query, field, f } of lists) {
    const whole = (await client.request(query, { f, n: 100 })).data[field];
    expect(whole.totalCount).toBeGreaterThan(2);
    expect(whole.nodes).toHaveLength(whole.totalCount);
    const paged: unknown[] = [];
    let after: string | null = null;
    for (let i = 0; i <= whole.totalCount; i++) {
      const p: { totalCount: number; nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
        await client.request(query, { f, n: 1, a: after })
      ).data[field];
      expect(p.totalCount).toBe(whole.totalCount);
      paged.push(...p.nodes);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole.nodes);
    // names are joined to a page's rows only (raw-page.ts `late`): one-row pages show them too
    const names = (paged as Array<Record<string, unknown>>).map((n) => n.departmentName ?? n.distributorName);
    expect(names).toEqual(
      expect.arrayContaining(field === 'sellOut' ? ['分页一', '分页二', '分页三'] : [expect.any(String)]),
    );
    expect(names).not.toContain(null);
    // past the last row: no rows, and still the count
    const past = (await client.request(query, { f, n: 1, a: after })).data[field];
    expect(past.nodes.length <= 1).toBe(true);
    const beyond = (await client.request(query, { f, n: 5, a: past.pageInfo.endCursor ?? after })).data[field];
    expect(beyond.nodes).toEqual([]);
    expect(beyond.totalCount).toBe(whole.totalCount);
  }
});
