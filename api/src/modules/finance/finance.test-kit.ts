import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { previousPeriod } from './statement-issue';

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

/**
 * Everything a statement answers, its lines, disputes and versions included: what the statement
 * tree and the statements list's page are compared on, field for field, with the per-field path.
 */
export const FULL = `fragment Full on Statement {
  id period version status createdAt confirmedAt
  openingBalance { amount currency } debits { amount currency } credits { amount currency } closingBalance { amount currency }
  distributor { id name code }
  lines { ...Line balanceAfter { amount } dispute { ...Dispute } }
  disputes { ...Dispute }
  changes {
    previousVersion openingBalanceChange { amount } closingBalanceChange { amount }
    lines { change lineNo occurredOn kind memo previousAmount { amount } amount { amount } effect { amount } }
  }
  versions { id version status createdAt confirmedAt closingBalance { amount } distributor { id name }
    lines { ...Line } disputes { ...Dispute } }
}
fragment Dispute on StatementDispute {
  id statementLineId comment status resolution createdAt resolvedAt
  raisedBy { id displayName } resolvedBy { id displayName }
  line { ...Line dispute { id comment } } attachments { id fileName url createdAt }
}
fragment Line on StatementLine { id lineNo occurredOn kind memo amount { amount currency } }`;
/** Version 1 of a month (two lines disputed, one with evidence; one adjusted, one rejected) and version 2 with a line disputed again. */
export async function disputedMonth() {
  const d = brand.distributorIds[0];
  const period = previousPeriod(today());
  await t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES
     ($1, $2, 'SHIPMENT_RECEIVABLE', '300.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货 A'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '200.00', 'CNY', $4, 'fixture', gen_random_uuid(), '发货 B'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '100.00', 'CNY', $5, 'fixture', gen_random_uuid(), '发货 C'),
     ($1, $2, 'SHIPMENT_RECEIVABLE', '40.00', 'CNY', $6, 'fixture', gen_random_uuid(), '上月')`,
    [brand.brandId, d, `${period}-05`, `${period}-12`, `${period}-20`, addDays(`${period}-01`, -3)],
  );
  const gen = await admin.request(
    `mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id lines { id } } }`,
    { d, p: period },
  );
  expect(gen.errors).toEqual([]);
  const v1 = gen.data.generateStatement;
  const dispute = (statementId: string, lines: Array<{ lineId: string; comment: string }>) =>
    owner.request(`mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { disputes { id } } }`, {
      i: { statementId, lines },
    });
  const disputed = await dispute(v1.id, [
    { lineId: v1.lines[0].id, comment: '发货 A 少了一箱' },
    { lineId: v1.lines[1].id, comment: '发货 B 未收到' },
  ]);
  expect(disputed.errors).toEqual([]);
  const [first, second] = disputed.data.disputeStatement.disputes;
  await t.app.ds.query(
    `INSERT INTO statement_dispute_attachment (brand_id, dispute_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
     SELECT brand_id, id, 'tree/' || id, '签收单.pdf', 'application/pdf', 10, repeat('a', 64), raised_by FROM statement_dispute WHERE id = $1`,
    [first.id],
  );
  const resolve = (disputeId: string, adjustment: string | null, resolution: string) =>
    admin.request(`mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version } }`, {
      i: { disputeId, adjustment, resolution },
    });
  expect((await resolve(first.id, '-30.00', '补开红字')).errors).toEqual([]);
  const reissued = await resolve(second.id, null, '物流签收在案');
  expect(reissued.errors).toEqual([]);
  const v2 = reissued.data.resolveStatementDispute;
  expect(v2.version).toBe(2);
  const lines = await owner.request(`query($id: ID!) { statement(id: $id) { lines { id } } }`, { id: v2.id });
  expect(
    (await dispute(v2.id, [{ lineId: lines.data.statement.lines[2].id, comment: '发货 C 单价不对' }])).errors,
  ).toEqual([]);
  return { d, period, v1: { id: v1.id, status: 'SUPERSEDED' }, v2: { id: v2.id, status: 'DISPUTED' } };
}

/**
 * A statement read through the per-field path, for comparison with the one-statement trees: its
 * first dispute's `statement`, which the loaders answer field by field (statement(id) reads only
 * the statement and its dispute rows in its tree, as the page reads them). Needs a statement with
 * a dispute; `statement` is undefined when the viewer may not see it (the errors say NOT_FOUND).
 */
export async function perFieldStatement(client: GqlClient, id: string) {
  const res = await client.request(
    `query($id: ID!) { statement(id: $id) { disputes { statement { ...Full } } } } ${FULL}`,
    { id },
  );
  return { res, statement: res.data?.statement?.disputes[0]?.statement };
}
