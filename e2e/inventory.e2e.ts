import { randomUUID } from 'node:crypto';
import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// 扫码出库 on a phone. 杭州康达's rep 李娜 holds a CRP batch of this run's own (set up through the API,
// so the test runs again on the same database); at 浙大一院 she types the package's GS1 UDI into the
// scan field as a barcode scanner would, the portal names the product and the units on hand, she
// picks the hospital and the laboratory, sells out three, and 库存 shows the seven left.
const PHONE = { width: 390, height: 844 };
const REP = 'li.rep@kangda.demo';
/** HK-CRP-50's GTIN (UDI-DI) in the seed's catalogue */
const CRP_GTIN = '06901234500031';
let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

const STOCK = `query($f: StockFilter) { channelStock(first: 10, filter: $f) { nodes { batchNo quantity } } }`;

test('a rep sells out a batch to a hospital by scanning its UDI', async () => {
  const batch = `E2E${randomUUID().slice(0, 6).toUpperCase()}`;
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
      expiryDate: '2030-06-30',
      quantity: 10,
      occurredOn: '2026-01-05',
      reason: '浏览器测试的期初库存',
    },
  });

  session = await openBrowser(PHONE);
  const { page } = session;
  await page.goto(url('portal', '/inventory/sell-out'));
  await login(page, REP);
  await page.getByRole('heading', { name: '扫码出库' }).waitFor();
  // a scanner types the code and Enter into the focused field
  await page.getByLabel('扫描 UDI 条码').fill(`(01)${CRP_GTIN}(17)300630(10)${batch}`);
  await page.getByLabel('扫描 UDI 条码').press('Enter');
  const lot = page.getByTestId('sell-out-lot');
  await lot.getByText('C反应蛋白').first().waitFor();
  await lot.getByText(batch).waitFor();
  await lot.getByTestId('sell-out-on-hand').getByText('10').waitFor();

  await pickOption(page, page.getByLabel('医院'), '浙江大学医学院附属第一医院', '浙江大学');
  await pickOption(page, page.getByLabel('科室'), '检验科');
  await page.getByLabel('数量').fill('3');
  await session.shot('inventory-01-scanned');
  await page.getByRole('button', { name: '确认出库' }).click();
  await page.getByText(`批号 ${batch} × 3，送往 浙江大学医学院附属第一医院 检验科`).waitFor();
  await session.shot('inventory-02-sold-out');

  // 库存 shows what is left of the batch
  await page.goto(url('portal', '/inventory'));
  const row = page.getByTestId('stock-row').filter({ hasText: batch });
  await row.getByTestId('stock-quantity').getByText('7').waitFor();
  await session.shot('inventory-03-stock');
  const left = await api<{ channelStock: { nodes: Array<{ batchNo: string; quantity: number }> } }>(STOCK, {
    f: { lot: batch },
  });
  expect(left.channelStock.nodes).toEqual([{ batchNo: batch, quantity: 7 }]);
});
