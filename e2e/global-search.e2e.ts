import { HOSPITALS } from '../api/src/db/seed/hospital-data';
import { login, openBrowser, url, type Session } from './support/browser';

// The top bar's search: 张伟 (channel manager) types part of a hospital's name and part of an order
// number, sees the matches grouped by kind and opens one; a hospital of another region stays unfound.
const DESKTOP = { width: 1366, height: 900 };
const CM = 'zhang.cm@huakang.demo';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('a channel manager finds a hospital and an order from the top bar, and nothing of another region', async () => {
  // 张伟 covers 杭州 (ZJ-HZ); 苏州 (JS-SZ) is another region's, and none of his distributors' orders is for its hospital
  const hospital = HOSPITALS.find((h) => h.regionCode === 'ZJ-HZ' && h.name === '杭州市第一人民医院')!;
  const elsewhere = HOSPITALS.find((h) => h.regionCode === 'JS-SZ')!;
  s = await openBrowser(DESKTOP);
  const { page, shot } = s;
  await page.goto(url('console', '/'));
  await login(page, CM);
  const box = page.getByRole('combobox', { name: '全局搜索' });
  await box.waitFor();

  // "/" brings the box into focus; part of the hospital's name finds it, grouped under 医院
  await page.locator('body').press('/');
  await page.keyboard.type(hospital.name.slice(0, 5));
  const results = page.locator('.ant-select-dropdown:visible');
  // what the dropdown shows (the options' ARIA list names them by their link, not by what they read)
  const shown = (text: string | RegExp) => results.locator('.ant-select-item-option', { hasText: text });
  await results.getByTestId('search-group-hospitals').waitFor();
  await shown(hospital.name).first().waitFor();
  await shot('global-search-01-hospital');
  await shown(hospital.name).first().click();
  await page.waitForURL(/\/hospitals\/[0-9a-f-]{36}$/);
  await page.getByTestId('page-title').getByText(hospital.name).waitFor();

  // an order of his: its number's last digits, Enter opens the first match
  await page.goto(url('console', '/orders'));
  const number = (
    await page
      .getByText(/^SO\d{10,}$/)
      .first()
      .innerText()
  ).trim();
  await page.keyboard.press('Control+k');
  await page.keyboard.type(number.slice(-8));
  await results.getByTestId('search-group-orders').waitFor();
  await shown(number).waitFor();
  await shot('global-search-02-order');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  await page.getByTestId('page-title').getByText(number).waitFor();

  // a hospital of another region: the search answers, and finds nothing of it
  await box.click();
  await page.keyboard.type(elsewhere.name);
  await results.getByTestId('search-status').getByText(`没有与“${elsewhere.name}”相符的结果`).waitFor();
  expect(await results.locator('.ant-select-item-option').count()).toBe(0);
  await shot('global-search-03-other-region');

  // Esc closes the dropdown
  await page.keyboard.press('Escape');
  await results.waitFor({ state: 'hidden' });
});

// the brand's people by their e-mail's domain: more than the five the dropdown lists
test('“see all” opens the kind’s list on the same text', async () => {
  s = await openBrowser(DESKTOP);
  const { page, shot } = s;
  await page.goto(url('console', '/'));
  await login(page, 'admin@huakang.demo');
  await page.getByRole('combobox', { name: '全局搜索' }).click();
  await page.keyboard.type('huakang');
  const all = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^查看全部 \d+ 条$/ });
  await all.waitFor();
  await shot('global-search-04-see-all');
  await all.click();
  await page.waitForURL(/\/people\?q=huakang$/);
  expect(await page.getByTestId('people-search').locator('input').inputValue()).toBe('huakang');
});
