import { randomUUID } from 'node:crypto';
import { OrderStatus, Role, rolesFor } from '@medchannel/shared-schema';
import { SeedUser } from '../../db/seed/demo-data';
import { seedShipmentIdOf } from '../../db/seed/order-data';
import { orderFor, orderableProduct } from '../../../test/isolation/order-fixtures';
import { firstDistributor } from '../../../test/isolation/fixtures';
import { foreignDistributors, foreignHospitals, foreignOrders, foreignProducts } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

/** The orders' operations: catalog, orders, the order desk, shipments, credit. */

const ORDER_FIELDS = `id number kind status version note submittedAt total { amount currency } shippedTotal { amount }
  distributor { id name } hospital { id name } placedBy { id displayName } tender { id number } opportunity { id need }
  lines { id lineNo quantity shippedQuantity openQuantity unitPrice { amount } placedUnitPrice { amount } amount { amount } product { id name }
    adjustments { id reason actor { id displayName } fromUnitPrice { amount } toUnitPrice { amount } } }
  shipments { id number shippedOn carrier trackingNo reversesId reversed amount { amount } items { id orderLineId quantity batchNo serialNo udiPi expiryDate product { id name } } }
  events { id action fromStatus toStatus reason createdAt actor { id displayName } }`;

const move = (name: string, withReason = true) =>
  `mutation($id: ID!, $v: Int!) { ${name}(id: $id, expectedVersion: $v${withReason ? ', reason: "矩阵测试"' : ''}) { ${ORDER_FIELDS} } }`;

/** A move on the persona's own order in `from`, and the same move aimed at every order it may not see. */
function transition(
  name: string,
  allowed: readonly Role[],
  from: OrderStatus,
  opts: { shipped?: number; withReason?: boolean } = {},
): OperationCase {
  return {
    allowed,
    own: async ({ user, ds }) => {
      const o = await orderFor(ds, user, from, opts.shipped);
      return { query: move(name, opts.withReason ?? true), variables: { id: o.id, v: o.version } };
    },
    foreign: ({ user }) =>
      foreignOrders(user).map((o) => ({ query: move(name, opts.withReason ?? true), variables: { id: o.id, v: 1 } })),
    mutates: true,
  };
}

const draftFor = (user: SeedUser) => ({
  kind: 'STOCK',
  lines: [{ productId: orderableProduct(user).id, quantity: 1 }],
});

