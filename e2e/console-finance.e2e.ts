import { randomUUID } from 'node:crypto';
import { browsers, login, url } from './support/browser';
import { approveOpenOrder, openOrderFromQueue, placeStockOrder, recordShipment } from './order-desk';
import {
  agingOf,
  chooseDistributor,
  consoleStatementStatus,
  downloadConsoleStatement,
  issueInvoice,
  openFinance,
  openStatementFor,
  recordPayment,
  setWebhook,
} from './finance-desk';
import { lastMonth } from './portal-account';

// The brand's finance desk: 孙丽 (FINANCE, 浙江 + 江苏) reads what is owed by province and
// by distributor (杭州康达 has seeded balances 60 days old, so some of it is overdue), the overdue
// items and the collection calendar; invoices a shipment the order desk has just made and records
// the payment for it by hand against that invoice (the same reference again with other contents is
// refused); money received ahead of an invoice stays as credit, and recorded twice it is booked once;
// then downloads last month's statement. The admin sets the ERP webhook and sees its
// secret once. The seeded invoice and payment are left alone: the portal's tests read them.
const DISTRIBUTOR = '杭州康达';
const { open, signedIn } = browsers();

test('finance: aging by province and distributor, overdue, the calendar; invoices a new shipment and records its payment; a payment recorded twice is booked once; last month’s PDF', async () => {
  // The order desk ships a fresh order, so there is a shipment not yet invoiced (the seed's is invoiced).
  const number = await placeStockOrder('e2e 财务开票用');
  const desk = await signedIn('console', 'order@huakang.demo', '/orders');
  await desk.page.getByTestId('order-queue').waitFor();
  await openOrderFromQueue(desk.page, number);
  await approveOpenOrder(desk.page);
  await recordShipment(desk.page, [
    { product: 'HK-CRP-50', quantity: 2, batchNo: 'CRP2611F', expiryDate: '2027-11-30' },
  ]);
  const shipment = (await desk.page
    .getByTestId('shipments')
    .locator('[data-testid^="shipment-SH"]')
    .last()
    .getAttribute('data-testid'))!.replace('shipment-', '');

  const { page, shot } = await open();
  await page.goto(url('console', '/finance'));
  await login(page, 'finance@huakang.demo');
  await page.getByTestId('aging-bars').waitFor();
  // By province: 浙江 carries 杭州康达, 江苏 南京华宁; each with its overdue part.
  expect(
    await page.getByTestId('aging-region').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-region'))),
  ).toEqual(expect.arrayContaining(['浙江省', '江苏省']));
  const zhejiang = page.locator('[data-testid="aging-region"][data-region="浙江省"]');
  expect(await zhejiang.getByTestId('aging-region-overdue').innerText()).toMatch(/^逾期 ¥[1-9]/);
  const kangda = await agingOf(page, 'HK-KD');
  expect(kangda.overdue).toMatch(/^¥[1-9][\d,]*\.\d\d$/);
  expect(await page.getByTestId('aging-headline-overdue').innerText()).toContain('¥');
  await shot('finance-01-receivables');

  // most overdue first, sorted on the server over every page; the header shows it
  const table = page.getByTestId('aging-distributors');
  await table.getByRole('columnheader', { name: '逾期' }).click();
  await page.waitForURL(/[?&]sort=OVERDUE/);
  await table.locator('th[aria-sort="descending"]', { hasText: '逾期' }).waitFor();
  await page.locator('[data-testid="paged-list"][aria-busy="false"]').waitFor();
  const overdue = (await table.getByTestId('aging-overdue').allInnerTexts()).map((v) =>
    Number(v.replace(/[^\d.]/g, '')),
  );
  expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
  await page.goto(url('console', '/finance'));
  await page.getByTestId('aging-bars').waitFor();

  // The province bar narrows the page to it.
  await zhejiang.getByRole('button', { name: '浙江省' }).click();
  await page.waitForURL(/[?&]region=/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="aging-region"]').length === 1);
  await page
    .getByTestId('aging-distributors')
    .locator('.ant-table-row[data-code="HK-HN"]')
    .waitFor({ state: 'detached' });
  await page.getByTestId('aging-distributors').locator('.ant-table-row[data-code="HK-KD"]').waitFor();

  await page.getByTestId('finance-tab-overdue').click();
  await page.getByTestId('overdue-list').locator('.ant-table-row', { hasText: DISTRIBUTOR }).first().waitFor();
  // The tab kept the province: only 浙江's distributors are listed.
  expect(await page.getByTestId('overdue-list').locator('.ant-table-row', { hasText: '南京华宁' }).count()).toBe(0);
  expect(await page.getByTestId('overdue-total').innerText()).toMatch(/¥[1-9]/);
  await shot('finance-02-overdue');

  await openFinance(page, 'plan');
  await page.getByTestId('plan-calendar').waitFor();
  expect(await page.getByTestId('plan-week').count()).toBe(6);
  await page.getByTestId('plan-overdue').getByText(DISTRIBUTOR, { exact: false }).first().waitFor();
  // The seeded half-shipped order's receivable falls due within the six weeks: its day shows it.
  const due = page.locator('[data-testid="plan-day"]:not([data-count="0"])').first();
  await due.click();
  await page.getByTestId('plan-day-items').getByText(DISTRIBUTOR, { exact: false }).first().waitFor();
  await shot('finance-03-collection-plan');
  await page.keyboard.press('Escape');

  // The new shipment, invoiced at 13%.
  await openFinance(page, 'invoices');
  const invoice = await issueInvoice(
    page,
    { distributor: DISTRIBUTOR, shipments: [shipment], ref: `ERP-INV-E2E-${randomUUID().slice(0, 8)}` },
    shot,
  );
  const invoiceRow = page.getByTestId('invoice-list').locator(`.ant-table-row[data-number="${invoice}"]`);
  await invoiceRow.getByTestId('invoiceStatus-ISSUED').waitFor();
  expect(await invoiceRow.innerText()).toContain('¥592.00');
  await shot('finance-05-invoiced');

  // Its payment, allocated by hand to that invoice.
  await openFinance(page, 'payments');
  const ref = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const paid = {
    distributor: DISTRIBUTOR,
    amount: '592.00',
    ref,
    note: '开票后回款',
    allocations: { [invoice]: '592.00' },
  };
  expect(await recordPayment(page, paid, shot)).toEqual({ outcome: 'recorded' });
  const paidRow = page.getByTestId('payment-list').locator(`.ant-table-row[data-ref="${ref}"]`);
  await paidRow.waitFor();
  expect(await paidRow.innerText()).toContain(invoice);
  // The same bank reference typed in again with other contents is refused beside the reference.
  expect(await recordPayment(page, { ...paid, allocations: undefined }, shot)).toEqual({
    outcome: 'refused',
    errors: ['该参考号已用于另一笔内容不同的记录，请核对参考号'],
  });

  // Money received before its invoice: kept as credit (预收); the bank file replayed books it once.
  const creditRef = `E2E-${randomUUID().slice(0, 8).toUpperCase()}`;
  const credit = { distributor: DISTRIBUTOR, amount: '1000.00', ref: creditRef, allocations: {} };
  expect(await recordPayment(page, credit)).toEqual({ outcome: 'recorded' });
  const creditRow = page.getByTestId('payment-list').locator(`.ant-table-row[data-ref="${creditRef}"]`);
  await creditRow.waitFor();
  expect(await recordPayment(page, credit)).toEqual({ outcome: 'replayed' });
  await page.waitForTimeout(500);
  expect(await creditRow.count()).toBe(1);
  expect(await creditRow.innerText()).toContain('¥1,000.00');
  await shot('finance-07-payments');
  await openFinance(page, 'invoices');
  await invoiceRow.getByTestId('invoiceStatus-PAID').waitFor();
  // The seeded invoice still stands as the seed left it: this payment went where it was told.
  await page
    .getByTestId('invoice-list')
    .locator('.ant-table-row[data-number="33002611180012345"]')
    .getByTestId('invoiceStatus-PARTIALLY_PAID')
    .waitFor();

  // Last month's statement of 杭州康达, as a PDF.
  await openStatementFor(page, 'HK-KD', lastMonth());
  expect((await consoleStatementStatus(page)).version).toBeGreaterThanOrEqual(1);
  await page.getByTestId('statement-lines').getByText('三季度返利').waitFor();
  await shot('finance-08-statement');
  const pdf = await downloadConsoleStatement(page, 'pdf');
  expect(pdf.status).toBe(200);
  expect(pdf.contentType).toBe('application/pdf');
  expect(pdf.bytes).toBeGreaterThan(10_000);
  expect(pdf.fileName).toMatch(new RegExp(`^对账单-HK-KD-${lastMonth()}-v\\d+\\.pdf$`));
});

