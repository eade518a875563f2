import type { Page } from 'playwright-core';
import { login, openBrowser, url, type Session } from './support/browser';
import { apiAs } from './support/api';
import { settledDialog } from './support/select';
import {
  accountSummaryFromApi,
  disputeLine,
  disputeLines,
  downloadStatement,
  downloadStatementPdf,
  lastMonth,
  openAccount,
  openStatement,
  setRepFinanceAccess,
  statementLine,
  statementStatus,
  waitForStatementStatus,
} from './portal-account';

// Statements in the portal, on a phone: 杭州康达's owner sees what he owes and what falls due next,
// checks last month's statement line by line (seeded: issued, version 1), disputes the rebate
// with a reason and downloads the PDF. 杭州瑞达's owner, on a desktop, disputes while an older page
// still offers to confirm; finance's answer reissues the month as version 2, which he confirms. Reps: 李娜 (let in by the owner) reads invoices
// and payments; 王浩 is told to ask his owner until the owner switches him on in 我的公司.
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const yuan = (amount: string) =>
  new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' }).format(amount as unknown as number);
const sessions: Session[] = [];
/** Signs in in Chinese whatever language the user last chose (the login page's choice is saved on the user). */
const signIn = async (page: Page, email: string) => {
  await page.getByTestId('language-switch').getByText('中文').click();
  await login(page, email);
};
// What React reports and recovers from (an error boundary) is no page error: count console errors too.
const consoleErrors: string[] = [];
const open = async (viewport = PHONE) => {
  const s = await openBrowser(viewport);
  s.context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  sessions.push(s);
  return s;
};

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
  expect(consoleErrors.splice(0)).toEqual([]);
});

