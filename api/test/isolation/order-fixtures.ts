import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrderStatus, Side, sideOfRole } from '@medchannel/shared-schema';
import { SeedUser, USERS } from '../../src/db/seed/demo-data';
import { PRODUCTS } from '../../src/db/seed/catalog-data';
import { firstDistributor } from './fixtures';

/** Orders written straight to the database for the isolation matrix's tables (the order and finance modules' alike). */

/** A product each demo distributor can order (authorized, licensed for its class, within credit). */
const ORDERABLE: Record<string, string> = {
  'HK-KD': 'HK-CRP-50',
  'HK-NBRK': 'HK-US-200',
  'HK-HN': 'HK-PAD-50',
  'RG-RD': 'RG-BC-800',
};
export const orderableProduct = (user: SeedUser) => {
  const code = ORDERABLE[firstDistributor(user).code];
  return PRODUCTS.find((p) => (code ? p.code === code : p.brandId === user.brandId))!;
};

/**
 * An order of the persona's first distributor in the given state, written straight to the
 * database (a fixture, not the code under test). A partner persona placed it; for brand personas
 * one of the distributor's people did.
 */
export async function orderFor(
  ds: DataSource,
  user: SeedUser,
  status: OrderStatus,
  shipped = 0,
): Promise<{ id: string; version: number; lineId: string; shipmentId?: string }> {
  const d = firstDistributor(user);
  const placedBy =
    sideOfRole(user.role) === Side.PARTNER ? user.id : (USERS.find((x) => x.distributorCode === d.code) ?? user).id;
  const product = orderableProduct(user);
  const price = '100.00';
  const [order] = await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
     VALUES ($1, $2, $3, 'STOCK', $4, $5, 'CNY', '500.00', $6, gen_random_uuid(), repeat('0', 64)) RETURNING id, version`,
    [d.brandId, d.id, `MX${randomUUID().slice(0, 12)}`, placedBy, status, (shipped * 100).toFixed(2)],
  );
  const [line] = await ds.query(
    `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, 5, $4, 'CNY') RETURNING id`,
    [d.brandId, order.id, product.id, price],
  );
  let shipmentId: string | undefined;
  if (shipped) {
    const [s] = await ds.query(
      `INSERT INTO shipment (brand_id, order_id, distributor_id, number, shipped_on, amount, currency, idempotency_key, request_hash, created_by)
       VALUES ($1, $2, $3, $4, CURRENT_DATE, $5, 'CNY', gen_random_uuid(), repeat('0', 64), $6) RETURNING id`,
      [d.brandId, order.id, d.id, `MXS${randomUUID().slice(0, 12)}`, (shipped * 100).toFixed(2), user.id],
    );
    await ds.query(
      `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, batch_no) VALUES ($1, $2, $3, 1, $4, 'MX')`,
      [d.brandId, s.id, line.id, shipped],
    );
    shipmentId = s.id;
  }
  return { id: order.id, version: order.version, lineId: line.id, shipmentId };
}
