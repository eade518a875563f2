import { randomUUID } from 'node:crypto';
import { login, openBrowser, url, type Session } from './support/browser';
import {
  addToCart,
  chooseHospital,
  openCatalog,
  openPortalOrder,
  placedOrderNumber,
  portalOrderCount,
  reviewCart,
  shippedSerials,
} from './portal-ordering';
import { pickOption } from './support/select';
import { approveAndShipByApi, placeOrderAs } from './order-desk';
import { HOSPITALS } from '../api/src/db/seed/hospital-data';

// Orders in the portal, on a phone: 李娜 (REP, 杭州康达) picks products from the catalog, chooses
// 杭州市第一人民医院, sees the server's review (prices, compliance per line, credit) before she can
// submit, and submits on a bad network: the answer to her tap is lost, the order waits and is sent
// again with its key, and exactly one order exists. 王浩 follows a partly shipped order of his from a notification.
const PHONE = { width: 390, height: 844 };
const HOSPITAL = '杭州市第一人民医院';
// 王浩's partly shipped order of this file's own: not 杭州市第一人民医院, where console-orders.e2e.ts finds the seed's
// partly shipped order by its hospital
const SHIPPED_AT = '浙江大学医学院附属第一医院';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('rep on a phone: catalog → cart → hospital → review with credit and compliance → submit survives a lost answer', async () => {
  s = await openBrowser(PHONE);
  const { page, shot } = s;
  await page.goto(url('portal', '/orders'));
  await login(page, 'li.rep@kangda.demo');
  await page.getByTestId('order-list').waitFor();
  const before = await portalOrderCount(page);
  await shot('portal-orders-01-my-orders');

  await openCatalog(page);
  const crp = page.getByTestId('catalog-item-HK-CRP-50');
  expect(await crp.getByTestId('catalog-price').innerText()).toBe('¥296.00');
  await addToCart(page, 'HK-CRP-50', 3);
  await addToCart(page, 'HK-US-200', 10);
  expect(await page.getByTestId('cart-count').innerText()).toContain('13 件');
  // The estimate is exact: 3 × 296.00 + 10 × 598,000.00.
  expect(await page.getByTestId('cart-estimate').innerText()).toBe('¥5,980,888.00');
  await shot('portal-orders-02-catalog');

  await page.getByTestId('cart-checkout').click();
  await page.getByTestId('cart-lines').waitFor();
  expect(await page.getByTestId('cart-review').isDisabled()).toBe(true);
  await chooseHospital(page, HOSPITAL);
  await shot('portal-orders-03-cart');

  // Ten ultrasound systems are more than 杭州康达's whole credit line (seeded: ¥5,000,000): the
  // review says so before any submit, and a rep sees only that it does not fit, not the
  // distributor's credit figures.
  expect(await reviewCart(page)).toBe(false);
  expect(await page.getByTestId('review-total').innerText()).toBe('¥5,980,888.00');
  expect(await page.getByTestId('review-credit').getAttribute('data-within')).toBe('false');
  expect(await page.getByTestId('review-verdict').innerText()).toContain('超出可用信用额度');
  expect(await page.getByTestId('review-available').count()).toBe(0);
  expect(await page.getByTestId('place-order').isDisabled()).toBe(true);
  await shot('portal-orders-04-review-over-credit');

  // Back to the cart: the ultrasound goes, two HIV kits come in from the catalog.
  await page.getByTestId('review-back').click();
  await page.getByTestId('cart-remove-HK-US-200').click();
  await page.getByTestId('cart-add-more').click();
  await page.getByTestId('catalog-list').waitFor();
  await addToCart(page, 'HK-HIV-96', 2);
  await page.getByTestId('cart-checkout').click();
  expect(await reviewCart(page)).toBe(true);
  expect(await page.getByTestId('review-line-HK-CRP-50').getByTestId('review-line-amount').innerText()).toBe('¥888.00');
  expect(await page.getByTestId('review-line-HK-HIV-96').getByTestId('review-line-amount').innerText()).toBe(
    '¥4,160.00',
  );
  expect(await page.getByTestId('review-total').innerText()).toBe('¥5,048.00');
  expect(await page.getByTestId('review-credit').getAttribute('data-within')).toBe('true');
  expect(await page.locator('[data-testid^="review-findings-"]').count()).toBe(0);
  await shot('portal-orders-05-review-allowed');

  // A bad network: the server places the order, but its answer never reaches the phone.
  let lost = 0;
  await page.route('**/graphql', async (route) => {
    const body = route.request().postDataJSON() as { operationName?: string } | null;
    if (body?.operationName === 'PlaceOrder' && lost === 0) {
      lost += 1;
      await route.fetch();
      await route.abort('internetdisconnected');
      return;
    }
    await route.continue();
  });
  // No answer at all: the order waits on the phone with the key it got at the tap and, the network
  // being up, is sent again at once; the server answers with the order it already placed (part 9).
  await page.getByTestId('place-order').click();
  const number = await placedOrderNumber(page);
  expect(lost).toBe(1);
  expect(number).toMatch(/^SO\d{16}$/);
  await page.getByTestId('order-status').getByText('已提交').waitFor();
  expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('SUBMITTED');
  expect(await page.getByTestId('order-line-HK-CRP-50').innerText()).toContain('已发 0 · 待发 3');
  expect(await page.getByTestId('order-total').innerText()).toBe('¥5,048.00');
  expect(await page.getByTestId('order-timeline').innerText()).toContain('提交订单');
  await shot('portal-orders-07-order-submitted');
  await page.unroute('**/graphql');

  expect(await portalOrderCount(page)).toBe(before + 1);
  await page.getByTestId('tab-orders').click();
  const row = page.getByTestId('order-row').filter({ hasText: number });
  await row.waitFor();
  expect(await row.innerText()).toContain(HOSPITAL);
  expect(await page.getByTestId('order-row').filter({ hasText: number }).count()).toBe(1);
  expect(await page.getByTestId('cart-reminder').count()).toBe(0);
  await shot('portal-orders-08-my-orders-after');
  await openPortalOrder(page, number);
});

