import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { Audience, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { createBrand } from '../../../test/factories';
import { addMonths, today } from '../../common/dates';
import { COMMIT, FINDINGS, GET, MATCH, SelloutWorld, selloutWorld, stockUp, uploadFile } from './sellout.test-kit';

/**
 * The monthly sell-out upload through the API, in a brand of the test's own (sellout.test-kit.ts):
 * files as distributors keep them (GBK CSV, .xlsx), hospitals matched by similarity, problems by
 * row and column, all or nothing, replays, 窜货 flags and stock differences, and who sees what.
 */
let t: TestApp;
let w: SelloutWorld;
const month = addMonths(today(), -1).slice(0, 7);
const on = (day: number) => `${month}-${String(day).padStart(2, '0')}`;
const HEAD = '医院名称,科室,产品编码,批号,数量,销售日期';

beforeAll(async () => {
  t = await startTestApp();
  w = await selloutWorld(t);
});
afterAll(() => t?.stop());

const movements = async () =>
  Number(
    (
      await t.app.ds.query(`SELECT COUNT(*)::int AS n FROM stock_movement WHERE brand_id = $1 AND kind = 'SOLD_OUT'`, [
        w.brand.brandId,
      ])
    )[0].n,
  );
const balance = async (batch: string) =>
  Number(
    (
      await t.app.ds.query(
        `SELECT COALESCE(SUM(quantity), 0)::int AS n FROM stock_balance WHERE brand_id = $1 AND batch_no = $2`,
        [w.brand.brandId, batch],
      )
    )[0].n,
  );
const csv = (lines: string[]) => iconv.encode([HEAD, ...lines].join('\r\n'), 'gbk');
const upload = async (data: Buffer, extra: Record<string, string> = {}, client = w.rep0) => {
  const r = await uploadFile(t, client, data, { month, ...extra });
  expect(r.status).toBe(200);
  return r.body.id!;
};

test('a GBK CSV with a misspelled hospital is matched, previewed, committed; the replay changes nothing; 窜货 is flagged', async () => {
  await stockUp(t.app.ds, w, 'G1', 20, on(1));
  const file = csv([
    `杭州市第一人民医苑,检验科,P2,G1,5,${on(5)}`, // 院 typed as 苑
    `宁波市第二医院,,P2,G1,3,${on(9)}`, // outside D0's city: 窜货
  ]);
  const id = await upload(file);
  const preview = (await w.rep0.request(GET, { id })).data.selloutUpload;
  expect(preview).toMatchObject({ status: 'PREVIEWED', totalRows: 2, errorCount: 0 });
  const [first, second] = preview.rows;
  expect(first.hospitalText).toBe('杭州市第一人民医苑');
  expect(first.match).toMatchObject({ candidate: 0, hospitalId: w.inTerritory, hospitalName: '杭州市第一人民医院' });
  expect(first.match.score).toBeGreaterThan(0.7);
  expect(first.match.score).toBeLessThan(1);
  expect(first.crossTerritory).toBe(false);
  // the hospital outside the distributor's territory: matched, flagged, its name not told to the partner
  expect(second).toMatchObject({
    crossTerritory: true,
    match: { hospitalId: null, hospitalName: null, outsideScope: true },
  });
  expect(await movements()).toBe(0);

  const done = (await w.rep0.request(COMMIT, { id })).data.commitSelloutUpload;
  expect(done.status).toBe('COMMITTED');
  expect(done.findings).toEqual([
    expect.objectContaining({
      kind: 'CROSS_TERRITORY',
      batchNo: 'G1',
      quantity: 3,
      occurredOn: on(9),
      hospitalName: null,
    }),
  ]);
  expect(await movements()).toBe(2);
  expect(await balance('G1')).toBe(12);

  // the same file again, uploaded and committed: the first commit's answer, nothing written
  const again = await uploadFile(t, w.owner, file, { month });
  expect(again.body).toEqual({ id, status: 'COMMITTED' });
  expect((await w.rep0.request(COMMIT, { id })).data.commitSelloutUpload.status).toBe('COMMITTED');
  expect(await movements()).toBe(2);
  expect(await balance('G1')).toBe(12);

  // the brand sees the flag with the hospital's name and the batch that shows it
  const flags = (await w.admin.request(FINDINGS, { f: { kind: 'CROSS_TERRITORY' } })).data.selloutFindings;
  expect(flags.nodes).toEqual([
    expect.objectContaining({ batchNo: 'G1', hospitalName: '宁波市第二医院', quantity: 3, month }),
  ]);
});

test('the preview names each problem by row, column and code, writes nothing, and the commit is refused', async () => {
  await stockUp(t.app.ds, w, 'E1', 2, on(1));
  const id = await upload(
    csv([
      `杭州市第一人民医院,检验科,NOPE,E1,1,${on(3)}`,
      `杭州市第一人民医院,,P2,E1,zero,${on(3)}`,
      `杭州市第一人民医院,,P2,E1,1,2001-01-01`,
      `上海某某诊所,,P2,E1,1,${on(3)}`,
      `杭州市第一人民医院,放射科,P2,E1,3,${on(4)}`,
      `杭州市第一人民医院,,P2,,1,${on(4)}`,
    ]),
  );
  const preview = (await w.rep0.request(GET, { id })).data.selloutUpload;
  const problems = preview.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]);
  expect(problems).toEqual([
    [2, 'product', 'PRODUCT_UNKNOWN'],
    [3, 'quantity', 'QUANTITY_INVALID'],
    [4, 'date', 'DATE_OUTSIDE_MONTH'],
    [5, 'hospital', 'HOSPITAL_UNMATCHED'],
    [6, 'department', 'DEPARTMENT_UNKNOWN'],
    [6, 'quantity', 'INSUFFICIENT_STOCK'],
    [7, 'batch', 'REQUIRED'],
  ]);
  const before = await movements();
  const r = await w.rep0.request(COMMIT, { id });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(reasonOf(r)).toBe(ErrorReason.VALIDATION_FAILED);
  expect(await movements()).toBe(before);
  expect(await balance('E1')).toBe(2);
});

