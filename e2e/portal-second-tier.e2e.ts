import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// An owner above a second tier, on a phone: 钱永强 (杭州康达) reads 宁波瑞康's orders beside his own. The list says so
// in its title, each of 宁波瑞康's orders says whose it is, and he narrows the list to one company or the other.
// Only seeded orders are read (宁波瑞康 has one); other tests may add orders to either company.
const PHONE = { width: 390, height: 844 };
const SECOND = '二级 · 宁波瑞康医疗用品有限公司';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('owner on a phone: his second tier’s orders say whose they are, and the list narrows to one company', async () => {
  s = await openBrowser(PHONE);
  const { page, shot } = s;
  await page.goto(url('portal', '/orders'));
  await login(page, 'boss@kangda.demo');
  await page.getByRole('heading', { name: '订单', exact: true }).waitFor();
  await page.getByText('本公司与二级经销商的订单').waitFor();
  const rows = page.getByTestId('order-list').getByTestId('order-row');
  await rows.first().waitFor();

  // narrowed to 宁波瑞康: every row says it is theirs
  await pickOption(page, page.getByLabel('公司', { exact: true }), SECOND, '');
  await page.waitForURL(/[?&]company=[0-9a-f-]{36}/);
  await page.locator('[data-testid="order-row"] [data-testid="company-tag"]').first().waitFor();
  const tags = await rows.evaluateAll((els) =>
    els.map((el) => el.querySelector('[data-testid="company-tag"]')?.textContent ?? ''),
  );
  expect(tags.length).toBeGreaterThan(0);
  expect(new Set(tags)).toEqual(new Set([SECOND]));
  await shot('second-tier-01-orders');
  const second = new URL(page.url()).searchParams.get('company');

  // narrowed to his own company: no row carries another company's name
  await pickOption(page, page.getByLabel('公司', { exact: true }), '杭州康达医疗器械有限公司', '');
  await page.waitForURL((u) => u.searchParams.has('company') && u.searchParams.get('company') !== second);
  await rows.first().waitFor();
  await page.locator('[data-testid="order-row"] [data-testid="company-tag"]').first().waitFor({ state: 'detached' });
  expect(await page.locator('[data-testid="order-row"] [data-testid="company-tag"]').count()).toBe(0);
});

test('owner on a phone: from his company’s second tier to its account, and back to his own', async () => {
  s = await openBrowser(PHONE);
  const { page, shot } = s;
  await page.goto(url('portal', '/company'));
  await login(page, 'boss@kangda.demo');
  const row = page.getByTestId('second-tier').locator('.pp-item', { hasText: '宁波瑞康医疗用品有限公司' });
  await row.getByRole('link', { name: '查看对账' }).click();
  await page.waitForURL(/\/statements\?company=[0-9a-f-]{36}/);
  // the account is 宁波瑞康's: said in the header, its own balance, no error
  await page.getByText(SECOND).first().waitFor();
  await page.getByTestId('account-balance').waitFor();
  const theirs = await page.getByTestId('account-balance').getAttribute('data-amount');
  await shot('second-tier-02-account');

  await pickOption(page, page.getByLabel('公司', { exact: true }), '杭州康达医疗器械有限公司', '');
  await page.waitForURL((u) => !u.searchParams.has('company'));
  await page.locator(`[data-testid="account-balance"]:not([data-amount="${theirs}"])`).waitFor();
});
