import { Audience, ErrorCode } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { BrandFixture, adminScopeOf, createBrand } from '../../../test/factories';
import { Scope } from '../../auth/scope';
import { addDays, today } from '../../common/dates';
import { Decimal } from '../../common/money';
import { agingPage, distributorsById } from './receivables';

/**
 * The receivables aging a page at a time, with the totals of every distributor, and the aging
 * rows the database keeps per distributor and day (migration ReceivableAging): a kept row is
 * used only for its day and the distributor's current version of its open items. And the account
 * card's figures, summed by the API from the same open items.
 */
let t: TestApp;
let brand: BrandFixture;
let admin: GqlClient;
let scope: Scope;

const FIGURES = `days0to30 { amount } days31to60 { amount } days61to90 { amount } days90plus { amount } total { amount } overdue { amount }`;
const AGING = `query($first: Int, $after: String, $sort: AgingSort) { receivablesAging(first: $first, after: $after, sort: $sort) {
  totalCount pageInfo { hasNextPage endCursor } totals { ${FIGURES} } nodes { distributor { id } ${FIGURES} } } }`;

/** A receivable (positive) or a payment (negative) posted straight to the ledger, `daysAgo` days ago, due 30 days later. */
const post = (distributorId: string, amount: string, daysAgo: number) =>
  t.app.ds.query(
    `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
     VALUES ($1, $2, $3, $4, 'CNY', $5, $6, 'fixture', gen_random_uuid())`,
    [
      brand.brandId,
      distributorId,
      amount.startsWith('-') ? 'PAYMENT' : 'SHIPMENT_RECEIVABLE',
      amount,
      addDays(today(), -daysAgo),
      addDays(today(), 30 - daysAgo),
    ],
  );

const kept = (distributorId: string) =>
  t.app.ds.query(
    `SELECT as_of::text AS as_of, version::int AS version, b0::text AS b0, total::text AS total FROM receivable_aging WHERE distributor_id = $1 ORDER BY as_of`,
    [distributorId],
  );