test('owner on a phone: balance, overdue and next due; last month line by line; disputes the rebate with a reason; downloads PDF and Excel', async () => {
  const { page, shot } = await open();
  const period = lastMonth();
  await page.goto(url('portal', '/'));
  await signIn(page, 'boss@kangda.demo');
  // Last month's statement waits for him on the home page's to-do list.
  const todo = page.locator(`[data-testid="todo-statement"][data-period="${period}"]`);
  await todo.waitFor();
  expect(await todo.innerText()).toContain('对账单待确认');
  await shot('portal-statements-00-home-todo');
  await page.getByTestId('tab-statements').click();
  await page.getByTestId('account-summary').waitFor();

  // The card says what the API says: the balance, the overdue sum, the earliest item not yet due.
  const api = await accountSummaryFromApi(page);
  const next = api.open.find((i) => !i.overdue);
  expect(await page.getByTestId('account-balance').getAttribute('data-amount')).toBe(api.balance.amount);
  expect(await page.getByTestId('account-balance').innerText()).toBe(yuan(api.balance.amount));
  expect(await page.getByTestId('account-next-due').getAttribute('data-due-on')).toBe(next?.dueOn ?? '');
  if (next) expect(await page.getByTestId('account-next-due').innerText()).toContain(yuan(next.outstanding.amount));
  expect(await page.getByTestId('account-overdue').innerText()).toContain(
    `${api.open.filter((i) => i.overdue).length} 笔待付已过到期日`,
  );
  const row = page.locator(`[data-testid="statement-row"][data-period="${period}"]`);
  expect(await row.getAttribute('data-status')).toBe('ISSUED');
  expect(await row.innerText()).toContain('已出具');
  await shot('portal-statements-01-account');

  // the items themselves load when the list is opened
  await page.getByTestId('account-open-toggle').click();
  await page.getByTestId('account-open-items').waitFor();
  expect(await page.getByTestId('open-item').count()).toBe(api.open.length);
  await shot('portal-statements-02-open-items');

  // Last month, version 1 as the seed issued it: 350,000 carried in, two shipments, a payment, the rebate.
  await openStatement(page, period);
  expect(await statementStatus(page)).toEqual({ status: 'ISSUED', version: 1 });
  expect(await page.getByTestId('statement-status').innerText()).toBe('已出具');
  expect(await page.getByTestId('statement-opening').innerText()).toContain('¥350,000.00');
  expect(await page.getByTestId('statement-line').count()).toBe(4);
  const rebate = statementLine(page, '三季度返利');
  expect(await rebate.getByTestId('line-amount').innerText()).toBe('-¥3,000.00');
  expect(await rebate.innerText()).toContain('返利');
  // Each line carries the balance after it; the last one's is the closing balance.
  expect(await rebate.getByTestId('line-balance').innerText()).toBe('余额 ¥327,800.00');
  expect(await page.getByTestId('statement-closing-amount').innerText()).toBe('¥327,800.00');
  await shot('portal-statements-03-statement');

  // A ticked line needs its reason before anything is sent.
  await disputeLines(page, [{ memo: '三季度返利', comment: '' }]);
  await page.getByTestId('dispute-comment-error').waitFor();
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-testid="dispute-comment-error"]')?.getBoundingClientRect();
    const bar = document.querySelector('[data-testid="dispute-bar"]')?.getBoundingClientRect();
    return box && bar && box.bottom < bar.top;
  });
  expect(await page.getByTestId('dispute-comment-error').innerText()).toContain('请写明争议原因');
  expect(await page.getByTestId('dispute-count').innerText()).toBe('已选 1 行');
  expect((await statementStatus(page)).status).toBe('ISSUED');
  await shot('portal-statements-04-dispute-needs-reason');
  await page.getByTestId('dispute-cancel').click();

  await disputeLine(page, '三季度返利', '返利应为 5,000 元，见三季度返利确认函');
  expect(await page.getByTestId('statement-status').innerText()).toBe('有争议');
  expect(await statementLine(page, '三季度返利').getByTestId('line-dispute').innerText()).toContain('待财务处理');
  expect(await page.getByTestId('statement-confirm').count()).toBe(0);
  const dispute = page.getByTestId('dispute');
  expect(await dispute.count()).toBe(1);
  expect(await dispute.getAttribute('data-status')).toBe('OPEN');
  expect(await dispute.getByTestId('dispute-comment-text').innerText()).toBe('返利应为 5,000 元，见三季度返利确认函');
  await page.getByTestId('statement-outcome').scrollIntoViewIfNeeded();
  await shot('portal-statements-05-disputed');

  const pdf = await downloadStatementPdf(page);
  expect(pdf).toMatchObject({ status: 200, contentType: 'application/pdf', fileName: `对账单-HK-KD-${period}-v1.pdf` });
  expect(pdf.bytes).toBeGreaterThan(10_000);
  const xlsx = await downloadStatement(page, 'xlsx');
  expect(xlsx).toMatchObject({ status: 200, fileName: `对账单-HK-KD-${period}-v1.xlsx` });
  expect(xlsx.contentType).toContain('spreadsheetml');
  await page.getByTestId('statement-disputes').scrollIntoViewIfNeeded();
  await shot('portal-statements-06-disputes-downloads');

  await page.goBack();
  await page.locator(`[data-testid="statement-row"][data-period="${period}"][data-status="DISPUTED"]`).waitFor();
  // Disputed, the statement no longer waits for him on the home page (his courses and commitments may).
  await page.getByTestId('tab-home').click();
  await page.locator('[data-testid="home-todo"][data-ready="true"]').waitFor();
  await page.locator(`[data-testid="todo-statement"][data-period="${period}"]`).waitFor({ state: 'detached' });
});

/** Finance's answer to every open dispute of a distributor, straight through the API (the console's screen for it is tested there). */
async function financeAnswers(
  email: string,
  distributorCode: string,
  answer: { adjustment?: string; resolution: string },
): Promise<number> {
  const gql = await apiAs('console', email);
  const { statementDisputes } = await gql<Record<string, any>>(
    '{ statementDisputes(first: 50) { nodes { id status statement { distributor { code } } } } }',
  );
  const open = statementDisputes.nodes.filter(
    (d: any) => d.status === 'OPEN' && d.statement?.distributor?.code === distributorCode,
  );
  for (const d of open) {
    await gql('mutation($input: ResolveDisputeInput!) { resolveStatementDispute(input: $input) { id } }', {
      input: { disputeId: d.id, ...answer },
    });
  }
  return open.length;
}

