import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Audience, ErrorCode, ErrorReason, LedgerEntryKind } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { BrandFixture, CatalogFixture, createBrand, createCatalog } from '../../../test/factories';
import { addDays, today } from '../../common/dates';
import { previousPeriod } from './statement.service';

/**
 * Invoices from shipments, payments allocated oldest first (exact under concurrency, a replay
 * changes nothing), aging, and the statement's dispute → adjustment → reissue flow.
 */
let t: TestApp;
let brand: BrandFixture;
let cat: CatalogFixture;
let admin: GqlClient;
let owner: GqlClient;
let d0: string;

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 4);
  cat = await createCatalog(t.app.ds, brand);
  d0 = brand.distributorIds[0];
  await t.app.ds.query(`UPDATE distributor SET credit_limit = '10000000.00', payment_terms_days = 45 WHERE brand_id = $1`, [brand.brandId]);
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

/** Places, approves and fully ships a stock order of `quantity` × 100.00; returns the shipment id. */
async function shipped(quantity: number): Promise<string> {
  const placed = await owner.request(`mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id version lines { id } } }`, {
    i: { kind: 'STOCK', lines: [{ productId: cat.productII, quantity }], idempotencyKey: randomUUID() },
  });
  const o = placed.data.placeOrder;
  await admin.request(`mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }`, { id: o.id, v: o.version });
  const s = await admin.request(`mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { shipments { id } } }`, {
    i: { orderId: o.id, idempotencyKey: randomUUID(), items: [{ orderLineId: o.lines[0].id, quantity }] },
  });
  expect(s.errors).toEqual([]);
  return s.data.recordShipment.shipments[0].id;
}

const ISSUE = `mutation($i: IssueInvoiceInput!) { issueInvoice(input: $i) { id number status dueOn netAmount { amount } taxAmount { amount } grossAmount { amount } paidAmount { amount } } }`;
const PAY = `mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id amount { amount } unallocated { amount } invoices { id number } } }`;

