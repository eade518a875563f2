import { DataSource, EntityManager } from 'typeorm';
import {
  type AuditAction,
  ErrorReason,
  NotificationKind,
  ORDER_TRANSITIONS,
  OrderStatus,
  OutboxEventType,
  Role,
  Side,
} from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { isUuid } from '../../common/ids';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { Decimal } from '../../common/money';
import { assertVersion } from '../../common/versioning';
import type { NotificationService } from '../notification';
import type { OutboxService } from '../outbox';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import type { OrderService } from './order.service';
import { AdjustOrderLinePriceInput, OrderTransitionArgs } from './order.inputs';

/** Who is told when an order moves: the rep who placed it and the distributor's owners. */
export async function orderAudience(em: EntityManager, order: Order): Promise<string[]> {
  const owners: Array<{ id: string }> = await em.query(
    `SELECT id FROM app_user WHERE brand_id = $1 AND distributor_id = $2 AND role = $3 AND disabled_at IS NULL`,
    [order.brandId, order.distributorId, Role.OWNER],
  );
  return [order.placedBy, ...owners.map((o) => o.id)];
}

/** The unit price a line sells at now: its last adjustment's, or the price it was placed at. */
export async function currentUnitPrices(em: EntityManager, orderId: string): Promise<Map<string, string>> {
  const rows: Array<{ id: string; price: string }> = await em.query(
    `SELECT l.id, COALESCE((SELECT a.to_unit_price FROM order_price_adjustment a WHERE a.order_line_id = l.id
        ORDER BY a.created_at DESC, a.id DESC LIMIT 1), l.unit_price)::text AS price
       FROM order_line l WHERE l.order_id = $1`,
    [orderId],
  );
  return new Map(rows.map((r) => [r.id, r.price]));
}

/**
 * The order's moves after it is placed: approve, reject, cancel, adjust a price, confirm delivery,
 * close. Each takes the order locked and at the version the user saw; an illegal move is a coded
 * error; every move leaves an event on the timeline and an audit row in the same transaction.
 */
export class OrderDeskService {
  constructor(
    private readonly ds: DataSource,
    private readonly orders: OrderService,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxService,
  ) {}

  /** The visible order, locked for a change, at the version the caller saw (when one is given). */
  async lock(scope: Scope, em: EntityManager, id: string, expectedVersion?: number): Promise<Order> {
    const [order] = await this.orders
      .scoped(scope, em)
      .andWhere('o.id = :id', { id })
      .setLock('pessimistic_write')
      .getMany();
    if (!order) throw notFound('Order');
    if (expectedVersion !== undefined) assertVersion(order, expectedVersion, 'order');
    return order;
  }