test('owner on a desktop: a page left open learns the statement moved on; finance’s answer reissues it as version 2, which he confirms', async () => {
  const { context, page, shot } = await open(DESKTOP);
  await page.goto(url('portal', '/statements'));
  await signIn(page, 'boss@ruida.demo');
  await page.getByTestId('account-summary').waitFor();
  await openStatement(page, lastMonth());
  expect(await statementStatus(page)).toEqual({ status: 'ISSUED', version: 1 });
  const stale = await context.newPage();
  await stale.goto(page.url());
  await waitForStatementStatus(stale, 'ISSUED');

  await disputeLine(page, '生化试剂', '实收 100 盒，对账单按 120 盒计');
  await shot('portal-statements-07-disputed-desktop');

  // The other page still offers to confirm: the server refuses, and the page shows where the statement stands.
  await stale.getByTestId('statement-confirm').click();
  await (await settledDialog(stale)).getByTestId('statement-confirm-ok').click();
  await waitForStatementStatus(stale, 'DISPUTED');
  expect(await stale.getByTestId('statement-error').innerText()).toContain('对账单状态已变化');
  expect(await stale.getByTestId('statement-confirm').count()).toBe(0);
  await stale.waitForTimeout(350);
  await stale.screenshot({ path: `${__dirname}/screenshots/portal-statements-08-stale-page-desktop.png` });
  await stale.close();

  // Finance credits 6,000 for the 20 boxes not received: the month is reissued as version 2.
  expect(
    await financeAnswers('finance@ruiguang.demo', 'RG-RD', {
      adjustment: '-6000.00',
      resolution: '核实少发 20 盒，冲减 6,000 元',
    }),
  ).toBe(1);
  await page.reload();
  await page.getByTestId('statement-latest').click();
  await waitForStatementStatus(page, 'ISSUED');
  expect((await statementStatus(page)).version).toBe(2);
  expect(await statementLine(page, '核实少发 20 盒').getByTestId('line-amount').innerText()).toBe('-¥6,000.00');
  const answered = page.getByTestId('dispute');
  expect(await answered.getAttribute('data-status')).toBe('ADJUSTED');
  expect(await answered.innerText()).toContain('第 1 版');
  expect(await answered.getByTestId('dispute-resolution').innerText()).toContain('核实少发 20 盒，冲减 6,000 元');
  expect(await page.getByTestId('statement-version').count()).toBe(2);
  // Nothing moves silently: version 2 says what changed against version 1, and what it did to the balance.
  const changes = page.getByTestId('statement-changes');
  expect(await changes.innerText()).toContain('与上一版（第 1 版）相比');
  const added = changes.getByTestId('statement-change');
  expect(await added.count()).toBe(1);
  expect(await added.getAttribute('data-change')).toBe('ADDED');
  expect(await added.innerText()).toContain('核实少发 20 盒，冲减 6,000 元');
  expect(await added.getByTestId('statement-change-effect').innerText()).toBe('-¥6,000.00');
  expect(await changes.getByTestId('statement-change-closing').innerText()).toBe('-¥6,000.00');
  await changes.scrollIntoViewIfNeeded();
  await shot('portal-statements-09-version-2-desktop');

  await page.getByTestId('statement-confirm').click();
  const dialog = await settledDialog(page);
  expect(await dialog.innerText()).toContain('¥150,000.00');
  await shot('portal-statements-10-confirm-dialog-desktop');
  await dialog.getByTestId('statement-confirm-ok').click();
  await waitForStatementStatus(page, 'CONFIRMED');
  expect(await page.getByTestId('statement-outcome').innerText()).toContain('已于');
  await shot('portal-statements-11-confirmed-desktop');

  // Version 1 stays readable as history, and points to the version in force.
  await page.locator('[data-testid="statement-version"][data-version="1"]').click();
  await waitForStatementStatus(page, 'SUPERSEDED');
  expect(await page.getByTestId('statement-status').innerText()).toBe('已被新版取代');
  expect(await page.getByTestId('statement-outcome').innerText()).toContain('已出具第 2 版');

  // The same in English; the choice is saved on the user, so it is switched back at the end.
  await page.getByTestId('language-switch').getByText('EN').click();
  await page.getByTestId('statement-status').getByText('Superseded').waitFor();
  await shot('portal-statements-12-superseded-en-desktop');
  await openAccount(page);
  expect(await page.getByTestId('account-tabs').innerText()).toContain('Invoices');
  await page.locator(`[data-testid="statement-row"][data-status="CONFIRMED"]`).waitFor();
  await shot('portal-statements-13-account-en-desktop');
  await page.getByTestId('language-switch').getByText('中文').click();
  await page.getByTestId('account-tabs').getByText('发票').waitFor();
}, 180_000);

