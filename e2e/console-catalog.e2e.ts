import type { Locator, Page } from 'playwright-core';
import { pickOption } from './support/select';
import { login, openBrowser, url, type Session } from './support/browser';
import { typeDate } from './finance-desk';
import { dayFromToday } from './visit-desk';
import { addToCart, chooseHospital, reviewCart } from './portal-ordering';

// The catalog as master data, acted by what the user reads. The admin 王磊 creates products of
// the test's own in 超声影像 (the line 杭州康达 is authorized for in 杭州), each code carrying a
// unique tag so reruns on one database never meet:
// - one registered under a certificate that ended five days ago: the compliance check refuses it
//   and 杭州康达's rep finds it nowhere in his catalog; the admin renews the certificate, the old
//   one stays in the history, and the check and the rep's order review pass;
// - one whose tier-1 price is set from today and changed from ten days on: the products table
//   shows each price on its own day, and the rep's catalog today's.
// Dates are days from the seed's today (China time), never fixed.
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const HOSPITAL = '浙江大学医学院附属第一医院';
let sessions: Session[] = [];

afterEach(async () => {
  for (const s of sessions) await s.close();
  sessions = [];
});

async function open(viewport: typeof DESKTOP, app: 'console' | 'portal', path: string, email: string) {
  const s = await openBrowser(viewport);
  sessions.push(s);
  await s.page.goto(url(app, path));
  await login(s.page, email);
  return s;
}

/** Opens a select found by its label, types, clicks the option holding `text`, and waits for the list to close. */

/** 新建产品 in 超声影像, class II, with its first certificate; the drawer of the new product opens. */
async function createProduct(page: Page, p: { code: string; name: string; regNo: string; from: number; to: number }) {
  await page.getByRole('button', { name: '新建产品' }).click();
  const form = page.getByRole('dialog', { name: '新建产品' });
  await form.getByLabel('编码').fill(p.code);
  await form.getByLabel('产品名称').fill(p.name);
  await pickOption(page, form.getByLabel('产品线'), '超声影像', '超声');
  await pickOption(page, form.getByLabel('类别'), 'II 类', 'II');
  await form.getByLabel('目录价').fill('1200');
  await form.getByLabel('注册证号').fill(p.regNo);
  await typeDate(form.getByLabel('注册证生效日期'), dayFromToday(p.from));
  await typeDate(form.getByLabel('注册证有效期至'), dayFromToday(p.to));
  await form.getByRole('button', { name: /^保\s?存$/ }).click();
  await form.waitFor({ state: 'detached' });
  const drawer = page.getByTestId('product-drawer');
  await drawer.getByText(p.name).first().waitFor();
  return drawer;
}

/** The compliance question for 杭州康达, the product and the hospital, today: whether it may be sold. */
async function mayBeSold(page: Page, code: string): Promise<Locator> {
  await page.goto(url('console', '/compliance'));
  const question = page.getByTestId('compliance-form');
  await pickOption(page, question.getByLabel('经销商'), '杭州康达');
  await pickOption(page, question.getByLabel('产品'), code);
  await pickOption(page, question.getByLabel('医院'), HOSPITAL, '浙江大学');
  await question.getByRole('button', { name: /^查\s?询$/ }).click();
  const answer = page.getByTestId('compliance-answer');
  await answer.waitFor();
  return answer;
}

/** The rep's catalog, searched by the code. */
async function repCatalog(page: Page, code: string): Promise<void> {
  await page.goto(url('portal', `/orders/new?q=${encodeURIComponent(code)}`));
  await page.getByTestId('catalog-search').waitFor();
}

