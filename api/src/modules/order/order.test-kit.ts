import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import type { Config } from '../../config';
import { BrandFixture, CatalogFixture, createBrand, createCatalog, withDemoPassword } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/** A test brand's distributor placing orders through GraphQL, and the order desk working them: the setup and queries the order test files share. */

export let t: TestApp;
export let brand: BrandFixture;
export let cat: CatalogFixture;
export let admin: GqlClient;
export let owner: GqlClient;
export let desk: GqlClient;
export let distributorId: string;
export let deskEmail: string;

const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status version total { amount currency }
  lines { id lineNo quantity unitPrice { amount } amount { amount } openQuantity product { id } } } }`;
export const ORDER = `query($id: ID!) { order(id: $id) { id status version total { amount } shippedTotal { amount }
  lines { id lineNo quantity shippedQuantity openQuantity unitPrice { amount } adjustments { reason fromUnitPrice { amount } toUnitPrice { amount } } }
  shipments { id number amount { amount } reversesId reversed items { orderLineId quantity serialNo batchNo udiPi expiryDate product { id } } }
  events { action fromStatus toStatus reason } } }`;
export const MOVE = (name: string) =>
  `mutation($id: ID!, $v: Int!, $r: String${name === 'rejectOrder' ? '!' : ''}) { ${name}(id: $id, expectedVersion: $v, reason: $r) { id status version } }`;
export const SHIP = `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { id status version shippedTotal { amount } lines { id shippedQuantity openQuantity } } }`;

export async function userClient(email: string, audience: Audience) {
  const c = t.client(audience);
  await c.login(email);
  return c;
}

export const draft = (over: Record<string, unknown> = {}) => ({
  kind: 'HOSPITAL',
  hospitalId: cat.hospitalInCity,
  lines: [
    { productId: cat.productII, quantity: 10 },
    { productId: cat.productIII, quantity: 2 },
  ],
  ...over,
});

export async function place(client: GqlClient, over: Record<string, unknown> = {}, key = randomUUID()) {
  return client.request(PLACE, { i: { ...draft(over), idempotencyKey: key } });
}

export async function placed(over: Record<string, unknown> = {}) {
  const r = await place(owner, over);
  expect(r.errors).toEqual([]);
  return r.data.placeOrder as {
    id: string;
    number: string;
    status: string;
    version: number;
    lines: Array<{ id: string; quantity: number }>;
  };
}

export const fetchOrder = async (client: GqlClient, id: string) => {
  const r = await client.request(ORDER, { id });
  expect(r.errors).toEqual([]);
  return r.data.order;
};

/** Registers the file's setup and teardown: a test brand of its own, and the clients that act on it (an app with `config`'s settings). */
export function withOrderWorld(config: Partial<Config> = {}): void {
  beforeAll(async () => {
    t = await startTestApp(config);
    brand = await createBrand(t.app.ds, 6);
    cat = await createCatalog(t.app.ds, brand);
    distributorId = brand.distributorIds[0];
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [distributorId]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, distributorId, [cat.lineId], [cat.cityId], addDays(today(), -30), addDays(today(), 300)],
    );
    await t.app.ds.query(
      `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '80.00', $3)`,
      [brand.brandId, cat.productII, addDays(today(), -10)],
    );
    admin = await userClient(brand.adminEmail, Audience.CONSOLE);
    owner = await userClient(brand.ownerEmail, Audience.PORTAL);
    const [deskUser] = await t.app.ds.query(
      `INSERT INTO app_user (brand_id, email, display_name, side, role) SELECT brand_id, $2, '订单专员', 'BRAND', 'ORDER_DESK' FROM app_user WHERE email = $1 RETURNING email`,
      [brand.adminEmail, `desk-${randomUUID().slice(0, 8)}@test.demo`],
    );
    await withDemoPassword(t.app.ds, deskUser.email);
    // the order desk sees orders of the distributors in its regions
    await t.app.ds.query(
      `INSERT INTO user_region (brand_id, user_id, region_id) SELECT $1, u.id, r.id FROM app_user u, region r WHERE u.email = $2 AND r.brand_id = $1 AND r.level = 'PROVINCE'`,
      [brand.brandId, deskUser.email],
    );
    desk = await userClient(deskUser.email, Audience.CONSOLE);
    deskEmail = deskUser.email;
  });
  afterAll(() => t?.stop());
}
