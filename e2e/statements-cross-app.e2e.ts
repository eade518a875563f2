import { browsers, PHONE } from './support/browser';
import {
  confirmStatement,
  disputeLine,
  downloadStatementPdf,
  lastMonth,
  openStatement,
  statementLine,
  statementStatus,
  waitForStatementStatus,
} from './portal-account';
import { consoleStatementStatus, downloadConsoleStatement, openStatementFor, resolveDispute } from './finance-desk';

// Statements across the boundary: 南京华宁's owner (马晓东) opens last month's
// statement on a phone and disputes the shipment line; 孙丽 in finance answers it in the console's
// disputes queue with a ¥1,000.00 credit, which reissues the month as version 2; the owner sees
// version 2 with the adjustment as a line of its own and version 1 kept as superseded, confirms it,
// and both sides download the PDF. 南京华宁's month is this test's own (the portal's statement tests
// use 杭州康达's and 杭州瑞达's), so the files may run in any order.
const COMMENT = '便携式超声 P10 送货运费 1,000 元按合同由厂家承担，不应计入';
const RESOLUTION = '核实运费由厂家承担，冲减 1,000 元';
const EVIDENCE = '运费签收单.png';
// a PNG by its content (the API checks the bytes, not the name)
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512, 9)]);
const { signedIn } = browsers();

test('owner disputes a line on a phone → finance answers in the console → the owner confirms version 2 → both download the PDF', async () => {
  const period = lastMonth();
  const owner = await signedIn('portal', 'boss@huaning.demo', '/statements', PHONE);
  await owner.page.getByTestId('account-summary').waitFor();
  // Other files leave this owner's saved language English (run order varies): Chinese for this story.
  await owner.page.getByTestId('language-switch').getByText('中文').click();
  await owner.page.getByTestId('tab-bar').getByText('首页').waitFor();
  await openStatement(owner.page, period);
  expect(await statementStatus(owner.page)).toEqual({ status: 'ISSUED', version: 1 });
  await disputeLine(owner.page, '便携式超声', COMMENT);
  expect(await statementLine(owner.page, '便携式超声').getByTestId('line-dispute').innerText()).toContain('待财务处理');
  // his evidence: a photo of the freight receipt, from the phone
  const disputes = owner.page.getByTestId('statement-disputes');
  const [chooser] = await Promise.all([
    owner.page.waitForEvent('filechooser'),
    disputes.getByRole('button', { name: '添加凭证' }).click(),
  ]);
  await chooser.setFiles({ name: EVIDENCE, mimeType: 'image/png', buffer: PNG });
  await disputes.getByTestId('dispute-evidence-file').filter({ hasText: EVIDENCE }).waitFor();
  await owner.shot('cross-statements-01-owner-disputes');

  const finance = await signedIn('console', 'finance@huakang.demo', '/finance/disputes');
  const queued = finance.page.getByTestId('dispute-queue').locator('.ant-table-row', { hasText: COMMENT });
  await queued.waitFor();
  // finance reads the owner's evidence beside his comment
  await queued.getByTestId('dispute-evidence-file').filter({ hasText: EVIDENCE }).waitFor();
  await finance.shot('cross-statements-02-disputes-queue');
  expect(
    await resolveDispute(finance.page, COMMENT, { adjustment: '-1000.00', resolution: RESOLUTION }, finance.shot),
  ).toBe(2);
  expect(await finance.page.getByTestId('dispute-queue').locator('.ant-table-row', { hasText: COMMENT }).count()).toBe(
    0,
  );

  // The console shows the month as reissued: the credit as its own line, version 1 kept as history.
  await openStatementFor(finance.page, 'HK-HN', period);
  expect(await consoleStatementStatus(finance.page)).toEqual({ status: 'ISSUED', version: 2 });
  const credit = finance.page.getByTestId('statement-line').filter({ hasText: RESOLUTION });
  expect(await credit.getByTestId('line-amount').innerText()).toBe('-¥1,000.00');
  await finance.page.locator('[data-testid="statement-version"][data-version="1"][data-status="SUPERSEDED"]').waitFor();
  // what changed against version 1, as the owner sees it too
  const change = finance.page.getByTestId('statement-changes').getByTestId('statement-change');
  expect([await change.count(), await change.getAttribute('data-change')]).toEqual([1, 'ADDED']);
  expect(await change.getByTestId('statement-change-effect').innerText()).toBe('-¥1,000.00');
  const answered = finance.page.getByTestId('statement-dispute');
  expect(await answered.getAttribute('data-status')).toBe('ADJUSTED');
  expect(await answered.getByTestId('statement-dispute-resolution').innerText()).toContain(RESOLUTION);
  await finance.page.getByTestId('statement-disputes').scrollIntoViewIfNeeded();
  await finance.shot('cross-statements-04-console-version-2');

  // Back on the phone: the page still on version 1 leads to version 2, which the owner confirms.
  await owner.page.reload();
  await owner.page.getByTestId('statement-latest').click();
  await waitForStatementStatus(owner.page, 'ISSUED');
  expect(await statementStatus(owner.page)).toEqual({ status: 'ISSUED', version: 2 });
  expect(await statementLine(owner.page, RESOLUTION).getByTestId('line-amount').innerText()).toBe('-¥1,000.00');
  await owner.page
    .locator('[data-testid="statement-version"][data-version="1"]')
    .getByTestId('statementStatus-SUPERSEDED')
    .waitFor();
  await statementLine(owner.page, RESOLUTION).scrollIntoViewIfNeeded();
  await owner.shot('cross-statements-05-owner-version-2');
  await confirmStatement(owner.page);
  await owner.shot('cross-statements-06-owner-confirmed');

  const ownerPdf = await downloadStatementPdf(owner.page);
  expect(ownerPdf).toMatchObject({ status: 200, contentType: 'application/pdf' });
  expect(ownerPdf.fileName).toBe(`对账单-HK-HN-${period}-v2.pdf`);

  await finance.page.reload();
  await finance.page.locator('[data-testid="statement-status"][data-status="CONFIRMED"]').waitFor();
  const financePdf = await downloadConsoleStatement(finance.page, 'pdf');
  expect(financePdf).toMatchObject({
    status: 200,
    contentType: 'application/pdf',
    fileName: `对账单-HK-HN-${period}-v2.pdf`,
  });
  expect(financePdf.bytes).toBeGreaterThan(10_000);
  await finance.shot('cross-statements-07-console-confirmed');
});
