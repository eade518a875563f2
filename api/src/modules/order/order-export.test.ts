import { ErrorCode, ErrorReason, OrderStatus } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { byHeader, fetchExport } from '../../../test/exports';
import { expectedDistributors, expectedOrders, foreignMarkers, personaUser } from '../../../test/personas';
import { DISTRIBUTORS } from '../../db/seed/demo-data';
import { SEED_ORDERS } from '../../db/seed/order-data';

/** /files/exports/orders.xlsx: the orders screen's list (its filters by their URL names) as Excel, in scope. */
let t: TestApp;
// a distributor of the brand that is not the channel manager's: its order must stay out of his file
const OTHERS = DISTRIBUTORS.find((d) => d.code === 'HK-YK')!;
const OTHERS_ORDER = 'SO-EXPORT-OTHER';
beforeAll(async () => {
  t = await startTestApp();
  await t.app.ds.transaction(async (em) => {
    await em.query(`CREATE TEMP TABLE copied ON COMMIT DROP AS SELECT * FROM purchase_order WHERE id = $1`, [
      SEED_ORDERS[0].id,
    ]);
    await em.query(
      `UPDATE copied SET id = gen_random_uuid(), number = $1, distributor_id = $2, idempotency_key = gen_random_uuid(),
        kind = 'STOCK', hospital_id = NULL`,
      [OTHERS_ORDER, OTHERS.id],
    );
    await em.query(`INSERT INTO purchase_order SELECT * FROM copied`);
  });
});
afterAll(() => t?.stop());

const LIST = `query($f: OrderFilter) { orders(first: 100, filter: $f) { totalCount nodes { number status
  submittedAt total { amount currency } shippedTotal { amount } distributor { name code } hospital { name } } } }`;
const listed = async (c: GqlClient, f: Record<string, unknown> = {}) => {
  const r = await c.request(LIST, { f });
  expect(r.errors).toEqual([]);
  return r.data.orders as { totalCount: number; nodes: Array<Record<string, any>> };
};

test('a channel manager’s export is his distributors’ orders, row for row as his list, money as numbers with the currency', async () => {
  const cm = await t.as(personaUser('channelManager').email);
  const sheet = await fetchExport(t, cm, 'orders.xlsx');
  expect(sheet.status).toBe(200);
  expect(sheet.headers).toEqual([
    '订单号 Number',
    '提交时间 Submitted',
    '经销商 Distributor',
    '经销商编码 Code',
    '医院 Hospital',
    '类型 Kind',
    '状态 Status',
    '金额 Total',
    '已发货金额 Shipped',
    '币种 Currency',
  ]);
  const rows = byHeader(sheet);
  const list = await listed(cm);
  // the seed, read independently of the SQL: exactly his distributors' orders
  expect(rows.length).toBe(expectedOrders(personaUser('channelManager')).length);
  expect(rows.length).toBeGreaterThan(0);
  const his = new Set(expectedDistributors(personaUser('channelManager')).map((d) => d.code));
  expect(rows.every((r) => his.has(r['经销商编码 Code'] as string))).toBe(true);
  expect(rows.map((r) => r['订单号 Number'])).toEqual(list.nodes.map((o) => o.number));
  for (const [i, o] of list.nodes.entries()) {
    const r = rows[i];
    expect(r['金额 Total']).toBe(Number(o.total.amount));
    expect(typeof r['金额 Total']).toBe('number');
    expect(r['已发货金额 Shipped']).toBe(Number(o.shippedTotal.amount));
    expect(r['币种 Currency']).toBe(o.total.currency);
    expect(r['经销商 Distributor']).toBe(o.distributor.name);
    expect(r['医院 Hospital']).toBe(o.hospital?.name ?? null);
    // a date cell showing China's wall clock
    expect(r['提交时间 Submitted']).toBeInstanceOf(Date);
    expect((r['提交时间 Submitted'] as Date).getTime()).toBe(Date.parse(o.submittedAt) + 8 * 3600_000);
  }
  expect(rows.some((r) => r['状态 Status'] === '待审批')).toBe(true);
  expect(expectedDistributors(personaUser('channelManager')).map((d) => d.code)).not.toContain(OTHERS.code);
  expect(rows.map((r) => r['订单号 Number'])).not.toContain(OTHERS_ORDER);
  // the brand's admin has it: the order is there to leave out
  const admin = await t.as(personaUser('admin').email);
  expect((await fetchExport(t, admin, 'orders.xlsx')).rows.map((r) => r[0])).toContain(OTHERS_ORDER);
});