test('reps: 李娜 reads invoices and payments but leaves statements to the owner; 王浩 asks his owner, who switches him on and off in 我的公司', async () => {
  const li = await open();
  await li.page.goto(url('portal', '/statements'));
  await signIn(li.page, 'li.rep@kangda.demo');
  await li.page.getByTestId('account-summary').waitFor();
  await li.page.getByTestId('account-tab-invoices').click();
  const invoice = li.page.locator('[data-testid="invoice-row"][data-number="33002611180012345"]');
  await invoice.waitFor();
  expect(await invoice.getAttribute('data-status')).toBe('PARTIALLY_PAID');
  expect(await invoice.innerText()).toContain('部分付款');
  expect(await invoice.innerText()).toContain('¥598,000.00');
  expect(await invoice.getByTestId('invoice-paid').innerText()).toBe('已付 ¥150,000.00');
  expect(await invoice.getByTestId('invoice-left').innerText()).toBe('未付 ¥448,000.00');
  await li.shot('portal-statements-14-rep-invoices');
  await li.page.getByTestId('account-tab-payments').click();
  const payment = li.page.locator('[data-testid="payment-row"][data-ref="ICBC-20261125-0078"]');
  await payment.waitFor();
  expect(await payment.innerText()).toContain('¥150,000.00');
  expect(await payment.getByTestId('payment-invoices').innerText()).toContain('33002611180012345');
  await li.shot('portal-statements-15-rep-payments');
  await openStatement(li.page, lastMonth());
  expect(await li.page.getByTestId('statement-confirm').count()).toBe(0);
  expect(await li.page.getByTestId('statement-dispute').count()).toBe(0);

  const wang = await open();
  await wang.page.goto(url('portal', '/statements'));
  await signIn(wang.page, 'wang.rep@kangda.demo');
  await wang.page.getByTestId('account-no-access').waitFor();
  expect(await wang.page.getByTestId('account-no-access').innerText()).toContain('请联系老板');
  expect(await wang.page.getByTestId('account-summary').count()).toBe(0);
  await wang.shot('portal-statements-16-rep-no-access');

  const boss = await open();
  await boss.page.goto(url('portal', '/company'));
  await signIn(boss.page, 'boss@kangda.demo');
  await boss.page.getByTestId('company-people').waitFor();
  await setRepFinanceAccess(boss.page, 'wang.rep@kangda.demo', true);
  await boss.page.getByTestId('company-people').scrollIntoViewIfNeeded();
  await boss.shot('portal-statements-17-owner-people');

  await openAccount(wang.page, 'invoices');
  await wang.page.locator('[data-testid="invoice-row"][data-number="33002611180012345"]').waitFor();

  // Back as the seed has it: 王浩 without access.
  await setRepFinanceAccess(boss.page, 'wang.rep@kangda.demo', false);
  await openAccount(wang.page);
  await wang.page.getByTestId('account-no-access').waitFor();
});
