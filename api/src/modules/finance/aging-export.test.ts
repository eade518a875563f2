import { ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { byHeader, fetchExport } from '../../../test/exports';
import { expectedDistributors, foreignMarkers, personaUser } from '../../../test/personas';
import { DISTRIBUTORS } from '../../db/seed/demo-data';
import { addDays, today } from '../../common/dates';

/** /files/exports/receivables-aging.xlsx: the 应收 screen's aging per distributor (its URL filters) as Excel, in scope. */
let t: TestApp;
// a distributor of the brand that is not the channel manager's, owing something: it must stay out of his file
const OTHERS = DISTRIBUTORS.find((d) => d.code === 'HK-YK')!;
const HENGKANG = DISTRIBUTORS.find((d) => d.code === 'HK-HGK')!;
beforeAll(async () => {
  t = await startTestApp();
  for (const [d, amount, daysAgo] of [
    [OTHERS, '1234.56', 10],
    [HENGKANG, '98765.43', 75],
  ] as const)
    await t.app.ds.query(
      `INSERT INTO ledger_entry (brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id)
       VALUES ($1, $2, 'SHIPMENT_RECEIVABLE', $3, 'CNY', $4, $5, 'fixture', gen_random_uuid())`,
      [d.brandId, d.id, amount, addDays(today(), -daysAgo), addDays(today(), 30 - daysAgo)],
    );
});
afterAll(() => t?.stop());

const FIGURES = ['days0to30', 'days31to60', 'days61to90', 'days90plus', 'total', 'overdue'];
const AGING = `query($f: AccountFilter) { receivablesAging(first: 100, filter: $f) { totalCount nodes {
  distributor { name code } ${FIGURES.map((f) => `${f} { amount currency }`).join(' ')} } } }`;
const listed = async (c: GqlClient, f: Record<string, unknown> = {}) => {
  const r = await c.request(AGING, { f });
  expect(r.errors).toEqual([]);
  return r.data.receivablesAging as { totalCount: number; nodes: Array<Record<string, any>> };
};
const HEADERS = [
  '经销商 Distributor',
  '经销商编码 Code',
  '0-30天 0-30 days',
  '31-60天 31-60 days',
  '61-90天 61-90 days',
  '90天以上 Over 90 days',
  '应收合计 Total',
  '已逾期 Overdue',
  '币种 Currency',
];

/** The list's rows as the sheet must hold them: names, then every figure as a number, then the currency. */
const asSheet = (nodes: Array<Record<string, any>>) =>
  nodes.map((n) => [
    n.distributor.name,
    n.distributor.code,
    ...FIGURES.map((f) => Number(n[f].amount)),
    n.total.currency,
  ]);

test('a channel manager’s export is his distributors’ aging, row for row as his 应收 list, amounts as numbers', async () => {
  const cm = await t.as(personaUser('channelManager').email);
  const sheet = await fetchExport(t, cm, 'receivables-aging.xlsx');
  expect(sheet.status).toBe(200);
  expect(sheet.headers).toEqual(HEADERS);
  const list = await listed(cm);
  expect(sheet.rows.length).toBeGreaterThan(0);
  expect(sheet.rows).toEqual(asSheet(list.nodes));
  const his = new Set(expectedDistributors(personaUser('channelManager')).map((d) => d.code));
  expect(byHeader(sheet).every((r) => his.has(r['经销商编码 Code'] as string))).toBe(true);
  expect(his.has(OTHERS.code)).toBe(false);
  // the brand's admin has the other distributor's row, its cents kept
  const admin = await t.as(personaUser('admin').email);
  const all = byHeader(await fetchExport(t, admin, 'receivables-aging.xlsx'));
  const theirs = all.find((r) => r['经销商编码 Code'] === OTHERS.code)!;
  expect(theirs['0-30天 0-30 days']).toBe(1234.56);
  expect(all.length).toBeGreaterThan(sheet.rows.length);
});

test('region and distributor narrow the export as they narrow the list', async () => {
  const admin = await t.as(personaUser('admin').email);
  const all = (await listed(admin)).totalCount;
  const regionId = (await t.app.ds.query(`SELECT region_id FROM distributor WHERE id = $1`, [HENGKANG.id]))[0]
    .region_id as string;
  for (const [query, filter] of [
    [`distributor=${HENGKANG.id}`, { distributorId: HENGKANG.id }],
    [`region=${regionId}`, { regionId }],
  ] as const) {
    const list = await listed(admin, filter);
    expect(list.totalCount).toBeLessThan(all);
    expect(list.totalCount).toBeGreaterThan(0);
    expect((await fetchExport(t, admin, 'receivables-aging.xlsx', query)).rows).toEqual(asSheet(list.nodes));
  }
});

test('another brand’s admin and a distributor’s owner get nothing of what they may not see', async () => {
  for (const key of ['otherBrandAdmin', 'ownerB', 'repA'] as const) {
    const c = await t.as(personaUser(key).email);
    const sheet = await fetchExport(t, c, 'receivables-aging.xlsx');
    expect([key, sheet.status]).toEqual([key, 200]);
    expect(sheet.rows).toEqual(asSheet((await listed(c)).nodes));
    const text = JSON.stringify(sheet.rows);
    expect(foreignMarkers(personaUser(key)).filter((m) => text.includes(m))).toEqual([]);
  }
});

test('bad parameters answer a coded 400; past the row limit TOO_MANY_ROWS', async () => {
  const admin = await t.as(personaUser('admin').email);
  for (const [query, field] of [
    ['region=1', 'region'],
    ['distributor=x', 'distributor'],
    [`distributor=${OTHERS.id}&distributor=${OTHERS.id}`, 'distributor'],
  ]) {
    const sheet = await fetchExport(t, admin, 'receivables-aging.xlsx', query);
    expect([query, sheet.status, sheet.error]).toEqual([
      query,
      400,
      expect.objectContaining({ code: ErrorCode.BAD_USER_INPUT, field }),
    ]);
  }
  const { totalCount } = await listed(admin);
  const limit = t.app.services.maxExportRows;
  try {
    t.app.services.maxExportRows = totalCount - 1;
    const refused = await fetchExport(t, admin, 'receivables-aging.xlsx');
    expect(refused.error).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, reason: ErrorReason.TOO_MANY_ROWS });
    expect(refused.status).toBe(400);
  } finally {
    t.app.services.maxExportRows = limit;
  }
});
