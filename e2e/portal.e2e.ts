import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
  // the rep's language back to Chinese, where the first test leaves it when it passes: a failure
  // midway must not leave English on the user for the files after it (which read her pages in Chinese)
  const rep = await apiAs('portal', 'li.rep@kangda.demo');
  await rep('mutation { setMyLocale(locale: ZH_CN) { id } }');
});

const tabs = (s: Session) =>
  s.page
    .getByTestId('tab-bar')
    .locator('[data-testid^="tab-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));

test('rep on a phone: language picked at login is kept, tab bar for the role, switch back, logout', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  // English words (the app's, the shared ones, antd's) are chunks of their own, fetched when chosen.
  const englishChunks: string[] = [];
  page.on('request', (r) => {
    if (/\/assets\/en(_US)?-[^/]*\.js$/.test(new URL(r.url()).pathname)) englishChunks.push(r.url());
  });
  await page.goto(url('portal', '/'));
  await page.waitForURL((u) => u.pathname === '/login');
  await page.getByTestId('login-submit').waitFor();
  await s.shot('portal-01-login-phone');
  expect(englishChunks).toEqual([]);

  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('login-submit').filter({ hasText: 'Log in' }).waitFor();
  expect(englishChunks.length).toBeGreaterThanOrEqual(2);
  await s.shot('portal-02-login-phone-en');

  await login(page, 'li.rep@kangda.demo');
  await page.getByTestId('welcome').waitFor();
  await page.getByTestId('tab-bar').getByText('Home').waitFor();
  expect(await page.getByTestId('header-org').innerText()).toBe('杭州康达医疗器械有限公司');
  expect(await page.getByTestId('welcome').innerText()).toContain('Sales rep');
  // A rep has the account tab too (what they see of it is the owner's choice); no side menu at this width.
  expect(await tabs(s)).toEqual(['tab-home', 'tab-orders', 'tab-statements', 'tab-training', 'tab-visits', 'tab-me']);
  expect(await page.getByTestId('side-menu').isVisible()).toBe(false);
  await s.shot('portal-03-home-phone-en');

  // The login page's choice was saved on the user: it survives a browser that forgot it.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('tab-bar').getByText('Home').waitFor();

  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-name').waitFor();
  expect(await page.getByTestId('me-name').innerText()).toBe('李娜');
  await s.shot('portal-04-me-phone-en');

  await page.getByTestId('tab-training').click();
  // the assigned CL-1000 course is on 李娜's list
  await page.locator('[data-testid="enrollments"][data-ready="true"]').getByTestId('enrollment-row').first().waitFor();
  await s.shot('portal-05-training-phone-en');

  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('tab-bar').getByText('首页').waitFor();
  await s.shot('portal-06-training-phone');

  await page.getByTestId('tab-me').click();
  await page.getByTestId('me-name').waitFor();
  await s.shot('portal-07-me-phone');
  await page.getByTestId('me-logout').click();
  await page.waitForURL((u) => u.pathname === '/login');
  await page.getByTestId('login-submit').filter({ hasText: '登' }).waitFor();
  await s.shot('portal-08-logged-out-phone');
});

test('owner on a desktop: side menu with statements', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('portal', '/statements'));
  await login(page, 'boss@kangda.demo');
  await page.waitForURL((u) => u.pathname === '/statements');
  await page.getByTestId('account-summary').waitFor();
  expect(await page.getByTestId('tab-bar').isVisible()).toBe(false);
  const side = await page.getByTestId('side-menu').innerText();
  for (const label of ['首页', '订单', '对账', '培训', '拜访', '我的']) expect(side).toContain(label);
  await s.shot('portal-09-statements-desktop');
  await page.getByTestId('side-menu').getByText('首页').click();
  await page.getByTestId('welcome').waitFor();
  await s.shot('portal-10-home-desktop');
});

// The API answers a brand account on the portal as a wrong password (no confirming a guessed one);
// the login page always shows the way to the console.
test('a brand user on the portal is refused like a wrong password and follows the link to the console', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', '/login'));
  await login(page, 'zhang.cm@huakang.demo');
  const error = page.getByTestId('login-error');
  await error.waitFor();
  expect(await error.innerText()).toContain('邮箱或密码不正确');
  await s.shot('portal-11-wrong-audience-phone');
  await page.getByText('品牌方员工？请登录管理台').click();
  await page.waitForURL(url('console', '/login'));
  await page.getByText('经销商？请登录经销商门户').waitFor();
});