describe('invoices and payments', () => {
  test('an invoice covers shipments once; tax is derived from the tax-inclusive total; the ERP reference replays', async () => {
    const s1 = await shipped(3);
    const s2 = await shipped(2);
    const ref = `ERP-${randomUUID()}`;
    const input = { distributorId: d0, shipmentIds: [s1, s2], taxRate: '0.13', externalRef: ref };
    const r = await admin.request(ISSUE, { i: input });
    expect(r.errors).toEqual([]);
    expect(r.data.issueInvoice).toMatchObject({ status: 'ISSUED', grossAmount: { amount: '500.00' }, netAmount: { amount: '442.48' }, taxAmount: { amount: '57.52' }, dueOn: addDays(today(), 45) });
    const replay = await admin.request(ISSUE, { i: input });
    expect(replay.data.issueInvoice.id).toBe(r.data.issueInvoice.id);
    const again = await admin.request(ISSUE, { i: { ...input, externalRef: `ERP-${randomUUID()}` } });
    expect([codeOf(again), again.errors[0].extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'shipmentIds.0']);
    const changed = await admin.request(ISSUE, { i: { ...input, shipmentIds: [s1] } });
    expect([codeOf(changed), reasonOf(changed)]).toEqual([ErrorCode.CONFLICT, ErrorReason.IDEMPOTENCY_KEY_REUSED]);
  });

  test('a payment settles open invoices oldest first; the rest stays unallocated; a replay changes nothing', async () => {
    const inv1 = (await admin.request(ISSUE, { i: { distributorId: d0, shipmentIds: [await shipped(1)], taxRate: '0.13' } })).data.issueInvoice;
    const inv2 = (await admin.request(ISSUE, { i: { distributorId: d0, shipmentIds: [await shipped(4)], taxRate: '0.13' } })).data.issueInvoice;
    const before = await owner.request(`{ accountSummary { balance { amount } } }`);
    const ref = `BANK-${randomUUID()}`;
    const input = { distributorId: d0, amount: '100000.00', receivedOn: today(), method: 'BANK_TRANSFER', externalRef: ref };
    const paid = await admin.request(PAY, { i: input });
    expect(paid.errors).toEqual([]);
    // every open invoice of the distributor is now paid, and the remainder is credit
    const invoices = await owner.request(`{ invoices(first: 50) { nodes { id status paidAmount { amount } grossAmount { amount } } } }`);
    for (const inv of invoices.data.invoices.nodes) expect(inv.status).toBe('PAID');
    expect(invoices.data.invoices.nodes.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([inv1.id, inv2.id]));
    const replay = await admin.request(PAY, { i: input });
    expect(replay.data.recordPayment.id).toBe(paid.data.recordPayment.id);
    const after = await owner.request(`{ accountSummary { balance { amount } open { outstanding { amount } } } }`);
    expect(Number(after.data.accountSummary.balance.amount)).toBeCloseTo(Number(before.data.accountSummary.balance.amount) - 100000, 2);
    expect(after.data.accountSummary.open).toEqual([]);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM ledger_entry WHERE source_type = 'payment' AND memo = $1`, [ref]);
    expect(n).toBe(1);
    const conflict = await admin.request(PAY, { i: { ...input, amount: '1.00' } });
    expect(reasonOf(conflict)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  });

  test('concurrent payments from many connections keep the sums exact', async () => {
    const d = brand.distributorIds[2];
    // invoices straight from fixture shipments of this distributor: 10 × 1,000.00
    const [u] = await t.app.ds.query(`SELECT id FROM app_user WHERE email = $1`, [brand.adminEmail]);
    const invoices: string[] = [];
    for (let i = 0; i < 10; i++) {
      const [o] = await t.app.ds.query(
        `INSERT INTO purchase_order (brand_id, distributor_id, number, kind, placed_by, status, currency, total, shipped_total, idempotency_key, request_hash)
         VALUES ($1, $2, $3, 'STOCK', $4, 'SHIPPED', 'CNY', '1000.00', '1000.00', gen_random_uuid(), repeat('0', 64)) RETURNING id`,
        [brand.brandId, d, `FIN${randomUUID().slice(0, 10)}`, u.id],
      );
      const [s] = await t.app.ds.query(
        `INSERT INTO shipment (brand_id, order_id, distributor_id, number, shipped_on, amount, currency, idempotency_key, request_hash, created_by)
         VALUES ($1, $2, $3, $4, $5, '1000.00', 'CNY', gen_random_uuid(), repeat('0', 64), $6) RETURNING id`,
        [brand.brandId, o.id, d, `FINS${randomUUID().slice(0, 10)}`, addDays(today(), -i), u.id],
      );
      await t.app.ds.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '1000.00', 'CNY', $3, $4, 'shipment', $5)`,
        [brand.brandId, d, addDays(today(), -i), addDays(today(), 30 - i), s.id],
      );
      const inv = await admin.request(ISSUE, { i: { distributorId: d, shipmentIds: [s.id], taxRate: '0.13' } });
      expect(inv.errors).toEqual([]);
      invoices.push(inv.data.issueInvoice.id);
    }
    const clients = await Promise.all(Array.from({ length: 6 }, async () => {
      const c = t.client(Audience.CONSOLE);
      await c.login(brand.adminEmail);
      return c;
    }));
    const amounts = Array.from({ length: 24 }, (_, i) => `${(i % 7) * 97 + 123}.${String((i * 37) % 100).padStart(2, '0')}`);
    const results = await Promise.all(amounts.map((amount, i) => clients[i % clients.length].request(PAY, {
      i: { distributorId: d, amount, receivedOn: today(), method: 'BANK_TRANSFER', externalRef: `CONC-${randomUUID()}` },
    })));
    expect(results.flatMap((r) => r.errors)).toEqual([]);
    const cents = (s: string) => Math.round(Number(s) * 100);
    const paidCents = amounts.reduce((sum, a) => sum + cents(a), 0);
    const [sums] = await t.app.ds.query(
      `SELECT (SELECT -SUM(amount) FROM ledger_entry WHERE distributor_id = $1 AND kind = 'PAYMENT')::text AS ledger,
              (SELECT SUM(a.amount) FROM payment_allocation a JOIN invoice i ON i.id = a.invoice_id WHERE i.distributor_id = $1)::text AS allocated,
              (SELECT max(x.total) FROM (SELECT SUM(a.amount) AS total FROM payment_allocation a WHERE a.invoice_id = ANY($2) GROUP BY a.invoice_id) x)::text AS most`,
      [d, invoices],
    );
    expect(cents(sums.ledger)).toBe(paidCents);
    expect(cents(sums.allocated)).toBe(Math.min(paidCents, 1_000_000));
    expect(cents(sums.most)).toBeLessThanOrEqual(100_000);
  });
});