  /** Moves the order on, or refuses with ILLEGAL_TRANSITION; records the move. */
  async move(
    em: EntityManager,
    scope: Scope,
    order: Order,
    to: OrderStatus,
    action: AuditAction,
    reason: string | null,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    if (!ORDER_TRANSITIONS[order.status].includes(to)) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `An order that is ${order.status} cannot be moved to ${to}`,
        undefined,
        ErrorReason.ILLEGAL_TRANSITION,
      );
    }
    const from = order.status;
    order.status = to;
    await em.save(order);
    await em.insert(OrderEvent, {
      brandId: order.brandId,
      orderId: order.id,
      action,
      fromStatus: from,
      toStatus: to,
      reason,
      actorId: scope.userId,
    });
    await audit(em, scope, action, 'order', order.id, {
      status: { from, to },
      ...(reason ? { reason } : {}),
      ...extra,
    });
  }

  private async transition(
    scope: Scope,
    args: OrderTransitionArgs,
    to: OrderStatus,
    action: AuditAction,
    opts: {
      reasonRequired?: boolean;
      notify?: NotificationKind;
      event?: OutboxEventType;
      check?: (order: Order) => void;
    } = {},
  ): Promise<Order> {
    const reason = args.reason?.trim() || null;
    if (opts.reasonRequired && (!reason || reason.length < 2))
      throw badInput('reason', 'Say why, so the distributor knows');
    const id = await this.ds.transaction(async (em) => {
      const order = await this.lock(scope, em, args.id, args.expectedVersion);
      opts.check?.(order);
      await this.move(em, scope, order, to, action, reason);
      if (opts.notify) {
        await this.notifications.notify(em, {
          brandId: order.brandId,
          userIds: await orderAudience(em, order),
          kind: opts.notify,
          entity: 'order',
          entityId: order.id,
          params: { number: order.number, ...(reason ? { reason } : {}) },
        });
      }
      if (opts.event)
        await this.outbox.emit(em, order.brandId, opts.event, 'order', order.id, {
          number: order.number,
          status: order.status,
          total: order.total,
        });
      return order.id;
    });
    return this.orders.get(scope, id);
  }

  approve(scope: Scope, args: OrderTransitionArgs): Promise<Order> {
    return this.transition(scope, args, OrderStatus.APPROVED, 'APPROVE', {
      notify: NotificationKind.ORDER_APPROVED,
      event: OutboxEventType.ORDER_APPROVED,
    });
  }

  reject(scope: Scope, args: OrderTransitionArgs): Promise<Order> {
    return this.transition(scope, args, OrderStatus.REJECTED, 'REJECT', {
      reasonRequired: true,
      notify: NotificationKind.ORDER_REJECTED,
    });
  }

  /** The distributor may cancel until the order is approved; the brand until something ships. */
  cancel(scope: Scope, args: OrderTransitionArgs): Promise<Order> {
    const partner = scope.side === Side.PARTNER;
    return this.transition(scope, args, OrderStatus.CANCELLED, 'CANCEL', {
      reasonRequired: !partner,
      notify: partner ? undefined : NotificationKind.ORDER_CANCELLED,
      check: (order) => {
        if (partner && order.status !== OrderStatus.SUBMITTED) {
          throw new AppError(
            ErrorCode.CONFLICT,
            'The order is approved already; ask the order desk to cancel it',
            undefined,
            ErrorReason.ILLEGAL_TRANSITION,
          );
        }
      },
    });
  }

  /** The goods reached the hospital (or the warehouse): said by the order desk or the distributor. */
  confirmDelivery(scope: Scope, args: OrderTransitionArgs): Promise<Order> {
    return this.transition(scope, args, OrderStatus.DELIVERED, 'DELIVER');
  }

  close(scope: Scope, args: OrderTransitionArgs): Promise<Order> {
    return this.transition(scope, args, OrderStatus.CLOSED, 'CLOSE');
  }

  /**
   * Changes a line's price before anything ships. The line itself is never edited: the change is
   * an adjustment row (from, to, why, who), and the order's total follows it.
   */
  async adjustPrice(scope: Scope, input: AdjustOrderLinePriceInput): Promise<Order> {
    const to = new Decimal(input.unitPrice);
    const id = await this.ds.transaction(async (em) => {
      const order = await this.lock(scope, em, input.orderId, input.expectedVersion);
      if (![OrderStatus.SUBMITTED, OrderStatus.APPROVED].includes(order.status)) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Prices can change only before anything ships; this order is ${order.status}`,
          undefined,
          ErrorReason.ILLEGAL_TRANSITION,
        );
      }
      const line = isUuid(input.lineId)
        ? await em.findOne(OrderLine, { where: { id: input.lineId, orderId: order.id } })
        : null;
      if (!line) throw notFound('Order line');
      const prices = await currentUnitPrices(em, order.id);
      const from = prices.get(line.id)!;
      if (to.eq(from)) throw badInput('unitPrice', 'That is the price already');
      await em.insert(OrderPriceAdjustment, {
        brandId: order.brandId,
        orderId: order.id,
        orderLineId: line.id,
        fromUnitPrice: from,
        toUnitPrice: to.toFixed(2),
        currency: line.currency,
        reason: input.reason.trim(),
        actorId: scope.userId,
      });
      const lines = await em.find(OrderLine, { where: { orderId: order.id } });
      prices.set(line.id, to.toFixed(2));
      const before = order.total;
      order.total = lines
        .reduce((sum, l) => sum.plus(new Decimal(prices.get(l.id)!).times(l.quantity)), new Decimal(0))
        .toFixed(2);
      await em.save(order);
      await em.insert(OrderEvent, {
        brandId: order.brandId,
        orderId: order.id,
        action: 'ADJUST_PRICE',
        fromStatus: order.status,
        toStatus: order.status,
        reason: input.reason.trim(),
        actorId: scope.userId,
      });
      await audit(em, scope, 'ADJUST_PRICE', 'order', order.id, {
        lineId: line.id,
        unitPrice: { from, to: to.toFixed(2) },
        total: { from: before, to: order.total },
        reason: input.reason.trim(),
      });
      return order.id;
    });
    return this.orders.get(scope, id);
  }
}
