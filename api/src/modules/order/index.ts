import DataLoader from 'dataloader';
import type { Scope } from '../../auth/scope';
import { byId, groupedBy } from '../../common/loaders';
import { seedOrders } from '../../db/seed/order-data';
import { defineModule, type CoreServices, type ModuleCore } from '../module';
import type { ComplianceServices } from '../compliance';
import type { DistributorServices } from '../distributor';
import type { HospitalServices } from '../hospital';
import type { LedgerServices } from '../ledger';
import type { NotificationServices } from '../notification';
import type { OutboxServices } from '../outbox';
import type { ProductServices } from '../product';
import type { TrainingServices } from '../training';
import { CatalogService } from './catalog.service';
import { OrderMonth1772800000000 } from './1772800000000-OrderMonth';
import { OrderDeskService } from './order-desk.service';
import {
  OrderEventResolver,
  OrderLineResolver,
  OrderPriceAdjustmentResolver,
  ShipmentItemResolver,
  ShipmentResolver,
} from './order-parts.resolver';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import { OrderResolver } from './order.resolver';
import { orderRoutes } from './order.routes';
import { OrderService } from './order.service';
import { OrderPlacementService } from './order-placement.service';
import { Shipment, ShipmentItem } from './shipment.entity';
import { ShipmentService } from './shipment.service';

type Deps = DistributorServices &
  ProductServices &
  HospitalServices &
  ComplianceServices &
  LedgerServices &
  NotificationServices &
  OutboxServices &
  Pick<TrainingServices, 'certifications'>;

function orderServices({ ds }: ModuleCore, d: Deps) {
  const orders = new OrderService(ds);
  const orderPlacement = new OrderPlacementService(
    ds,
    orders,
    d.distributors,
    d.products,
    d.hospitals,
    d.compliance,
    d.ledger,
    d.outbox,
    d.certifications,
    d.notifications,
  );
  const orderDesk = new OrderDeskService(ds, orders, d.notifications, d.outbox);
  return {
    orders,
    orderPlacement,
    orderDesk,
    shipments: new ShipmentService(ds, orders, orderDesk, d.compliance, d.ledger, d.notifications, d.outbox),
    catalog: new CatalogService(ds),
  };
}
export type OrderServices = ReturnType<typeof orderServices>;
/** What the export route uses. */
export type OrderRouteServices = OrderServices & Deps & CoreServices;

function orderLoaders(services: OrderServices, scope: Scope) {
  const orderLineById = byId<OrderLine>((ids) => services.orders.linesByIds(scope, ids));
  return {
    orderById: byId<Order>((ids) => services.orders.byIds(scope, ids)),
    // an order's lines, read in scope, also answer the lines its shipment items name: not read twice
    linesByOrderId: groupedBy<OrderLine>(
      async (ids) => {
        const lines = await services.orders.linesByOrderIds(scope, ids);
        for (const line of lines) orderLineById.prime(line.id, line);
        return lines;
      },
      (l) => l.orderId,
    ),
    orderLineById,
    eventsByOrderId: groupedBy<OrderEvent>(
      (ids) => services.orders.eventsByOrderIds(scope, ids),
      (e) => e.orderId,
    ),
    adjustmentsByLineId: groupedBy<OrderPriceAdjustment>(
      (ids) => services.orders.adjustmentsByLineIds(scope, ids),
      (a) => a.orderLineId,
    ),
    shipmentsByOrderId: groupedBy<Shipment>(
      (ids) => services.shipments.byOrderIds(scope, ids),
      (s) => s.orderId,
    ),
    itemsByShipmentId: groupedBy<ShipmentItem>(
      (ids) => services.shipments.itemsByShipmentIds(scope, ids),
      (i) => i.shipmentId,
    ),
    shippedQuantityByLineId: new DataLoader<string, number>(async (ids) => {
      const shipped = await services.shipments.shippedByLineIds(scope, ids);
      return ids.map((id) => shipped.get(id) ?? 0);
    }),
  };
}

export const orderModule = defineModule({
  name: 'order',
  entities: () => [Order, OrderLine, OrderPriceAdjustment, OrderEvent, Shipment, ShipmentItem],
  migrations: () => [OrderMonth1772800000000],
  services: orderServices,
  loaders: orderLoaders,
  resolvers: () => [
    OrderResolver,
    OrderLineResolver,
    OrderPriceAdjustmentResolver,
    OrderEventResolver,
    ShipmentResolver,
    ShipmentItemResolver,
  ],
  routes: (services) => orderRoutes(services),
  seed: (em, cal) => seedOrders(em, cal),
});

// What other modules (and tests) may use from this one
export * from './credit';
export { OrderLineInput } from './order.inputs';
export * from './order.service';
export * from './order.types';
export * from './shipment.entity';
