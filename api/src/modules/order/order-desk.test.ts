import { randomUUID } from 'node:crypto';
import { ErrorCode, ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import { MOVE, SHIP, desk, fetchOrder, owner, placed, t, withOrderWorld } from './order.test-kit';

/** After placing: the status machine, cancellations, price adjustments, shipments and their reversal. */
withOrderWorld();

describe('the status machine', () => {
  test('approve → ship part → ship the rest → deliver → close, with events, ledger entries and notifications', async () => {
    const order = await placed();
    const approved = await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version });
    expect(approved.errors).toEqual([]);
    expect(approved.data.approveOrder.status).toBe(OrderStatus.APPROVED);
    const [l1, l2] = order.lines;
    const ship1 = await desk.request(SHIP, {
      i: {
        orderId: order.id,
        idempotencyKey: randomUUID(),
        carrier: '顺丰',
        items: [
          {
            orderLineId: l1.id,
            quantity: 4,
            batchNo: 'B1',
            udiPi: '(10)B1(17)281231',
            expiryDate: addDays(today(), 400),
          },
          { orderLineId: l2.id, quantity: 1, serialNo: 'SN-0001' },
        ],
      },
    });
    expect(ship1.errors).toEqual([]);
    expect(ship1.data.recordShipment.status).toBe(OrderStatus.PARTIALLY_SHIPPED);
    expect(ship1.data.recordShipment.shippedTotal.amount).toBe('420.00');
    const over = await desk.request(SHIP, {
      i: { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: l1.id, quantity: 7 }] },
    });
    expect([codeOf(over), reasonOf(over)]).toEqual([ErrorCode.BAD_USER_INPUT, ErrorReason.OVER_SHIPMENT]);
    const sameSerial = await desk.request(SHIP, {
      i: {
        orderId: order.id,
        idempotencyKey: randomUUID(),
        items: [{ orderLineId: l2.id, quantity: 1, serialNo: 'SN-0001' }],
      },
    });
    expect(codeOf(sameSerial)).toBe(ErrorCode.BAD_USER_INPUT);
    const ship2 = await desk.request(SHIP, {
      i: {
        orderId: order.id,
        idempotencyKey: randomUUID(),
        items: [
          { orderLineId: l1.id, quantity: 6, batchNo: 'B2' },
          { orderLineId: l2.id, quantity: 1, serialNo: 'SN-0002' },
        ],
      },
    });
    expect(ship2.data.recordShipment.status).toBe(OrderStatus.SHIPPED);
    const ledger = await t.app.ds.query(
      `SELECT kind, amount FROM ledger_entry WHERE source_id IN (SELECT id FROM shipment WHERE order_id = $1) ORDER BY amount`,
      [order.id],
    );
    expect(ledger).toEqual([
      { kind: 'SHIPMENT_RECEIVABLE', amount: '420.00' },
      { kind: 'SHIPMENT_RECEIVABLE', amount: '580.00' },
    ]);
    const full = await fetchOrder(owner, order.id);
    const delivered = await owner.request(MOVE('confirmDelivery'), { id: order.id, v: full.version });
    expect(delivered.data.confirmDelivery.status).toBe(OrderStatus.DELIVERED);
    const closed = await desk.request(MOVE('closeOrder'), { id: order.id, v: delivered.data.confirmDelivery.version });
    expect(closed.data.closeOrder.status).toBe(OrderStatus.CLOSED);
    const final = await fetchOrder(owner, order.id);
    expect(final.events.map((e: { action: string }) => e.action)).toEqual([
      'PLACE',
      'APPROVE',
      'SHIP',
      'SHIP',
      'DELIVER',
      'CLOSE',
    ]);
    expect(final.shipments[0].items.map((i: { serialNo: string | null }) => i.serialNo)).toEqual([null, 'SN-0001']);
    const inbox = await owner.request(
      `{ unreadNotificationCount notifications(first: 10) { nodes { kind entityId params { name value } } } }`,
    );
    const mine = inbox.data.notifications.nodes
      .filter((n: { entityId: string }) => n.entityId === order.id)
      .map((n: { kind: string }) => n.kind);
    expect(mine).toEqual(['ORDER_SHIPPED', 'ORDER_SHIPPED', 'ORDER_APPROVED']);
  });

  test('illegal moves are coded errors and change nothing', async () => {
    const order = await placed();
    const shipEarly = await desk.request(SHIP, {
      i: { orderId: order.id, idempotencyKey: randomUUID(), items: [{ orderLineId: order.lines[0].id, quantity: 1 }] },
    });
    expect([codeOf(shipEarly), reasonOf(shipEarly)]).toEqual([ErrorCode.CONFLICT, ErrorReason.ILLEGAL_TRANSITION]);
    const deliver = await desk.request(MOVE('confirmDelivery'), { id: order.id, v: order.version });
    expect(reasonOf(deliver)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const noReason = await desk.request(MOVE('rejectOrder'), { id: order.id, v: order.version });
    expect(codeOf(noReason)).toBe(ErrorCode.BAD_USER_INPUT);
    const rejected = await desk.request(MOVE('rejectOrder'), { id: order.id, v: order.version, r: '价格不符' });
    expect(rejected.data.rejectOrder.status).toBe(OrderStatus.REJECTED);
    const approveRejected = await desk.request(MOVE('approveOrder'), {
      id: order.id,
      v: rejected.data.rejectOrder.version,
    });
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
    expect(r.errors).toEqual([]);
    expect(r.data.adjustOrderLinePrice.total.amount).toBe('955.00');
    expect(r.data.adjustOrderLinePrice.lines[0]).toEqual({
      unitPrice: { amount: '75.50' },
      placedUnitPrice: { amount: '80.00' },
    });
    const editLine = t.app.ds.query(`UPDATE order_line SET quantity = 1 WHERE id = $1`, [order.lines[0].id]);
    await expect(editLine).rejects.toThrow(/append-only/);
  });

  test('a shipment retried with its key ships once; a reversal takes it back with a ledger reversal', async () => {
    const order = await placed();
    const approved = (await desk.request(MOVE('approveOrder'), { id: order.id, v: order.version })).data.approveOrder;
    const input = {
      orderId: order.id,
      idempotencyKey: randomUUID(),
      items: [{ orderLineId: order.lines[0].id, quantity: 5 }],
    };
    const shipped = await Promise.all([1, 2, 3].map(() => desk.request(SHIP, { i: input })));
    expect(shipped.flatMap((r) => r.errors)).toEqual([]);
    const view = await fetchOrder(desk, order.id);
    expect(view.shipments).toHaveLength(1);
    expect(view.lines[0].shippedQuantity).toBe(5);
    expect(approved.status).toBe('APPROVED');
    const reversed = await desk.request(
      `mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "错发批号") { status shippedTotal { amount } } }`,
      { s: view.shipments[0].id },
    );
    expect(reversed.errors).toEqual([]);
    expect(reversed.data.reverseShipment).toEqual({ status: 'APPROVED', shippedTotal: { amount: '0.00' } });
    const again = await desk.request(
      `mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "重复") { status } }`,
      { s: view.shipments[0].id },
    );
    expect(codeOf(again)).toBe(ErrorCode.CONFLICT);
    const [{ balance }] = await t.app.ds.query(
      `SELECT SUM(amount)::text AS balance FROM ledger_entry WHERE source_id IN (SELECT id FROM shipment WHERE order_id = $1)`,
      [order.id],
    );
    expect(balance).toBe('0.00');
  });
});
