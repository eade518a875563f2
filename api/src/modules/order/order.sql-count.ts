import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import type { SqlCountTable } from '../../../test/sql-count-table';

const ORDER_TREE = `id number status total { amount } distributor { name } hospital { name } placedBy { displayName } tender { number } opportunity { need }
  lines { product { name productLine { name } } unitPrice { amount } amount { amount } shippedQuantity openQuantity adjustments { reason actor { displayName } } }
  shipments { number reversed amount { amount } items { serialNo product { name } } } events { action actor { displayName } }`;

/** Orders with lines, shipments and timelines, the portal's catalog, and the order flow's cost per line. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, ownerId }) => {
    // a page of orders, each with lines (one price-adjusted), a shipment with items, and a timeline;
    // and a notification per order for the owner
    const [line2] = await ds.query(`SELECT id FROM product WHERE brand_id = $1 AND code = 'SQLP1'`, [brand.brandId]);
    const [line1] = await ds.query(`SELECT id FROM product WHERE brand_id = $1 AND code = 'SQLP0'`, [brand.brandId]);
    for (let i = 0; i < 30; i++) {
      const [o] = await ds.query(
        `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
         VALUES ($1, $2, $3, 'STOCK', $4, 'PARTIALLY_SHIPPED', 'CNY', '50.00', '16.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
        [brand.brandId, brand.distributorIds[0], `SQLO${String(i).padStart(4, '0')}`, ownerId],
      );
      const lines = await ds.query(
        `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, 3, '8.00', 'CNY'), ($1, $2, 2, $4, 2, '9.00', 'CNY') RETURNING id`,
        [brand.brandId, o.id, line1.id, line2.id],
      );
      await ds.query(
        `INSERT INTO order_price_adjustment (brand_id, order_id, order_line_id, from_unit_price, to_unit_price, currency, reason, actor_id) VALUES ($1, $2, $3, '8.00', '7.50', 'CNY', '让利', $4)`,
        [brand.brandId, o.id, lines[0].id, ownerId],
      );
      await ds.query(
        `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, actor_id) VALUES ($1, $2, 'PLACE', NULL, 'SUBMITTED', $3), ($1, $2, 'SHIP', 'APPROVED', 'PARTIALLY_SHIPPED', $3)`,
        [brand.brandId, o.id, ownerId],
      );
      const [s] = await ds.query(
        `INSERT INTO shipment (brand_id, order_id, distributor_id, number, shipped_on, amount, currency, idempotency_key, request_hash, created_by)
         VALUES ($1, $2, $3, $4, CURRENT_DATE, '16.00', 'CNY', gen_random_uuid(), repeat('0', 64), $5) RETURNING id`,
        [brand.brandId, o.id, brand.distributorIds[0], `SQLS${i}`, ownerId],
      );
      await ds.query(
        `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, serial_no) VALUES ($1, $2, $3, 1, 1, $4), ($1, $2, $3, 2, 1, $5)`,
        [brand.brandId, s.id, lines[0].id, `SN${i}a`, `SN${i}b`],
      );
      await ds.query(
        `INSERT INTO notification (brand_id, user_id, kind, entity, entity_id, params) VALUES ($1, $2, 'ORDER_SHIPPED', 'order', $3, '{"number":"x"}')`,
        [brand.brandId, ownerId, o.id],
      );
    }
  },
  lists: [
    {
      name: 'orders with lines, shipments and timelines (order desk)',
      as: (brand) => brand.adminEmail,
      max: 2, // the session, then the page with every order's tree in one statement (order-tree.ts); 13 before
      query: `query($n: Int!) { orders(first: $n) { totalCount nodes { ${ORDER_TREE} } } }`,
    },
    {
      name: 'my orders (portal)',
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      max: 2,
      query: `query($n: Int!) { orders(first: $n) { totalCount nodes { ${ORDER_TREE} } } }`,
    },
    {
      name: 'the catalog (portal)',
      max: 2, // the session, then the page with each row's line, tier price and gate in one statement (catalog-page.ts); 6 before
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { catalog(first: $n) { totalCount nodes { unitPrice { amount } product { name productLine { name } } } } }`,
    },
  ],
  tests: {
    'reviewing, placing, approving, shipping and reading an order cost the same SQL for 2 lines as for 10': async ({
      t,
      brand,
    }) => {
      await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [
        brand.distributorIds[0],
      ]);
      const products: Array<{ id: string }> = await t.app.ds.query(
        `SELECT id FROM product WHERE brand_id = $1 AND code LIKE 'SQLP%' ORDER BY code LIMIT 10`,
        [brand.brandId],
      );
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const desk = t.client(Audience.CONSOLE);
      await desk.login(brand.adminEmail);
      const measure = async (n: number) => {
        const draft = { kind: 'STOCK', lines: products.slice(0, n).map((p) => ({ productId: p.id, quantity: 2 })) };
        const review = await owner.request(
          `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed lines { findings { reason } } } }`,
          { i: draft },
        );
        const placed = await owner.request(
          `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id version lines { id } } }`,
          { i: { ...draft, idempotencyKey: randomUUID() } },
        );
        const order = placed.data.placeOrder;
        const approved = await desk.request(
          `mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`,
          { id: order.id, v: order.version },
        );
        const shipped = await desk.request(
          `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { id status } }`,
          {
            i: {
              orderId: order.id,
              idempotencyKey: randomUUID(),
              items: order.lines.map((l: { id: string }, i: number) => ({
                orderLineId: l.id,
                quantity: 1,
                serialNo: `SQL-${n}-${i}-${randomUUID().slice(0, 6)}`,
              })),
            },
          },
        );
        const detail = await owner.request(`query($id: ID!) { order(id: $id) { ${ORDER_TREE} } }`, { id: order.id });
        const all = [review, placed, approved, shipped, detail];
        expect(all.flatMap((r) => r.errors)).toEqual([]);
        expect(review.data.reviewOrder.allowed).toBe(true);
        expect(shipped.data.recordShipment.status).toBe('PARTIALLY_SHIPPED');
        return all.map((r) => r.sqlCount);
      };
      const two = await measure(2);
      const ten = await measure(10);
      expect(ten).toEqual(two);
      // and each step stays within what it costs now (review, place, approve, ship, the order's whole tree: the session and one statement, order-tree.ts); approving
      // and shipping include the brand's and the distributor's group robots being looked up, as they are when the
      // owner keeps the robot channel of the default preferences (other tests of this file may have turned it off);
      // placing reads whether the distributor's exit plan has taken effect (one statement, the exit module)
      const budgets = [10, 24, 16, 32, 2];
      two.forEach((count, step) => expect(count).toBeLessThanOrEqual(budgets[step]));
    },
  },
};
