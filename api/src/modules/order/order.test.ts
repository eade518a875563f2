import { randomUUID } from 'node:crypto';
import { Audience, ComplianceReason, ErrorCode, ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * Placing orders through GraphQL as a test brand's distributor: compliance per line, credit
 * limit under parallel placements, idempotent retries, the status machine and shipments.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let owner: GqlClient;
let desk: GqlClient;
let distributorId: string;

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status version total { amount currency }
  lines { id lineNo quantity unitPrice { amount } amount { amount } openQuantity product { id } } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { id status version total { amount } shippedTotal { amount }
  lines { id lineNo quantity shippedQuantity openQuantity unitPrice { amount } adjustments { reason fromUnitPrice { amount } toUnitPrice { amount } } }
  shipments { id number amount { amount } reversesId reversed items { orderLineId quantity serialNo batchNo udiPi expiryDate product { id } } }
  events { action fromStatus toStatus reason } } }`;
const MOVE = (name: string) => `mutation($id: ID!, $v: Int!, $r: String${name === 'rejectOrder' ? '!' : ''}) { ${name}(id: $id, expectedVersion: $v, reason: $r) { id status version } }`;
const SHIP = `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { id status version shippedTotal { amount } lines { id shippedQuantity openQuantity } } }`;

async function userClient(email: string, audience: Audience) {
  const c = t.client(audience);
  await c.login(email);
  return c;
}

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 6);
  cat = await createCatalog(t.app.ds, brand);
  distributorId = brand.distributorIds[0];
  await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [distributorId]);
  await t.app.ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
    [brand.brandId, distributorId, [cat.lineId], [cat.cityId], addDays(today(), -30), addDays(today(), 300)],
  );
  await t.app.ds.query(`INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '80.00', $3)`, [brand.brandId, cat.productII, addDays(today(), -10)]);
  admin = await userClient(brand.adminEmail, Audience.CONSOLE);
  owner = await userClient(brand.ownerEmail, Audience.PORTAL);
  const [deskUser] = await t.app.ds.query(
    `INSERT INTO app_user (brand_id, email, password_hash, display_name, side, role) SELECT brand_id, $2, password_hash, '订单专员', 'BRAND', 'ORDER_DESK' FROM app_user WHERE email = $1 RETURNING email`,
    [brand.adminEmail, `desk-${randomUUID().slice(0, 8)}@test.demo`],
  );
  // the order desk sees orders of the distributors in its regions
  await t.app.ds.query(
    `INSERT INTO user_region (brand_id, user_id, region_id) SELECT $1, u.id, r.id FROM app_user u, region r WHERE u.email = $2 AND r.brand_id = $1 AND r.level = 'PROVINCE'`,
    [brand.brandId, deskUser.email],
  );
  desk = await userClient(deskUser.email, Audience.CONSOLE);
});
afterAll(() => t?.stop());

const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'HOSPITAL', hospitalId: cat.hospitalInCity, lines: [{ productId: cat.productII, quantity: 10 }, { productId: cat.productIII, quantity: 2 }], ...over,
});

async function place(client: GqlClient, over: Record<string, unknown> = {}, key = randomUUID()) {
  return client.request(PLACE, { i: { ...draft(over), idempotencyKey: key } });
}

async function placed(over: Record<string, unknown> = {}) {
  const r = await place(owner, over);
  expect(r.errors).toEqual([]);
  return r.data.placeOrder as { id: string; number: string; status: string; version: number; lines: Array<{ id: string; quantity: number }> };
}

const fetchOrder = async (client: GqlClient, id: string) => {
  const r = await client.request(ORDER, { id });
  expect(r.errors).toEqual([]);
  return r.data.order;
};

describe('placing', () => {
  test('prices come from the tier price list (else the list price), and the server computes the total', async () => {
    const order = await placed();
    expect(order.status).toBe(OrderStatus.SUBMITTED);
    expect(order.number).toMatch(/^SO\d{16}$/);
    const r = await owner.request(ORDER, { id: order.id });
    const lines = r.data.order.lines;
    expect(lines.map((l: { unitPrice: { amount: string } }) => l.unitPrice.amount)).toEqual(['80.00', '100.00']);
    expect(r.data.order.total.amount).toBe('1000.00');
    expect(r.data.order.events).toEqual([{ action: 'PLACE', fromStatus: null, toStatus: 'SUBMITTED', reason: null }]);
  });

  test('a line the distributor may not sell is refused with every failing line and reason; nothing is written', async () => {
    const before = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE distributor_id = $1`, [distributorId]);
    const r = await place(owner, { lines: [{ productId: cat.productII, quantity: 1 }, { productId: cat.productExpired, quantity: 1 }] });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(r)).toBe(ErrorReason.NOT_COMPLIANT);
    expect((r.errors[0].extensions as { lines: unknown }).lines).toEqual([{ lineNo: 2, productId: cat.productExpired, reasons: [ComplianceReason.REGISTRATION_EXPIRED] }]);
    // a hospital outside the distributor's territory is one it cannot see at all
    expect(codeOf(await place(owner, { hospitalId: cat.hospitalInProvince }))).toBe(ErrorCode.NOT_FOUND);
    const after = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE distributor_id = $1`, [distributorId]);
    expect(after[0].n).toBe(before[0].n);
  });

  test('every failing line is named with every reason', async () => {
    const d = brand.distributorIds[4];
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d, [cat.productII], [cat.cityId], addDays(today(), -1), addDays(today(), 30)],
    );
    await t.app.ds.query(`UPDATE qualification SET valid_to = $2 WHERE distributor_id = $1 AND type = 'OPERATING_LICENSE_III'`, [d, addDays(today(), -1)]);
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '100000.00' WHERE id = $1`, [d]);
    const [{ email }] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [d]);
    const rep = await userClient(email, Audience.PORTAL);
    const r = await place(rep, { lines: [{ productId: cat.productII, quantity: 1 }, { productId: cat.productIII, quantity: 1 }, { productId: cat.productExpired, quantity: 1 }] });
    expect(reasonOf(r)).toBe(ErrorReason.NOT_COMPLIANT);
    const lines = (r.errors[0].extensions as { lines: Array<{ lineNo: number; reasons: string[] }> }).lines;
    expect(lines.map((l) => [l.lineNo, [...l.reasons].sort()])).toEqual([
      [1, [ComplianceReason.QUALIFICATION_EXPIRED]],
      [2, [ComplianceReason.NO_AUTHORIZATION, ComplianceReason.QUALIFICATION_EXPIRED]],
      [3, [ComplianceReason.NO_AUTHORIZATION, ComplianceReason.QUALIFICATION_EXPIRED, ComplianceReason.REGISTRATION_EXPIRED]],
    ]);
    expect(r.errors[0].message).toMatch(/Line 1 .*\| Line 2 .*\| Line 3 /);
  });

  test('bad drafts answer coded errors: duplicate products, no hospital, a stock order with one, zero quantity', async () => {
    const dup = await place(owner, { lines: [{ productId: cat.productII, quantity: 1 }, { productId: cat.productII, quantity: 2 }] });
    expect([codeOf(dup), dup.errors[0].extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'lines.1.productId']);
    expect(codeOf(await place(owner, { hospitalId: null }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await place(owner, { kind: 'STOCK' }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await place(owner, { lines: [{ productId: cat.productII, quantity: 0 }] }))).toBe(ErrorCode.BAD_USER_INPUT);
    expect(codeOf(await place(owner, { lines: [{ productId: randomUUID(), quantity: 1 }] }))).toBe(ErrorCode.NOT_FOUND);
  });

  test('a stock order needs only an authorization for the product somewhere', async () => {
    const order = await placed({ kind: 'STOCK', hospitalId: null, lines: [{ productId: cat.productII, quantity: 3 }] });
    expect(order.status).toBe(OrderStatus.SUBMITTED);
  });

  test('the review shows prices, findings and credit before placing, and writes nothing', async () => {
    const r = await owner.request(
      `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed withinCredit total { amount } credit { limit { amount } available { amount } }
        lines { lineNo unitPrice { amount } amount { amount } findings { reason } } } }`,
      { i: draft({ lines: [{ productId: cat.productII, quantity: 2 }, { productId: cat.productExpired, quantity: 1 }] }) },
    );
    expect(r.errors).toEqual([]);
    expect(r.data.reviewOrder.allowed).toBe(false);
    expect(r.data.reviewOrder.lines[0]).toEqual({ lineNo: 1, unitPrice: { amount: '80.00' }, amount: { amount: '160.00' }, findings: [] });
    expect(r.data.reviewOrder.lines[1].findings).toEqual([{ reason: ComplianceReason.REGISTRATION_EXPIRED }]);
    expect(r.data.reviewOrder.total.amount).toBe('260.00');
    expect(r.data.reviewOrder.credit.limit.amount).toBe('1000000.00');
  });
});