test('rep on a phone: a shipped-order notice leads to the partly shipped order with its serial numbers; reorder fills the cart', async () => {
  // 王浩's order for two ultrasound systems, approved and one shipped by serial (through the API), as the seed has
  // one of his: its notices are this attempt's own and unread (a retry finds its first attempt's read)
  const serial = `HK200-E2E-${randomUUID().slice(0, 6).toUpperCase()}`;
  const order = await placeOrderAs('wang.rep@kangda.demo', {
    hospitalId: HOSPITALS.find((h) => h.name === SHIPPED_AT)!.id,
    lines: [{ code: 'HK-US-200', quantity: 2 }],
  });
  await approveAndShipByApi(order, [
    { code: 'HK-US-200', quantity: 1, batchNo: 'US2611', expiryDate: '2031-11-30', serialNo: serial },
  ]);
  s = await openBrowser(PHONE);
  const { page, shot } = s;
  await page.goto(url('portal', '/'));
  await login(page, 'wang.rep@kangda.demo');
  await page.getByTestId('welcome').waitFor();
  const bell = page.getByTestId('unread-count');
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count')) > 0,
  );
  const unread = Number(await bell.getAttribute('data-count'));
  await shot('portal-orders-09-bell');

  await page.getByTestId('notification-bell').click();
  const number = order.number;
  const shipped = page.getByTestId('notification').filter({ hasText: '已发货' }).filter({ hasText: number }).first();
  await shipped.waitFor();
  expect(await shipped.getAttribute('data-unread')).toBe('true');
  await shot('portal-orders-10-notifications');

  // Opening the order marks every unread notice about it read (its approval's too), not only the one clicked.
  const aboutOrder = await page
    .getByTestId('notification')
    .filter({ hasText: number })
    .evaluateAll((items) => items.filter((i) => i.getAttribute('data-unread') === 'true').length);
  expect(aboutOrder).toBeGreaterThanOrEqual(1);

  await shipped.click();
  await page.getByTestId('order-status').getByText('部分发货').waitFor();
  expect(await page.getByTestId('order-line-HK-US-200').innerText()).toContain('已发 1 · 待发 1');
  expect(await shippedSerials(page)).toContain(serial);
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="unread-count"]')?.getAttribute('data-count')) === n,
    unread - aboutOrder,
  );
  await page.getByTestId('order-shipments').scrollIntoViewIfNeeded();
  await shot('portal-orders-11-partially-shipped');

  // Reorder: the same products and quantities for the same hospital, as a new cart.
  await page.getByTestId('order-reorder').click();
  await page.getByTestId('cart-line-HK-US-200').waitFor();
  expect(await page.getByTestId('qty-HK-US-200').locator('input').inputValue()).toBe('2');
  await page.getByTestId('hospital-select').getByText(SHIPPED_AT).waitFor();
  await shot('portal-orders-12-reorder-cart');
});

