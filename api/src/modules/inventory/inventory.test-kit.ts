import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, brandClients, provinceBrand } from '../../../test/factories';

/**
 * A brand of a test's own for channel inventory: D0 (first tier, the province) with its second tier
 * D1 (the city), both authorized for the province's hospitals; a laboratory at the city's hospital.
 */
export interface InventoryWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  departmentId: string;
  /** clients: the brand's admin (console), D0's owner, D0's rep, D1's rep (portal) */
  admin: GqlClient;
  owner: GqlClient;
  rep0: GqlClient;
  rep1: GqlClient;
}

export async function inventoryWorld(t: TestApp): Promise<InventoryWorld> {
  const { brand, cat, departmentId } = await provinceBrand(t.app.ds, 2);
  const {
    admin,
    owner,
    reps: [rep0, rep1],
  } = await brandClients(t, brand, [0, 1]);
  return { brand, cat, departmentId, admin, owner, rep0, rep1 };
}

/** A shipment of one order line to a distributor, written straight to the database (a fixture). */
export async function shipmentTo(
  ds: DataSource,
  brandId: string,
  distributorId: string,
  productId: string,
  items: Array<{ quantity: number; batchNo?: string; serialNo?: string; expiryDate?: string }>,
): Promise<string> {
  const [placer] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 LIMIT 1`, [distributorId]);
  const [order] = await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'STOCK', $4, 'PARTIALLY_SHIPPED', 'CNY', '100.00', '10.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
    [brandId, distributorId, `INV${randomUUID().slice(0, 12)}`, placer.id],
  );
  const [line] = await ds.query(
    `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, 100, '1.00', 'CNY') RETURNING id`,
    [brandId, order.id, productId],
  );
  const [s] = await ds.query(
    `INSERT INTO shipment (brand_id, order_id, distributor_id, number, shipped_on, amount, currency, idempotency_key, request_hash, created_by)
     VALUES ($1, $2, $3, $4, CURRENT_DATE, '10.00', 'CNY', gen_random_uuid(), repeat('0', 64), $5) RETURNING id`,
    [brandId, order.id, distributorId, `INVS${randomUUID().slice(0, 12)}`, placer.id],
  );
  for (const [n, i] of items.entries())
    await ds.query(
      `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, batch_no, serial_no, expiry_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [brandId, s.id, line.id, n + 1, i.quantity, i.batchNo ?? null, i.serialNo ?? null, i.expiryDate ?? null],
    );
  return s.id;
}

/**
 * A brand's monthly sell-out summaries as kept (non-zero rows) and the movements grouped the same
 * way: equal when the trigger did its work. `byDistributor`: sell_out_month; `byHospital`:
 * sell_out_hospital_month, a hospital's month as a brand-wide list counts it (pairs of department and
 * product whose units over every distributor are not zero, and their units); `lastSale`:
 * sell_out_hospital_last, each hospital's latest day of a SOLD_OUT movement, reversed or not.
 */
export async function sellOutMonthsOf(
  ds: DataSource,
  brandId: string,
): Promise<{ kept: Record<string, unknown[]>; summed: Record<string, unknown[]> }> {
  const key = `distributor_id, hospital_id, COALESCE(department_id::text, '') AS department, product_id`;
  const byDistributor = await ds.query(
    `SELECT ${key}, month::text AS month, sold FROM sell_out_month WHERE brand_id = $1 AND sold <> 0 ORDER BY 1, 2, 3, 4, 5`,
    [brandId],
  );
  const summedByDistributor = await ds.query(
    `SELECT ${key}, date_trunc('month', occurred_on)::date::text AS month, -SUM(quantity)::int AS sold
       FROM stock_movement WHERE brand_id = $1 AND hospital_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5 HAVING SUM(quantity) <> 0 ORDER BY 1, 2, 3, 4, 5`,
    [brandId],
  );
  const byHospital = await ds.query(
    `SELECT hospital_id, month::text AS month, rows, units FROM sell_out_hospital_month
      WHERE brand_id = $1 AND rows <> 0 ORDER BY 1, 2`,
    [brandId],
  );
  const summedByHospital = await ds.query(
    `SELECT hospital_id, month, COUNT(*)::int AS rows, SUM(sold)::int AS units
       FROM (SELECT hospital_id, date_trunc('month', occurred_on)::date::text AS month, -SUM(quantity)::int AS sold
               FROM stock_movement WHERE brand_id = $1 AND hospital_id IS NOT NULL
              GROUP BY hospital_id, department_id, product_id, 2 HAVING SUM(quantity) <> 0) g
      GROUP BY 1, 2 ORDER BY 1, 2`,
    [brandId],
  );
  const lastSale = await ds.query(
    `SELECT hospital_id, last_sold_on::text AS day FROM sell_out_hospital_last WHERE brand_id = $1 ORDER BY 1`,
    [brandId],
  );
  const summedLastSale = await ds.query(
    `SELECT hospital_id, MAX(occurred_on)::text AS day FROM stock_movement
      WHERE brand_id = $1 AND kind = 'SOLD_OUT' GROUP BY 1 ORDER BY 1`,
    [brandId],
  );
  return {
    kept: { byDistributor, byHospital, lastSale },
    summed: { byDistributor: summedByDistributor, byHospital: summedByHospital, lastSale: summedLastSale },
  };
}

export const MOVEMENT = `id kind quantity batchNo serialNo expiryDate occurredOn distributorId distributorName productName hospitalName departmentName counterpartName reason reversesId reversed`;
export const RECORD = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { ${MOVEMENT} } }`;
export const RECEIVE = `mutation($s: ID!) { receiveShipment(shipmentId: $s) { ${MOVEMENT} } }`;
export const REVERSE = `mutation($id: ID!, $r: String!) { reverseStockMovement(id: $id, reason: $r) { ${MOVEMENT} } }`;
export const STOCK = `query($f: StockFilter, $n: Int = 50, $a: String) { channelStock(filter: $f, first: $n, after: $a) {
  totalCount pageInfo { hasNextPage endCursor } nodes { distributorId distributorName productId productName batchNo serialNo expiryDate quantity nearExpiry expired } } }`;
export const SELL_OUT = `query($f: SellOutFilter) { sellOut(filter: $f, first: 50) { totalCount nodes { hospitalId hospitalName regionName departmentName productName quantity } } }`;
