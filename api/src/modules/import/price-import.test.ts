import { randomUUID } from 'node:crypto';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { addDays, today } from '../../common/dates';
import { priceWorkbook } from './price-import';

/**
 * A price list from Excel through the same preview → commit flow as the other imports: every bad row named by row
 * and column with nothing written; a clean file sets each tier's price from its day; the same file again changes
 * nothing; a price before one already set is refused; only those who may set prices may import them.
 */
let t: TestApp;
let finance: GqlClient;
let cm: GqlClient;
beforeAll(async () => {
  t = await startTestApp();
  [finance, cm] = await Promise.all([t.as('finance@huakang.demo'), t.as('zhang.cm@huakang.demo')]);
});
afterAll(() => t?.stop());

const cookie = (c: GqlClient) => [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
const upload = (c: GqlClient, data: Buffer) =>
  fetch(`${t.url}/files/imports/prices`, {
    method: 'POST',
    headers: { 'x-medchannel-app': 'console', cookie: cookie(c), 'x-file-name': encodeURIComponent('价格表.xlsx') },
    body: data,
  });
type Preview = {
  id: string;
  errorCount: number;
  errors: Array<{ row: number; column: string }>;
  summary: Record<string, number>;
};
const preview = async (data: Buffer): Promise<Preview> => {
  const res = await upload(finance, data);
  expect(res.status).toBe(200);
  return (await res.json()) as Preview;
};
const commit = (id: string) =>
  finance.request(`mutation($id: ID!) { commitImport(id: $id) { status prices unchanged } }`, { id });
const pricesOf = (code: string) =>
  t.app.ds.query(
    `SELECT e.tier, e.price::text AS price, e.effective_from::text AS "from", e.effective_to::text AS "to"
       FROM price_list_entry e JOIN product p ON p.id = e.product_id WHERE p.code = $1 ORDER BY e.tier, e.effective_from`,
    [code],
  ) as Promise<Array<{ tier: number; price: string; from: string; to: string | null }>>;

test('bad rows are named and nothing is written; a clean list sets prices from its day, once; earlier days are refused', async () => {
  // a day of the test's own, far enough ahead that no other test prices it
  const day = addDays(today(), 600);
  const before = await pricesOf('HK-CRP-50');

  const bad = await preview(
    await priceWorkbook([
      { productCode: 'HK-CRP-50', tier: '1', price: '288.00', effectiveFrom: day },
      { productCode: `NOPE-${randomUUID().slice(0, 6)}`, tier: '1', price: '10', effectiveFrom: day },
      { productCode: 'HK-CRP-50', tier: '12', price: 'abc', effectiveFrom: '2026-13-01' },
      { productCode: 'HK-CRP-50', tier: '1', price: '288.00', effectiveFrom: day },
    ]),
  );
  expect(bad.errors.map((e) => [e.row, e.column.split(' ')[0]])).toEqual(
    expect.arrayContaining([
      [3, '产品编码'],
      [4, '价格级别'],
      [4, '价格'],
      [4, '生效日期'],
      [5, '生效日期'],
    ]),
  );
  expect((await commit(bad.id)).errors).not.toEqual([]);
  expect(await pricesOf('HK-CRP-50')).toEqual(before);

  const list = await priceWorkbook([
    { productCode: 'HK-CRP-50', tier: '1', price: '288.00', effectiveFrom: day },
    { productCode: 'HK-CRP-50', tier: '2', price: '1,302.50', effectiveFrom: day },
  ]);
  const clean = await preview(list);
  expect(clean.errorCount).toBe(0);
  expect(clean.summary).toMatchObject({ prices: 2, unchanged: 0 });
  const done = await commit(clean.id);
  expect(done.errors).toEqual([]);
  expect(done.data.commitImport).toMatchObject({ status: 'COMMITTED', prices: 2 });
  const after = await pricesOf('HK-CRP-50');
  expect(after).toEqual(
    expect.arrayContaining([
      { tier: 1, price: '288.00', from: day, to: null },
      { tier: 2, price: '1302.50', from: day, to: null },
    ]),
  );
  // the price before it ends the day before
  expect(after.filter((e) => e.tier === 1 && e.to === addDays(day, -1))).toHaveLength(1);

  // the same file again: nothing new
  const replay = await preview(list);
  expect(replay.summary).toMatchObject({ prices: 0, unchanged: 2 });
  // a price from a day before one already set: refused on its row
  const earlier = await preview(
    await priceWorkbook([{ productCode: 'HK-CRP-50', tier: '1', price: '280.00', effectiveFrom: addDays(day, -1) }]),
  );
  expect(earlier.errors).toEqual([expect.objectContaining({ row: 2, column: expect.stringMatching(/^生效日期/) })]);
});

test('only those who may set prices import them', async () => {
  const res = await upload(cm, await priceWorkbook([]));
  expect(res.status).toBe(403);
});