describe('aging and the collection plan', () => {
  test('open receivables fall into 0–30 / 31–60 / 61–90 / 90+ by age; payments settle the oldest first', async () => {
    const d = brand.distributorIds[3];
    const post = (amount: string, daysAgo: number, kind = 'SHIPMENT_RECEIVABLE') => t.app.ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'fixture', gen_random_uuid())`,
      [brand.brandId, d, kind, amount, addDays(today(), -daysAgo), addDays(today(), 30 - daysAgo)],
    );
    await post('100.00', 120);
    await post('200.00', 75);
    await post('300.00', 40);
    await post('400.00', 5);
    await post('-150.00', 1, 'PAYMENT');
    const r = await admin.request(`query($d: ID) { receivablesAging(filter: { distributorId: $d }) { nodes { days0to30 { amount } days31to60 { amount } days61to90 { amount } days90plus { amount } total { amount } overdue { amount } } } }`, { d });
    expect(r.errors).toEqual([]);
    expect(r.data.receivablesAging.nodes).toEqual([{
      days90plus: { amount: '0.00' }, days61to90: { amount: '150.00' }, days31to60: { amount: '300.00' }, days0to30: { amount: '400.00' },
      total: { amount: '850.00' }, overdue: { amount: '450.00' },
    }]);
    expect(codeOf(await admin.request(`{ accountSummary { balance { amount } } }`))).toBe(ErrorCode.BAD_USER_INPUT);
    const byRegion = await admin.request(`query($d: ID) { receivablesAgingByRegion(filter: { distributorId: $d }) { region { name level } total { amount } days61to90 { amount } } }`, { d });
    // the distributor sits in a city: its receivables count under the province
    expect(byRegion.data.receivablesAgingByRegion).toEqual([{ region: { name: '测试省', level: 'PROVINCE' }, total: { amount: '850.00' }, days61to90: { amount: '150.00' } }]);
    const plan = await admin.request(`query($d: ID, $to: LocalDate!) { collectionPlan(to: $to, filter: { distributorId: $d }) { dueOn overdue kind outstanding { amount } } }`, { d, to: addDays(today(), 30) });
    expect(plan.data.collectionPlan.every((p: { kind: string }) => p.kind === 'SHIPMENT_RECEIVABLE')).toBe(true);
    expect(plan.data.collectionPlan.map((p: { overdue: boolean; outstanding: { amount: string } }) => [p.overdue, p.outstanding.amount])).toEqual([[true, '150.00'], [true, '300.00'], [false, '400.00']]);
  });
});

describe('statements', () => {
  test('issue, dispute a line, adjust, reissue as version 2 (history kept), confirm', async () => {
    const d = brand.distributorIds[1];
    const period = previousPeriod(today());
    const inPeriod = `${period}-15`;
    await t.app.ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, source_type, source_id, memo) VALUES
       ($1, $2, 'SHIPMENT_RECEIVABLE', '1000.00', 'CNY', $3, 'fixture', gen_random_uuid(), '发货 A'),
       ($1, $2, 'SHIPMENT_RECEIVABLE', '500.00', 'CNY', $4, 'fixture', gen_random_uuid(), '发货 B'),
       ($1, $2, 'SHIPMENT_RECEIVABLE', '80.00', 'CNY', $5, 'fixture', gen_random_uuid(), '上月')`,
      [brand.brandId, d, inPeriod, `${period}-20`, addDays(`${period}-01`, -3)],
    );
    const gen = await admin.request(`mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id version status openingBalance { amount } closingBalance { amount } lines { id memo amount { amount } } } }`, { d, p: period });
    expect(gen.errors).toEqual([]);
    const v1 = gen.data.generateStatement;
    expect([v1.version, v1.status, v1.openingBalance.amount, v1.closingBalance.amount]).toEqual([1, 'ISSUED', '80.00', '1580.00']);
    const balances = await admin.request(`query($id: ID!) { statement(id: $id) { lines { balanceAfter { amount } } } }`, { id: v1.id });
    expect(balances.data.statement.lines.map((l: { balanceAfter: { amount: string } }) => l.balanceAfter.amount)).toEqual(['1080.00', '1580.00']);
    const twice = await admin.request(`mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id } }`, { d, p: period });
    expect(twice.data.generateStatement.id).toBe(v1.id);
    // d1 is the owner's second tier: the owner reconciles it
    const disputed = await owner.request(`mutation($i: DisputeStatementInput!) { disputeStatement(input: $i) { status disputes { id status comment } } }`, {
      i: { statementId: v1.id, lines: [{ lineId: v1.lines[1].id, comment: '发货 B 只收到一半' }] },
    });
    expect(disputed.errors).toEqual([]);
    expect(disputed.data.disputeStatement.status).toBe('DISPUTED');
    // each line answers its dispute, whether the query names the field directly or in fragments
    const lineDisputes = await owner.request(`query($id: ID!) { statement(id: $id) {
        direct: lines { dispute { comment } } spread: lines { ...Disputed } inline: lines { ... on StatementLine { dispute { comment } } } } }
      fragment Disputed on StatementLine { dispute { comment } }`, { id: v1.id });
    expect(lineDisputes.errors).toEqual([]);
    for (const key of ['direct', 'spread', 'inline']) {
      expect(lineDisputes.data.statement[key].map((l: { dispute: { comment: string } | null }) => l.dispute?.comment ?? null)).toEqual([null, '发货 B 只收到一半']);
    }
    const confirmDisputed = await owner.request(`mutation($id: ID!) { confirmStatement(id: $id) { id } }`, { id: v1.id });
    expect(reasonOf(confirmDisputed)).toBe(ErrorReason.ILLEGAL_TRANSITION);
    const queue = await admin.request(`{ statementDisputes(first: 50) { nodes { id comment line { memo dispute { comment } } statement { id } } } }`);
    expect(queue.data.statementDisputes.nodes.find((n: { comment: string }) => n.comment === '发货 B 只收到一半').line.dispute).toEqual({ comment: '发货 B 只收到一半' });
    expect(queue.data.statementDisputes.nodes.map((n: { id: string }) => n.id)).toContain(disputed.data.disputeStatement.disputes[0].id);
    const resolved = await admin.request(`mutation($i: ResolveDisputeInput!) { resolveStatementDispute(input: $i) { id version status closingBalance { amount } lines { kind amount { amount } } versions { version status } } }`, {
      i: { disputeId: disputed.data.disputeStatement.disputes[0].id, adjustment: '-250.00', resolution: '核实后补开红字，冲减一半' },
    });
    expect(resolved.errors).toEqual([]);
    const v2 = resolved.data.resolveStatementDispute;
    expect([v2.version, v2.status, v2.closingBalance.amount]).toEqual([2, 'ISSUED', '1330.00']);
    expect(v2.lines.map((l: { kind: string }) => l.kind)).toContain(LedgerEntryKind.ADJUSTMENT);
    expect(v2.versions).toEqual([{ version: 1, status: 'SUPERSEDED' }, { version: 2, status: 'ISSUED' }]);
    const confirmed = await owner.request(`mutation($id: ID!) { confirmStatement(id: $id) { status confirmedAt } }`, { id: v2.id });
    expect(confirmed.data.confirmStatement.status).toBe('CONFIRMED');
    // both sides download it; another distributor's owner gets nothing
    const get = (client: GqlClient, ext: string) => fetch(`${t.url}/files/statements/${v2.id}.${ext}`, {
      headers: { 'x-medchannel-app': client.audience!.toLowerCase(), cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const client of [owner, admin]) {
      const pdf = await get(client, 'pdf');
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.includes(Buffer.from('NotoSansHans'))).toBe(true);
      const xlsx = await get(client, 'xlsx');
      expect(xlsx.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await xlsx.arrayBuffer());
      const cells = wb.worksheets[0].getSheetValues().flat().map(String);
      expect(cells).toEqual(expect.arrayContaining(['发货 B', '核实后补开红字，冲减一半', '1330']));
    }
    const [other] = await t.app.ds.query(`SELECT email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [brand.distributorIds[2]]);
    const stranger = t.client(Audience.PORTAL);
    await stranger.login(other.email);
    expect((await get(stranger, 'pdf')).status).toBe(404);
    expect(codeOf(await admin.request(`mutation($d: ID!, $p: String!) { generateStatement(distributorId: $d, period: $p) { id } }`, { d, p: today().slice(0, 7) }))).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('a rep sees the account only when the owner grants it', async () => {
    const [rep] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [d0]);
    const client = t.client(Audience.PORTAL);
    await client.login(rep.email);
    const look = () => client.request(`{ invoices(first: 5) { totalCount } statements(first: 5) { totalCount } }`);
    expect((await look()).data).toEqual({ invoices: { totalCount: 0 }, statements: { totalCount: 0 } });
    expect(codeOf(await client.request(`{ accountSummary { balance { amount } } }`))).toBe(ErrorCode.NOT_FOUND);
    const grant = await owner.request(`mutation($u: ID!) { setFinanceAccess(userId: $u, allowed: true) { id financeAccess } }`, { u: rep.id });
    expect(grant.data.setFinanceAccess.financeAccess).toBe(true);
    expect((await look()).data.invoices.totalCount).toBeGreaterThan(0);
    await owner.request(`mutation($u: ID!) { setFinanceAccess(userId: $u, allowed: false) { id } }`, { u: rep.id });
    expect((await look()).data.invoices.totalCount).toBe(0);
  });
});

describe('ERP exchange by file', () => {
  const upload = (kind: string, body: Buffer | string) => fetch(`${t.url}/files/imports/${kind}`, {
    method: 'POST',
    body,
    headers: { 'x-medchannel-app': 'console', 'x-file-name': encodeURIComponent(`${kind}.csv`), cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  const commit = (id: string) => admin.request(`mutation($id: ID!) { commitImport(id: $id) { status payments invoices unchanged } }`, { id });

  test('payments from a CSV (GBK or UTF-8): preview names bad rows; commit records all; a replayed file changes nothing', async () => {
    const [code] = await t.app.ds.query(`SELECT code FROM distributor WHERE id = $1`, [brand.distributorIds[3]]);
    const header = '经销商编码 Distributor code*,金额 Amount*,到账日期 Received on*,方式 Method*,参考号 Reference*,备注 Note';
    const refs = [randomUUID(), randomUUID()].map((u) => `CSV-${u.slice(0, 8)}`);
    const bad = `${header}\n${code.code},"1,200.50",${today()},银行转账,${refs[0]},十月\nNOPE,12块,2026-13-01,刷卡,,\n`;
    const preview = await upload('payments', bad);
    expect(preview.status).toBe(200);
    expect(preview.body.errors.map((e: { row: number; column: string }) => [e.row, e.column.split(' ')[0]])).toEqual(
      expect.arrayContaining([[3, '金额'], [3, '到账日期'], [3, '方式'], [3, '参考号']]),
    );
    expect(codeOf(await commit(preview.body.id))).toBe(ErrorCode.BAD_USER_INPUT);
    const good = `${header}\r\n${code.code},"1,200.50",${today()},银行转账,${refs[0]},十月\r\n${code.code},99.5,${today()},ACCEPTANCE_BILL,${refs[1]},\r\n`;
    // Chinese Excel saves CSV in GBK: the same file, so encoded
    const gbk = iconv.encode(good, 'gbk');
    expect(gbk.equals(Buffer.from(good))).toBe(false);
    const first = await upload('payments', gbk);
    expect([first.body.errorCount, first.body.summary]).toEqual([0, { payments: 2, unchanged: 0 }]);
    expect((await commit(first.body.id)).data.commitImport).toEqual({ status: 'COMMITTED', payments: 2, invoices: 0, unchanged: 0 });
    const count = async () => (await t.app.ds.query(`SELECT count(*)::int AS n, COALESCE(SUM(amount), 0)::text AS total FROM ledger_entry WHERE distributor_id = $1 AND kind = 'PAYMENT' AND memo = ANY($2)`, [brand.distributorIds[3], refs]))[0];
    expect(await count()).toEqual({ n: 2, total: '-1300.00' });
    const replay = await upload('payments', good);
    expect(replay.body.summary).toEqual({ payments: 0, unchanged: 2 });
    expect((await commit(replay.body.id)).data.commitImport.status).toBe('COMMITTED');
    expect(await count()).toEqual({ n: 2, total: '-1300.00' });
  });

  test('invoices from a file name their shipments by number; a partner may not import', async () => {
    const s = await shipped(2);
    const [{ number }] = await t.app.ds.query(`SELECT number FROM shipment WHERE id = $1`, [s]);
    const [{ code }] = await t.app.ds.query(`SELECT code FROM distributor WHERE id = $1`, [d0]);
    const ref = `ERP-${randomUUID().slice(0, 8)}`;
    const csv = `经销商编码 Distributor code*,发票号码 Invoice number*,开票日期 Issued on*,税率 Tax rate*,发货单号 Shipment numbers*,参考号 Reference*\n${code},FP${ref},${today()},13%,${number},${ref}\n`;
    const preview = await upload('invoices', csv);
    expect([preview.body.errorCount, preview.body.summary]).toEqual([0, { invoices: 1, unchanged: 0 }]);
    expect((await commit(preview.body.id)).data.commitImport.invoices).toBe(1);
    const [inv] = await t.app.ds.query(`SELECT gross_amount::text AS gross, tax_rate::text AS rate FROM invoice WHERE external_ref = $1`, [ref]);
    expect(inv).toEqual({ gross: '200.00', rate: '0.1300' });
    const partner = await fetch(`${t.url}/files/imports/invoices`, {
      method: 'POST', body: csv, headers: { 'x-medchannel-app': 'portal', cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(partner.status).toBe(403);
  });
});
