import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';

/**
 * A test brand of three distributors: D0 (the owner's, in the province) with its second tier D1,
 * and D2 (another company). D0 is authorized for the line in the province (so the city's hospital
 * too); D2 for nothing. The hospital in the city has a lab (检验科).
 */
export const kit = {} as {
  t: TestApp;
  brand: BrandFixture;
  cat: CatalogFixture;
  admin: GqlClient;
  owner: GqlClient;
  departmentId: string;
  other: BrandFixture;
  otherAdmin: GqlClient;
  otherOwner: GqlClient;
};

export async function startKit(): Promise<void> {
  kit.t = await startTestApp();
  const ds = kit.t.app.ds;
  kit.brand = await createBrand(ds, 3);
  kit.cat = await createCatalog(ds, kit.brand);
  [{ id: kit.departmentId }] = await ds.query(
    `INSERT INTO hospital_department (brand_id, hospital_id, name) VALUES ($1, $2, '检验科') RETURNING id`,
    [kit.brand.brandId, kit.cat.hospitalInCity],
  );
  await ds.query(
    `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
     VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
    [kit.brand.brandId, kit.brand.distributorIds[0], [kit.cat.lineId], [kit.cat.provinceId]],
  );
  kit.admin = await client(kit.brand.adminEmail, Audience.CONSOLE);
  kit.owner = await client(kit.brand.ownerEmail, Audience.PORTAL);
  kit.other = await createBrand(ds, 1);
  kit.otherAdmin = await client(kit.other.adminEmail, Audience.CONSOLE);
  kit.otherOwner = await client(kit.other.ownerEmail, Audience.PORTAL);
}

async function client(email: string, audience: Audience): Promise<GqlClient> {
  const c = kit.t.client(audience);
  await c.login(email);
  return c;
}

const POTENTIAL = `id version beds yearlyVolume usagePerProcedure bedsPerEquipment equipmentLifeYears note
  consumables { amount currency } equipment { amount } total { amount } consumableUnitPrice { amount } equipmentUnitPrice { amount }
  department { id name } productLine { id name } history { version usagePerProcedure consumables { amount } }`;
const TARGET = `id year status version agreedAt distributor { id name } productLine { id }
  current { number kind share reason yearly { amount currency } quarters { amount } potential { amount } }
  versions { number kind reason yearly { amount } }
  progress { total { amount currency } attainment months { month amount { amount } } }`;

export const SET_POTENTIAL = `mutation($i: SetPotentialInput!) { setDepartmentPotential(input: $i) { ${POTENTIAL} } }`;
export const PROPOSE = `mutation($i: ProposeTargetInput!) { proposeTarget(input: $i) { ${TARGET} } }`;
export const COUNTER = `mutation($id: ID!, $i: CounterTargetInput!) { counterTarget(id: $id, input: $i) { ${TARGET} } }`;
export const ACCEPT = `mutation($id: ID!, $v: Int!) { acceptTarget(id: $id, expectedVersion: $v) { ${TARGET} } }`;
export const AGREE = `mutation($id: ID!, $v: Int!) { agreeTarget(id: $id, expectedVersion: $v) { ${TARGET} } }`;
export const TARGETS = `query($f: TargetFilter!) { salesTargets(filter: $f) { ${TARGET} } }`;

export const assumptions = (over: Record<string, unknown> = {}) => ({
  departmentId: kit.departmentId,
  productLineId: kit.cat.lineId,
  beds: 1234,
  yearlyVolume: 98765,
  usagePerProcedure: '0.3333',
  consumableUnitPrice: '12.34',
  bedsPerEquipment: 300,
  equipmentUnitPrice: '456789.01',
  equipmentLifeYears: 7,
  idempotencyKey: randomUUID(),
  ...over,
});

export const proposal = (over: Record<string, unknown> = {}) => ({
  distributorId: kit.brand.distributorIds[0],
  productLineId: kit.cat.lineId,
  year: 2030,
  share: '0.25',
  idempotencyKey: randomUUID(),
  ...over,
});

/** An order of a distributor submitted at a moment, one line of the kit's product at a price. */
export async function orderOf(
  distributorId: string,
  status: string,
  submittedAt: string,
  quantity: number,
  price: string,
  productId = kit.cat.productII,
): Promise<string> {
  const ds = kit.t.app.ds;
  const [placer] = await ds.query(`SELECT id FROM app_user WHERE brand_id = $1 AND role = 'ADMIN'`, [
    kit.brand.brandId,
  ]);
  const [order] = await ds.query(
    `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash, submitted_at)
     VALUES ($1, $2, $3, 'STOCK', $4, $5, 'CNY', '0.00', '0.00', gen_random_uuid(), repeat('0', 64), $6) RETURNING id`,
    [kit.brand.brandId, distributorId, `TG${randomUUID().slice(0, 12)}`, placer.id, status, submittedAt],
  );
  const [line] = await ds.query(
    `INSERT INTO order_line (brand_id, order_id, line_no, product_id, quantity, unit_price, currency) VALUES ($1, $2, 1, $3, $4, $5, 'CNY') RETURNING id`,
    [kit.brand.brandId, order.id, productId, quantity, price],
  );
  return line.id;
}
