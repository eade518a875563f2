import { login, openBrowser, url, type Session } from './support/browser';

const DESKTOP = { width: 1366, height: 800 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('channel manager: back to the deep link after login, role menu, language saved on the user, expiry, logout', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;

  await page.goto(url('console', '/distributors'));
  await page.waitForURL(/\/login\?next=%2Fdistributors$/);
  await page.getByTestId('login-submit').waitFor();
  await s.shot('console-01-login');

  await login(page, 'zhang.cm@huakang.demo');
  await page.waitForURL((u) => u.pathname === '/distributors');
  await page.locator('.ant-table-row').first().waitFor();
  expect(await page.getByTestId('user-name').innerText()).toContain('张伟');
  expect(await page.getByTestId('user-role').innerText()).toBe('渠道经理');
  expect(await page.getByTestId('user-org').innerText()).toBe('华康医疗科技有限公司');
  const menu = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  // A channel manager works the field: no finance (order desk and finance own statements); imports
  // spreadsheets; follows the trials and the delivery projects of his opportunities and his
  // distributors' channel stock, recalls, placed instruments and exits, and reads the 经营看板; but does not
  // approve quotes below the floor price (the regional head does).
  expect(menu).toEqual([
    'nav-dashboard',
    'nav-distributors',
    'nav-hospitals',
    'nav-opportunities',
    'nav-trials',
    'nav-delivery',
    'nav-inventory',
    'nav-compliance',
    'nav-products',
    'nav-orders',
    'nav-training',
    'nav-visits',
    'nav-import',
    'nav-recalls',
    'nav-exits',
    'nav-placements',
    'nav-insights',
  ]);
  await s.shot('console-02-distributors');

  await page.getByTestId('distributor-search').locator('input').fill('康达');
  await page.getByTestId('distributor-search').locator('input').press('Enter');
  await page.waitForURL(/q=%E5%BA%B7%E8%BE%BE/);
  // The URL changes before the list has its answer: until then the rows on screen are the previous
  // search's, about to be replaced under the pointer. Click once the list holds only the search's rows.
  await page.waitForFunction(() => {
    const list = document.querySelector('[data-testid="paged-list"]');
    const rows = [...(list?.querySelectorAll('.ant-table-row') ?? [])];
    return (
      list?.getAttribute('aria-busy') === 'false' &&
      rows.length > 0 &&
      rows.every((r) => r.textContent?.includes('康达'))
    );
  });
  await page.locator('.ant-table-row a', { hasText: '康达' }).first().click();
  await page.waitForURL(/\/distributors\/[^/?]+$/);
  await page.getByText('基本信息').waitFor();
  await s.shot('console-03-distributor-detail');

  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('side-menu').getByText('Distributors').waitFor();
  await page.getByText('Profile').waitFor();
  await s.shot('console-04-distributor-detail-en');

  // Saved on the user, not only in this browser: forget the browser's choice and reload.
  await page.evaluate(() => localStorage.clear());
  await page.goto(url('console', '/'));
  await page.getByTestId('welcome').waitFor();
  expect(await page.getByTestId('welcome').innerText()).toContain('Hello, 张伟');
  expect(await page.getByTestId('user-role').innerText()).toBe('Channel manager');
  await s.shot('console-05-dashboard-en');

  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('side-menu').getByText('经销商').waitFor();
  await page.getByText('您好，张伟').waitFor();
  await s.shot('console-06-dashboard');

  // The session ends behind the user's back: the next operation sends them to login and back.
  await s.context.clearCookies();
  await page.getByTestId('nav-distributors').click();
  await page.waitForURL(/\/login\?next=%2Fdistributors&reason=SESSION_EXPIRED$/);
  await s.shot('console-07-session-expired');
  await page.getByTestId('session-expired').waitFor();
  await s.shot('console-07-session-expired');
  await login(page, 'zhang.cm@huakang.demo');
  await page.waitForURL((u) => u.pathname === '/distributors');
  await page.locator('.ant-table-row').first().waitFor();

  await page.getByTestId('logout').click();
  await page.waitForURL((u) => u.pathname === '/login' && u.search === '');
  await s.shot('console-08-logged-out');
  await page.goto(url('console', '/orders'));
  await page.waitForURL(/\/login\?next=%2Forders$/);
});

test('order desk sees orders and finance, not the field work', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/finance'));
  await login(page, 'order@huakang.demo');
  await page.waitForURL((u) => u.pathname === '/finance');
  await page.getByTestId('finance-tab-receivables').waitFor();
  const menu = await page
    .getByTestId('side-menu')
    .locator('[data-testid^="nav-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(menu).toEqual([
    'nav-dashboard',
    'nav-distributors',
    'nav-inventory',
    'nav-compliance',
    'nav-products',
    'nav-orders',
    'nav-finance',
    'nav-recalls',
    'nav-placements',
  ]);
  await s.shot('console-09-order-desk-finance');
  // A page outside the role answers with a real page that says so; unknown paths are a 404.
  await page.goto(url('console', '/training'));
  await page.getByText('无权访问').waitFor();
  await page.goto(url('console', '/no-such-page'));
  await page.getByText('页面不存在', { exact: true }).waitFor();
  await s.shot('console-10-not-found');
});

// Failed logins are throttled (5 a minute per account and per IP): this file makes two.
test('a wrong password shows the coded message; a partner user is refused alike and finds the way to the portal', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/login'));
  await login(page, 'zhao.rh@huakang.demo', 'not-the-password');
  const error = page.getByTestId('login-error');
  await error.waitFor();
  expect(await error.innerText()).toContain('邮箱或密码不正确');
  await s.shot('console-11-wrong-password');

  await page.getByTestId('language-switch').getByText('EN').click();
  await login(page, 'boss@kangda.demo');
  await error.filter({ hasText: 'Wrong email or password' }).waitFor();
  await s.shot('console-12-wrong-audience-en');
  await page.getByText('Distributor? Sign in to the portal').click();
  await page.waitForURL(url('portal', '/login'));
});
