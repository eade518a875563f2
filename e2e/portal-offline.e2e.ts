import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { login, openBrowser, url, type Session } from './support/browser';
import { addToCart, chooseHospital, openCatalog, placedOrderNumber, reviewCart } from './portal-ordering';

// The portal through a bad signal, on a phone with touch: 李娜 (REP, 杭州康达) fills her cart and
// reaches the review, the signal goes, she taps submit: the order waits on the phone, visibly, and
// survives a reload without a signal; the signal returns and it is sent with the key it got at the
// tap: exactly one order. And the app opened with no signal at all shows her orders as last synced.
const PHONE = { width: 390, height: 844 };
const REP = 'li.rep@kangda.demo';
const HOSPITAL = '杭州市第一人民医院';
let s: Session | undefined;

afterEach(async () => {
  await s?.context.setOffline(false);
  await s?.close();
  s = undefined;
});

/** The rep's orders, counted by the API on a session of its own (not the phone's). */
async function ordersOnServer(): Promise<number> {
  const api = await apiAs('portal', REP);
  return (await api<{ orders: { totalCount: number } }>('{ orders(first: 1) { totalCount } }')).orders.totalCount;
}

/** The service worker has installed (precached the shell and the ordering pages) and controls the page. */
async function workerInControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
}

test('an order submitted without a signal waits on the phone and is placed exactly once when the signal returns', async () => {
  s = await openBrowser(PHONE);
  const { page, context, shot } = s;
  await page.goto(url('portal', '/orders'));
  await login(page, REP);
  await page.getByTestId('order-list').waitFor();
  await workerInControl(page);
  const before = await ordersOnServer();

  await openCatalog(page);
  await addToCart(page, 'HK-CRP-50', 2);
  await page.getByTestId('cart-checkout').click();
  await page.getByTestId('cart-lines').waitFor();
  await chooseHospital(page, HOSPITAL);
  expect(await reviewCart(page)).toBe(true);

  // the signal goes; she taps submit
  await context.setOffline(true);
  await page.getByTestId('place-order').tap();
  const waiting = page.getByTestId('waiting-order');
  await waiting.waitFor();
  expect(await waiting.innerText()).toContain('等待信号：订单已保存在本机');
  expect(await waiting.innerText()).toContain('共 2 件商品');
  await shot('portal-offline-01-order-waiting');

  // still no signal: the page reloads from the service worker, the order still waits on the phone
  await page.reload();
  await waiting.waitFor();
  expect(page.url()).toMatch(/\/orders\/review$/);
  expect(await ordersOnServer()).toBe(before);

  // the signal returns: the order is sent by itself, and the phone lands on it
  await context.setOffline(false);
  const number = await placedOrderNumber(page);
  expect(number).toMatch(/\S/);
  expect(await ordersOnServer()).toBe(before + 1);
  // nothing waits any more: the list has the order, no waiting note, and nothing is sent again
  await page.getByTestId('tab-orders').click();
  await page.getByTestId('order-row').filter({ hasText: number }).waitFor();
  expect(await page.getByTestId('waiting-order').count()).toBe(0);
  expect(await page.getByTestId('cart-reminder').count()).toBe(0);
  expect(await ordersOnServer()).toBe(before + 1);
  await shot('portal-offline-02-placed-once');
});

test('opened without a signal, the app shows the orders list kept on the phone, marked with when it was synced', async () => {
  s = await openBrowser(PHONE);
  const { page, context, shot } = s;
  await page.goto(url('portal', '/orders'));
  await login(page, REP);
  const rows = page.getByTestId('order-row');
  await rows.first().waitFor();
  const numbers = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-number')));
  expect(await page.getByTestId('synced-note').count()).toBe(0);
  await workerInControl(page);

  await context.setOffline(true);
  // a fresh start of the app, no signal: the shell from the service worker, the list from the device
  const offline = await context.newPage();
  await page.close();
  await offline.goto(url('portal', '/orders'));
  const note = offline.getByTestId('synced-note');
  await note.waitFor();
  expect(await note.innerText()).toMatch(/无网络：显示的是 .+ 同步的内容/);
  await offline.getByTestId('order-row').first().waitFor();
  expect(
    await offline.getByTestId('order-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-number'))),
  ).toEqual(numbers);
  await offline.screenshot({ path: `${__dirname}/screenshots/portal-offline-03-orders-offline.png` });
  void shot;
});
