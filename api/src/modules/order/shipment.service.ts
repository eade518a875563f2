import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ErrorReason,
  LedgerEntryKind,
  NotificationKind,
  OrderStatus,
  OutboxEventType,
} from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Decimal } from '../../common/money';
import { addDays, today } from '../../common/dates';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { ComplianceService } from '../compliance';
import type { LedgerService } from '../ledger';
import type { NotificationService } from '../notification';
import type { OutboxService } from '../outbox';
import { Order, OrderLine } from './order.entity';
import { Shipment, ShipmentItem } from './shipment.entity';
import type { OrderService } from './order.service';
import { OrderDeskService, orderAudience } from './order-desk.service';
import { RecordShipmentInput, ReverseShipmentArgs } from './order.inputs';
import {
  shippedByLine,
  ItemFields,
  itemsOf,
  refuseUnlessShippable,
  askedByLine,
  serialUnits,
  amountOf,
  statusByShipped,
} from './shipment-rules';

const SHIPMENT_SOURCE = 'shipment';

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
    return this.ds
      .getRepository(Shipment)
      .createQueryBuilder('s')
      .where('s.order_id = ANY(:orderIds)', { orderIds })
      .andWhere(v.sql, v.params)
      .orderBy('s.created_at')
      .addOrderBy('s.number')
      .getMany();
  }

  itemsByShipmentIds(scope: Scope, shipmentIds: readonly string[]): Promise<ShipmentItem[]> {
    const v = this.visible(scope, 'vs.order_id');
    return this.ds
      .getRepository(ShipmentItem)
      .createQueryBuilder('i')
      .where('i.shipment_id = ANY(:shipmentIds)', { shipmentIds })
      .andWhere(`i.shipment_id IN (SELECT vs.id FROM shipment vs WHERE ${v.sql})`, v.params)
      .orderBy('i.shipment_id')
      .addOrderBy('i.item_no')
      .getMany();
  }

  /** Shipped quantity per order line (net of reversals), for the lines the viewer may see. */
  async shippedByLineIds(scope: Scope, lineIds: readonly string[]): Promise<Map<string, number>> {
    const v = this.visible(scope, 's.order_id');
    const rows: Array<{ line: string; qty: number }> = await this.ds
      .getRepository(ShipmentItem)
      .createQueryBuilder('i')
      .innerJoin(Shipment, 's', 's.id = i.shipment_id')
      .select('i.order_line_id', 'line')
      .addSelect('SUM(i.quantity)::int', 'qty')
      .where('i.order_line_id = ANY(:lineIds)', { lineIds })
      .andWhere(v.sql, v.params)
      .groupBy('i.order_line_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.line, r.qty]));
  }

  /**
   * Records a shipment of an approved order, all in one transaction: the items are checked against
   * the order's open lines, serials and compliance on the shipping day; then the shipment is
   * written, its receivable posted, the order moved, and the people and systems told. A retry with
   * the same key changes nothing and answers the order as it stands.
   */
  async record(scope: Scope, input: RecordShipmentInput): Promise<Order> {
    const shippedOn = input.shippedOn ?? today();
    if (shippedOn > today()) throw badInput('shippedOn', 'A shipment cannot be dated in the future');
    const items = itemsOf(input);
    const write: IdempotentWrite<Shipment> = {
      hash: fingerprint({
        orderId: input.orderId,
        shippedOn,
        carrier: input.carrier ?? null,
        trackingNo: input.trackingNo ?? null,
        items,
      }),
      constraint: 'shipment_idempotency',
      earlier: (em) =>
        em.findOne(Shipment, { where: { createdBy: scope.userId, idempotencyKey: input.idempotencyKey } }),
      reused: (earlier) =>
        keyReused(`This request key was already used for shipment ${earlier.number} with different contents`),
    };
    await idempotent(this.ds, write, async (em) => {
      const order = await this.desk.lock(scope, em, input.orderId);
      return replayOrInsert(em, write, async () => {
        refuseUnlessShippable(order);
        const lines = await em.find(OrderLine, { where: { orderId: order.id } });
        const shipped = await shippedByLine(em, order.id);
        const asked = askedByLine(lines, shipped, items, shippedOn);
        await this.refuseShippedSerials(em, order.brandId, serialUnits(lines, items));
        await this.refuseUncompliant(em, scope, order, lines, asked, shippedOn);
        const amount = await amountOf(em, order, items);
        const shipment = await this.insertShipment(
          em,
          scope,
          order,
          {
            shippedOn,
            carrier: input.carrier?.trim() || null,
            trackingNo: input.trackingNo?.trim() || null,
            amount,
            reversesId: null,
            reason: null,
            idempotencyKey: input.idempotencyKey,
            requestHash: write.hash,
          },
          items,
        );
        await this.postReceivable(em, scope, order, shipment);
        await this.advanceOrder(em, scope, order, lines, shipped, asked, shipment, items);
        await this.announce(em, order, shipment, items);
        return shipment.id;
      });
    });
    return this.orders.get(scope, input.orderId);
  }

  /** Rule 2: a lapsed qualification blocks shipments too, not only new orders; refused in the shape of placeOrder's refusal. */
  private async refuseUncompliant(
    em: EntityManager,
    scope: Scope,
    order: Order,
    lines: OrderLine[],
    asked: Map<string, number>,
    shippedOn: string,
  ): Promise<void> {
    const shipping = lines.filter((l) => asked.has(l.id));
    const productIds = [...new Set(shipping.map((l) => l.productId))];
    const answers = await this.compliance.checkMany(
      scope,
      { distributorId: order.distributorId, productIds, hospitalId: order.hospitalId, on: shippedOn },
      em,
    );
    // every refused line, with its number and reasons
    const refused = shipping.filter((l) => !answers.get(l.productId)!.allowed);
    if (refused.length) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        refused
          .map(
            (l) =>
              `Line ${l.lineNo}: ${answers
                .get(l.productId)!
                .findings.map((f) => f.message)
                .join('; ')}`,
          )
          .join(' | '),
        'items',
        ErrorReason.NOT_COMPLIANT,
        {
          lines: refused.map((l) => ({
            lineNo: l.lineNo,
            productId: l.productId,
            reasons: answers.get(l.productId)!.findings.map((f) => f.reason),
          })),
        },
      );
    }
  }

  /** The collection cycle starts now: the receivable, with its expected collection date by the distributor's terms. */
  private async postReceivable(em: EntityManager, scope: Scope, order: Order, shipment: Shipment): Promise<void> {
    const [{ terms }] = await em.query(`SELECT payment_terms_days AS terms FROM distributor WHERE id = $1`, [
      order.distributorId,
    ]);
    await this.ledger.append(em, {
      brandId: order.brandId,
      distributorId: order.distributorId,
      kind: LedgerEntryKind.SHIPMENT_RECEIVABLE,
      amount: shipment.amount,
      currency: order.currency,
      occurredOn: shipment.shippedOn,
      dueOn: addDays(shipment.shippedOn, terms),
      sourceType: SHIPMENT_SOURCE,
      sourceId: shipment.id,
      memo: `${order.number} / ${shipment.number}`,
      createdBy: scope.userId,
    });
  }

  /** The order's shipped total and status (partially or wholly shipped) after this shipment, as an event on its timeline. */
  private async advanceOrder(
    em: EntityManager,
    scope: Scope,
    order: Order,
    lines: OrderLine[],
    shipped: Map<string, number>,
    asked: Map<string, number>,
    shipment: Shipment,
    items: ItemFields[],
  ): Promise<void> {
    for (const [lineId, qty] of asked) shipped.set(lineId, (shipped.get(lineId) ?? 0) + qty);
    order.shippedTotal = new Decimal(order.shippedTotal).plus(shipment.amount).toFixed(2);
    await this.desk.move(em, scope, order, statusByShipped(lines, shipped), 'SHIP', null, {
      shipmentId: shipment.id,
      number: shipment.number,
      amount: shipment.amount,
      items,
    });
  }

  /** The rep who placed the order and the distributor's owners are told; the ERP hears through the outbox. */
  private async announce(em: EntityManager, order: Order, shipment: Shipment, items: ItemFields[]): Promise<void> {
    await this.notifications.notify(em, {
      brandId: order.brandId,
      userIds: await orderAudience(em, order),
      kind: NotificationKind.ORDER_SHIPPED,
      entity: 'order',
      entityId: order.id,
      params: { number: order.number, shipment: shipment.number, status: order.status },
    });
    await this.outbox.emit(em, order.brandId, OutboxEventType.SHIPMENT_RECORDED, 'shipment', shipment.id, {
      number: shipment.number,
      orderNumber: order.number,
      shippedOn: shipment.shippedOn,
      amount: shipment.amount,
      currency: order.currency,
      items,
    });
  }

  /** A serial number is one unit: it cannot leave twice unless its earlier shipment was reversed. */
  private async refuseShippedSerials(
    em: EntityManager,
    brandId: string,
    units: Array<{ index: number; productId: string; serialNo: string }>,
  ): Promise<void> {
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
    fields: Pick<
      Shipment,
      'shippedOn' | 'carrier' | 'trackingNo' | 'amount' | 'reversesId' | 'reason' | 'idempotencyKey' | 'requestHash'
    >,
    items: ItemFields[],
  ): Promise<Shipment> {
    const [{ seq }] = await em.query(`SELECT nextval('shipment_number_seq')::text AS seq`);
    const shipment = await em.save(
      em.create(Shipment, {
        ...fields,
        brandId: order.brandId,
        orderId: order.id,
        distributorId: order.distributorId,
        number: `SH${fields.shippedOn.replaceAll('-', '')}${seq.padStart(8, '0')}`,
        currency: order.currency,
        createdBy: scope.userId,
      }),
    );
    await em.insert(
      ShipmentItem,
      items.map((i, n) => ({ ...i, itemNo: n + 1, brandId: order.brandId, shipmentId: shipment.id })),
    );
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
        throw new AppError(
          ErrorCode.CONFLICT,
          `Shipment ${original.number} has been reversed already`,
          'shipmentId',
          ErrorReason.ILLEGAL_TRANSITION,
        );
      }
      if (![OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED].includes(order.status)) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `An order that is ${order.status} can no longer take a shipment back`,
          undefined,
          ErrorReason.ILLEGAL_TRANSITION,
        );
      }
      const items = await em.find(ShipmentItem, { where: { shipmentId: original.id }, order: { itemNo: 'ASC' } });
      const reason = args.reason.trim();
      const key = randomUUID();
      const reversal = await this.insertShipment(
        em,
        scope,
        order,
        {
          shippedOn: today(),
          carrier: null,
          trackingNo: null,
          amount: new Decimal(original.amount).negated().toFixed(2),
          reversesId: original.id,
          reason,
          idempotencyKey: key,
          requestHash: fingerprint({ reverses: original.id }),
        },
        items.map((i) => ({
          orderLineId: i.orderLineId,
          quantity: -i.quantity,
          batchNo: i.batchNo,
          serialNo: i.serialNo,
          udiPi: i.udiPi,
          expiryDate: i.expiryDate,
        })),
      );
      const entry = await this.ledger.bySource(em, SHIPMENT_SOURCE, original.id);
      if (entry)
        await this.ledger.reverse(
          em,
          entry,
          { type: SHIPMENT_SOURCE, id: reversal.id },
          scope.userId,
          `${order.number} / ${reversal.number}: ${reason}`,
        );
      order.shippedTotal = new Decimal(order.shippedTotal).minus(original.amount).toFixed(2);
      const lines = await em.find(OrderLine, { where: { orderId: order.id } });
      await this.desk.move(
        em,
        scope,
        order,
        statusByShipped(lines, await shippedByLine(em, order.id)),
        'REVERSE_SHIPMENT',
        reason,
        { shipmentId: original.id, reversalId: reversal.id },
      );
    });
    return this.orders.get(scope, original.orderId);
  }

  private byIdsInScope(scope: Scope, ids: string[]): Promise<Shipment[]> {
    const v = this.visible(scope, 's.order_id');
    return this.ds
      .getRepository(Shipment)
      .createQueryBuilder('s')
      .where('s.id = ANY(:ids)', { ids })
      .andWhere(v.sql, v.params)
      .getMany();
  }
}
