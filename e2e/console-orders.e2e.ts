import type { Locator, Page } from 'playwright-core';
import { login, openBrowser, url, type Session } from './support/browser';
import {
  approveAndShipByApi,
  approveAndShipPart,
  openOrderFromQueue,
  placeOrderAs,
  recordShipment,
} from './order-desk';
import { settledDialog } from './support/select';
import { tagPerAttempt } from './support/attempt';
import { HOSPITALS } from '../api/src/db/seed/hospital-data';

// The order desk: 刘芳 (ORDER_DESK) takes 杭州康达's submitted order for 浙大一院 from
// the queue, approves it and ships part of it: reagent by batch with UDI-PI and expiry, one kit by
// serial number. The order is then 部分发货 with the shipment and its serial listed.
// Every order these tests approve, reject or ship is placed by the attempt itself (through the API, as
// the seed placed its own): the seed's waiting orders are other files' too on the same API (in whatever
// order the workers take the files), and a retry must not look for what its first attempt consumed.
const DESKTOP = { width: 1366, height: 900 };
const ZHEYI = HOSPITALS.find((h) => h.name === '浙江大学医学院附属第一医院')!;
const NINGBO = HOSPITALS.find((h) => h.name === '宁波市第一医院')!;
/** what the seed's order for 浙大一院 holds: the reagent and the HIV kits */
const ZHEYI_LINES = [
  { code: 'HK-CRP-50', quantity: 20 },
  { code: 'HK-HIV-96', quantity: 10 },
];
const tag = tagPerAttempt();
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('order desk: queue filtered by status, approve, a partial shipment with batch, UDI-PI, expiry and a serial', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  const shot = s.shot;
  await page.goto(url('console', '/orders'));
  await login(page, 'order@huakang.demo');
  await page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();
  await shot('orders-01-queue');

  // sorted on the server by 金额, highest first, then lowest first: every page, kept in the address
  // the header shows the sort the page renders with; then its rows, once the list is no longer busy
  const totals = async (order: 'ascending' | 'descending') => {
    await page.getByTestId('order-queue').locator(`th[aria-sort="${order}"]`, { hasText: '金额' }).waitFor();
    await page.locator('[data-testid="paged-list"][aria-busy="false"]').waitFor();
    const cells = await page.getByTestId('order-queue').locator('.ant-table-row td:nth-child(6)').allInnerTexts();
    return cells.map((c) => Number(c.replace(/[^\d.-]/g, '')));
  };
  await page.getByTestId('order-queue').getByRole('columnheader', { name: '金额' }).click();
  await page.waitForURL(/[?&]sort=TOTAL_HIGHEST/);
  const highest = await totals('descending');
  expect(highest).toEqual([...highest].sort((a, b) => b - a));
  await page.getByTestId('order-queue').getByRole('columnheader', { name: '金额' }).click();
  await page.waitForURL(/[?&]sort=TOTAL_LOWEST/);
  const lowest = await totals('ascending');
  expect(lowest).toEqual([...lowest].sort((a, b) => a - b));
  expect(lowest[0]).toBeLessThanOrEqual(highest[highest.length - 1]);
  await page.goto(url('console', '/orders'));

  // 李娜's order for 浙大一院, as the seed has one: this attempt's own
  const placed = await placeOrderAs('li.rep@kangda.demo', { hospitalId: ZHEYI.id, lines: ZHEYI_LINES });
  // a serial ships once: each attempt ships its own
  const serial = `HIV96-2612-${tag().toUpperCase()}`;
  const number = await approveAndShipPart(
    page,
    placed.number,
    [
      {
        product: 'HK-CRP-50',
        quantity: 5,
        batchNo: 'CRP2611B',
        udiPi: '(10)CRP2611B(17)271130',
        expiryDate: '2027-11-30',
      },
      { product: 'HK-HIV-96', serials: [serial], batchNo: 'HIV2612A', expiryDate: '2027-06-30' },
    ],
    { carrier: '顺丰速运', trackingNo: 'SF1402399000017' },
    shot,
  );
  expect(number).toBe(placed.number);

  // The order moved on by itself: part shipped, the rest still open.
  expect(await page.getByTestId('page-title').innerText()).toContain('部分发货');
  const lines = page.getByTestId('order-lines');
  // The last two columns: shipped, open.
  const shippedOpen = async (code: string) =>
    (await lines.locator('.ant-table-row', { hasText: code }).locator('td').allInnerTexts()).slice(-2);
  expect(await shippedOpen('HK-CRP-50')).toEqual(['5', '15']);
  expect(await shippedOpen('HK-HIV-96')).toEqual(['1', '9']);

  // The shipment lists what left, item by item.
  const items = page.getByTestId('shipments').getByTestId('shipment-items');
  const hiv = await items.locator('.ant-table-row', { hasText: serial }).innerText();
  expect(hiv).toContain('HK-HIV-96');
  expect(hiv).toContain('HIV2612A');
  const crp = await items.locator('.ant-table-row', { hasText: 'CRP2611B' }).innerText();
  expect(crp).toContain('(10)CRP2611B(17)271130');
  expect(crp).toContain('2027');
  const timeline = await page.getByTestId('order-timeline').innerText();
  expect(timeline).toContain('批准');
  expect(timeline).toContain('发货');
  await page.getByTestId('shipments').scrollIntoViewIfNeeded();
  await shot('orders-05-partially-shipped');

  // Back in the queue the order now shows its new status.
  await page.goto(url('console', '/orders?status=PARTIALLY_SHIPPED'));
  await page.getByTestId('order-queue').locator('.ant-table-row', { hasText: number }).getByText('部分发货').waitFor();
  await shot('orders-06-queue-partially-shipped');
});

