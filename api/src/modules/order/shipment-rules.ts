import { EntityManager } from 'typeorm';
import { ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { AppError, ErrorCode, badInput } from '../../common/errors';
import { Decimal } from '../../common/money';
import { Order, OrderLine } from './order.entity';
import { ShipmentItem } from './shipment.entity';
import { currentUnitPrices } from './order-desk.service';
import { RecordShipmentInput } from './order.inputs';

/** What a shipment may carry, checked before anything is written, and where it leaves its order. */

/** Quantities shipped so far per line, net of reversals. */
export async function shippedByLine(em: EntityManager, orderId: string): Promise<Map<string, number>> {
  const rows: Array<{ line: string; qty: number }> = await em.query(
    `SELECT si.order_line_id AS line, SUM(si.quantity)::int AS qty FROM shipment_item si
       JOIN shipment s ON s.id = si.shipment_id WHERE s.order_id = $1 GROUP BY si.order_line_id`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.line, r.qty]));
}

export type ItemFields = Pick<
  ShipmentItem,
  'orderLineId' | 'quantity' | 'batchNo' | 'serialNo' | 'udiPi' | 'expiryDate'
>;

/** The items as they are kept (and fingerprinted): blank texts as null. */
export const itemsOf = (input: RecordShipmentInput): ItemFields[] =>
  input.items.map((i) => ({
    orderLineId: i.orderLineId,
    quantity: i.quantity,
    batchNo: i.batchNo?.trim() || null,
    serialNo: i.serialNo?.trim() || null,
    udiPi: i.udiPi?.trim() || null,
    expiryDate: i.expiryDate ?? null,
  }));

export function refuseUnlessShippable(order: Order): void {
  if (![OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED].includes(order.status)) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `An order that is ${order.status} cannot ship`,
      undefined,
      ErrorReason.ILLEGAL_TRANSITION,
    );
  }
}

/**
 * The quantity asked per order line, once every item names a line of the order, a serial is one
 * unit entered once, no batch expired before the shipping day, and no line ships more than is open.
 */
export function askedByLine(
  lines: OrderLine[],
  shipped: Map<string, number>,
  items: ItemFields[],
  shippedOn: string,
): Map<string, number> {
  const lineById = new Map(lines.map((l) => [l.id, l]));
  const asked = new Map<string, number>();
  const serials = new Set<string>();
  items.forEach((item, i) => {
    const line = lineById.get(item.orderLineId);
    if (!line) throw badInput(`items.${i}.orderLineId`, 'That line is not on this order');
    if (item.serialNo) {
      if (item.quantity !== 1) throw badInput(`items.${i}.quantity`, 'A serial number identifies one unit: quantity 1');
      const key = `${line.productId}/${item.serialNo}`;
      if (serials.has(key)) throw badInput(`items.${i}.serialNo`, `Serial ${item.serialNo} is entered twice`);
      serials.add(key);
    }
    if (item.expiryDate && item.expiryDate < shippedOn)
      throw badInput(`items.${i}.expiryDate`, 'This batch expired before the shipping date');
    asked.set(line.id, (asked.get(line.id) ?? 0) + item.quantity);
  });
  for (const [lineId, qty] of asked) {
    const line = lineById.get(lineId)!;
    const open = line.quantity - (shipped.get(lineId) ?? 0);
    if (qty > open) {
      const i = items.findIndex((it) => it.orderLineId === lineId);
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `Line ${line.lineNo}: ${qty} to ship but only ${open} still open`,
        `items.${i}.quantity`,
        ErrorReason.OVER_SHIPMENT,
      );
    }
  }
  return asked;
}

/** The serial-numbered items, each with its index as sent and the product of its line (every line is the order's by now). */
export function serialUnits(
  lines: OrderLine[],
  items: ItemFields[],
): Array<{ index: number; productId: string; serialNo: string }> {
  const productOf = new Map(lines.map((l) => [l.id, l.productId]));
  return items.flatMap((it, index) =>
    it.serialNo ? [{ index, productId: productOf.get(it.orderLineId)!, serialNo: it.serialNo }] : [],
  );
}

/** What the items amount to at the prices their lines sell at now. */
export async function amountOf(em: EntityManager, order: Order, items: ItemFields[]): Promise<string> {
  const prices = await currentUnitPrices(em, order.id);
  return items
    .reduce((sum, it) => sum.plus(new Decimal(prices.get(it.orderLineId)!).times(it.quantity)), new Decimal(0))
    .toFixed(2);
}

/** Where the order stands by what has shipped: nothing, some, or all of every line. */
export function statusByShipped(lines: OrderLine[], shipped: Map<string, number>): OrderStatus {
  const total = lines.reduce((n, l) => n + (shipped.get(l.id) ?? 0), 0);
  if (total === 0) return OrderStatus.APPROVED;
  return lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity)
    ? OrderStatus.SHIPPED
    : OrderStatus.PARTIALLY_SHIPPED;
}