describe('idempotency', () => {
  test('a retry with the same key returns the first order; parallel retries create one order', async () => {
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 8 }, () => place(owner, {}, key)));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const ids = new Set(results.map((r) => r.data.placeOrder.id));
    expect(ids.size).toBe(1);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE idempotency_key = $1`, [key]);
    expect(n).toBe(1);
    const again = await place(owner, {}, key);
    expect(again.data.placeOrder.id).toBe([...ids][0]);
  });

  test('the same key with a different order is a CONFLICT and changes nothing', async () => {
    const key = randomUUID();
    await place(owner, {}, key);
    const other = await place(owner, { lines: [{ productId: cat.productII, quantity: 11 }] }, key);
    expect([codeOf(other), reasonOf(other)]).toEqual([ErrorCode.CONFLICT, ErrorReason.IDEMPOTENCY_KEY_REUSED]);
    expect((other.errors[0].extensions as { order: { number: string } }).order.number).toMatch(/^SO/);
  });
});

describe('credit limit', () => {
  test('20 parallel orders against a limit that fits 5: exactly 5 are accepted', async () => {
    const d = brand.distributorIds[2];
    // an order of 10 × 100.00 = 1000.00; the limit fits five of them
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '5000.00' WHERE id = $1`, [d]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d, [cat.lineId], [cat.cityId], addDays(today(), -1), addDays(today(), 30)],
    );
    const [{ email }] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [d]);
    const rep = await userClient(email, Audience.PORTAL);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => place(rep, { lines: [{ productId: cat.productIII, quantity: 10 }] })),
    );
    const accepted = results.filter((r) => !r.errors.length);
    expect(accepted).toHaveLength(5);
    const refused = results.filter((r) => reasonOf(r) === ErrorReason.CREDIT_LIMIT_EXCEEDED);
    expect(refused).toHaveLength(15);
    // a rep is told it does not fit, not the account's figures
    expect(refused.some((r) => 'credit' in (r.errors[0].extensions ?? {}) || /5000/.test(r.errors[0].message))).toBe(false);
    const credit = await admin.request(`query($d: ID) { creditStatus(distributorId: $d) { openOrders { amount } available { amount } } }`, { d });
    expect(credit.data.creditStatus).toEqual({ openOrders: { amount: '5000.00' }, available: { amount: '0.00' } });
    // cancelling one frees its credit for the next order
    const first = accepted[0].data.placeOrder;
    const cancel = await rep.request(MOVE('cancelOrder'), { id: first.id, v: first.version });
    expect(cancel.errors).toEqual([]);
    expect((await place(rep, { lines: [{ productId: cat.productIII, quantity: 10 }] })).errors).toEqual([]);
  });
});