test('finance: reads an order without the desk actions, and sets 杭州康达 credit limit on its page', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/orders?status=PARTIALLY_SHIPPED'));
  await login(page, 'finance@huakang.demo');
  await page
    .getByTestId('order-queue')
    .locator('.ant-table-row', { hasText: '杭州市第一人民医院' })
    .locator('a')
    .click();
  await page.getByTestId('page-title').getByTestId('order-status-PARTIALLY_SHIPPED').waitFor();
  await page.getByTestId('shipments').getByText('HK200-2611-0387', { exact: true }).waitFor();
  // Finance reads; approving, shipping and reversing belong to the order desk.
  expect(await page.getByTestId('order-actions').count()).toBe(0);
  expect(await page.getByTestId('reverse-open').count()).toBe(0);
  await s.shot('orders-07-finance-reads-order');
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('page-title').getByText('Partly shipped').waitFor();
  await page.getByText('Timeline').waitFor();
  await s.shot('orders-07-finance-reads-order-en');
  // The language is saved on the user: leave finance in Chinese.
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('page-title').getByText('部分发货').waitFor();

  await figure(page.getByTestId('credit-card'), '信用额度').waitFor();
  await page.getByRole('link', { name: '杭州康达医疗器械有限公司' }).click();
  await page.waitForURL(/\/distributors\/[^/?]+$/);
  // The distributor's own page, not the order's card still showing while it loads.
  await page.getByTestId('page-title').getByText('杭州康达医疗器械有限公司').waitFor();
  const card = page.getByTestId('credit-card');
  // Amounts compared in cents, whatever the seeded limit is: raise it by ¥500,000.00.
  const cents = (text: string) => BigInt(text.replace(/[^\d-]/g, ''));
  const limit = cents(await figure(card, '信用额度').innerText());
  const available = cents(await figure(card, '可用额度').innerText());
  const raised = limit + 50_000_000n;
  const raisedText = `${raised / 100n}.${String(raised % 100n).padStart(2, '0')}`;
  await card.getByRole('button', { name: /调整额度/ }).click();
  await setLimit(page, raisedText);
  await figure(card, '信用额度')
    .filter({ hasText: Number(raised / 100n).toLocaleString('en-US') })
    .waitFor();
  // Available moves by exactly the change.
  expect(cents(await figure(card, '可用额度').innerText()) - available).toBe(50_000_000n);
  await s.shot('orders-08-credit-limit');
  // Put the limit back: the portal's tests weigh 杭州康达's orders against it.
  const original = `${limit / 100n}.${String(limit % 100n).padStart(2, '0')}`;
  await card.getByRole('button', { name: /调整额度/ }).click();
  await setLimit(page, original);
  await figure(card, '信用额度')
    .filter({ hasText: Number(limit / 100n).toLocaleString('en-US') })
    .waitFor();
});

/** A figure of the credit card, read by its label (信用额度, 可用额度 …): the amount shown under it. */
function figure(card: Locator, label: string): Locator {
  return card
    .locator('.ant-statistic')
    .filter({ has: card.page().getByText(label, { exact: true }) })
    .locator('.ant-statistic-content');
}

/**
 * Types the limit into the open dialog once it has stopped zooming in (a loaded run pressed 保存
 * mid-motion and the dialog stayed open), saves, and waits for the dialog to close; a refusal
 * fails here with the words the dialog shows.
 */
async function setLimit(page: Page, amount: string) {
  await settledDialog(page);
  const dialog = page.getByRole('dialog', { name: '调整信用额度' });
  const input = dialog.getByLabel('信用额度（CNY）');
  await input.fill(amount);
  expect(Number(await input.inputValue())).toBe(Number(amount));
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click();
  await dialog.waitFor({ state: 'detached' }).catch(async (timeout: unknown) => {
    const refused = dialog.getByTestId('credit-limit-error');
    throw (await refused.isVisible()) ? new Error(`the limit was refused: ${await refused.innerText()}`) : timeout;
  });
}