test('a row the matcher is unsure of waits for the user: a candidate chosen clears it', async () => {
  await stockUp(t.app.ds, w, 'M1', 4, on(1));
  const id = await upload(csv([`杭州第一医院,检验科,P2,M1,1,${on(6)}`]));
  const preview = (await w.rep0.request(GET, { id })).data.selloutUpload;
  expect(preview.rows[0].match).toBeNull();
  expect(preview.errors).toEqual([expect.objectContaining({ row: 2, column: 'hospital', code: 'HOSPITAL_UNMATCHED' })]);
  const at = preview.rows[0].candidates.findIndex((c: { hospitalId: string }) => c.hospitalId === w.inTerritory);
  expect(at).toBeGreaterThanOrEqual(0);
  const matched = (await w.rep0.request(MATCH, { id, m: { matches: [{ row: 2, candidate: at }] } })).data
    .matchSelloutRows;
  expect(matched.errorCount).toBe(0);
  expect(matched.rows[0].match).toMatchObject({ hospitalId: w.inTerritory, hospitalName: '杭州市第一人民医院' });
  // a hospital the partner does not see is no choice: NOT_FOUND, like one that does not exist
  const hidden = await w.rep0.request(MATCH, { id, m: { matches: [{ row: 2, hospitalId: w.outside }] } });
  expect(codeOf(hidden)).toBe(ErrorCode.NOT_FOUND);
});

test('all or nothing: stock sold meanwhile refuses the whole file at commit, nothing written', async () => {
  await stockUp(t.app.ds, w, 'A1', 5, on(1));
  const id = await upload(csv([`杭州市第一人民医院,,P2,A1,2,${on(7)}`, `杭州市第一人民医院,,P2,A1,3,${on(8)}`]));
  expect((await w.rep0.request(GET, { id })).data.selloutUpload.errorCount).toBe(0);
  await t.app.ds.query(`UPDATE stock_balance SET quantity = 4 WHERE brand_id = $1 AND batch_no = 'A1'`, [
    w.brand.brandId,
  ]);
  const before = await movements();
  const r = await w.rep0.request(COMMIT, { id });
  expect(codeOf(r)).toBe(ErrorCode.BAD_USER_INPUT);
  expect(r.errors[0].message).toMatch(/row 3/i);
  expect(await movements()).toBe(before);
  expect(await balance('A1')).toBe(4);
  expect((await w.rep0.request(GET, { id })).data.selloutUpload.status).toBe('PREVIEWED');
});

