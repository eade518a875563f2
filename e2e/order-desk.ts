import type { Locator, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { url } from './support/browser';
import { apiAs } from './support/api';
import { pickOption } from './support/select';

// The order desk's steps in the console, for this part's test and for cross-app tests (a rep
// places an order in the portal → the desk approves and ships part here → the rep sees it).
// The page must be signed in to the console as ADMIN or ORDER_DESK, in Chinese.

/** What to ship of one line, found by the product's code: a counted batch, or serial numbers (one unit each). */
export interface ShipLine {
  product: string;
  quantity?: number;
  batchNo?: string;
  udiPi?: string;
  /** YYYY-MM-DD */
  expiryDate?: string;
  serials?: string[];
}

export interface ShipmentInfo {
  carrier?: string;
  trackingNo?: string;
}

type Shot = (name: string) => Promise<void>;

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(picker: Locator, date: string): Promise<void> {
  const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The queue filtered by status through its select, then the newest order matching a number or a hospital name, opened. */
export async function openOrderFromQueue(
  page: Page,
  orderNumberOrHospital: string,
  status = '待审批',
): Promise<string> {
  await page.goto(url('console', '/orders'));
  await page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();
  // a pick the list re-rendered under is picked again (support/select.ts), not left to a queue of every status
  await pickOption(page, page.getByTestId('order-status-filter'), status, '');
  await page.waitForURL(/[?&]status=/);
  // The server answers with that status only (until then the table shows the previous page).
  await page.waitForFunction((label) => {
    const tags = [...document.querySelectorAll('[data-testid="order-queue"] .ant-table-row .ant-tag')].map(
      (tag) => tag.textContent,
    );
    return tags.length > 0 && tags.every((tag) => tag === label);
  }, status);
  const row = page.getByTestId('order-queue').locator('.ant-table-row', { hasText: orderNumberOrHospital }).first();
  await row.waitFor();
  const number = (await row.locator('a').first().innerText()).trim();
  await row.locator('a').first().click();
  await page.getByTestId('page-title').getByText(number).waitFor();
  return number;
}

/** Approve on the open order page, at the version it shows. */
export async function approveOpenOrder(page: Page): Promise<void> {
  await page.getByTestId('approve-open').click();
  await page.getByTestId('approve-confirm').click();
  await page.getByTestId('page-title').getByTestId('order-status-APPROVED').waitFor();
}

/** Fill the shipment drawer line by line and send it; waits until the order shows the shipment. */
export async function recordShipment(
  page: Page,
  lines: ShipLine[],
  info: ShipmentInfo = {},
  shot?: Shot,
): Promise<void> {
  await page.getByTestId('ship-open').click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByTestId('ship-submit').waitFor();
  if (info.carrier) await drawer.getByTestId('ship-carrier').fill(info.carrier);
  if (info.trackingNo) await drawer.getByTestId('ship-tracking').fill(info.trackingNo);
  for (const line of lines) {
    const card = drawer.locator('[data-testid^="ship-line-"]', { hasText: line.product });
    if (line.serials?.length) {
      await card.getByTestId('ship-mode').getByText('按序列号').click();
      await card.getByTestId('ship-serials').fill(line.serials.join('\n'));
      if (line.batchNo) await card.getByTestId('ship-serial-batch').fill(line.batchNo);
      if (line.expiryDate) await pickDate(card.getByTestId('ship-serial-expiry'), line.expiryDate);
    } else {
      await card.getByTestId('ship-mode').getByText('按批号').click();
      const lot = card.getByTestId('ship-lot-0');
      await lot.getByTestId('ship-qty').fill(String(line.quantity ?? 1));
      if (line.batchNo) await lot.getByTestId('ship-batch').fill(line.batchNo);
      if (line.udiPi) await lot.getByTestId('ship-udi').fill(line.udiPi);
      if (line.expiryDate) await pickDate(lot.getByTestId('ship-expiry'), line.expiryDate);
    }
  }
  await shot?.('orders-04-shipment-form');
  const shipments = page.getByTestId('shipments').locator('[data-testid^="shipment-SH"]');
  const before = await shipments.count();
  await drawer.getByTestId('ship-submit').click();
  await Promise.race([
    drawer.waitFor({ state: 'hidden', timeout: 30_000 }),
    drawer.locator('.ant-form-item-explain-error, [data-testid="ship-error"]').first().waitFor({ timeout: 30_000 }),
  ]);
  if (await drawer.isVisible()) {
    await shot?.('orders-debug-shipment-refused');
    throw new Error(
      `shipment refused: ${await drawer.locator('.ant-form-item-explain-error, [data-testid="ship-error"]').allInnerTexts()}`,
    );
  }
  await page.waitForFunction(
    ({ n }) => document.querySelectorAll('[data-testid="shipments"] [data-testid^="shipment-SH"]').length > n,
    { n: before },
  );
}

/**
 * The desk's whole part of the story: find the submitted order in the queue (by its number or
 * its hospital), approve it, ship what `lines` says, and wait for 部分发货. Returns the order number.
 */
export async function approveAndShipPart(
  page: Page,
  orderNumberOrHospital: string,
  lines: ShipLine[],
  info: ShipmentInfo = {},
  shot?: Shot,
): Promise<string> {
  const number = await openOrderFromQueue(page, orderNumberOrHospital);
  await page.getByTestId('page-title').getByTestId('order-status-SUBMITTED').waitFor();
  await shot?.('orders-02-submitted-order');
  await approveOpenOrder(page);
  await shot?.('orders-03-approved');
  await recordShipment(page, lines, info, shot);
  await page.getByTestId('page-title').getByTestId('order-status-PARTIALLY_SHIPPED').waitFor();
  return number;
}

/** An order as placed through the API: what the desk's steps and a shipment made through the API need. */
export interface PlacedOrder {
  id: string;
  number: string;
  version: number;
  /** the order's lines in the order given, by product code */
  lines: Array<{ id: string; code: string }>;
}

/**
 * A partner user places an order through the API (the portal's own tests place orders by hand): for a
 * hospital when one is named, for stock otherwise. Each call is a new order, so a test that places its
 * own never meets another test's (nor its own first attempt's) and finds it by its number.
 */
export async function placeOrderAs(
  email: string,
  order: { hospitalId?: string; lines: Array<{ code: string; quantity: number }>; note?: string },
): Promise<PlacedOrder> {
  const gql = await apiAs('portal', email);
  const ids = new Map<string, string>();
  for (const { code } of order.lines) {
    const { catalog } = await gql<{ catalog: { nodes: Array<{ product: { id: string; code: string } }> } }>(
      'query($q: String!) { catalog(search: $q) { nodes { product { id code } } } }',
      { q: code },
    );
    const found = catalog.nodes.find((n) => n.product.code === code);
    if (!found) throw new Error(`${email} finds no ${code} in the catalog`);
    ids.set(code, found.product.id);
  }
  const { placeOrder } = await gql<{
    placeOrder: {
      id: string;
      number: string;
      version: number;
      lines: Array<{ id: string; product: { code: string } | null }>;
    };
  }>(
    'mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { id number version lines { id product { code } } } }',
    {
      input: {
        kind: order.hospitalId ? 'HOSPITAL' : 'STOCK',
        hospitalId: order.hospitalId,
        idempotencyKey: randomUUID(),
        lines: order.lines.map((l) => ({ productId: ids.get(l.code)!, quantity: l.quantity })),
        note: order.note,
      },
    },
  );
  return {
    id: placeOrder.id,
    number: placeOrder.number,
    version: placeOrder.version,
    lines: order.lines.map(({ code }) => ({
      id: placeOrder.lines.find((l) => l.product?.code === code)!.id,
      code,
    })),
  };
}

/** 杭州康达's owner orders two boxes of CRP reagent for stock. */
export async function placeStockOrder(note: string): Promise<string> {
  const { number } = await placeOrderAs('boss@kangda.demo', { lines: [{ code: 'HK-CRP-50', quantity: 2 }], note });
  return number;
}

/**
 * The order desk approves an order placed through the API and ships part of it, through the API too: for a
 * test whose subject is what comes after (a reversal, a full shipment), not these steps (console-orders' first test).
 */
export async function approveAndShipByApi(
  order: PlacedOrder,
  items: Array<{ code: string; quantity: number; batchNo: string; expiryDate: string; serialNo?: string }>,
): Promise<void> {
  const desk = await apiAs('console', 'order@huakang.demo');
  await desk('mutation($id: ID!, $v: Int!) { approveOrder(id: $id, expectedVersion: $v) { id } }', {
    id: order.id,
    v: order.version,
  });
  await desk('mutation($i: RecordShipmentInput!) { recordShipment(input: $i) { id } }', {
    i: {
      orderId: order.id,
      idempotencyKey: randomUUID(),
      items: items.map(({ code, ...item }) => ({ orderLineId: order.lines.find((l) => l.code === code)!.id, ...item })),
    },
  });
}