// The seeded half-shipped order of 杭州市第一人民医院 is left as it is, for the portal's tests.
test('admin: a price adjustment and a rejection with reasons; a shipment reversed, the order shipped in full, delivered and closed', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/orders'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();

  // 宁波瑞康's submitted ultrasound (this attempt's own, as the seed has one): a negotiated price, then refused.
  const ultrasound = await placeOrderAs('boss@nbruikang.demo', {
    hospitalId: NINGBO.id,
    lines: [{ code: 'HK-US-200', quantity: 1 }],
  });
  await openOrderFromQueue(page, ultrasound.number);
  await page.getByTestId('adjust-open-1').click();
  await page.getByTestId('adjust-price').fill('560000');
  await page.getByTestId('adjust-reason').fill('中标价，区域总监已批准');
  await s.shot('orders-09-adjust-price');
  await page.getByTestId('adjust-submit').click();
  await page.getByTestId('line-price-1').getByText('¥560,000.00').waitFor();
  await page.getByTestId('order-timeline').getByText('中标价，区域总监已批准').waitFor();
  await page.getByTestId('reject-open').click();
  await page.getByTestId('reject-reason').fill('医院采购计划推迟到明年');
  await page.getByTestId('reject-submit').click();
  await page.getByTestId('page-title').getByTestId('order-status-REJECTED').waitFor();
  expect(await page.getByTestId('order-ended').innerText()).toContain('医院采购计划推迟到明年');
  await s.shot('orders-10-rejected');

  // An order for 浙大一院 shipped in part, as the first test leaves its own (this attempt's, shipped through
  // the API): its shipment is taken back, then everything ships.
  const shipped = await placeOrderAs('li.rep@kangda.demo', { hospitalId: ZHEYI.id, lines: ZHEYI_LINES });
  await approveAndShipByApi(shipped, [
    { code: 'HK-CRP-50', quantity: 5, batchNo: 'CRP2611B', expiryDate: '2027-11-30' },
    {
      code: 'HK-HIV-96',
      quantity: 1,
      batchNo: 'HIV2612A',
      expiryDate: '2027-06-30',
      serialNo: `HIV96-2612-R${tag().toUpperCase()}`,
    },
  ]);
  await openOrderFromQueue(page, shipped.number, '部分发货');
  const first = page.getByTestId('shipments').locator('[data-testid^="shipment-SH"]').first();
  await first.getByTestId('reverse-open').click();
  await page.getByTestId('reverse-reason').fill('批号登记错误，货物已退回仓库');
  await page.getByTestId('reverse-submit').click();
  await Promise.race([
    page.getByTestId('page-title').getByTestId('order-status-APPROVED').waitFor(),
    page.getByTestId('reverse-error').waitFor(),
  ]);
  if (await page.getByTestId('reverse-error').isVisible())
    throw new Error(`reversal refused: ${await page.getByTestId('reverse-error').innerText()}`);
  await page.getByTestId('shipments').getByText('已冲销').waitFor();
  await s.shot('orders-11-reversed');

  // More serial numbers than are open is caught beside the list before anything is sent.
  await page.getByTestId('ship-open').click();
  const drawer = page.locator('.ant-drawer:visible');
  const hiv = drawer.locator('[data-testid^="ship-line-"]', { hasText: 'HK-HIV-96' });
  await hiv.getByTestId('ship-mode').getByText('按序列号').click();
  await hiv
    .getByTestId('ship-serials')
    .fill(Array.from({ length: 11 }, (_, i) => `HIV96-2612-${String(i + 1).padStart(4, '0')}`).join('\n'));
  await drawer.getByTestId('ship-submit').click();
  await hiv.getByText('超过未发数量（未发 10）').waitFor();
  await s.shot('orders-12-too-many-serials');
  await drawer.locator('.ant-drawer-close').click();
  await drawer.waitFor({ state: 'hidden' });
  await recordShipment(page, [
    { product: 'HK-CRP-50', quantity: 20, batchNo: 'CRP2611C', expiryDate: '2027-11-30' },
    { product: 'HK-HIV-96', quantity: 10, batchNo: 'HIV2612A', expiryDate: '2027-06-30' },
  ]);
  await page.getByTestId('page-title').getByTestId('order-status-SHIPPED').waitFor();

  await page.getByTestId('deliver-open').click();
  await page.getByTestId('deliver-confirm').click();
  await page.getByTestId('page-title').getByTestId('order-status-DELIVERED').waitFor();
  await page.getByTestId('close-open').click();
  await page.getByTestId('close-confirm').click();
  await page.getByTestId('page-title').getByTestId('order-status-CLOSED').waitFor();
  expect(await page.getByTestId('order-actions').count()).toBe(0);
  await s.shot('orders-13-closed');
});
