import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';

/** A test brand whose distributor's goods have shipped, with its admin and owner signed in: the setup the finance test files share. */

export let t: TestApp;
export let brand: BrandFixture;
let cat: CatalogFixture;
export let admin: GqlClient;
export let owner: GqlClient;
export let d0: string;

/** Places, approves and fully ships a stock order of `quantity` × 100.00; returns the shipment id. */
export async function shipped(quantity: number): Promise<string> {
  const placed = await owner.request(
    `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id version lines { id } } }`,
    {
      i: { kind: 'STOCK', lines: [{ productId: cat.productII, quantity }], idempotencyKey: randomUUID() },
    },
  );
  const o = placed.data.placeOrder;
  await admin.request(`mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`, {
    id: o.id,
    v: o.version,
  });
  const s = await admin.request(
    `mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { shipments { id } } }`,
    {
      i: { orderId: o.id, idempotencyKey: randomUUID(), items: [{ orderLineId: o.lines[0].id, quantity }] },
    },
  );
  expect(s.errors).toEqual([]);
  return s.data.recordShipment.shipments[0].id;
}

export const ISSUE = `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id number status dueOn netAmount { amount } taxAmount { amount } grossAmount { amount } paidAmount { amount } } }`;
export const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id amount { amount } unallocated { amount } invoices { id number } } }`;

/** Registers the file's setup and teardown: a test brand of its own, and the clients that act on it. */
export function withFinanceWorld(): void {
  beforeAll(async () => {
    t = await startTestApp();
    brand = await createBrand(t.app.ds, 4);
    cat = await createCatalog(t.app.ds, brand);
    d0 = brand.distributorIds[0];
    await t.app.ds.query(
      `UPDATE distributor SET credit_limit = '10000000.00', payment_terms_days = 45 WHERE brand_id = $1`,
      [brand.brandId],
    );
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, $5, $6)`,
      [brand.brandId, d0, [cat.lineId], [cat.cityId], addDays(today(), -30), addDays(today(), 300)],
    );
    admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
    owner = t.client(Audience.PORTAL);
    await owner.login(brand.ownerEmail);
  });
  afterAll(() => t?.stop());
}

/**
 * The portal's statement screen: its `Statement` operation (portal-partner's statements.graphql with
 * web-shared's statement fragments), written out, for the SQL-count check and the tree's equality test.
 */
export const STATEMENT_SCREEN = `query($id: ID!) { statement(id: $id) { ...PartnerStatement } }
fragment PartnerStatement on Statement {
  id period version status createdAt confirmedAt
  openingBalance { amount currency } debits { amount currency } credits { amount currency } closingBalance { amount currency }
  distributor { id name code }
  lines { ...Line dispute { id status } }
  changes {
    previousVersion openingBalanceChange { amount currency } closingBalanceChange { amount currency }
    lines { change lineNo occurredOn kind memo previousAmount { amount currency } amount { amount currency } effect { amount currency } }
  }
  versions { id version status disputes { ...PartnerDispute } }
}
fragment PartnerDispute on StatementDispute {
  id statementLineId comment status resolution createdAt resolvedAt line { ...Line } attachments { id fileName url }
}
fragment Line on StatementLine { id lineNo occurredOn kind memo amount { amount currency } }`;
