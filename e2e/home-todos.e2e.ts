import type { Page } from 'playwright-core';
import { login, openBrowser, url, type Session } from './support/browser';

// 我的待办 on both home pages lists what really waits, each with its count and a link to its list;
// a role nothing waits on there gets no card (no promise of what does not exist). The counts are
// checked against the API's own answer for the same user (other tests may move orders meanwhile).
const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
let s: Session | undefined;

afterEach(async () => {
  await s?.close();
  s = undefined;
});

/** A GraphQL answer for the page's own session. */
async function ask<T>(page: Page, app: 'console' | 'portal', query: string): Promise<T> {
  const answer = await page.evaluate(
    async ({ app, query }) => {
      const res = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'x-medchannel-app': app }, body: JSON.stringify({ query }) });
      return (await res.json()) as { data?: unknown; errors?: unknown };
    },
    { app, query },
  );
  if (!answer.data) throw new Error(`query failed: ${JSON.stringify(answer.errors)}`);
  return answer.data as T;
}

test('console: the order desk sees the orders awaiting approval, counted, and goes to them; a trainer gets no to-do card', async () => {
  s = await openBrowser(DESKTOP);
  const { page } = s;
  await page.goto(url('console', '/'));
  await login(page, 'order@huakang.demo');
  await page.locator('[data-testid="home-todo"][data-ready="true"]').waitFor();
  const { orders } = await ask<{ orders: { totalCount: number } }>(page, 'console', '{ orders(filter: { statuses: [SUBMITTED] }, first: 1) { totalCount } }');
  expect(orders.totalCount).toBeGreaterThan(0);
  const todo = page.getByTestId('todo-ordersAwaitingApproval');
  expect(await todo.innerText()).toBe(`${orders.totalCount} 个订单待审批`);
  await s.shot('home-todos-01-order-desk');
  await todo.click();
  await page.waitForURL(/\/orders\?status=SUBMITTED$/);
  await page.getByTestId('order-queue').locator('.ant-table-row').first().waitFor();
  expect(await page.getByTestId('order-total').innerText()).toContain(String(orders.totalCount));
  await s.close();

  s = await openBrowser(DESKTOP);
  await s.page.goto(url('console', '/'));
  await login(s.page, 'trainer@huakang.demo');
  await s.page.getByTestId('welcome').waitFor();
  await s.page.getByTestId('side-menu').waitFor();
  expect(await s.page.getByTestId('home-todo').count()).toBe(0);
  expect(await s.page.getByText('我的待办').count()).toBe(0);
});

test('portal on a phone: the rep sees her course to finish and the co-visit awaiting her answer, counted, and each leads to its list', async () => {
  s = await openBrowser(PHONE);
  const { page } = s;
  await page.goto(url('portal', '/'));
  await login(page, 'li.rep@kangda.demo');
  await page.locator('[data-testid="home-todo"][data-ready="true"]').waitFor();
  const { enrollments } = await ask<{ enrollments: { totalCount: number } }>(
    page,
    'portal',
    '{ enrollments(filter: { mine: true, statuses: [ASSIGNED, IN_PROGRESS] }, first: 1) { totalCount } }',
  );
  expect(enrollments.totalCount).toBeGreaterThan(0);
  const courses = page.getByTestId('todo-courses');
  expect(await courses.innerText()).toContain(`${enrollments.totalCount} 门培训待完成`);
  const coVisits = page.getByTestId('todo-co-visits');
  const awaiting = Number(await coVisits.getAttribute('data-count'));
  // the seeded plan 张伟 proposed to her at 检验科 waits for her answer
  expect(awaiting).toBeGreaterThan(0);
  expect(await coVisits.innerText()).toContain(`${awaiting} 个协同拜访待你答复`);
  await s.shot('home-todos-02-rep');

  await coVisits.click();
  await page.waitForURL(/\/visits$/);
  await page.locator('[data-testid="co-visits"][data-ready="true"]').waitFor();
  expect(await page.locator('[data-testid="co-visit-row"][data-my-turn="true"]').count()).toBe(awaiting);

  await page.getByTestId('tab-home').click();
  await page.getByTestId('todo-courses').click();
  await page.waitForURL(/\/training$/);
  await page.locator('[data-testid="enrollments"][data-ready="true"]').waitFor();
  const open = await page.getByTestId('enrollment-row').evaluateAll((rows) => rows.filter((r) => ['ASSIGNED', 'IN_PROGRESS'].includes(r.getAttribute('data-status') ?? '')).length);
  expect(open).toBe(enrollments.totalCount);
});