test('an expired registration certificate blocks the sale; renewed, the old one stays in the history and the order passes', async () => {
  const tag = Date.now().toString(36);
  const code = `CAT-R-${tag}`;
  const admin = await open(DESKTOP, 'console', '/products', 'admin@huakang.demo');
  const { page } = admin;
  const drawer = await createProduct(page, {
    code,
    name: `目录续证探头 ${tag}`,
    regNo: `浙械注准旧${tag}`,
    from: -400,
    to: -5,
  });
  await drawer.getByTestId('registration-expired').waitFor();
  await admin.shot('catalog-01-expired');

  // blocked: the check names the certificate, and the rep's catalog does not offer the product
  const refused = await mayBeSold(page, code);
  expect(await refused.getAttribute('data-allowed')).toBe('false');
  await refused.getByText('产品注册证已过期').waitFor();
  const rep = await open(PHONE, 'portal', '/', 'wang.rep@kangda.demo');
  await rep.page.getByTestId('tab-orders').waitFor();
  await repCatalog(rep.page, code);
  await rep.page.getByText('没有符合条件的产品').waitFor();
  expect(await rep.page.getByTestId(`catalog-item-${code}`).count()).toBe(0);

  // 延续注册证: valid from the day after the old one ended, for five years
  await page.goto(url('console', `/products?q=${encodeURIComponent(code)}`));
  await page.getByText(`目录续证探头 ${tag}`, { exact: true }).first().click();
  await drawer.getByRole('button', { name: '延续注册证' }).click();
  const renew = page.getByRole('dialog', { name: /^延续注册证：/ });
  await renew.getByLabel('新注册证号').fill(`浙械注准新${tag}`);
  await typeDate(renew.getByLabel('注册证有效期至'), dayFromToday(1800));
  await admin.shot('catalog-02-renew');
  await renew.getByRole('button', { name: '延续注册证' }).click();
  await renew.waitFor({ state: 'detached' });
  const history = drawer.getByTestId('product-registrations');
  await history.getByRole('row', { name: new RegExp(`浙械注准新${tag}.*当前`) }).waitFor();
  await history.getByText(`浙械注准旧${tag}`).waitFor();
  expect(await drawer.getByTestId('registration-expired').count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await admin.shot('catalog-03-renewed');

  // the check and the order review pass on the current certificate
  const allowed = await mayBeSold(page, code);
  expect(await allowed.getAttribute('data-allowed')).toBe('true');
  await repCatalog(rep.page, code);
  await addToCart(rep.page, code, 1);
  await rep.page.getByTestId('cart-checkout').click();
  await chooseHospital(rep.page, HOSPITAL);
  expect(await reviewCart(rep.page)).toBe(true);
  await rep.shot('catalog-04-review');
});

test('a tier price changed from a date: the products table shows each price on its day, the catalog today’s', async () => {
  const tag = Date.now().toString(36);
  const code = `CAT-P-${tag}`;
  const name = `目录调价导管 ${tag}`;
  const admin = await open(DESKTOP, 'console', '/products', 'admin@huakang.demo');
  const { page } = admin;
  const drawer = await createProduct(page, { code, name, regNo: `浙械注准${tag}`, from: -30, to: 1000 });

  // 调价: tier 1 at 980.00 from today, then at 860.00 from ten days on
  for (const [price, day] of [
    ['980', 0],
    ['860', 10],
  ] as const) {
    await drawer.getByRole('button', { name: /^调\s?价$/ }).click();
    const form = page.getByRole('dialog', { name: /^调价：/ });
    await form.getByLabel('价格').fill(price);
    await typeDate(form.getByLabel('生效'), dayFromToday(day));
    await form.getByRole('button', { name: /^保\s?存$/ }).click();
    await form.waitFor({ state: 'detached' });
  }
  const prices = drawer.getByTestId('product-prices');
  await prices.getByText('¥860.00').waitFor();
  await prices.getByText('¥980.00').waitFor();
  await admin.shot('catalog-05-price-history');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // the table on the day before the change, and on its day
  // each day is typed once the table says it shows the day before (a date typed while the picker still waits for
  // the previous one would be overwritten by it)
  const row = page.getByRole('row', { name: new RegExp(name) });
  const showsDay = (day: string) =>
    page.getByRole('columnheader', { name: `${day.replaceAll('-', '/')} 的分级价格` }).waitFor();
  await typeDate(page.getByTestId('product-price-day'), dayFromToday(9));
  await showsDay(dayFromToday(9));
  await row.getByTestId('product-tier-prices').getByText('1 级 ¥980.00').waitFor();
  await typeDate(page.getByTestId('product-price-day'), dayFromToday(10));
  await showsDay(dayFromToday(10));
  await row.getByTestId('product-tier-prices').getByText('1 级 ¥860.00').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  // and the table shows every column without scrolling sideways
  const table = page.locator('.ant-table-content').first();
  expect(await table.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await admin.shot('catalog-06-prices-on-day');

  // 杭州康达 (tier 1) orders today at today's price
  const rep = await open(PHONE, 'portal', '/', 'wang.rep@kangda.demo');
  await rep.page.getByTestId('tab-orders').waitFor();
  await repCatalog(rep.page, code);
  await rep.page.getByTestId(`catalog-item-${code}`).getByTestId('catalog-price').getByText('¥980.00').waitFor();
});
