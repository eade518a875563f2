import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, LedgerEntryKind, NotificationKind, OrderStatus, OutboxEventType } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { addDays, today } from '../../common/dates';
import type { ComplianceService } from '../compliance/compliance.service';
import type { LedgerService } from '../ledger/ledger.service';
import type { NotificationService } from '../notification/notification.service';
import type { OutboxService } from '../outbox/outbox.service';
import { Order, OrderLine } from './order.entity';
import { Shipment, ShipmentItem } from './shipment.entity';
import type { OrderService } from './order.service';
import { OrderDeskService, currentUnitPrices, orderAudience } from './order-desk.service';
import { fingerprint, isUniqueViolation } from './order.service';
import { RecordShipmentInput, ReverseShipmentArgs } from './order.inputs';

const SHIPMENT_SOURCE = 'shipment';

/** Quantities shipped so far per line, net of reversals. */
async function shippedByLine(em: EntityManager, orderId: string): Promise<Map<string, number>> {
  const rows: Array<{ line: string; qty: number }> = await em.query(
    `SELECT si.order_line_id AS line, SUM(si.quantity)::int AS qty FROM shipment_item si
       JOIN shipment s ON s.id = si.shipment_id WHERE s.order_id = $1 GROUP BY si.order_line_id`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.line, r.qty]));
}

/** Where the order stands by what has shipped: nothing, some, or all of every line. */
function statusByShipped(lines: OrderLine[], shipped: Map<string, number>): OrderStatus {
  const total = lines.reduce((n, l) => n + (shipped.get(l.id) ?? 0), 0);
  if (total === 0) return OrderStatus.APPROVED;
  return lines.every((l) => (shipped.get(l.id) ?? 0) >= l.quantity) ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
}

/**
 * Shipments (partial allowed) with batch, serial, UDI-PI and expiry per item. A shipment is a
 * fact: it posts its receivable to the ledger in the same transaction, and a mistake is undone by
 * a reversal shipment (negated items, a REVERSAL ledger entry), never by an edit.
 */
