import ExcelJS from 'exceljs';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// 导出 Excel: the order desk filters the console's orders by 杭州康达 and exports them; the file
// (read with the API's own spreadsheet library) holds exactly the orders the filtered screen
// lists, in its order, with the same amounts, as numbers beside their currency.
const DESKTOP = { width: 1366, height: 900 };
const KANGDA = '杭州康达医疗器械有限公司';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** "¥12,345.60" as the number 12345.6 */
const amountOf = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

test('the orders list filtered by a distributor exports to Excel row for row as the screen shows it', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/orders'));
  await login(page, 'order@huakang.demo');
  const queue = page.getByTestId('order-queue');
  await queue.locator('.ant-table-row').first().waitFor();

  await pickOption(page, page.getByTestId('order-distributor'), '杭州康达');
  await page.waitForURL((u) => !!u.searchParams.get('distributor'));
  // every row is 康达's once the filtered page has replaced the one shown while it loaded
  await page.waitForFunction((name) => {
    const rows = [...document.querySelectorAll('[data-testid="order-queue"] .ant-table-row')];
    return rows.length > 0 && rows.every((r) => r.querySelectorAll('td')[3]?.textContent === name);
  }, KANGDA);
  const shown = await queue
    .locator('.ant-table-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  await s.shot('exports-01-orders-filtered');

  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/files/exports/orders.xlsx'),
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).searchParams.get('distributor')).toBe(
    new URL(page.url()).searchParams.get('distributor'),
  );
  expect(download.suggestedFilename()).toBe('订单.xlsx');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const [header, ...rows] = (wb.worksheets[0].getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
  const col = (name: string) => header.indexOf(name);
  expect(rows.map((r) => r[col('订单号 Number')])).toEqual(shown.map((cells) => cells[0]));
  expect(rows.map((r) => r[col('经销商 Distributor')])).toEqual(shown.map(() => KANGDA));
  expect(rows.map((r) => r[col('金额 Total')])).toEqual(shown.map((cells) => amountOf(cells[5])));
  expect(rows.every((r) => r[col('币种 Currency')] === 'CNY')).toBe(true);
  expect(rows.every((r) => r[col('提交时间 Submitted')] instanceof Date)).toBe(true);
});

test('an export the API refuses says why in a message, and the button is usable again', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  // the screen ignores an age it does not offer; the export's check refuses it (a hand-edited address)
  await page.goto(url('console', '/orders?age=soon'));
  await login(page, 'order@huakang.demo');
  await page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/files/exports/orders.xlsx'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(response.status()).toBe(400);
  await page.getByText('筛选条件有误，请检查后再导出。').waitFor();
  await s.shot('exports-02-refused');
  expect(await page.getByRole('button', { name: '导出 Excel' }).isEnabled()).toBe(true);
});

// 渠道库存 › 销售流向: the regional head filters the sell-out by the CRP reagent and exports it; the
// file holds the rows the filtered screen lists, in its order, with the same quantities as numbers.
const CRP = 'C反应蛋白测定试剂盒（免疫比浊法）50人份';

test('the sell-out filtered by a product exports to Excel row for row as the screen shows it', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/inventory?view=sellOut'));
  await login(page, 'zhao.rh@huakang.demo');
  await page.getByTestId('sell-out-row').first().waitFor();

  await pickOption(page, page.getByRole('combobox', { name: '产品' }), CRP, 'C反应蛋白');
  await page.waitForURL((u) => !!u.searchParams.get('product'));
  // every row is the CRP reagent's once the filtered page has replaced the one shown while it loaded
  await page.waitForFunction((name) => {
    const rows = [...document.querySelectorAll('[data-testid="sell-out-row"]')];
    return rows.length > 0 && rows.every((r) => r.querySelectorAll('td')[3]?.textContent === name);
  }, CRP);
  const shown = await page
    .getByTestId('sell-out-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const total = Number((await page.getByTestId('sell-out-total').textContent())!.replace(/\D/g, ''));
  await s.shot('exports-03-sell-out-filtered');

  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/files/exports/sell-out.xlsx'),
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).searchParams.get('product')).toBe(new URL(page.url()).searchParams.get('product'));
  expect(download.suggestedFilename()).toBe('销售流向.xlsx');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await download.path());
  const [header, ...rows] = (wb.worksheets[0].getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
  expect(header).toEqual(['医院', '区域', '科室', '产品', '产品编码', '数量']);
  expect(rows.length).toBe(total);
  // the screen shows an empty name as —, its quantities as formatted numbers
  const asShown = (r: unknown[]) => [r[0], r[1] ?? '—', r[2] ?? '—', r[3], r[5]];
  expect(rows.slice(0, shown.length).map(asShown)).toEqual(
    shown.map((cells) => [cells[0], cells[1], cells[2], cells[3], Number(cells[4].replace(/,/g, ''))]),
  );
  expect(rows.every((r) => r[3] === CRP && r[4] === 'HK-CRP-50' && typeof r[5] === 'number')).toBe(true);
});
