import type { Page } from 'playwright-core';
import { url } from './support/browser';
import { pickOption } from './support/select';

// A partner user's ordering steps in the portal, for portal-orders.e2e.ts and for cross-app
// tests (a rep places an order here → the order desk approves and ships part of it in the
// console, see order-desk.ts → the rep sees 部分发货 with the serials here).
// The page must be signed in to the portal as a partner user, in Chinese.

/** How many orders the signed-in partner user sees, asked of the API with the page's own session. */
export async function portalOrderCount(page: Page): Promise<number> {
  const answer = await page.evaluate(async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
      body: JSON.stringify({ query: '{ orders(first: 1) { totalCount } }' }),
    });
    return (await res.json()) as { data?: { orders: { totalCount: number } } };
  });
  if (!answer.data) throw new Error(`orders count failed: ${JSON.stringify(answer)}`);
  return answer.data.orders.totalCount;
}

/** From the orders tab to the catalog (选择商品). */
export async function openCatalog(page: Page): Promise<void> {
  await page.getByTestId('tab-orders').click();
  await page.getByTestId('orders-new').click();
  await page.getByTestId('catalog-list').waitFor();
}

/** On the catalog: adds a product by its code and types the quantity into its stepper. */
export async function addToCart(page: Page, code: string, quantity: number): Promise<void> {
  const item = page.getByTestId(`catalog-item-${code}`);
  await item.getByTestId(`catalog-add-${code}`).click();
  const input = item.getByTestId(`qty-${code}`).locator('input');
  await input.fill(String(quantity));
  await input.blur();
  await page.waitForFunction(
    ([c, q]) => (document.querySelector(`[data-testid="qty-${c}"] input`) as HTMLInputElement | null)?.value === q,
    [code, String(quantity)] as const,
  );
}

/** On the cart: picks the hospital the order is for, and sees it taken (picked again if not: support/select.ts). */
export async function chooseHospital(page: Page, name: string): Promise<void> {
  await pickOption(page, page.getByTestId('hospital-select'), name, '');
}

/** From the cart to the review, waiting for the server's verdict; answers whether placing is allowed. */
export async function reviewCart(page: Page): Promise<boolean> {
  await page.getByTestId('cart-review').click();
  const verdict = page.getByTestId('review-verdict');
  await verdict.waitFor();
  return (await verdict.getAttribute('data-allowed')) === 'true';
}

/** The order page the portal lands on after placing: its number. */
export async function placedOrderNumber(page: Page): Promise<string> {
  await page.waitForURL(/\/orders\/[0-9a-f-]{36}$/);
  return (await page.getByTestId('order-number').innerText()).trim();
}

/** Opens one of the user's orders by its number, found through 我的订单's search. */
export async function openPortalOrder(page: Page, number: string): Promise<void> {
  await page.goto(url('portal', `/orders?q=${encodeURIComponent(number)}`));
  await page.getByTestId('order-row').filter({ hasText: number }).click();
  await page.getByTestId('order-number').getByText(number).waitFor();
}

/** The serial numbers listed under the open order's shipments. */
export function shippedSerials(page: Page): Promise<string[]> {
  return page.getByTestId('order-shipments').getByTestId('serial-no').allInnerTexts();
}
