import { statSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { url } from './support/browser';
import { pickOption } from './support/select';

// Finance's steps in the console (对账): receivables, payments, invoices, statements, disputes and
// the ERP link, for console-finance.e2e.ts and for cross-app tests (the owner disputes a line in the
// portal → finance answers it here → the owner confirms the new version there).
// The page must be signed in to the console as FINANCE or ADMIN (the webhook: ADMIN), in Chinese.

export type FinanceTab =
  'receivables' | 'overdue' | 'plan' | 'disputes' | 'invoices' | 'payments' | 'credits' | 'statements' | 'erp';

/** Opens a tab of the finance area, with URL filters (`?distributor=…`) when given. */
export async function openFinance(page: Page, tab: FinanceTab, query = ''): Promise<void> {
  await page.goto(url('console', `/finance/${tab}${query}`));
  await page.locator('.ant-tabs-tab-active').getByTestId(`finance-tab-${tab}`).waitFor();
}

/**
 * Picks a distributor in a DistributorPicker by typing part of its name or code, and sees it shown on the field
 * ("name · code"): a search that answered late once re-rendered the list under the click, which then picked
 * nothing, and the payment's manual allocation waited for a distributor never chosen (a loaded run).
 */
export async function chooseDistributor(page: Page, picker: Locator, search: string): Promise<void> {
  await pickOption(page, picker, search);
}

/** Types a date (YYYY-MM-DD, or YYYY-MM in a month picker) into an antd DatePicker and confirms it. */
export async function typeDate(picker: Locator, date: string): Promise<void> {
  const input = (await picker.evaluate((el) => el.tagName)) === 'INPUT' ? picker : picker.locator('input');
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

/** The text of the next antd message (toast) that contains `hasText`. */
async function toast(page: Page, hasText: string | RegExp): Promise<string> {
  const notice = page.locator('.ant-message-notice', { hasText }).last();
  await notice.waitFor();
  return notice.innerText();
}

/** A distributor's aging row on 应收 (by its code): total and overdue as shown. */
export async function agingOf(page: Page, code: string): Promise<{ total: string; overdue: string }> {
  const row = page.getByTestId('aging-distributors').locator(`.ant-table-row[data-code="${code}"]`);
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  return { total: cells[cells.length - 2], overdue: await row.getByTestId('aging-overdue').innerText() };
}

export interface PaymentForm {
  /** what to type into the distributor picker (name or code) */
  distributor: string;
  amount: string;
  /** the bank's reference */
  ref: string;
  note?: string;
  /** by hand: invoice number → amount; left out: oldest due first */
  allocations?: Record<string, string>;
}

export type PaymentOutcome = { outcome: 'recorded' | 'replayed' } | { outcome: 'refused'; errors: string[] };

/**
 * Records a payment through the drawer on 回款: new, a replay of the same reference (the payment
 * recorded before), or refused with the errors shown beside the fields (the drawer is closed then).
 */
export async function recordPayment(
  page: Page,
  p: PaymentForm,
  shot?: (name: string) => Promise<void>,
): Promise<PaymentOutcome> {
  await page.getByTestId('payment-record-open').click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByTestId('payment-submit').waitFor();
  await chooseDistributor(page, drawer.getByTestId('payment-distributor'), p.distributor);
  await drawer.getByTestId('payment-amount').fill(p.amount);
  await drawer.getByTestId('payment-ref').fill(p.ref);
  if (p.note) await drawer.getByTestId('payment-note').fill(p.note);
  if (p.allocations) {
    await drawer.getByTestId('payment-allocation-mode').getByText('手工分配').click();
    await drawer.getByTestId('allocation-table').waitFor();
    for (const [number, amount] of Object.entries(p.allocations))
      await drawer.getByTestId(`allocation-amount-${number}`).fill(amount);
  }
  await shot?.('finance-06-payment-form');
  await drawer.getByTestId('payment-submit').click();
  const done = page.locator('.ant-message-notice', { hasText: p.ref }).last();
  const refused = drawer.locator(
    '.ant-form-item-explain-error, [data-testid="payment-error"], [data-testid="allocation-error"]',
  );
  await Promise.race([done.waitFor({ timeout: 30_000 }), refused.first().waitFor({ timeout: 30_000 })]);
  if (!(await done.isVisible())) {
    const errors = await refused.allInnerTexts();
    await shot?.('finance-06-payment-refused');
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    return { outcome: 'refused', errors };
  }
  return { outcome: (await done.innerText()).includes('已登记过') ? 'replayed' : 'recorded' };
}

export interface CreditForm {
  /** what to type into the distributor picker (name or code) */
  distributor: string;
  kind: '折让' | '返利';
  amount: string;
  /** YYYY-MM-DD */
  occurredOn: string;
  reason: string;
}

/** Posts a credit note or rebate through the modal on 折让返利 (or 回款), by its labels; waits for the toast. */
export async function postCredit(page: Page, c: CreditForm, shot?: (name: string) => Promise<void>): Promise<void> {
  await page.getByTestId('credit-open').click();
  const dialog = page.getByRole('dialog', { name: '登记折让或返利' });
  await dialog.getByTestId('credit-form-submit').waitFor();
  await chooseDistributor(page, dialog.getByTestId('credit-distributor'), c.distributor);
  await dialog.getByText(c.kind, { exact: true }).click();
  await dialog.getByLabel('金额').fill(c.amount);
  await typeDate(dialog.getByLabel('入账日期'), c.occurredOn);
  await dialog.getByLabel('原因').fill(c.reason);
  await shot?.('credit-01-form');
  await dialog.getByTestId('credit-form-submit').click();
  await toast(page, `${c.kind}已入账`);
  await dialog.waitFor({ state: 'hidden' });
}

/** Issues a distributor's statement for a closed month (YYYY-MM) from 对账单; the statement opens. */
export async function generateStatement(page: Page, distributor: string, period: string): Promise<void> {
  await openFinance(page, 'statements');
  await page.getByRole('button', { name: '生成对账单' }).click();
  const dialog = page.getByRole('dialog', { name: '生成对账单' });
  await chooseDistributor(page, dialog.getByTestId('statement-generate-distributor'), distributor);
  await typeDate(dialog.getByTestId('statement-generate-month'), period);
  await dialog.getByTestId('statement-generate-submit').click();
  await page.waitForURL(/\/finance\/statements\/[0-9a-f-]{36}$/);
  await page.getByTestId('statement-status').waitFor();
}

/** Issues an invoice on 发票 from a distributor's uninvoiced shipments (by shipment number); answers the invoice number. */
export async function issueInvoice(
  page: Page,
  i: { distributor: string; shipments: string[]; ref?: string },
  shot?: (name: string) => Promise<void>,
): Promise<string> {
  await page.getByTestId('invoice-issue-open').click();
  const drawer = page.locator('.ant-drawer:visible');
  await drawer.getByTestId('invoice-submit').waitFor();
  await chooseDistributor(page, drawer.getByTestId('invoice-distributor'), i.distributor);
  for (const number of i.shipments) {
    await drawer
      .getByTestId('invoice-shipments')
      .locator('.ant-table-row', { hasText: number })
      .locator('.ant-checkbox-input')
      .check();
  }
  if (i.ref) await drawer.getByTestId('invoice-ref').fill(i.ref);
  await shot?.('finance-04-issue-invoice');
  await drawer.getByTestId('invoice-submit').click();
  const text = await toast(page, /发票 \S+ 已开具/);
  return /发票 (\S+) 已开具/.exec(text)![1];
}

/** Opens a distributor's statement in force for a month (YYYY-MM) from 对账单. */
export async function openStatementFor(page: Page, code: string, period: string): Promise<void> {
  await openFinance(page, 'statements', `?period=${period}`);
  const row = page
    .getByTestId('statement-list')
    .locator(`.ant-table-row[data-code="${code}"][data-period="${period}"]`);
  await row.getByTestId('statement-open').click();
  await page.getByTestId('statement-status').waitFor();
}

/** The open statement's status and version. */
export async function consoleStatementStatus(page: Page): Promise<{ status: string; version: number }> {
  const tag = page.getByTestId('statement-status');
  return {
    status: (await tag.getAttribute('data-status')) ?? '',
    version: Number(await tag.getAttribute('data-version')),
  };
}

/** Downloads the open statement with the console's button: the API's answer and the saved file. */
export async function downloadConsoleStatement(page: Page, format: 'pdf' | 'xlsx' = 'pdf') {
  const [response, download] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/files/statements/') && r.url().endsWith(`.${format}`),
    ),
    page.waitForEvent('download'),
    page.getByTestId(`statement-download-${format}`).click(),
  ]);
  return {
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    fileName: download.suggestedFilename(),
    bytes: statSync(await download.path()).size,
  };
}

