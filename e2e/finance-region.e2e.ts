import { browsers } from './support/browser';
import { pickOption } from './support/select';

// 孙丽 (FINANCE, 浙江 + 江苏) narrows the finance tabs to 江苏省 with the region picker: the
// statements list then names Jiangsu's distributors (南京华宁) and none of Zhejiang's (杭州…); the
// choice stays in the address, so opening the list again keeps it. (The statements, invoices and
// payments lists once ignored the region and showed every province: account-filter.ts.)
const { signedIn } = browsers();

test('finance narrows the statements to a province with the region picker, and the choice stays', async () => {
  const finance = await signedIn('console', 'finance@huakang.demo', '/finance/statements');
  const { page } = finance;
  const rows = page.getByTestId('statement-list').locator('.ant-table-row');
  const zhejiang = rows.filter({ hasText: '杭州' });
  const jiangsu = rows.filter({ hasText: '南京华宁' });
  await zhejiang.first().waitFor();
  await jiangsu.first().waitFor();

  await pickOption(page, page.getByTestId('finance-region'), '江苏省', '江苏');
  await zhejiang.first().waitFor({ state: 'detached' });
  await jiangsu.first().waitFor();
  expect(await zhejiang.count()).toBe(0);
  await finance.shot('finance-region-01-statements-jiangsu');

  // the address carries the region: the list opened again is still Jiangsu's
  await page.reload();
  await jiangsu.first().waitFor();
  expect(await zhejiang.count()).toBe(0);
  expect(await page.getByTestId('finance-region').innerText()).toContain('江苏省');
});
