import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit, readOneTree } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Hospital } from '../hospital';
import { Product, ProductLine } from '../product';
import { User } from '../user';
import { Order, OrderEvent, OrderLine, OrderPriceAdjustment } from './order.entity';
import { Shipment, ShipmentItem } from './shipment.entity';

/**
 * One order with what its page shows, read in ONE statement: PostgreSQL builds the order, its
 * lines (with their products, adjustments and shipped quantities), shipments (with items) and
 * timeline (with who moved it) as one JSON tree, each part only when the request asks for it.
 * Every record in it passes the scope helper's own condition in that statement (the order its
 * `order` condition; products, users, the hospital and the distributor theirs, so one the viewer
 * may not see comes back null, as from its loader). The rows are turned back into the entities
 * the field resolvers know and primed into the request's DataLoaders, so those resolvers answer
 * from memory; what the tree does not cover (a hospital's region, a product's prices ...) still
 * goes through the loaders.
 */
export interface OrderTreeParts {
  distributor: boolean;
  hospital: boolean;
  placedBy: boolean;
  lines: boolean;
  product: boolean;
  productLine: boolean;
  adjustments: boolean;
  adjustmentActor: boolean;
  shipped: boolean;
  shipments: boolean;
  items: boolean;
  events: boolean;
  eventActor: boolean;
}

/** Which parts of the tree a request's selection under `order` needs. */
export function orderTreeParts(selection: Selection): OrderTreeParts {
  const line = selection.lines;
  const item = selection.shipments?.items;
  const products = [line?.product, item?.product];
  return {
    distributor: asks(selection, 'distributor'),
    hospital: asks(selection, 'hospital'),
    placedBy: asks(selection, 'placedBy'),
    // a shipment item's product is read through its order's lines
    lines: asks(selection, 'lines') || asks(item, 'product'),
    product: products.some((p) => p !== undefined),
    productLine: products.some((p) => asks(p, 'productLine')),
    adjustments: asks(line, 'unitPrice', 'amount', 'adjustments'),
    adjustmentActor: asks(line?.adjustments, 'actor'),
    shipped: asks(line, 'shippedQuantity', 'openQuantity'),
    shipments: asks(selection, 'shipments'),
    items: asks(selection.shipments, 'items'),
    events: asks(selection, 'events'),
    eventActor: asks(selection.events, 'actor'),
  };
}

interface LineJson {
  row: Json;
  product?: { row: Json; line?: Json | null } | null;
  shipped?: number;
  adjustments?: Array<{ row: Json; actor?: Json | null }>;
}
interface TreeJson {
  row: Json;
  distributor?: Json | null;
  hospital?: Json | null;
  placedBy?: Json | null;
  lines?: LineJson[];
  shipments?: Array<{ row: Json; items?: Json[] }>;
  events?: Array<{ row: Json; actor?: Json | null }>;
}

/**
 * One order's tree over purchase_order `o` (already in the viewer's scope), its `:named` parameters
 * and the reading back: for one order (readOrderTree) and for a page of them (OrderService.list).
 */
export function orderTreeNode(ds: DataSource, scope: Scope, parts: OrderTreeParts): PageTree<OrderTree> {
  const { params, inScope, row, list, fields, one, entity } = jsonTreeKit(ds, scope);
  const user = (id: string, a: string) => one(User, 'app_user', a, id, 'user');

  const product = fields([
    ['row', row(Product, 'p')],
    parts.productLine && ['line', one(ProductLine, 'product_line', 'pl', 'p.product_line_id', 'brand')],
  ]);
  const line = fields([
    ['row', row(OrderLine, 'l')],
    parts.product && [
      'product',
      `(SELECT ${product} FROM product p WHERE p.id = l.product_id AND ${inScope('brand', 'p')})`,
    ],
    parts.shipped && [
      'shipped',
      `(SELECT coalesce(sum(li.quantity), 0)::int FROM shipment_item li JOIN shipment ls ON ls.id = li.shipment_id WHERE li.order_line_id = l.id)`,
    ],
    parts.adjustments && [
      'adjustments',
      list(
        fields([['row', row(OrderPriceAdjustment, 'a')], parts.adjustmentActor && ['actor', user('a.actor_id', 'aa')]]),
        'order_price_adjustment a WHERE a.order_line_id = l.id',
        'a.created_at, a.id',
      ),
    ],
  ]);
  const shipment = fields([
    ['row', row(Shipment, 's')],
    parts.items && ['items', list(row(ShipmentItem, 'i'), 'shipment_item i WHERE i.shipment_id = s.id', 'i.item_no')],
  ]);
  const event = fields([['row', row(OrderEvent, 'e')], parts.eventActor && ['actor', user('e.actor_id', 'ea')]]);
  const tree = fields([
    ['row', row(Order, 'o')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'od', 'o.distributor_id', 'distributor')],
    parts.hospital && ['hospital', one(Hospital, 'hospital', 'oh', 'o.hospital_id', 'hospital')],
    parts.placedBy && ['placedBy', user('o.placed_by', 'ou')],
    parts.lines && ['lines', list(line, 'order_line l WHERE l.order_id = o.id', 'l.line_no')],
    parts.shipments && ['shipments', list(shipment, 'shipment s WHERE s.order_id = o.id', 's.created_at, s.number')],
    parts.events && ['events', list(event, 'order_event e WHERE e.order_id = o.id', 'e.created_at, e.id')],
  ]);
  return { node: tree, params, read: (json) => readTree(json as unknown as TreeJson) };

  function readTree(tree: TreeJson): OrderTree {
    return {
      order: fromJsonRow(ds, Order, tree.row),
      parts,
      distributor: entity(Distributor, tree.distributor),
      hospital: entity(Hospital, tree.hospital),
      placedBy: entity(User, tree.placedBy),
      lines:
        tree.lines?.map((l) => ({
          line: fromJsonRow(ds, OrderLine, l.row),
          product: entity(Product, l.product?.row),
          productLine: entity(ProductLine, l.product?.line),
          shipped: l.shipped,
          adjustments: l.adjustments?.map((a) => ({
            adjustment: fromJsonRow(ds, OrderPriceAdjustment, a.row),
            actor: entity(User, a.actor),
          })),
        })) ?? null,
      shipments:
        tree.shipments?.map((s) => ({
          shipment: fromJsonRow(ds, Shipment, s.row),
          items: s.items?.map((i) => fromJsonRow(ds, ShipmentItem, i)),
        })) ?? null,
      events:
        tree.events?.map((e) => ({ event: fromJsonRow(ds, OrderEvent, e.row), actor: entity(User, e.actor) })) ?? null,
    };
  }
}