test('finance imports payments from an ERP CSV: row errors in the preview; the clean file committed; the same file again changes nothing', async () => {
  const { page, shot } = await open();
  await page.goto(url('console', '/import'));
  await login(page, 'finance@huakang.demo');
  // Finance's kinds only: payments (first) and invoices; hospitals and distributors are the channel's.
  await page.getByTestId('import-kind').getByText('回款').waitFor();
  expect(await page.getByTestId('import-kind').innerText()).not.toContain('医院');
  const header =
    '经销商编码 Distributor code*,金额 Amount*,到账日期 Received on*,方式 Method*,参考号 Reference*,备注 Note';
  // 南京华宁 has no invoices: the money stays as its credit and no seeded invoice moves.
  const good = `HK-HN,"2,500.00",${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)},银行转账,E2E-CSV-${randomUUID().slice(0, 8)},ERP 导出`;
  const upload = async (rows: string[]) => {
    await page.locator('input[type="file"]').setInputFiles({
      name: 'erp-payments.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([header, ...rows].join('\r\n'), 'utf8'),
    });
    await page.getByTestId('import-preview').waitFor();
  };

  await upload([good, 'HK-XX,100.00,2026-01-05,支票,E2E-CSV-BAD,']);
  expect(await page.getByTestId('import-error-count').innerText()).toBe('2');
  const errors = await page.getByTestId('import-errors').locator('.ant-table-row').allInnerTexts();
  expect(errors.every((e) => e.startsWith('3'))).toBe(true);
  expect(await page.getByTestId('import-commit').count()).toBe(0);
  await page.getByTestId('import-errors').scrollIntoViewIfNeeded();
  await shot('finance-12-import-row-errors');

  await upload([good]);
  expect(await page.getByTestId('import-error-count').innerText()).toBe('0');
  expect(await page.getByTestId('import-preview').innerText()).toContain('1 笔新回款，0 笔已登记过（不变）');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').getByText('1 笔新回款').waitFor();
  await shot('finance-13-import-committed');

  // The same file again: its reference was recorded, so nothing is booked twice.
  await page.getByTestId('import-done').getByText('再导入一个文件').click();
  await upload([good]);
  expect(await page.getByTestId('import-preview').innerText()).toContain('0 笔新回款，1 笔已登记过（不变）');
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-done').getByText('0 笔新回款，1 笔已登记过（不变）').waitFor();
  await page.getByTestId('import-done').getByRole('button', { name: '前往回款' }).click();
  await page.waitForURL(/\/finance\/payments$/);
  await page.getByTestId('payment-list').locator('.ant-table-row', { hasText: '¥2,500.00' }).first().waitFor();
});