test('the screen’s URL filters narrow the export exactly as they narrow the list', async () => {
  const admin = await t.as(personaUser('admin').email);
  const kd = expectedDistributors(personaUser('ownerA'))[0];
  const cases: Array<[string, Record<string, unknown>]> = [
    [
      `status=${OrderStatus.SUBMITTED},${OrderStatus.APPROVED}`,
      { statuses: [OrderStatus.SUBMITTED, OrderStatus.APPROVED] },
    ],
    [`distributor=${kd.id}`, { distributorId: kd.id }],
    [`q=${encodeURIComponent(kd.name.slice(2, 4))}`, { search: kd.name.slice(2, 4) }],
    ['age=3', { minAgeDays: 3 }],
    // a page or tab the list does not know is no filter
    ['age=3&page=2', { minAgeDays: 3 }],
  ];
  const all = (await listed(admin)).totalCount;
  for (const [query, filter] of cases) {
    const list = await listed(admin, filter);
    const sheet = await fetchExport(t, admin, 'orders.xlsx', query);
    expect([query, sheet.rows.map((r) => r[0])]).toEqual([query, list.nodes.map((o) => o.number)]);
    expect(list.totalCount).toBeLessThan(all);
  }
});

test('another brand’s admin and a distributor’s owner get none of what they may not see', async () => {
  for (const key of ['otherBrandAdmin', 'ownerB'] as const) {
    const c = await t.as(personaUser(key).email);
    const sheet = await fetchExport(t, c, 'orders.xlsx');
    expect(sheet.status).toBe(200);
    expect(sheet.rows.length).toBe(expectedOrders(personaUser(key)).length);
    const text = JSON.stringify(sheet.rows);
    expect(foreignMarkers(personaUser(key)).filter((m) => text.includes(m))).toEqual([]);
  }
});

test('bad parameters answer a coded 400 naming the URL’s parameter; no session answers 401', async () => {
  const admin = await t.as(personaUser('admin').email);
  for (const [query, field] of [
    ['status=SHIPPED,BOGUS', 'status'],
    ['age=abc', 'age'],
    ['age=-1', 'age'],
    ['distributor=1', 'distributor'],
    ['region=not-an-id', 'region'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['q=a&q=b', 'q'],
  ]) {
    const sheet = await fetchExport(t, admin, 'orders.xlsx', query);
    expect([query, sheet.status, sheet.error]).toEqual([
      query,
      400,
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.VALIDATION_FAILED, field }),
    ]);
  }
  const res = await fetch(`${t.url}/files/exports/orders.xlsx`, { headers: { 'x-medchannel-app': 'console' } });
  expect(res.status).toBe(401);
});

test('past the row limit the export is refused with TOO_MANY_ROWS and the limit, never cut', async () => {
  const admin = await t.as(personaUser('admin').email);
  const { totalCount } = await listed(admin);
  const limit = t.app.services.maxExportRows;
  try {
    t.app.services.maxExportRows = totalCount - 1;
    const refused = await fetchExport(t, admin, 'orders.xlsx');
    expect(refused.status).toBe(400);
    expect(refused.error).toMatchObject({
      code: ErrorCode.BAD_USER_INPUT,
      reason: ErrorReason.TOO_MANY_ROWS,
      limit: totalCount - 1,
    });
    t.app.services.maxExportRows = totalCount;
    expect((await fetchExport(t, admin, 'orders.xlsx')).rows.length).toBe(totalCount);
  } finally {
    t.app.services.maxExportRows = limit;
  }
});
