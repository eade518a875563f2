import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

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
  const ds = t.app.ds;
  const brand = await createBrand(ds, 2);
  const cat = await createCatalog(ds, brand);
  await authorize(ds, brand, cat);
  const [dept] = await ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科') RETURNING id`,
    [brand.brandId, cat.hospitalInCity],
  );
  const tag = brand.adminEmail.slice('admin-'.length, 'admin-'.length + 8);
  const login = async (audience: Audience, email: string) => {
    const c = t.client(audience);
    await c.login(email);
    return c;
  };
  return {
    brand,
    cat,
    departmentId: dept.id,
    admin: await login(Audience.CONSOLE, brand.adminEmail),
    owner: await login(Audience.PORTAL, brand.ownerEmail),
    rep0: await login(Audience.PORTAL, `rep0-${tag}@test.demo`),
    rep1: await login(Audience.PORTAL, `rep1-${tag}@test.demo`),
  };
}

/** Every distributor of the brand authorized for the province (and so its cities' hospitals). */
async function authorize(ds: DataSource, brand: BrandFixture, cat: CatalogFixture): Promise<void> {
  for (const d of brand.distributorIds)
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.provinceId]],
    );
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

export const MOVEMENT = `id kind quantity batchNo serialNo expiryDate occurredOn distributorId distributorName productName hospitalName departmentName counterpartName reason reversesId reversed`;
export const RECORD = `mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { ${MOVEMENT} } }`;
export const RECEIVE = `mutation($s: ID!) { receiveShipment(shipmentId: $s) { ${MOVEMENT} } }`;
export const REVERSE = `mutation($id: ID!, $r: String!) { reverseStockMovement(id: $id, reason: $r) { ${MOVEMENT} } }`;
export const STOCK = `query($f: StockFilter, $n: Int = 50, $a: String) { channelStock(filter: $f, first: $n, after: $a) {
  totalCount pageInfo { hasNextPage endCursor } nodes { distributorId distributorName productId productName batchNo serialNo expiryDate quantity nearExpiry expired } } }`;
export const SELL_OUT = `query($f: SellOutFilter) { sellOut(filter: $f, first: 50) { totalCount nodes { hospitalId hospitalName regionName departmentName productName quantity } } }`;