test('owner on a desktop: a stock order shows the credit figures in review, is placed, then cancelled before approval', async () => {
  s = await openBrowser({ width: 1280, height: 800 });
  const { page, shot } = s;
  await page.goto(url('portal', '/orders/new'));
  await login(page, 'boss@kangda.demo');
  await page.getByTestId('catalog-list').waitFor();
  await addToCart(page, 'HK-PAD-50', 10);
  await page.getByTestId('cart-checkout').click();
  await page.getByTestId('cart-kind').getByText('备货订单').click();
  expect(await page.getByTestId('hospital-select').count()).toBe(0);
  await page.getByTestId('cart-note').fill('季度备货');
  expect(await reviewCart(page)).toBe(true);
  // The owner sees the account's figures a rep does not.
  await page.getByTestId('review-available').waitFor();
  expect(await page.getByTestId('review-total').innerText()).toBe('¥360.00');
  await shot('portal-orders-13-owner-review-desktop');

  await page.getByTestId('place-order').click();
  const number = await placedOrderNumber(page);
  expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('SUBMITTED');
  await page.getByTestId('order-cancel').click();
  await page.getByTestId('order-cancel-reason').fill('数量有误，重新下单');
  await page.getByTestId('order-cancel-confirm').click();
  await page.getByTestId('order-status').getByText('已取消').waitFor();
  expect(await page.getByTestId('order-outcome').innerText()).toContain('数量有误，重新下单');
  expect(await page.getByTestId('order-cancel').count()).toBe(0);
  await shot('portal-orders-14-cancelled-desktop');

  await page.getByTestId('side-menu').getByText('订单').click();
  await pickOption(page, page.getByTestId('order-status-filter'), '已取消', '');
  await page.waitForURL(/status=CANCELLED/);
  await page.getByTestId('order-row').filter({ hasText: number }).waitFor();
  expect(await page.getByTestId('order-row').filter({ hasText: number }).innerText()).toContain('备货订单');
  await shot('portal-orders-15-cancelled-list-desktop');
});

test('owner with an expired licence: the review names the refused line and why, and submit stays off', async () => {
  s = await openBrowser(PHONE);
  const { page, shot } = s;
  await page.goto(url('portal', '/orders/new'));
  await login(page, 'boss@huaning.demo');
  await page.getByTestId('catalog-list').waitFor();
  // lifecycle.e2e.ts leaves this owner's saved language English (run order varies): switch to Chinese
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('tab-bar').getByText('首页').waitFor();
  await addToCart(page, 'HK-PAD-50', 2);
  await addToCart(page, 'HK-US-200', 1);
  await page.getByTestId('cart-checkout').click();
  await chooseHospital(page, '南京鼓楼医院');
  // 南京华宁's class II licence has expired (seeded): the ultrasound may not be sold, the pads may.
  expect(await reviewCart(page)).toBe(false);
  expect(await page.getByTestId('review-findings-HK-US-200').innerText()).toContain('资质已过期');
  expect(await page.getByTestId('review-findings-HK-PAD-50').count()).toBe(0);
  expect(await page.getByTestId('review-verdict').innerText()).toContain('有 1 种商品不能销售');
  expect(await page.getByTestId('review-credit').getAttribute('data-within')).toBe('true');
  expect(await page.getByTestId('place-order').isDisabled()).toBe(true);
  await shot('portal-orders-16-review-not-compliant');
});