/** One order's tree as entities: what readOrderTree (or a page of orders) read, ready for the loaders. */
export interface OrderTree {
  order: Order;
  parts: OrderTreeParts;
  distributor: Distributor | null;
  hospital: Hospital | null;
  placedBy: User | null;
  lines: Array<{
    line: OrderLine;
    product: Product | null;
    productLine: ProductLine | null;
    shipped: number | undefined;
    adjustments: Array<{ adjustment: OrderPriceAdjustment; actor: User | null }> | undefined;
  }> | null;
  shipments: Array<{ shipment: Shipment; items: ShipmentItem[] | undefined }> | null;
  events: Array<{ event: OrderEvent; actor: User | null }> | null;
}

/** Reads one order's tree in the viewer's scope; NOT_FOUND (a malformed id too) as OrderService.get does. */
export async function readOrderTree(
  ds: DataSource,
  scope: Scope,
  id: string,
  parts: OrderTreeParts,
): Promise<OrderTree> {
  const { node, params, read } = orderTreeNode(ds, scope, parts);
  return readOneTree(
    ds,
    scope,
    {
      table: 'purchase_order',
      alias: 'o',
      resource: 'order',
      label: 'Order',
      id,
      node,
      params,
    },
    read,
  );
}

/**
 * Primes the request's loaders with a tree, so the field resolvers under the order answer from it;
 * a record the scope hid is primed as null, as its loader would answer. Returns the order.
 */
export function primeOrderTree(loaders: Loaders, tree: OrderTree): Order {
  const { order, parts } = tree;
  loaders.orderById.prime(order.id, order);
  if (parts.distributor) loaders.distributorById.prime(order.distributorId, tree.distributor);
  if (parts.hospital && order.hospitalId) loaders.hospitalById.prime(order.hospitalId, tree.hospital);
  if (parts.placedBy) loaders.userById.prime(order.placedBy, tree.placedBy);
  if (tree.lines) {
    for (const { line, product, productLine, shipped, adjustments } of tree.lines) {
      loaders.orderLineById.prime(line.id, line);
      if (parts.product) loaders.productById.prime(line.productId, product);
      if (parts.productLine && product) loaders.productLineById.prime(product.productLineId, productLine);
      if (shipped !== undefined) loaders.shippedQuantityByLineId.prime(line.id, shipped);
      if (adjustments) {
        loaders.adjustmentsByLineId.prime(
          line.id,
          adjustments.map((a) => a.adjustment),
        );
        if (parts.adjustmentActor) for (const a of adjustments) loaders.userById.prime(a.adjustment.actorId, a.actor);
      }
    }
    loaders.linesByOrderId.prime(
      order.id,
      tree.lines.map((l) => l.line),
    );
  }
  if (tree.shipments) {
    for (const { shipment, items } of tree.shipments) if (items) loaders.itemsByShipmentId.prime(shipment.id, items);
    loaders.shipmentsByOrderId.prime(
      order.id,
      tree.shipments.map((s) => s.shipment),
    );
  }
  if (tree.events) {
    if (parts.eventActor) for (const e of tree.events) loaders.userById.prime(e.event.actorId, e.actor);
    loaders.eventsByOrderId.prime(
      order.id,
      tree.events.map((e) => e.event),
    );
  }
  return order;
}