export const ORDER_OPERATIONS: Record<string, OperationCase> = {
  catalog: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `query($d: ID) { catalog(distributorId: $d, first: 50) { totalCount nodes { unitPrice { amount currency } product { id name code udiDi productLine { name } } } } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `query($d: ID) { catalog(distributorId: $d) { totalCount nodes { product { id } } } }`,
        variables: { d: d.id },
      })),
      ...foreignHospitals(user).map((h) => ({
        query: `query($d: ID, $h: ID) { catalog(distributorId: $d, hospitalId: $h) { totalCount nodes { product { id } } } }`,
        variables: { d: firstDistributor(user).id, h: h.id },
      })),
    ],
  },
  orders: {
    allowed: 'any',
    own: () => ({
      query: `{ orders(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ORDER_FIELDS} } } }`,
    }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `query($d: ID) { orders(first: 100, filter: { distributorId: $d }) { totalCount nodes { id number distributor { id } } } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  order: {
    allowed: 'any',
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
      variables: { id: (await orderFor(ds, user, OrderStatus.SUBMITTED)).id },
    }),
    foreign: ({ user }) =>
      foreignOrders(user).map((o) => ({
        query: `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`,
        variables: { id: o.id },
      })),
  },
  creditStatus: {
    allowed: rolesFor('order.readCredit'),
    own: ({ user }) => ({
      query: `query($d: ID) { creditStatus(distributorId: $d) { limit { amount } openOrders { amount } receivables { amount } available { amount currency } } }`,
      variables: { d: firstDistributor(user).id },
    }),
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `query($d: ID) { creditStatus(distributorId: $d) { limit { amount } } }`,
        variables: { d: d.id },
      })),
  },
  reviewOrder: {
    allowed: 'any',
    own: ({ user }) => ({
      query: `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed withinCredit total { amount } credit { available { amount } }
        lines { lineNo quantity product { id name } unitPrice { amount } amount { amount } findings { reason message } } } }`,
      variables: { i: { ...draftFor(user), distributorId: firstDistributor(user).id } },
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed } }`,
        variables: { i: { ...draftFor(user), distributorId: d.id } },
      })),
      ...foreignProducts(user).map((p) => ({
        query: `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed } }`,
        variables: {
          i: { kind: 'STOCK', distributorId: firstDistributor(user).id, lines: [{ productId: p.id, quantity: 1 }] },
        },
      })),
      ...foreignHospitals(user).map((h) => ({
        query: `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed } }`,
        variables: {
          i: { ...draftFor(user), kind: 'HOSPITAL', hospitalId: h.id, distributorId: firstDistributor(user).id },
        },
      })),
    ],
  },
  placeOrder: {
    allowed: rolesFor('order.place'),
    own: ({ user }) => ({
      query: `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { ${ORDER_FIELDS} } }`,
      variables: { i: { ...draftFor(user), idempotencyKey: randomUUID(), note: '矩阵备货' } },
    }),
    foreign: ({ user }) => [
      ...foreignDistributors(user).map((d) => ({
        query: `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
        variables: { i: { ...draftFor(user), distributorId: d.id, idempotencyKey: randomUUID() } },
      })),
      ...foreignProducts(user).map((p) => ({
        query: `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
        variables: { i: { kind: 'STOCK', lines: [{ productId: p.id, quantity: 1 }], idempotencyKey: randomUUID() } },
      })),
      ...foreignHospitals(user).map((h) => ({
        query: `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id } }`,
        variables: { i: { ...draftFor(user), kind: 'HOSPITAL', hospitalId: h.id, idempotencyKey: randomUUID() } },
      })),
    ],
    mutates: true,
  },
  approveOrder: transition('approveOrder', rolesFor('order.approve'), OrderStatus.SUBMITTED, { withReason: false }),
  rejectOrder: transition('rejectOrder', rolesFor('order.approve'), OrderStatus.SUBMITTED),
  cancelOrder: transition('cancelOrder', rolesFor('order.cancel'), OrderStatus.SUBMITTED),
  confirmDelivery: transition('confirmDelivery', rolesFor('order.confirmDelivery'), OrderStatus.SHIPPED, {
    shipped: 5,
    withReason: false,
  }),
  closeOrder: transition('closeOrder', rolesFor('order.close'), OrderStatus.DELIVERED, {
    shipped: 5,
    withReason: false,
  }),
  adjustOrderLinePrice: {
    allowed: rolesFor('order.approve'),
    own: async ({ user, ds }) => {
      const o = await orderFor(ds, user, OrderStatus.APPROVED);
      return {
        query: `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { ${ORDER_FIELDS} } }`,
        variables: {
          i: { orderId: o.id, lineId: o.lineId, unitPrice: '95.00', reason: '矩阵调价', expectedVersion: o.version },
        },
      };
    },
    foreign: ({ user }) =>
      foreignOrders(user).map((o) => ({
        query: `mutation($i: AdjustOrderLinePriceInput!) { adjustOrderLinePrice(input: $i) { id } }`,
        variables: { i: { orderId: o.id, lineId: o.id, unitPrice: '1.00', reason: '越界', expectedVersion: 1 } },
      })),
    mutates: true,
  },
  recordShipment: {
    allowed: rolesFor('order.ship'),
    own: async ({ user, ds }) => {
      const o = await orderFor(ds, user, OrderStatus.APPROVED);
      return {
        query: `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { ${ORDER_FIELDS} } }`,
        variables: {
          i: {
            orderId: o.id,
            idempotencyKey: randomUUID(),
            carrier: '顺丰',
            items: [{ orderLineId: o.lineId, quantity: 2, batchNo: 'MX1', udiPi: '(10)MX1' }],
          },
        },
      };
    },
    foreign: ({ user }) =>
      foreignOrders(user).map((o) => ({
        query: `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { id } }`,
        variables: { i: { orderId: o.id, idempotencyKey: randomUUID(), items: [{ orderLineId: o.id, quantity: 1 }] } },
      })),
    mutates: true,
  },
  reverseShipment: {
    allowed: rolesFor('order.ship'),
    own: async ({ user, ds }) => {
      const o = await orderFor(ds, user, OrderStatus.PARTIALLY_SHIPPED, 2);
      return {
        query: `mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "矩阵冲销") { ${ORDER_FIELDS} } }`,
        variables: { s: o.shipmentId },
      };
    },
    foreign: ({ user }) =>
      foreignOrders(user)
        .filter((o) => o.shippedSerials)
        .map((o) => ({
          query: `mutation($s: ID!) { reverseShipment(shipmentId: $s, reason: "越界") { id } }`,
          variables: { s: seedShipmentIdOf(o.id) },
        })),
    mutates: true,
  },
  setCreditLimit: {
    allowed: rolesFor('distributor.setCredit'),
    own: async ({ user, ds }) => {
      const d = firstDistributor(user);
      const [row] = await ds.query(`SELECT version, (credit_limit + 1)::text AS next FROM distributor WHERE id = $1`, [
        d.id,
      ]);
      return {
        query: `mutation($d: ID!, $v: Int!, $a: Decimal!) { setCreditLimit(distributorId: $d, expectedVersion: $v, amount: $a) { id creditLimit { amount currency } } }`,
        variables: { d: d.id, v: row.version, a: row.next },
      };
    },
    foreign: ({ user }) =>
      foreignDistributors(user).map((d) => ({
        query: `mutation($d: ID!) { setCreditLimit(distributorId: $d, expectedVersion: 1, amount: "1.00") { id } }`,
        variables: { d: d.id },
      })),
    mutates: true,
  },
};