describe('the status machine', () => {
  test('approve → ship part → ship the rest → deliver → close, with events, ledger entries and notifications', async () => {
    const order = await placed();
    const approved = await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version });
    expect(approved.errors).toEqual([]);
    expect(approved.data.approveOrder.status).toBe(OrderStatus.APPROVED);
    const [l1, l2] = order.lines;
    const ship1 = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), carrier: '顺丰', items: [
      { orderLineId: l1.id, quantity: 4, batchNo: 'B1', udiPi: '(10)B1(17)281231', expiryDate: addDays(today(), 400) },
      { orderLineId: l2.id, quantity: 1, serialNo: 'SN-0001' },
    ] } });
    expect(ship1.errors).toEqual([]);
    expect(ship1.data.recordShipment.status).toBe(OrderStatus.PARTIALLY_SHIPPED);
    expect(ship1.data.recordShipment.shippedTotal.amount).toBe('420.00');
    const over = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: l1.id, quantity: 7 }] } });
    expect([codeOf(over), reasonOf(over)]).toEqual([ErrorCode.BAD_USER_INPUT, ErrorReason.OVER_SHIPMENT]);
    const sameSerial = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: l2.id, quantity: 1, serialNo: 'SN-0001' }] } });
    expect(codeOf(sameSerial)).toBe(ErrorCode.BAD_USER_INPUT);
    const ship2 = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), items: [
      { orderLineId: l1.id, quantity: 6, batchNo: 'B2' }, { orderLineId: l2.id, quantity: 1, serialNo: 'SN-0002' },
    ] } });
    expect(ship2.data.recordShipment.status).toBe(OrderStatus.SHIPPED);
    const ledger = await t.app.ds.query(`SELECT kind, amount FROM ledger_entry WHERE source_id IN (SELECT id FROM shipment WHERE order_id = $1) ORDER BY amount`, [order.id]);
    expect(ledger).toEqual([{ kind: 'SHIPMENT_RECEIVABLE', amount: '420.00' }, { kind: 'SHIPMENT_RECEIVABLE', amount: '580.00' }]);
    const full = await fetchOrder(owner, order.id);
    const delivered = await owner.request(MOVE('confirmDelivery'), { id: order.id, v: full.version });
    expect(delivered.data.confirmDelivery.status).toBe(OrderStatus.DELIVERED);
    const closed = await desk.request(MOVE('closeOrder'), { id: order.id, v: delivered.data.confirmDelivery.version });
    expect(closed.data.closeOrder.status).toBe(OrderStatus.CLOSED);
    const final = await fetchOrder(owner, order.id);
    expect(final.events.map((e: { action: string }) => e.action)).toEqual(['PLACE', 'APPROVE', 'SHIP', 'SHIP', 'DELIVER', 'CLOSE']);
    expect(final.shipments[0].items.map((i: { serialNo: string | null }) => i.serialNo)).toEqual([null, 'SN-0001']);
    const inbox = await owner.request(`{ unreadNotificationCount notifications(first: 10) { nodes { kind entityId params { name value } } } }`);
    const mine = inbox.data.notifications.nodes.filter((n: { entityId: string }) => n.entityId === order.id).map((n: { kind: string }) => n.kind);
    expect(mine).toEqual(['ORDER_SHIPPED', 'ORDER_SHIPPED', 'ORDER_APPROVED']);
  });

  test('illegal moves are coded errors and change nothing', async () => {
    const order = await placed();
    const shipEarly = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: order.lines[0].id, quantity: 1 }] } });
    expect([codeOf(shipEarly), reasonOf(shipEarly)]).toEqual([ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION]);
    const deliver = await desk.request(MOVE('confirmDelivery'), { id: order.id, v: order.version });
    expect(reasonOf(deliver)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const noReason = await desk.request(MOVE('rejectOrder'), { id: order.id, v: order.version });
    expect(codeOf(noReason)).toBe(ErrorCode.BAD_USER_INPUT);
    const rejected = await desk.request(MOVE('rejectOrder'), { id: order.id, v: order.version, r: '价格不符' });
    expect(rejected.data.rejectOrder.status).toBe(OrderStatus.REJECTED);
    const approveRejected = await desk.request(MOVE('approveOrder'), { id: order.id, v: rejected.data.rejectOrder.version });
    expect(reasonOf(approveRejected)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const stale = await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version });
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
    expect((await fetchOrder(owner, order.id)).status).toBe(OrderStatus.REJECTED);
  });

  test('the distributor cancels only before approval; the brand until something ships', async () => {
    const order = await placed();
    const approved = (await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version })).data.approveOrder;
    const byOwner = await owner.request(MOVE('cancelOrder'), { id: order.id, v: approved.version });
    expect(reasonOf(byOwner)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const byDesk = await desk.request(MOVE('cancelOrder'), { id: order.id, v: approved.version, r: '医院取消采购' });
    expect(byDesk.data.cancelOrder.status).toBe(OrderStatus.CANCELLED);
  });

  test('a price adjustment is a new row with a reason; the line keeps its placed price; the total follows', async () => {
    const order = await placed();
    const r = await desk.request(
      `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { total { amount } lines { unitPrice { amount } placedUnitPrice { amount } } } }`,
      { i: { orderId: order.id, lineId: order.lines[0].id, unitPrice: '75.50', reason: '集采价', expectedVersion: order.version } },
    );
    expect(r.errors).toEqual([]);
    expect(r.data.adjustOrderLinePrice.total.amount).toBe('955.00');
    expect(r.data.adjustOrderLinePrice.lines[0]).toEqual({ unitPrice: { amount: '75.50' }, placedUnitPrice: { amount: '80.00' } });
    const editLine = t.app.ds.query(`UPDATE order_line SET quantity = 1 WHERE id = $1`, [order.lines[0].id]);
    await expect(editLine).rejects.toThrow(/append-only/);
  });

  test('a shipment retried with its key ships once; a reversal takes it back with a ledger reversal', async () => {
    const order = await placed();
    const approved = (await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version })).data.approveOrder;
    const input = { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: order.lines[0].id, quantity: 5 }] };
    const shipped = await Promise.all([1, 2, 3].map(() => desk.request(SHIP, { i: input })));
    expect(shipped.flatMap((r) => r.errors)).toEqual([]);
    const view = await fetchOrder(desk, order.id);
    expect(view.shipments).toHaveLength(1);
    expect(view.lines[0].shippedQuantity).toBe(5);
    expect(approved.status).toBe('APPROVED');
    const reversed = await desk.request(`mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "错发批号") { status shippedTotal { amount } } }`, { s: view.shipments[0].id });
    expect(reversed.errors).toEqual([]);
    expect(reversed.data.reverseShipment).toEqual({ status: 'APPROVED', shippedTotal: { amount: '0.00' } });
    const again = await desk.request(`mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "重复") { status } }`, { s: view.shipments[0].id });
    expect(codeOf(again)).toBe(ErrorCode.CONFLICT);
    const [{ balance }] = await t.app.ds.query(`SELECT SUM(amount)::text AS balance FROM ledger_entry WHERE source_id IN (SELECT id FROM shipment WHERE order_id = $1)`, [order.id]);
    expect(balance).toBe('0.00');
  });
});
