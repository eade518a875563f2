import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/**
 * A brand of a test's own for an exit: D0 (first tier, its owner and rep0) exits with D2 (first
 * tier) as successor; D4 (first tier) exits later. Every distributor is authorized for the
 * province's line and buys product II at 80.00 (tier 1); D0 holds stock of two lots and owes 500.00.
 */
export interface ExitWorld {
  brand: BrandFixture;
  cat: CatalogFixture;
  departmentId: string;
  admin: GqlClient;
  owner: GqlClient;
  rep0: GqlClient;
  rep4: GqlClient;
}

export async function exitWorld(t: TestApp): Promise<ExitWorld> {
  const ds = t.app.ds;
  const brand = await createBrand(ds, 5);
  const cat = await createCatalog(ds, brand);
  for (const d of brand.distributorIds) {
    await ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to)
       VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d, [cat.lineId], [cat.provinceId], addDays(today(), -30), addDays(today(), 300)],
    );
    await ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [d]);
  }
  await ds.query(
    `INSERT INTO price_list_entry (brand_id, product_id, tier, price, effective_from) VALUES ($1, $2, 1, '80.00', $3)`,
    [brand.brandId, cat.productII, addDays(today(), -10)],
  );
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
    rep4: await login(Audience.PORTAL, `rep4-${tag}@test.demo`),
  };
}

/** Stock of D0 as if shipped and received: 5 units of batch B1 and the serial SN1 of product II. */
export async function stockOf(ds: TestApp['app']['ds'], w: ExitWorld, distributorId: string): Promise<void> {
  const [user] = await ds.query(`SELECT id FROM app_user WHERE distributor_id = $1 LIMIT 1`, [distributorId]);
  for (const lot of [
    { batch: 'B1', serial: '', quantity: 5 },
    { batch: '', serial: 'SN1', quantity: 1 },
  ]) {
    await ds.query(
      `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, quantity) VALUES ($1, $2, $3, $4, $5, $6)`,
      [w.brand.brandId, distributorId, w.cat.productII, lot.batch, lot.serial, lot.quantity],
    );
    await ds.query(
      `INSERT INTO stock_movement (brand_id, distributor_id, product_id, batch_no, serial_no, kind, quantity, occurred_on, reason, created_by)
       VALUES ($1, $2, $3, $4, $5, 'ADJUSTED', $6, CURRENT_DATE, 'fixture', $7)`,
      [w.brand.brandId, distributorId, w.cat.productII, lot.batch, lot.serial, lot.quantity, user.id],
    );
  }
}

/** What a distributor owes, as a receivable written straight to the ledger (a fixture). */
export async function owes(ds: TestApp['app']['ds'], brandId: string, distributorId: string, amount: string) {
  await ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
     VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', $3, 'CNY', CURRENT_DATE, CURRENT_DATE + 30, 'fixture', gen_random_uuid())`,
    [brandId, distributorId, amount],
  );
}

const PLAN = `id effectiveOn sellOutUntil reason authorizationsRevoked handedOverAt settledAt acknowledgedAt
  distributor { id name stage } successor { id name }
  steps { step done }
  orders { id number status total { amount } decision decisionReason }
  returns { id occurredOn amount { amount currency } creditId lines { lineNo productName batchNo serialNo quantity unitPrice { amount } amount { amount } } }
  handovers { kind recordId label }
  account { balance { amount } credited { amount } finalBalance { amount } }`;
export const START = `mutation($i: StartExitPlanInput!) { startExitPlan(input: $i) { ${PLAN} } }`;
export const GET = `query($id: ID!) { exitPlan(id: $id) { ${PLAN} } }`;
export const DECIDE = `mutation($i: DecideExitOrderInput!) { decideExitOrder(input: $i) { id orders { id status decision } } }`;
export const RETURN = `mutation($i: RecordExitReturnInput!) { recordExitReturn(input: $i) { ${PLAN} } }`;
export const HAND_OVER = `mutation($p: ID!) { handOverExit(planId: $p) { ${PLAN} } }`;
export const SETTLE = `mutation($p: ID!) { settleExit(planId: $p) { ${PLAN} } }`;
export const ACKNOWLEDGE = `mutation($p: ID!) { acknowledgeExit(planId: $p) { id acknowledgedAt steps { step done } } }`;
export const MINE = `{ myExitPlan { ${PLAN} } }`;
export const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status } }`;

export const orderInput = (w: ExitWorld) => ({
  kind: 'HOSPITAL',
  hospitalId: w.cat.hospitalInCity,
  lines: [{ productId: w.cat.productII, quantity: 2 }],
  idempotencyKey: randomUUID(),
});
