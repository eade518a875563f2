import ExcelJS from 'exceljs';
import { login, openBrowser, url, type Session } from './support/browser';
import { dayFromToday } from './visit-desk';

// A price list from Excel: 孙丽 in finance goes from 产品 to 导入价格表, uploads next year's tier prices for
// HK-CRP-50, reads the preview, imports them, and the products table shows them on their day. The day is far
// enough ahead (and of this file only) that no other test prices it; the same file again changes nothing.
const DESKTOP = { width: 1440, height: 900 };
const DAY = dayFromToday(700);
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function priceList(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('价格表');
  sheet.addRow(['产品编码 Product code*', '价格级别 Tier (1–9)*', '价格 Price*', '生效日期 Effective from*']);
  sheet.addRow(['HK-CRP-50', '1', '281.00', DAY]);
  sheet.addRow(['HK-CRP-50', '2', '299.00', DAY]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('finance imports a price list from Excel and the catalogue shows it on its day', async () => {
  s = await openBrowser(DESKTOP);
  const { page, shot } = s;
  await page.goto(url('console', '/products'));
  await login(page, 'finance@huakang.demo');
  await page.getByRole('link', { name: '导入价格表' }).click();
  await page.waitForURL(/\/import\?kind=prices/);
  const file = await priceList();
  const upload = async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: '价格表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await page.getByTestId('import-preview').waitFor();
  };
  await upload();
  expect(await page.getByTestId('import-error-count').innerText()).toBe('0');
  expect(await page.getByTestId('import-preview').innerText()).toContain('2 个新价格，0 个与价格表一致（不变）');
  await shot('prices-01-preview');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').getByText('2 个新价格').waitFor();

  // the same file again: nothing new
  await page.getByTestId('import-done').getByText('再导入一个文件').click();
  await upload();
  expect(await page.getByTestId('import-preview').innerText()).toContain('0 个新价格，2 个与价格表一致（不变）');

  // on its day, the catalogue's tier prices are the imported ones
  await page.goto(url('console', `/products?q=HK-CRP-50&on=${DAY}`));
  await page.getByRole('columnheader', { name: `${DAY.replace(/-/g, '/')} 的分级价格` }).waitFor();
  const row = page.locator('.ant-table-row', { hasText: 'HK-CRP-50' }).first();
  await row.getByText('1 级 ¥281.00').waitFor();
  await row.getByText('2 级 ¥299.00').waitFor();
  await shot('prices-02-on-its-day');
});
