import { randomUUID } from 'node:crypto';
import { ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, codeOf } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { MOVE, SHIP, admin, desk, owner, placed, t, withOrderWorld } from './order.test-kit';

/**
 * order(id) and a page of orders(filter) build their trees in one statement (order-tree.ts): they
 * must answer field for field what the per-field loaders answer for the same order (the console's
 * globalSearch still reads that way; a partner has no such query, so its tree and its page are
 * compared and its actors checked by hand), for a viewer who sees the actors and one who does not,
 * and NOT_FOUND for another brand's order.
 */
withOrderWorld();

const FULL = `fragment Full on Order {
  id number kind status version note submittedAt total { amount currency } shippedTotal { amount currency }
  distributor { id name code } hospital { id name region { id name } } placedBy { id displayName }
  lines { id lineNo quantity shippedQuantity openQuantity unitPrice { amount currency } placedUnitPrice { amount } amount { amount }
    product { id code name kind productLine { id name } }
    adjustments { id createdAt reason fromUnitPrice { amount } toUnitPrice { amount } actor { id displayName } } }
  shipments { id number shippedOn carrier trackingNo reason reversed reversesId createdAt amount { amount currency }
    items { id orderLineId quantity batchNo serialNo udiPi expiryDate product { id code name } } }
  events { id action fromStatus toStatus reason createdAt actor { id displayName } }
}`;
const TREE = `query($id: ID!) { order(id: $id) { ...Full } } ${FULL}`;
const PAGE = `query($s: String!) { orders(first: 5, filter: { search: $s }) { nodes { ...Full } } } ${FULL}`;
const PER_FIELD = `query($s: String!) { globalSearch(text: $s) { orders { nodes { ...Full } } } } ${FULL}`;

/** An order with an adjusted price, two shipments (one reversed, with batch, UDI, expiry and serial items) and a timeline. */
async function seededOrder() {
  const order = await placed();
  const adjusted = await desk.request(
    `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { version } }`,
    {
      i: {
        orderId: order.id,
        lineId: order.lines[0].id,
        unitPrice: '75.50',
        reason: '集采价',
        expectedVersion: order.version,
      },
    },
  );
  const v = adjusted.data.adjustOrderLinePrice.version;
  expect((await desk.request(MOVE('approveOrder'), { id: order.id, v })).errors).toEqual([]);
  const [l1, l2] = order.lines;
  const items = [
    { orderLineId: l1.id, quantity: 4, batchNo: 'B1', udiPi: '(10)B1', expiryDate: addDays(today(), 400) },
    { orderLineId: l2.id, quantity: 1, serialNo: `SN-${randomUUID().slice(0, 8)}` },
  ];
  for (const i of [items, [{ orderLineId: l1.id, quantity: 2, batchNo: 'B2' }]]) {
    const shipped = await desk.request(SHIP, { i: { orderId: order.id, idempotencyKey: randomUUID(), items: i } });
    expect(shipped.errors).toEqual([]);
  }
  const [second] = await t.app.ds.query(
    `SELECT id FROM shipment WHERE order_id = $1 ORDER BY created_at DESC LIMIT 1`,
    [order.id],
  );
  const reversed = await desk.request(
    `mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "错发批号") { id } }`,
    {
      s: second.id,
    },
  );
  expect(reversed.errors).toEqual([]);
  return order;
}

async function bothWays(client: GqlClient, order: { id: string; number: string }, console = true) {
  const tree = await client.request(TREE, { id: order.id });
  const page = await client.request(PAGE, { s: order.number });
  expect([tree.errors, page.errors]).toEqual([[], []]);
  expect(page.data.orders.nodes).toHaveLength(1);
  expect(page.data.orders.nodes[0]).toEqual(tree.data.order);
  if (!console) return { tree: tree.data.order, perField: page.data.orders.nodes[0] };
  const perField = await client.request(PER_FIELD, { s: order.number });
  expect(perField.errors).toEqual([]);
  expect(perField.data.globalSearch.orders.nodes).toHaveLength(1);
  return { tree: tree.data.order, perField: perField.data.globalSearch.orders.nodes[0] };
}

test('the one-statement tree answers what the per-field loaders answer, whoever asks', async () => {
  const order = await seededOrder();
  for (const client of [desk, admin]) {
    const { tree, perField } = await bothWays(client, order);
    expect(tree).toEqual(perField);
  }
  // and the answer is the full one: not two equally empty trees
  const { tree: seen } = await bothWays(desk, order);
  expect(seen.lines[0]).toMatchObject({ unitPrice: { amount: '75.50', currency: 'CNY' }, shippedQuantity: 4 });
  expect(seen.lines[0].adjustments[0].actor.displayName).toBe('订单专员');
  expect(seen.lines[0].product.productLine.name).toBeTruthy();
  expect(seen.shipments.map((s: { reversed: boolean }) => s.reversed)).toEqual([false, true, false]);
  expect(seen.shipments[0].items.map((i: { product: { id: string } }) => i.product.id)).toHaveLength(2);
  expect(seen.shipments[0].items[0]).toMatchObject({ batchNo: 'B1', expiryDate: addDays(today(), 400) });
  expect(seen.events.map((e: { action: string }) => e.action)).toEqual([
    'PLACE',
    'ADJUST_PRICE',
    'APPROVE',
    'SHIP',
    'SHIP',
    'REVERSE_SHIPMENT',
  ]);
  expect(seen.events.every((e: { actor: unknown }) => e.actor !== null)).toBe(true);
  expect(seen.hospital.region.id).toBeTruthy();
  // a partner does not see the brand's people: those actors are null, its own owner is not
  const { tree: partner } = await bothWays(owner, order, false);
  expect(partner.events[0].actor).not.toBeNull();
  expect(partner.events.slice(1).map((e: { actor: unknown }) => e.actor)).toEqual([null, null, null, null, null]);
});

test('another brand’s order answers NOT_FOUND like a missing one, naming nothing', async () => {
  const other = await createBrand(t.app.ds, 1);
  const [placer] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [other.ownerEmail]);
  const [theirs] = await t.app.ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'STOCK', $4, 'SUBMITTED', 'CNY', '10.00', '0.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [other.brandId, other.distributorIds[0], `TREE${randomUUID().slice(0, 8)}`, placer.id],
  );
  await t.app.ds.query(
    `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, actor_id) VALUES ($1, $2, 'PLACE', NULL, 'SUBMITTED', $3)`,
    [other.brandId, theirs.id, placer.id],
  );
  for (const client of [desk, admin, owner]) {
    const hidden = await client.request(TREE, { id: theirs.id });
    const missing = await client.request(TREE, { id: randomUUID() });
    expect([codeOf(hidden), hidden.data?.order ?? null]).toEqual([ErrorCode.NOT_FOUND, null]);
    expect(hidden.errors[0].message).toBe(missing.errors[0].message);
    expect(JSON.stringify(hidden.errors)).not.toContain(theirs.id);
  }
  expect(codeOf(await owner.request(TREE, { id: 'not-a-uuid' }))).toBe(ErrorCode.NOT_FOUND);
});
