import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { GqlContext, loadersOf } from '../../context';
import { Decimal } from '../../common/money';
import { MoneyType, ProductType, money } from '../product';
import { Product } from '../product';
import { UserType } from '../user';
import { User } from '../user';
import { OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import { Shipment, ShipmentItem } from './shipment.entity';
import { OrderEventType, OrderLineType, OrderPriceAdjustmentType, ShipmentItemType, ShipmentType } from './order.types';

/** The unit price a line sells at now: its last adjustment's, or the one it was placed at. */
async function currentPrice(line: OrderLine, ctx: GqlContext): Promise<string> {
  const adjustments = await loadersOf(ctx).adjustmentsByLineId.load(line.id);
  return adjustments.length ? adjustments[adjustments.length - 1].toUnitPrice : line.unitPrice;
}

@Resolver(() => OrderLineType)
export class OrderLineResolver {
  @FieldResolver(() => ProductType, { nullable: true })
  product(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<Product | null> {
    return loadersOf(ctx).productById.load(l.productId);
  }

  @FieldResolver(() => MoneyType, { description: 'The price it sells at now (after any adjustment)' })
  async unitPrice(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    return money(await currentPrice(l, ctx), l.currency);
  }

  @FieldResolver(() => MoneyType, { description: 'The price list’s price when the order was placed' })
  placedUnitPrice(@Root() l: OrderLine): MoneyType {
    return money(l.unitPrice, l.currency);
  }

  @FieldResolver(() => MoneyType)
  async amount(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<MoneyType> {
    return money(new Decimal(await currentPrice(l, ctx)).times(l.quantity), l.currency);
  }

  @FieldResolver(() => Int, { description: 'Shipped so far, net of reversals' })
  async shippedQuantity(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<number> {
    return loadersOf(ctx).shippedQuantityByLineId.load(l.id);
  }

  @FieldResolver(() => Int, { description: 'Still to ship' })
  async openQuantity(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<number> {
    return l.quantity - (await loadersOf(ctx).shippedQuantityByLineId.load(l.id));
  }

  @FieldResolver(() => [OrderPriceAdjustmentType])
  adjustments(@Root() l: OrderLine, @Ctx() ctx: GqlContext): Promise<OrderPriceAdjustment[]> {
    return loadersOf(ctx).adjustmentsByLineId.load(l.id);
  }
}

@Resolver(() => OrderPriceAdjustmentType)
export class OrderPriceAdjustmentResolver {
  @FieldResolver(() => MoneyType)
  fromUnitPrice(@Root() a: OrderPriceAdjustment): MoneyType {
    return money(a.fromUnitPrice, a.currency);
  }

  @FieldResolver(() => MoneyType)
  toUnitPrice(@Root() a: OrderPriceAdjustment): MoneyType {
    return money(a.toUnitPrice, a.currency);
  }

  @FieldResolver(() => UserType, { nullable: true, description: 'Who changed it, when the viewer may see them' })
  actor(@Root() a: OrderPriceAdjustment, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(a.actorId);
  }
}

@Resolver(() => OrderEventType)
export class OrderEventResolver {
  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'Who moved it, when the viewer may see them (a partner sees the brand as the brand)',
  })
  actor(@Root() e: OrderEvent, @Ctx() ctx: GqlContext): Promise<User | null> {
    return loadersOf(ctx).userById.load(e.actorId);
  }
}

@Resolver(() => ShipmentType)
export class ShipmentResolver {
  @FieldResolver(() => MoneyType, { description: 'Negative on a reversal' })
  amount(@Root() s: Shipment): MoneyType {
    return money(s.amount, s.currency);
  }

  @FieldResolver(() => [ShipmentItemType])
  async items(@Root() s: Shipment, @Ctx() ctx: GqlContext): Promise<ShipmentItem[]> {
    const items = await loadersOf(ctx).itemsByShipmentId.load(s.id);
    for (const item of items) orderOfItem.set(item, s.orderId);
    return items;
  }

  @FieldResolver(() => Boolean, { description: 'A later shipment has taken this one back' })
  async reversed(@Root() s: Shipment, @Ctx() ctx: GqlContext): Promise<boolean> {
    const siblings = await loadersOf(ctx).shipmentsByOrderId.load(s.orderId);
    return siblings.some((x) => x.reversesId === s.id);
  }
}

/** The order each shipment item read through its shipment belongs to (items carry only their line). */
const orderOfItem = new WeakMap<ShipmentItem, string>();

@Resolver(() => ShipmentItemType)
export class ShipmentItemResolver {
  @FieldResolver(() => ProductType, { nullable: true })
  async product(@Root() i: ShipmentItem, @Ctx() ctx: GqlContext): Promise<Product | null> {
    // through its order's lines (the batch the order's own lines field asked for), so the statements a page costs do
    // not depend on which of the two batches happened to be answered first
    const orderId = orderOfItem.get(i);
    const line = orderId
      ? (await loadersOf(ctx).linesByOrderId.load(orderId)).find((l) => l.id === i.orderLineId)
      : await loadersOf(ctx).orderLineById.load(i.orderLineId);
    return line ? loadersOf(ctx).productById.load(line.productId) : null;
  }
}