export class ShipmentService {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: OrderService,
    private readonly desk: OrderDeskService,
    private readonly compliance: ComplianceService,
    private readonly ledger: LedgerService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
  ) {}

  private visible(scope: Scope, column: string) {
    return this.orders.ofVisibleOrders(scope, column);
  }

  byOrderIds(scope: Scope, orderIds: readonly string[]): Promise<Shipment[]> {
    const v = this.visible(scope, 's.order_id');
    return this.ds.getRepository(Shipment).createQueryBuilder('s')
      .where('s.order_id = ANY(:orderIds)', { orderIds }).andWhere(v.sql, v.params)
      .orderBy('s.created_at').addOrderBy('s.number').getMany();
  }

  itemsByShipmentIds(scope: Scope, shipmentIds: readonly string[]): Promise<ShipmentItem[]> {
    const v = this.visible(scope, 'vs.order_id');
    return this.ds.getRepository(ShipmentItem).createQueryBuilder('i')
      .where('i.shipment_id = ANY(:shipmentIds)', { shipmentIds })
      .andWhere(`i.shipment_id IN (SELECT vs.id FROM shipment vs WHERE ${v.sql})`, v.params)
      .orderBy('i.shipment_id').addOrderBy('i.item_no').getMany();
  }

  /** Shipped quantity per order line (net of reversals), for the lines the viewer may see. */
  async shippedByLineIds(scope: Scope, lineIds: readonly string[]): Promise<Map<string, number>> {
    const v = this.visible(scope, 's.order_id');
    const rows: Array<{ line: string; qty: number }> = await this.ds.getRepository(ShipmentItem).createQueryBuilder('i')
      .innerJoin(Shipment, 's', 's.id = i.shipment_id')
      .select('i.order_line_id', 'line').addSelect('SUM(i.quantity)::int', 'qty')
      .where('i.order_line_id = ANY(:lineIds)', { lineIds }).andWhere(v.sql, v.params)
      .groupBy('i.order_line_id').getRawMany();
    return new Map(rows.map((r) => [r.line, r.qty]));
  }

  async record(scope: Scope, input: RecordShipmentInput): Promise<Order> {
    const shippedOn = input.shippedOn ?? today();
    if (shippedOn > today()) throw badInput('shippedOn', 'A shipment cannot be dated in the future');
    const items = input.items.map((i) => ({
      orderLineId: i.orderLineId, quantity: i.quantity, batchNo: i.batchNo?.trim() || null, serialNo: i.serialNo?.trim() || null,
      udiPi: i.udiPi?.trim() || null, expiryDate: i.expiryDate ?? null,
    }));
    const hash = fingerprint({ orderId: input.orderId, shippedOn, carrier: input.carrier ?? null, trackingNo: input.trackingNo ?? null, items });
    try {
      await this.ds.transaction(async (em) => {
        const order = await this.desk.lock(scope, em, input.orderId);
        const earlier = await em.findOne(Shipment, { where: { createdBy: scope.userId, idempotencyKey: input.idempotencyKey } });
        if (earlier) return this.replayed(earlier, hash);
        if (![OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED].includes(order.status)) {
          throw new AppError(ErrorCode.CONFLICT, `An order that is ${order.status} cannot ship`, undefined, ErrorReason.ILLEGAL_TRANSITION);
        }
        const lines = await em.find(OrderLine, { where: { orderId: order.id } });
        const lineById = new Map(lines.map((l) => [l.id, l]));
        const shipped = await shippedByLine(em, order.id);
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
          if (item.expiryDate && item.expiryDate < shippedOn) throw badInput(`items.${i}.expiryDate`, 'This batch expired before the shipping date');
          asked.set(line.id, (asked.get(line.id) ?? 0) + item.quantity);
        });
        for (const [lineId, qty] of asked) {
          const line = lineById.get(lineId)!;
          const open = line.quantity - (shipped.get(lineId) ?? 0);
          if (qty > open) {
            const i = items.findIndex((it) => it.orderLineId === lineId);
            throw new AppError(ErrorCode.BAD_USER_INPUT, `Line ${line.lineNo}: ${qty} to ship but only ${open} still open`, `items.${i}.quantity`, ErrorReason.OVER_SHIPMENT);
          }
        }
        await this.refuseShippedSerials(em, order.brandId, items.flatMap((it, index) => (it.serialNo ? [{ index, productId: lineById.get(it.orderLineId)!.productId, serialNo: it.serialNo }] : [])));
        // Rule 2: a lapsed qualification blocks shipments too, not only new orders.
        const productIds = [...new Set([...asked.keys()].map((id) => lineById.get(id)!.productId))];
        const answers = await this.compliance.checkMany(order.brandId, { distributorId: order.distributorId, productIds, hospitalId: order.hospitalId, on: shippedOn }, em);
        // the same shape as placeOrder's refusal: every refused line, with its number and reasons
        const refused = lines.filter((l) => asked.has(l.id) && !answers.get(l.productId)!.allowed);
        if (refused.length) {
          throw new AppError(ErrorCode.BAD_USER_INPUT, refused.map((l) => `Line ${l.lineNo}: ${answers.get(l.productId)!.findings.map((f) => f.message).join('; ')}`).join(' | '), 'items', ErrorReason.NOT_COMPLIANT, {
            lines: refused.map((l) => ({ lineNo: l.lineNo, productId: l.productId, reasons: answers.get(l.productId)!.findings.map((f) => f.reason) })),
          });
        }
        const prices = await currentUnitPrices(em, order.id);
        const amount = items.reduce((sum, it) => sum.plus(new Decimal(prices.get(it.orderLineId)!).times(it.quantity)), new Decimal(0));
        const shipment = await this.insertShipment(em, scope, order, {
          shippedOn, carrier: input.carrier?.trim() || null, trackingNo: input.trackingNo?.trim() || null, amount: amount.toFixed(2),
          reversesId: null, reason: null, idempotencyKey: input.idempotencyKey, requestHash: hash,
        }, items);
        // the collection cycle starts now: the receivable gets its expected collection date (part 5)
        const [{ terms }] = await em.query(`SELECT payment_terms_days AS terms FROM distributor WHERE id = $1`, [order.distributorId]);
        await this.ledger.append(em, {
          brandId: order.brandId, distributorId: order.distributorId, kind: LedgerEntryKind.SHIPMENT_RECEIVABLE, amount: amount.toFixed(2),
          currency: order.currency, occurredOn: shippedOn, dueOn: addDays(shippedOn, terms), sourceType: SHIPMENT_SOURCE, sourceId: shipment.id,
          memo: `${order.number} / ${shipment.number}`, createdBy: scope.userId,
        });
        for (const [lineId, qty] of asked) shipped.set(lineId, (shipped.get(lineId) ?? 0) + qty);
        order.shippedTotal = new Decimal(order.shippedTotal).plus(amount).toFixed(2);
        await this.desk.move(em, scope, order, statusByShipped(lines, shipped), 'SHIP', null, { shipmentId: shipment.id, number: shipment.number, amount: amount.toFixed(2), items });
        await this.notifications.notify(em, {
          brandId: order.brandId, userIds: await orderAudience(em, order), kind: NotificationKind.ORDER_SHIPPED, entity: 'order', entityId: order.id,
          params: { number: order.number, shipment: shipment.number, status: order.status },
        });
        await this.outbox.emit(em, order.brandId, OutboxEventType.SHIPMENT_RECORDED, 'shipment', shipment.id, {
          number: shipment.number, orderNumber: order.number, shippedOn, amount: shipment.amount, currency: order.currency, items,
        });
      });
    } catch (err) {
      if (!isUniqueViolation(err, 'shipment_idempotency')) throw err;
      const earlier = await this.ds.manager.findOneOrFail(Shipment, { where: { createdBy: scope.userId, idempotencyKey: input.idempotencyKey } });
      this.replayed(earlier, hash);
    }
    return this.orders.get(scope, input.orderId);
  }

  private replayed(earlier: Shipment, hash: string): void {
    if (earlier.requestHash !== hash) {
      throw new AppError(ErrorCode.CONFLICT, `This request key was already used for shipment ${earlier.number} with different contents`, 'idempotencyKey', ErrorReason.IDEMPOTENCY_KEY_REUSED);
    }
  }

  /** A serial number is one unit: it cannot leave twice unless its earlier shipment was reversed. */
  private async refuseShippedSerials(em: EntityManager, brandId: string, units: Array<{ index: number; productId: string; serialNo: string }>): Promise<void> {
    if (!units.length) return;
    const rows: Array<{ serial_no: string }> = await em.query(
      `SELECT si.serial_no FROM shipment_item si JOIN order_line l ON l.id = si.order_line_id
        WHERE si.brand_id = $1 AND si.serial_no = ANY($2) AND l.product_id = ANY($3)
        GROUP BY si.serial_no, l.product_id HAVING SUM(si.quantity) > 0`,
      [brandId, units.map((u) => u.serialNo), units.map((u) => u.productId)],
    );
    if (rows.length) {
      // the field names the item as sent, so the form marks the right row
      const i = units.find((u) => u.serialNo === rows[0].serial_no)!.index;
      throw badInput(`items.${i}.serialNo`, `Serial ${rows.map((r) => r.serial_no).join(', ')} has shipped already`);
    }
  }

  private async insertShipment(
    em: EntityManager,
    scope: Scope,
    order: Order,
    fields: Pick<Shipment, 'shippedOn' | 'carrier' | 'trackingNo' | 'amount' | 'reversesId' | 'reason' | 'idempotencyKey' | 'requestHash'>,
    items: Array<Pick<ShipmentItem, 'orderLineId' | 'quantity' | 'batchNo' | 'serialNo' | 'udiPi' | 'expiryDate'>>,
  ): Promise<Shipment> {
    const [{ seq }] = await em.query(`SELECT nextval('shipment_number_seq')::text AS seq`);
    const shipment = await em.save(
      em.create(Shipment, {
        ...fields, brandId: order.brandId, orderId: order.id, distributorId: order.distributorId,
        number: `SH${fields.shippedOn.replaceAll('-', '')}${seq.padStart(8, '0')}`, currency: order.currency, createdBy: scope.userId,
      }),
    );
    await em.insert(ShipmentItem, items.map((i, n) => ({ ...i, itemNo: n + 1, brandId: order.brandId, shipmentId: shipment.id })));
    return shipment;
  }

  /**
   * Takes a wrong shipment back: a reversal shipment with every item negated, a REVERSAL ledger
   * entry, and the order's status recomputed. A shipment is reversed at most once.
   */
  async reverse(scope: Scope, args: ReverseShipmentArgs): Promise<Order> {
    const original = isUuid(args.shipmentId) ? (await this.byIdsInScope(scope, [args.shipmentId]))[0] : undefined;
    if (!original) throw notFound('Shipment');
    if (original.reversesId) throw badInput('shipmentId', 'This is a reversal itself');
    await this.ds.transaction(async (em) => {
      const order = await this.desk.lock(scope, em, original.orderId);
      if (await em.findOne(Shipment, { where: { reversesId: original.id } })) {
        throw new AppError(ErrorCode.CONFLICT, `Shipment ${original.number} has been reversed already`, 'shipmentId', ErrorReason.ILLEGAL_TRANSITION);
      }
      if (![OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED].includes(order.status)) {
        throw new AppError(ErrorCode.CONFLICT, `An order that is ${order.status} can no longer take a shipment back`, undefined, ErrorReason.ILLEGAL_TRANSITION);
      }
      const items = await em.find(ShipmentItem, { where: { shipmentId: original.id }, order: { itemNo: 'ASC' } });
      const reason = args.reason.trim();
      const key = randomUUID();
      const reversal = await this.insertShipment(em, scope, order, {
        shippedOn: today(), carrier: null, trackingNo: null, amount: new Decimal(original.amount).negated().toFixed(2),
        reversesId: original.id, reason, idempotencyKey: key, requestHash: fingerprint({ reverses: original.id }),
      }, items.map((i) => ({ orderLineId: i.orderLineId, quantity: -i.quantity, batchNo: i.batchNo, serialNo: i.serialNo, udiPi: i.udiPi, expiryDate: i.expiryDate })));
      const entry = await this.ledger.bySource(em, SHIPMENT_SOURCE, original.id);
      if (entry) await this.ledger.reverse(em, entry, { type: SHIPMENT_SOURCE, id: reversal.id }, scope.userId, `${order.number} / ${reversal.number}: ${reason}`);
      order.shippedTotal = new Decimal(order.shippedTotal).minus(original.amount).toFixed(2);
      const lines = await em.find(OrderLine, { where: { orderId: order.id } });
      await this.desk.move(em, scope, order, statusByShipped(lines, await shippedByLine(em, order.id)), 'REVERSE_SHIPMENT', reason, { shipmentId: original.id, reversalId: reversal.id });
    });
    return this.orders.get(scope, original.orderId);
  }

  private byIdsInScope(scope: Scope, ids: string[]): Promise<Shipment[]> {
    const v = this.visible(scope, 's.order_id');
    return this.ds.getRepository(Shipment).createQueryBuilder('s').where('s.id = ANY(:ids)', { ids }).andWhere(v.sql, v.params).getMany();
  }
}
