import { randomUUID } from 'node:crypto';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import { ISSUE, PAY, admin, brand, d0, owner, shipped, t, withFinanceWorld } from './finance.test-kit';

/** Invoices from shipments and payments allocated oldest first (exact under concurrency, a replay changes nothing), the aging they make, and who reads the account. */
withFinanceWorld();

describe('invoices and payments', () => {
  test('an invoice covers shipments once; tax is derived from the tax-inclusive total; the ERP reference replays', async () => {
    const s1 = await shipped(3);
    const s2 = await shipped(2);
    const ref = `ERP-${randomUUID()}`;
    const input = { distributorId: d0, shipmentIds: [s1, s2], taxRate: '0.13', externalRef: ref };
    const r = await admin.request(ISSUE, { i: input });
    expect(r.errors).toEqual([]);
    expect(r.data.issueInvoice).toMatchObject({
      status: 'ISSUED',
      grossAmount: { amount: '500.00' },
      netAmount: { amount: '442.48' },
      taxAmount: { amount: '57.52' },
      dueOn: addDays(today(), 45),
    });
    const replay = await admin.request(ISSUE, { i: input });
    expect(replay.data.issueInvoice.id).toBe(r.data.issueInvoice.id);
    const again = await admin.request(ISSUE, { i: { ...input, externalRef: `ERP-${randomUUID()}` } });
    expect([codeOf(again), again.errors[0].extensions?.field]).toEqual([ErrorCode.BAD_USER_INPUT, 'shipmentIds.0']);
    const changed = await admin.request(ISSUE, { i: { ...input, shipmentIds: [s1] } });
    expect([codeOf(changed), reasonOf(changed)]).toEqual([ErrorCode.CONFLICT, ErrorReason.IDEMPOTENCY_KEY_REUSED]);
  });

  test('a payment settles open invoices oldest first; the rest stays unallocated; a replay changes nothing', async () => {
    const inv1 = (
      await admin.request(ISSUE, { i: { distributorId: d0, shipmentIds: [await shipped(1)], taxRate: '0.13' } })
    ).data.issueInvoice;
    const inv2 = (
      await admin.request(ISSUE, { i: { distributorId: d0, shipmentIds: [await shipped(4)], taxRate: '0.13' } })
    ).data.issueInvoice;
    const before = await owner.request(`{ accountSummary { balance { amount } } }`);
    const ref = `BANK-${randomUUID()}`;
    const input = {
      distributorId: d0,
      amount: '100000.00',
      receivedOn: today(),
      method: 'BANK_TRANSFER',
      externalRef: ref,
    };
    const paid = await admin.request(PAY, { i: input });
    expect(paid.errors).toEqual([]);
    // every open invoice of the distributor is now paid, and the remainder is credit
    const invoices = await owner.request(
      `{ invoices(first: 50) { nodes { id status paidAmount { amount } grossAmount { amount } } } }`,
    );
    for (const inv of invoices.data.invoices.nodes) expect(inv.status).toBe('PAID');
    expect(invoices.data.invoices.nodes.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining([inv1.id, inv2.id]),
    );
    const replay = await admin.request(PAY, { i: input });
    expect(replay.data.recordPayment.id).toBe(paid.data.recordPayment.id);
    const after = await owner.request(`{ accountSummary { balance { amount } open { outstanding { amount } } } }`);
    expect(Number(after.data.accountSummary.balance.amount)).toBeCloseTo(
      Number(before.data.accountSummary.balance.amount) - 100000,
      2,
    );
    expect(after.data.accountSummary.open).toEqual([]);
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM ledger_entry WHERE source_type = 'payment' AND memo = $1`,
      [ref],
    );
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
    const clients = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const c = t.client(Audience.CONSOLE);
        await c.login(brand.adminEmail);
        return c;
      }),
    );
    const amounts = Array.from(
      { length: 24 },
      (_, i) => `${(i % 7) * 97 + 123}.${String((i * 37) % 100).padStart(2, '0')}`,
    );
    const results = await Promise.all(
      amounts.map((amount, i) =>
        clients[i % clients.length].request(PAY, {
          i: {
            distributorId: d,
            amount,
            receivedOn: today(),
            method: 'BANK_TRANSFER',
            externalRef: `CONC-${randomUUID()}`,
          },
        }),
      ),
    );
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
    const post = (amount: string, daysAgo: number, kind = 'SHIPMENT_RECEIVABLE') =>
      t.app.ds.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'fixture', gen_random_uuid())`,
        [brand.brandId, d, kind, amount, addDays(today(), -daysAgo), addDays(today(), 30 - daysAgo)],
      );
    await post('100.00', 120);
    await post('200.00', 75);
    await post('300.00', 40);
    await post('400.00', 5);
    await post('-150.00', 1, 'PAYMENT');
    const r = await admin.request(
      `query($d: ID) { receivablesAging(filter: { distributorId: $d }) { nodes { days0to30 { amount } days31to60 { amount } days61to90 { amount } days90plus { amount } total { amount } overdue { amount } } } }`,
      { d },
    );
    expect(r.errors).toEqual([]);
    expect(r.data.receivablesAging.nodes).toEqual([
      {
        days90plus: { amount: '0.00' },
        days61to90: { amount: '150.00' },
        days31to60: { amount: '300.00' },
        days0to30: { amount: '400.00' },
        total: { amount: '850.00' },
        overdue: { amount: '450.00' },
      },
    ]);
    expect(codeOf(await admin.request(`{ accountSummary { balance { amount } } }`))).toBe(ErrorCode.BAD_USER_INPUT);
    const byRegion = await admin.request(
      `query($d: ID) { receivablesAgingByRegion(filter: { distributorId: $d }) { region { name level } total { amount } days61to90 { amount } } }`,
      { d },
    );
    // the distributor sits in a city: its receivables count under the province
    expect(byRegion.data.receivablesAgingByRegion).toEqual([
      { region: { name: '测试省', level: 'PROVINCE' }, total: { amount: '850.00' }, days61to90: { amount: '150.00' } },
    ]);
    const plan = await admin.request(
      `query($d: ID, $to: LocalDate!) { collectionPlan(to: $to, filter: { distributorId: $d }) { dueOn overdue kind outstanding { amount } } }`,
      { d, to: addDays(today(), 30) },
    );
    expect(plan.data.collectionPlan.every((p: { kind: string }) => p.kind === 'SHIPMENT_RECEIVABLE')).toBe(true);
    expect(
      plan.data.collectionPlan.map((p: { overdue: boolean; outstanding: { amount: string } }) => [
        p.overdue,
        p.outstanding.amount,
      ]),
    ).toEqual([
      [true, '150.00'],
      [true, '300.00'],
      [false, '400.00'],
    ]);
  });
});

describe('who reads the account', () => {
  test('a rep sees the account only when the owner grants it', async () => {
    const [rep] = await t.app.ds.query(`SELECT id, email FROM app_user WHERE distributor_id = $1 AND role = 'REP'`, [
      d0,
    ]);
    const client = t.client(Audience.PORTAL);
    await client.login(rep.email);
    const look = () => client.request(`{ invoices(first: 5) { totalCount } statements(first: 5) { totalCount } }`);
    expect((await look()).data).toEqual({ invoices: { totalCount: 0 }, statements: { totalCount: 0 } });
    expect(codeOf(await client.request(`{ accountSummary { balance { amount } } }`))).toBe(ErrorCode.NOT_FOUND);
    const grant = await owner.request(
      `mutation($u: ID!) { setFinanceAccess(userId: $u, allowed: true) { id financeAccess } }`,
      { u: rep.id },
    );
    expect(grant.data.setFinanceAccess.financeAccess).toBe(true);
    expect((await look()).data.invoices.totalCount).toBeGreaterThan(0);
    await owner.request(`mutation($u: ID!) { setFinanceAccess(userId: $u, allowed: false) { id } }`, { u: rep.id });
    expect((await look()).data.invoices.totalCount).toBe(0);
  });
});