/**
 * Answers the open dispute whose comment contains `comment`, from the 争议 queue: an adjustment
 * (negative takes off what is owed) or, without one, the line kept. Answers the reissued version, if any.
 */
export async function resolveDispute(
  page: Page,
  comment: string,
  answer: { adjustment?: string; resolution: string },
  shot?: (name: string) => Promise<void>,
): Promise<number | null> {
  await openFinance(page, 'disputes');
  const row = page.getByTestId('dispute-queue').locator('.ant-table-row', { hasText: comment });
  await row.getByTestId('dispute-resolve-open').click();
  const modal = page.locator('.ant-modal:visible');
  if (answer.adjustment) await modal.getByTestId('resolve-adjustment').fill(answer.adjustment);
  else await modal.getByTestId('resolve-mode').getByText('维持原账').click();
  await modal.getByTestId('resolve-resolution').fill(answer.resolution);
  await shot?.('cross-statements-03-finance-resolves');
  await modal.getByTestId('resolve-submit').click();
  const text = await toast(page, /已处理/);
  await modal.waitFor({ state: 'hidden' });
  const reissued = /第 (\d+) 版/.exec(text);
  return reissued ? Number(reissued[1]) : null;
}

/** Sets the webhook on ERP 接口 (ADMIN); answers the signing secret shown once, if one was made. */
export async function setWebhook(page: Page, endpoint: string, { rotate = false } = {}): Promise<string | null> {
  await openFinance(page, 'erp');
  const card = page.getByTestId('webhook-card');
  await card.getByTestId('webhook-url').fill(endpoint);
  if (rotate) await card.getByTestId('webhook-rotate').check();
  await card.getByTestId('webhook-save').click();
  await toast(page, '推送设置已保存');
  const secret = card.getByTestId('webhook-secret-value');
  return (await secret.isVisible()) ? (await secret.innerText()).trim() : null;
}
