import { randomUUID } from 'node:crypto';
import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';

// 流向上传 on a phone. 杭州康达's rep 李娜 holds a CRP batch of this run's own (set up through the API, so
// the test runs again on the same database) and uploads last month's sell-out as Chinese Excel saves a
// CSV: in GBK, with 浙大一院's name mistyped (弟 for 第). The portal matches it to 浙江大学医学院附属第一医院
// with its score, previews no problem, and commits: the batch holds 4 units fewer. The same file uploaded
// again answers its first commit, says nothing changed, and the stock stays as it is.
const PHONE = { width: 390, height: 844 };
const REP = 'li.rep@kangda.demo';
const CRP_GTIN = '06901234500031';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Text in GBK, by the inverse of Node's own GBK decoder (the two-byte area is small enough to map). */
function gbk(text: string): Buffer {
  const decoder = new TextDecoder('gbk');
  const code = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++)
    for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) code.set(decoder.decode(new Uint8Array([hi, lo])), [hi, lo]);
  return Buffer.from(
    [...text].flatMap((c) => {
      if (c.charCodeAt(0) < 0x80) return [c.charCodeAt(0)];
      const bytes = code.get(c);
      if (!bytes) throw new Error(`no GBK code for ${c}`);
      return bytes;
    }),
  );
}

/** Last month in China (YYYY-MM): the month a distributor reports, whatever day the test runs. */
function lastMonth(): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

const STOCK = `query($f: StockFilter) { channelStock(first: 10, filter: $f) { nodes { batchNo quantity } } }`;

test('a monthly GBK CSV with a misspelled hospital is matched, previewed and committed; committing it again changes nothing', async () => {
  const batch = `UP${randomUUID().slice(0, 6).toUpperCase()}`;
  const month = lastMonth();
  const api = await apiAs('portal', REP);
  const { scanUdi } = await api<{ scanUdi: { product: { id: string } } }>(
    `query($c: String!) { scanUdi(code: $c) { product { id } } }`,
    { c: `(01)${CRP_GTIN}` },
  );
  await api(`mutation($i: RecordStockMovementInput!) { recordStockMovement(input: $i) { id } }`, {
    i: {
      kind: 'ADJUSTED',
      productId: scanUdi.product.id,
      batchNo: batch,
      quantity: 10,
      occurredOn: `${month}-01`,
      reason: '浏览器测试的期初库存',
      idempotencyKey: randomUUID(),
    },
  });
  const onHand = async () =>
    (await api<{ channelStock: { nodes: Array<{ quantity: number }> } }>(STOCK, { f: { lot: batch } })).channelStock
      .nodes[0].quantity;
  const file = {
    name: `康达${month}流向.csv`,
    mimeType: 'text/csv',
    buffer: gbk(
      `医院名称,科室,产品编码,批号,数量,销售日期\r\n浙江大学医学院附属弟一医院,检验科,HK-CRP-50,${batch},4,${month}-05\r\n`,
    ),
  };

  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/inventory/upload'));
  await login(page, REP);
  await page.getByRole('heading', { name: '月度流向上传' }).waitFor();
  const send = async () => {
    await page.getByLabel('月份').fill(month);
    await page.getByLabel('文件').setInputFiles(file);
    await page.getByRole('button', { name: '上传并预览' }).click();
  };
  await send();

  // the preview: the name as typed, the hospital it means with its score, no problem
  const row = page.getByTestId('upload-row');
  await row.getByText('浙江大学医学院附属弟一医院').waitFor();
  await row.getByText(/浙江大学医学院附属第一医院 · 相似度 \d+%/).waitFor();
  await page.getByText(`${month} · 共 1 行 · 0 个问题`).waitFor();
  await session.shot('sellout-upload-01-preview');
  expect(await onHand()).toBe(10);

  await page.getByRole('button', { name: '提交全部 1 行' }).click();
  await page.getByTestId('upload-committed').getByText('已提交').waitFor();
  await session.shot('sellout-upload-02-committed');
  expect(await onHand()).toBe(6);

  // the same file again: its first commit answers, nothing changes
  await page.getByRole('button', { name: '上传其他文件' }).click();
  await send();
  await page.getByTestId('upload-committed').getByText('此文件已提交过，本次未做任何更改').waitFor();
  await session.shot('sellout-upload-03-replayed');
  expect(await onHand()).toBe(6);
});
