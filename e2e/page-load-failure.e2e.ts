import { login, openBrowser, url, type Session } from './support/browser';

// A patchy network while opening a page not yet visited: its code cannot be fetched. The shell
// (header, tab bar / side menu) stays; the page's place says it did not load, with 重试 and 刷新页面;
// once the network is back, 重试 (or going to another page) loads it — no reload needed.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('portal on a phone: the network drops while opening 培训 → the shell stays, the page says so; network back → 重试 loads it', async () => {
  s = await openBrowser(PHONE);
  const { page, context } = s;
  await page.goto(url('portal', '/'));
  await login(page, 'li.rep@kangda.demo');
  await page.getByTestId('welcome').waitFor();

  await context.setOffline(true);
  await page.getByTestId('tab-bar').getByText('培训').click();
  const failed = page.getByTestId('page-load-failed');
  await failed.waitFor();
  expect(await failed.innerText()).toContain('页面未能加载');
  expect(await page.getByTestId('tab-bar').isVisible()).toBe(true);
  expect(await page.getByTestId('header-org').innerText()).toBe('杭州康达医疗器械有限公司');
  await failed.getByText('刷新页面').waitFor();
  await s.shot('page-load-01-portal-offline');

  // Still offline: retrying fails again, the same way.
  await failed.getByRole('button', { name: /重\s*试/ }).click();
  await page.getByTestId('loading').or(failed).first().waitFor();
  await failed.waitFor();

  await context.setOffline(false);
  await failed.getByRole('button', { name: /重\s*试/ }).click();
  await page.getByTestId('training-tabs').waitFor();
  expect(await failed.count()).toBe(0);
  await s.shot('page-load-02-portal-back-online');
});

test('console: the network drops while opening 培训 → the side menu stays; network back → going to another page and back loads it', async () => {
  s = await openBrowser(DESKTOP);
  const { page, context } = s;
  await page.goto(url('console', '/'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('side-menu').waitFor();

  await context.setOffline(true);
  await page.getByTestId('side-menu').getByText('培训').click();
  const failed = page.getByTestId('page-load-failed');
  await failed.waitFor();
  expect(await page.getByTestId('side-menu').isVisible()).toBe(true);
  expect(await page.getByTestId('logout').isVisible()).toBe(true);
  await s.shot('page-load-03-console-offline');

  // Navigating clears the error: once online, the next page loads, and 培训 loads when opened again.
  await context.setOffline(false);
  await page.getByTestId('side-menu').getByText('产品').click();
  await page.waitForURL(/\/products/);
  await failed.waitFor({ state: 'detached' });
  await page.getByTestId('side-menu').getByText('培训').click();
  await page.getByTestId('course-list').waitFor();
  expect(await failed.count()).toBe(0);
});