test('reported stock (an .xlsx) against the movements: the differing lots are listed', async () => {
  await stockUp(t.app.ds, w, 'S1', 10, on(1));
  await stockUp(t.app.ds, w, 'S2', 6, on(1));
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('库存');
  sheet.addRow(['产品名称', '批号', '库存数量']);
  sheet.addRow(['测试产品 P2', 'S1', 10]);
  sheet.addRow(['测试产品 P2', 'S2', 4]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  const id = await upload(data, { kind: 'STOCK' }, w.owner);
  const preview = (await w.owner.request(GET, { id })).data.selloutUpload;
  expect(preview).toMatchObject({ kind: 'STOCK', errorCount: 0, totalRows: 2 });
  const done = (await w.owner.request(COMMIT, { id })).data.commitSelloutUpload;
  const s2 = done.findings.filter((f: { batchNo: string }) => f.batchNo === 'S2');
  expect(s2).toEqual([expect.objectContaining({ kind: 'STOCK_DIFFERENCE', reported: 4, derived: 6 })]);
  expect(done.findings.some((f: { batchNo: string }) => f.batchNo === 'S1')).toBe(false);
});

test('scope: another distributor’s people and another brand find no upload; a brand user uploads nothing', async () => {
  await stockUp(t.app.ds, w, 'X1', 3, on(1));
  const id = await upload(csv([`杭州市第一人民医院,,P2,X1,1,${on(2)}`]));
  // D1 is D0's second tier: its rep sees its own distributor only
  for (const r of [await w.rep1.request(GET, { id }), await w.rep1.request(COMMIT, { id })])
    expect(codeOf(r)).toBe(ErrorCode.NOT_FOUND);
  const other = await createBrand(t.app.ds, 1);
  const stranger = t.client(Audience.PORTAL);
  await stranger.login(other.ownerEmail);
  expect(codeOf(await stranger.request(MATCH, { id, m: { matches: [] } }))).toBe(ErrorCode.NOT_FOUND);
  expect((await stranger.request(FINDINGS)).data.selloutFindings.totalCount).toBe(0);
  // uploading for a distributor the owner does not hold
  const foreign = await uploadFile(t, w.owner, csv([]), { month, distributorId: other.distributorIds[0] });
  expect(foreign.status).toBe(404);
  const console = await uploadFile(t, w.admin, csv([]), { month });
  expect(console.status).toBe(403);
  expect((await w.rep0.request(GET, { id })).data.selloutUpload.status).toBe('PREVIEWED');
});

test('an optional 单价 column: a bad price is PRICE_INVALID by row and column and writes nothing; good prices are stored exactly', async () => {
  await stockUp(t.app.ds, w, 'PR1', 10, on(1));
  const priced = (lines: string[]) => iconv.encode([`${HEAD},单价`, ...lines].join('\r\n'), 'gbk');
  const bad = await upload(
    priced([
      `杭州市第一人民医院,检验科,P2,PR1,1,${on(7)},12.50元`,
      `杭州市第一人民医院,检验科,P2,PR1,1,${on(7)},十二元`,
    ]),
  );
  const preview = (await w.rep0.request(GET, { id: bad })).data.selloutUpload;
  expect(preview.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
    [3, 'price', 'PRICE_INVALID'],
  ]);
  expect(preview.rows[0].unitPrice).toEqual({ amount: '12.50', currency: 'CNY' });
  const before = await movements();
  expect(codeOf(await w.rep0.request(COMMIT, { id: bad }))).toBe(ErrorCode.BAD_USER_INPUT);
  expect(await movements()).toBe(before);

  const good = await upload(
    priced([`杭州市第一人民医院,检验科,P2,PR1,2,${on(8)},1280.5`, `杭州市第一人民医院,检验科,P2,PR1,1,${on(8)},`]),
  );
  expect((await w.rep0.request(COMMIT, { id: good })).errors).toEqual([]);
  const stored = await t.app.ds.query(
    `SELECT unit_price::text AS p, currency FROM stock_movement WHERE brand_id = $1 AND batch_no = 'PR1' AND kind = 'SOLD_OUT' ORDER BY quantity`,
    [w.brand.brandId],
  );
  expect(stored).toEqual([
    { p: '1280.50', currency: 'CNY' },
    { p: null, currency: null },
  ]);
});
