import { statSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { login, openBrowser, url, type Session } from './support/browser';
import { pickOption } from './support/select';

// 审计日志: an admin filters the console's audit log by a distributor and finds the credit limit
// 孙丽 raised for 杭州康达 (a seeded change, before → after), then exports what the list shows; a
// regional head's log holds nothing of a distributor outside his regions; the owner reads his
// company's trail in the portal without the brand's assessment of it.
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
/** 广州粤康 (HK-YK), in 陈静's region, outside 赵建国's (the seed's fixed id) */
const YUEKANG = '0000000d-0000-4000-8000-000000000005';
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

test('an admin filters the audit log by a distributor, reads a seeded change before → after, and exports it', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/'));
  await login(page, 'admin@huakang.demo');
  await page.getByTestId('side-menu').getByText('审计日志').click();
  await page.waitForURL(/\/audit$/);
  await page.getByTestId('audit-row').first().waitFor();

  // changes to the company record itself (its people's sign-ins, which other tests add, are 人员 rows), of 杭州康达
  await pickOption(page, page.getByTestId('audit-kind'), '经销商');
  await page.waitForURL(/[?&]kind=distributor/);
  await pickOption(page, page.getByTestId('audit-distributor'), '杭州康达');
  // both filters stay in the URL (the list and the export read them from there)
  await page
    .waitForURL((u) => u.searchParams.get('kind') === 'distributor' && !!u.searchParams.get('distributor'))
    .catch((e: Error) => {
      throw new Error(`${e.message}\nthe URL held ${page.url()}`);
    });
  // the seed's raise (other tests raise and restore the same limit, as 孙丽 too)
  const credit = page
    .locator('[data-testid="audit-row"][data-action="SET_CREDIT_LIMIT"]', { hasText: '孙丽' })
    .filter({ hasText: '3000000.00 → 5000000.00' });
  await credit.waitFor();
  expect(await credit.innerText()).toContain('调整信用额度');
  expect(await credit.getByTestId('audit-change').innerText()).toBe('creditLimit 3000000.00 → 5000000.00');
  // every row is 康达's once the filtered page has replaced the one shown while it loaded
  const companies = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="audit-row"]')].map((r) => r.querySelectorAll('td')[4]?.textContent),
    );
  await page
    .waitForFunction(() => {
      const rows = [...document.querySelectorAll('[data-testid="audit-row"]')];
      return (
        rows.length > 0 && rows.every((r) => r.querySelectorAll('td')[4]?.textContent === '杭州康达医疗器械有限公司')
      );
    })
    .catch(async (e: Error) => {
      // say what the rows held, so that a failure can be read from the log
      throw new Error(`${e.message}\nrows' companies: ${JSON.stringify(await companies())} at ${page.url()}`);
    });
  await s.shot('audit-01-admin-filtered');

  const [response, download] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === '/files/exports/audit.xlsx'),
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 Excel' }).click(),
  ]);
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).searchParams.get('distributor')).toMatch(/^[0-9a-f-]{36}$/);
  expect(new URL(response.url()).searchParams.get('kind')).toBe('distributor');
  expect(download.suggestedFilename()).toBe('审计日志.xlsx');
  expect(statSync(await download.path()).size).toBeGreaterThan(1000);
});

test('a regional head’s log has nothing of a distributor outside his regions', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/'));
  await login(page, 'zhao.rh@huakang.demo');
  await page.getByTestId('side-menu').waitFor();
  await page.goto(url('console', `/audit?distributor=${YUEKANG}`));
  await page.getByText('没有符合筛选条件的记录').waitFor();
  expect(await page.getByTestId('audit-row').count()).toBe(0);
  await s.shot('audit-02-regional-head-other-region');
});

test('on a phone, the owner reads his company’s trail: his own change and the brand’s, not the brand’s assessment', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', '/company'));
  await login(page, 'boss@kangda.demo');
  await page.getByRole('link', { name: '查看变更记录' }).click();
  await page.waitForURL(/\/audit$/);
  await page.getByTestId('audit-trail').waitFor();
  const access = page.locator('[data-testid="audit-row"][data-action="SET_FINANCE_ACCESS"]', { hasText: '钱永强' });
  // the brand's finance person is not one of his people: the row says the brand did it, not who
  // (the seed's raise; other tests raise and restore the limit too, each a brand's row like it)
  const brandCredit = page.locator('[data-testid="audit-row"][data-action="SET_CREDIT_LIMIT"]', { hasText: '品牌方' });
  const credit = brandCredit.filter({ hasText: '3000000.00 → 5000000.00' });
  await page.getByTestId('audit-trail-count').waitFor();
  // other tests add their own changes above the seeded ones: the owner narrows the trail to one kind of record
  const narrow = async (label: string, entity: string, row: Locator) => {
    await pickOption(page, page.getByRole('combobox', { name: '记录' }), label, '');
    await page.waitForURL(new RegExp(`[?&]kind=${entity}`));
    await page.waitForFunction(
      (kind) =>
        [...document.querySelectorAll('[data-testid="audit-row"]')].every(
          (r) => r.getAttribute('data-entity') === kind,
        ),
      entity,
    );
    await loadUntilShown(page, row);
  };
  await narrow('人员', 'user', access);
  // the seed's change and any other test's switch of the same kind: each names him, as his own people's changes do
  expect(await access.count()).toBeGreaterThanOrEqual(1);
  expect(await page.locator('[data-testid="audit-row"][data-action="SET_FINANCE_ACCESS"]').count()).toBe(
    await access.count(),
  );
  await narrow('经销商', 'distributor', credit);
  expect(await credit.count()).toBe(1);
  expect(await brandCredit.allInnerTexts()).not.toEqual(expect.arrayContaining([expect.stringContaining('孙丽')]));
  await credit.scrollIntoViewIfNeeded();
  expect(await page.locator('[data-testid="audit-row"][data-action="RECORD_ASSESSMENT"]').count()).toBe(0);
  await s.shot('audit-03-owner-trail');
});

/** Loads further pages of the owner's trail until the row shows (or there are none left). */
async function loadUntilShown(page: Page, row: Locator): Promise<void> {
  await page.locator('[data-testid="audit-trail"], [data-testid="empty"]').first().waitFor();
  const more = page.getByRole('button', { name: '加载更多' });
  while ((await row.count()) === 0 && (await more.count()) > 0) {
    const shown = await page.getByTestId('audit-row').count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="audit-row"]').length > n, shown);
  }
}