async function allPages(
  first: number,
  sort?: string,
): Promise<{ pages: Array<Record<string, any>>; rows: Array<Record<string, any>> }> {
  const pages: Array<Record<string, any>> = [];
  let after: string | null = null;
  do {
    const r = await admin.request(AGING, { first, after, sort });
    expect(r.errors).toEqual([]);
    const page: Record<string, any> = r.data.receivablesAging;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return { pages, rows: pages.flatMap((p) => p.nodes) };
}

beforeAll(async () => {
  t = await startTestApp();
  brand = await createBrand(t.app.ds, 7);
  admin = t.client(Audience.CONSOLE);
  await admin.login(brand.adminEmail);
  scope = await adminScopeOf(t.app.ds, brand);
});
afterAll(() => t?.stop());

test('pages largest total first (ties in a fixed order), every row once, with the totals of all of them on every page', async () => {
  const [a, b, c, d, e, f] = brand.distributorIds; // the seventh owes nothing: it has no row
  await post(a, '500.00', 10);
  await post(b, '700.00', 100);
  await post(b, '-100.00', 1); // settles the oldest: 600.00 left, 90+ days
  await post(c, '250.00', 45);
  await post(d, '250.00', 70); // the same total as c
  await post(e, '0.05', 5);
  await post(f, '1200.00', 20);
  await post(f, '300.00', 61);
  const expected = [
    { id: f, total: '1500.00' },
    { id: b, total: '600.00' },
    { id: a, total: '500.00' },
    ...[c, d]
      .sort()
      .reverse()
      .map((id) => ({ id, total: '250.00' })), // ties: by distributor id, descending like the total
    { id: e, total: '0.05' },
  ];

  const { pages, rows } = await allPages(2);
  expect(pages).toHaveLength(3);
  expect(rows.map((r) => ({ id: r.distributor.id, total: r.total.amount }))).toEqual(expected);
  for (const page of pages) {
    expect(page.totalCount).toBe(6);
    expect(page.totals).toEqual({
      days0to30: { amount: '1700.05' },
      days31to60: { amount: '250.00' },
      days61to90: { amount: '550.00' },
      days90plus: { amount: '600.00' },
      total: { amount: '3100.05' },
      overdue: { amount: '1400.00' },
    });
  }
  // the totals are the rows summed, bucket by bucket
  for (const key of ['days0to30', 'days31to60', 'days61to90', 'days90plus', 'total', 'overdue']) {
    expect(rows.reduce((s, r) => s.plus(r[key].amount), new Decimal(0)).toFixed(2)).toBe(pages[0].totals[key].amount);
  }
  expect(pages[2].pageInfo.hasNextPage).toBe(false);
  const whole = await admin.request(AGING, { first: 100 });
  expect(whole.data.receivablesAging.nodes).toEqual(rows);

  // most overdue first, over every page: the same rows, ties by distributor id
  const overdue = await allPages(2, 'OVERDUE');
  const byOverdue = [...rows].sort(
    (x, y) =>
      Number(y.overdue.amount) - Number(x.overdue.amount) ||
      (y.distributor.id as string).localeCompare(x.distributor.id),
  );
  expect(overdue.rows.map((r) => r.distributor.id)).toEqual(byOverdue.map((r) => r.distributor.id));
  expect(overdue.rows[0].distributor.id).toBe(b); // 600.00 overdue (90+ days), more than f's 300.00
});

test('a ledger entry shows at once: the kept row of its distributor is for an older version and is summed again', async () => {
  const d = brand.distributorIds[6];
  await post(d, '80.00', 3);
  const first = await admin.request(AGING, { first: 100 });
  expect(first.data.receivablesAging.nodes.find((r: any) => r.distributor.id === d).total.amount).toBe('80.00');
  const [row] = await kept(d);
  expect(row).toMatchObject({ as_of: today(), total: '80.00' });
  await post(d, '-30.00', 0);
  const second = await admin.request(AGING, { first: 100 });
  expect(second.data.receivablesAging.nodes.find((r: any) => r.distributor.id === d).total.amount).toBe('50.00');
  const [again] = await kept(d);
  expect(again).toMatchObject({ as_of: today(), total: '50.00', version: row.version + 1 });
  // a rolled-back entry leaves the version, and the aging, as they were
  await t.app.ds
    .transaction(async (em) => {
      await em.query(
        `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id) VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', '999.00', 'CNY', CURRENT_DATE, CURRENT_DATE, 'fixture', gen_random_uuid())`,
        [brand.brandId, d],
      );
      throw new Error('roll back');
    })
    .catch(() => undefined);
  const third = await admin.request(AGING, { first: 100 });
  expect(third.data.receivablesAging.nodes.find((r: any) => r.distributor.id === d).total.amount).toBe('50.00');
  expect((await kept(d))[0].version).toBe(again.version);
});

test('ages move with the day asked: each day has rows of its own, and a kept row of another day is never used', async () => {
  const d = brand.distributorIds[2]; // 250.00 arisen 45 days ago
  const ids = [d];
  const on = (days: number) =>
    agingPage(t.app.ds, scope, distributorsById(scope, ids), addDays(today(), days), 10, null);
  expect((await on(0)).rows[0].buckets).toMatchObject({ D31_60: '250.00', D61_90: '0.00' });
  expect((await on(20)).rows[0].buckets).toMatchObject({ D31_60: '0.00', D61_90: '250.00' });
  expect((await on(50)).rows[0].buckets).toMatchObject({ D61_90: '0.00', D90_PLUS: '250.00' });
  expect((await kept(d)).map((r: any) => r.as_of)).toEqual([today(), addDays(today(), 20), addDays(today(), 50)]);
  expect((await on(20)).rows[0].overdue).toBe('250.00');
});

test('a read that raced a ledger write never puts its older sums in place of newer ones', async () => {
  const d = brand.distributorIds[0];
  await agingPage(t.app.ds, scope, distributorsById(scope, [d]), today(), 10, null);
  const [row] = await kept(d);
  // as if a later version had been summed and kept by another request meanwhile
  await t.app.ds.query(
    `UPDATE receivable_aging SET version = version + 5, b0 = 1.00 WHERE distributor_id = $1 AND as_of = $2`,
    [d, today()],
  );
  // this read's state is the older version: it answers from its own snapshot and keeps nothing
  const page = await agingPage(t.app.ds, scope, distributorsById(scope, [d]), today(), 10, null);
  expect(page.rows[0].buckets.D0_30).toBe('500.00');
  expect(await kept(d)).toEqual([expect.objectContaining({ version: row.version + 5, b0: '1.00' })]);
  // once the distributor's open items move on past it, the next read sums and keeps again
  await t.app.ds.query(`UPDATE receivable_open_state SET version = version + 6 WHERE distributor_id = $1`, [d]);
  await agingPage(t.app.ds, scope, distributorsById(scope, [d]), today(), 10, null);
  expect(await kept(d)).toEqual([expect.objectContaining({ version: row.version + 6, b0: '500.00' })]);
});

test('concurrent first reads of a day agree and all succeed', async () => {
  const day = addDays(today(), 7);
  const answers = await Promise.all(
    Array.from({ length: 8 }, () =>
      agingPage(t.app.ds, scope, distributorsById(scope, brand.distributorIds), day, 100, null),
    ),
  );
  for (const answer of answers) expect(answer).toEqual(answers[0]);
  expect(answers[0].count).toBe(7);
});

test('the account card: balance, what is open and overdue and what falls due next agree with the open items themselves', async () => {
  const f = brand.distributorIds[5]; // 1,200.00 arisen 20 days ago (due in 10), 300.00 arisen 61 days ago (overdue)
  const SUMMARY = `query($d: ID, $first: Int) { accountSummary(distributorId: $d) {
    balance { amount } openCount overdue { amount currency } overdueCount nextDue { dueOn outstanding { amount } }
    all: open { dueOn overdue outstanding { amount } } firstOne: open(first: $first) { dueOn } } }`;
  const r = await admin.request(SUMMARY, { d: f, first: 1 });
  expect(r.errors).toEqual([]);
  const s = r.data.accountSummary;
  expect(s.all).toEqual([
    { dueOn: addDays(today(), -31), overdue: true, outstanding: { amount: '300.00' } },
    { dueOn: addDays(today(), 10), overdue: false, outstanding: { amount: '1200.00' } },
  ]);
  expect(s).toMatchObject({
    balance: { amount: '1500.00' },
    openCount: 2,
    overdue: { amount: '300.00', currency: 'CNY' },
    overdueCount: 1,
    nextDue: { dueOn: addDays(today(), 10), outstanding: { amount: '1200.00' } },
    firstOne: [{ dueOn: addDays(today(), -31) }],
  });
  // paid in full: nothing open, nothing due next
  await post(f, '-1500.00', 0);
  const paid = (await admin.request(SUMMARY, { d: f, first: 1 })).data.accountSummary;
  expect(paid).toMatchObject({
    balance: { amount: '0.00' },
    openCount: 0,
    overdue: { amount: '0.00' },
    overdueCount: 0,
    nextDue: null,
    all: [],
    firstOne: [],
  });
  expect(codeOf(await admin.request(SUMMARY, { d: f, first: 0 }))).toBe(ErrorCode.BAD_USER_INPUT);
});

test('a cursor that is not one this list gave is refused with a coded error', async () => {
  for (const after of [
    'nonsense',
    Buffer.from(JSON.stringify(['1.5', 'x'])).toString('base64url'),
    Buffer.from(JSON.stringify(['x', brand.brandId])).toString('base64url'),
  ]) {
    const r = await admin.request(AGING, { first: 2, after });
    expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  }
  expect(codeOf(await admin.request(AGING, { first: 0 }))).toBe(ErrorCode.BAD_USER_INPUT);
});
