import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { url } from './support/browser';
import { monthBefore } from './support/calendar';
import { settledDialog } from './support/select';

// A partner user's account steps in the portal (对账: balance, statements, invoices, payments),
// for portal-statements.e2e.ts and for cross-app tests: the owner disputes a line here → finance
// answers it in the console → the owner sees version 2 here, confirms it, and both download the PDF.
// The page must be signed in to the portal as a partner user, in Chinese.

/**
 * The month the seeded statements cover: the month before the one the seed ran in (global-setup
 * notes it when it starts the API), not the month before today: a run that starts at 23:59 on the
 * last day of a month tests after midnight what the seed wrote before it.
 */
export function lastMonth(): string {
  return process.env.E2E_SEED_PERIOD ?? monthBefore();
}

export interface AccountSummary {
  balance: { amount: string; currency: string };
  open: Array<{ dueOn: string; overdue: boolean; outstanding: { amount: string } }>;
}

/** The signed-in user's account as the API tells it, asked with the page's own session. */
export async function accountSummaryFromApi(page: Page): Promise<AccountSummary> {
  const answer = await page.evaluate(async () => {
    const res = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medchannel-app': 'portal' },
      body: JSON.stringify({
        query: '{ accountSummary { balance { amount currency } open { dueOn overdue outstanding { amount } } } }',
      }),
    });
    return (await res.json()) as { data?: { accountSummary: AccountSummary } };
  });
  if (!answer.data) throw new Error(`accountSummary failed: ${JSON.stringify(answer)}`);
  return answer.data.accountSummary;
}

/** The account area from the tab bar (phone) or the side menu (desktop), on a segment. */
export async function openAccount(
  page: Page,
  segment: 'statements' | 'invoices' | 'payments' = 'statements',
): Promise<void> {
  await page.goto(url('portal', segment === 'statements' ? '/statements' : `/statements?tab=${segment}`));
  await page
    .getByTestId(`${segment.replace(/s$/, '')}-list`)
    .or(page.getByTestId('empty'))
    .or(page.getByTestId('account-no-access'))
    .first()
    .waitFor();
}

/** Opens the statement in force for a month (YYYY-MM) from the account area's list. */
export async function openStatement(page: Page, period: string): Promise<void> {
  await openAccount(page);
  await page.locator(`[data-testid="statement-row"][data-period="${period}"]`).click();
  await page.getByTestId('statement-status').waitFor();
}

/** The open statement's status (ISSUED, CONFIRMED, DISPUTED, SUPERSEDED) and version. */
export async function statementStatus(page: Page): Promise<{ status: string; version: number }> {
  const tag = page.getByTestId('statement-status');
  return {
    status: (await tag.getAttribute('data-status')) ?? '',
    version: Number(await tag.getAttribute('data-version')),
  };
}

/** Waits until the open statement shows a status (after an answer, a reload, or a refetch). */
export async function waitForStatementStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="statement-status"][data-status="${status}"]`).waitFor();
}

/** The open statement's line whose memo contains the text. */
export function statementLine(page: Page, memoText: string) {
  return page
    .getByTestId('statement-line')
    .filter({ has: page.getByTestId('line-memo').filter({ hasText: memoText }) });
}

/** Starts a dispute on the open (ISSUED) statement, ticks each line by its memo, writes its comment, and sends it. */
export async function disputeLines(
  page: Page,
  lines: Array<{ memo: string; comment: string }>,
  { send = true } = {},
): Promise<void> {
  if (!(await page.getByTestId('dispute-bar').isVisible())) await page.getByTestId('statement-dispute').click();
  for (const { memo, comment } of lines) {
    const line = statementLine(page, memo);
    await line.getByTestId('dispute-pick').click();
    await line.getByTestId('dispute-comment').fill(comment);
  }
  if (send) await page.getByTestId('dispute-submit').click();
}

/** Disputes one line of the open statement and waits for the statement to read 有争议 (DISPUTED). */
export async function disputeLine(page: Page, memoText: string, comment: string): Promise<void> {
  await disputeLines(page, [{ memo: memoText, comment }]);
  await waitForStatementStatus(page, 'DISPUTED');
}

/** Confirms the open (ISSUED) statement through its dialog and waits for 已确认 (CONFIRMED). */
export async function confirmStatement(page: Page): Promise<void> {
  await page.getByTestId('statement-confirm').click();
  const dialog = await settledDialog(page);
  await dialog.getByTestId('statement-confirm-ok').click();
  await dialog.waitFor({ state: 'hidden' });
  await waitForStatementStatus(page, 'CONFIRMED');
}

export interface StatementDownload {
  status: number;
  contentType: string;
  /** the name the browser saves it under */
  fileName: string;
  /** size of the saved file */
  bytes: number;
}

/** Downloads the open statement (PDF or Excel) with the portal's button: the API's answer and the saved file. */
export async function downloadStatement(page: Page, format: 'pdf' | 'xlsx'): Promise<StatementDownload> {
  const [response, download] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname.startsWith('/files/statements/') && r.url().endsWith(`.${format}`),
    ),
    page.waitForEvent('download'),
    page.getByTestId(`statement-download-${format}`).click(),
  ]);
  const saved = await download.path();
  return {
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    fileName: download.suggestedFilename(),
    bytes: statSync(saved).size,
  };
}

export const downloadStatementPdf = (page: Page): Promise<StatementDownload> => downloadStatement(page, 'pdf');

/** The owner, on 我的公司 › 人员与权限: lets a rep see the account, or stops it. */
export async function setRepFinanceAccess(page: Page, email: string, allowed: boolean): Promise<void> {
  await page.goto(url('portal', '/company'));
  const toggle = page.locator(`[data-testid="person"][data-email="${email}"]`).getByTestId('finance-access');
  await toggle.waitFor();
  if ((await toggle.getAttribute('aria-checked')) !== String(allowed)) await toggle.click();
  await page
    .locator(
      `[data-testid="person"][data-email="${email}"] [data-testid="finance-access"][aria-checked="${allowed}"]:not(.ant-switch-loading)`,
    )
    .waitFor();
}
