import { randomUUID } from 'node:crypto';
import { OrderStatus, rolesFor } from '@medchannel/shared-schema';
import type { SeedUser } from '../../db/seed/demo-data';
import { SEED_ORDERS, seedShipmentIdOf } from '../../db/seed/order-data';
import { firstDistributor, productOf } from '../../../test/isolation/fixtures';
import { orderFor } from '../../../test/isolation/order-fixtures';
import { OperationCase } from '../../../test/isolation/types';
import { expectedDistributors, foreignDistributors, foreignHospitals, foreignProducts } from '../../../test/personas';
import { SEED_STOCK } from './inventory.seed';

/** Channel inventory: stock, movements, sell-out, a scanned UDI, and the movements a distributor's people record. */

const MOVEMENT = `id kind quantity batchNo serialNo expiryDate occurredOn distributorId distributorName productName hospitalName departmentName counterpartName reversesId reversed`;
const RECORD = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { ${MOVEMENT} } }`;
const REVERSE = `mutation($id: ID!, $r: String!) { reverseStockMovement(id: $id, reason: $r) { ${MOVEMENT} } }`;
const RECEIVE = `mutation($s: ID!) { receiveShipment(shipmentId: $s) { ${MOVEMENT} } }`;

/** A few distributors out of the persona's sight (of its own brand first). */
const someForeign = (user: SeedUser) =>
  foreignDistributors(user)
    .sort((a, b) => Number(b.brandId === user.brandId) - Number(a.brandId === user.brandId))
    .slice(0, 3);

/** An adjustment into a fresh batch of the persona's own distributor: a movement that needs no stock. */
const adjustment = (user: SeedUser, extra: Record<string, unknown> = {}) => ({
  kind: 'ADJUSTED',
  productId: productOf(user).id,
  batchNo: `MX-${randomUUID().slice(0, 8)}`,
  quantity: 3,
  occurredOn: '2026-01-05',
  reason: '矩阵调整',
  idempotencyKey: randomUUID(),
  ...extra,
});

export const INVENTORY_OPERATIONS: Record<string, OperationCase> = {
  channelStock: {
    allowed: rolesFor('stock.read'),
    own: () => ({
      query: `{ channelStock(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { distributorId distributorName productName batchNo serialNo expiryDate quantity nearExpiry expired } } }`,
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID) { channelStock(first: 50, filter: { distributorId: $d, asOf: "2030-01-01" }) { totalCount nodes { distributorName batchNo quantity } } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  stockMovements: {
    allowed: rolesFor('stock.read'),
    own: () => ({
      query: `{ stockMovements(first: 50) { totalCount pageInfo { hasNextPage endCursor } nodes { ${MOVEMENT} } } }`,
    }),
    foreign: ({ user }) =>
      someForeign(user).map((d) => ({
        query: `query($d: ID) { stockMovements(first: 50, filter: { distributorId: $d }) { totalCount nodes { ${MOVEMENT} } } }`,
        variables: { d: d.id },
        expect: 'LISTED' as const,
      })),
  },
  sellOut: {
    allowed: rolesFor('stock.read'),
    own: () => ({
      query: `{ sellOut(first: 50) { totalCount pageInfo { hasNextPage } nodes { hospitalId hospitalName regionName departmentId departmentName productId productName quantity } } }`,
    }),
    foreign: ({ user }) =>
      foreignHospitals(user)
        .slice(0, 3)
        .map((h) => ({
          query: `query($h: ID) { sellOut(first: 50, filter: { hospitalId: $h }) { totalCount nodes { hospitalName departmentName quantity } } }`,
          variables: { h: h.id },
          expect: 'LISTED' as const,
        })),
  },
  scanUdi: {
    allowed: rolesFor('stock.record'),
    own: ({ user }) => ({
      query: `query($c: String!) { scanUdi(code: $c) { gtin batchNo serialNo expiryDate onHand product { id name } } }`,
      variables: { c: `(01)${productOf(user).udiDi}(17)271231(10)${SEED_STOCK.batch}` },
    }),
    foreign: ({ user }) =>
      foreignProducts(user)
        .slice(0, 2)
        .map((p) => ({
          query: `query($c: String!) { scanUdi(code: $c) { gtin onHand product { id name } } }`,
          variables: { c: `(01)${p.udiDi}(10)X1` },
          expect: 'LISTED' as const,
        })),
  },
  receiveShipment: {
    allowed: rolesFor('stock.record'),
    own: async ({ user, ds }) => ({
      query: RECEIVE,
      variables: { s: (await orderFor(ds, user, OrderStatus.PARTIALLY_SHIPPED, 2)).shipmentId },
    }),
    foreign: ({ user }) => {
      const mine = new Set(expectedDistributors(user).map((d) => d.code));
      return SEED_ORDERS.filter((o) => o.shippedSerials && !mine.has(o.distributorCode)).map((o) => ({
        query: RECEIVE,
        variables: { s: seedShipmentIdOf(o.id) },
      }));
    },
    mutates: true,
  },
  recordStockMovement: {
    allowed: rolesFor('stock.record'),
    own: ({ user }) => ({ query: RECORD, variables: { i: adjustment(user) } }),
    foreign: ({ user }) => [
      ...someForeign(user).map((d) => ({ query: RECORD, variables: { i: adjustment(user, { distributorId: d.id }) } })),
      ...foreignHospitals(user)
        .slice(0, 2)
        .map((h) => ({
          query: RECORD,
          variables: {
            i: adjustment(user, {
              kind: 'SOLD_OUT',
              quantity: 1,
              reason: null,
              hospitalId: h.id,
              batchNo: SEED_STOCK.batch,
            }),
          },
        })),
    ],
    mutates: true,
  },
  reverseStockMovement: {
    allowed: rolesFor('stock.record'),
    own: async ({ user, ds }) => {
      const [m] = await ds.query(
        `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, quantity)
         VALUES ($1, $2, $3, $4, '', 2) RETURNING batch_no`,
        [user.brandId, firstDistributor(user).id, productOf(user).id, `MR-${randomUUID().slice(0, 8)}`],
      );
      const [moved] = await ds.query(
        `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, kind, quantity, occurred_on, reason, created_by)
         VALUES ($1, $2, $3, $4, 'ADJUSTED', 2, '2026-01-05', '矩阵', $5) RETURNING id`,
        [user.brandId, firstDistributor(user).id, productOf(user).id, m.batch_no, user.id],
      );
      return { query: REVERSE, variables: { id: moved.id, r: '矩阵冲销' } };
    },
    foreign: async ({ user, ds }) => {
      const ids = someForeign(user).map((d) => d.id);
      const rows: Array<{ id: string }> = await ds.query(
        `SELECT id FROM stock_movement WHERE distributor_id = ANY($1) AND kind <> 'REVERSAL' ORDER BY created_at LIMIT 3`,
        [ids],
      );
      return rows.map((r) => ({ query: REVERSE, variables: { id: r.id, r: '越界' } }));
    },
    mutates: true,
  },
};