test('admin: the ERP webhook, its secret shown once and rotated; the outbox and the delivery log', async () => {
  const { page, shot } = await open();
  await page.goto(url('console', '/finance/erp'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('webhook-card').waitFor();
  // Nothing listens there: with delivery off in tests (OUTBOX_POLL_MS=0) the events wait in the outbox.
  // loopback: the e2e API allows it (WEBHOOK_ALLOW_CIDRS) as a brand would its intranet ERP
  const endpoint = 'http://127.0.0.1:9/medchannel-e2e/webhook';
  const secret = await setWebhook(page, endpoint);
  expect(secret).toMatch(/^[\w-]{24,}$/);
  expect(await page.getByTestId('webhook-secret').innerText()).toContain('仅显示这一次');
  await shot('finance-09-webhook-secret');

  // Gone once the page is left: the API never answers it again.
  await page.reload();
  await page.getByTestId('webhook-url').waitFor();
  expect(await page.getByTestId('webhook-url').inputValue()).toBe(endpoint);
  expect(await page.getByTestId('webhook-secret').count()).toBe(0);
  // sending came on as the address was typed (with no address it is off)
  expect(await page.getByTestId('webhook-enabled').getAttribute('aria-checked')).toBe('true');
  const rotated = await setWebhook(page, endpoint, { rotate: true });
  expect(rotated).toMatch(/^[\w-]{24,}$/);
  expect(rotated).not.toBe(secret);
  await page.getByTestId('webhook-secret-done').click();
  await page.getByTestId('webhook-secret').waitFor({ state: 'hidden' });

  // The payment recorded before waits in the outbox; pending only, then resent by hand.
  const outbox = page.getByTestId('outbox-list');
  const paymentRow = outbox.locator('.ant-table-row', { hasText: '回款登记' }).first();
  await paymentRow.waitFor();
  // the record is named by its kind (and its reference where it has one), never by an id
  expect(await paymentRow.getByTestId('outbox-record').innerText()).toMatch(/^回款/);
  await page.getByTestId('outbox-pending').click();
  await page.waitForURL(/[?&]pending=1/);
  // due and sending on: waiting for the sender's next round (not a "next attempt" time already past)
  await outbox.locator('.ant-table-row', { hasText: '等待推送' }).first().waitFor();
  await outbox.locator('.ant-table-row').first().getByTestId('outbox-resend').click();
  await page.getByTestId('outbox-resend-confirm').click();
  await page.locator('.ant-message-notice', { hasText: '已排入推送' }).waitFor();
  await page.getByTestId('delivery-log').getByTestId('delivery-total').waitFor();
  await page.getByTestId('delivery-log').scrollIntoViewIfNeeded();
  await shot('finance-10-outbox-and-deliveries');
});

test('regional head: reads receivables and follows the disputes queue without answering; no ERP tab; in English', async () => {
  const { page, shot } = await open();
  await page.goto(url('console', '/finance/disputes'));
  await login(page, 'zhao.rh@huakang.demo');
  await page.getByTestId('dispute-queue').waitFor();
  const tabs = await page
    .locator('[data-testid^="finance-tab-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(tabs).toContain('finance-tab-disputes');
  expect(tabs).not.toContain('finance-tab-erp');
  expect(await page.getByTestId('dispute-resolve-open').count()).toBe(0);
  await openFinance(page, 'payments');
  expect(await page.getByTestId('payment-record-open').count()).toBe(0);
  await page.goto(url('console', '/finance/erp'));
  await page.getByText('无权访问').waitFor();

  await openFinance(page, 'receivables');
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByText('By province').waitFor();
  await chooseDistributor(page, page.getByTestId('finance-distributor'), '杭州康达');
  await page.waitForURL(/[?&]distributor=/);
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="aging-distributors"] .ant-table-row').length === 1,
  );
  await shot('finance-11-regional-head-en');
  // The language is kept on the user: leave him in Chinese.
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByText('按省份').waitFor();
});
