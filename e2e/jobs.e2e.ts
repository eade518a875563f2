import { browsers } from './support/browser';
import { failingJob } from './support/jobs';
import { pickOption } from './support/select';

// 后台任务: the brand's admin opens the page by its menu entry, finds a run that failed with its
// message, retries it after the confirmation and sees it wait in its queue again; a regional head
// has no such entry. The failed run is a real one: a pg-boss worker on the run's database whose
// handler throws (support/jobs.ts), on a queue of its own, since the browser tests' API runs no
// scheduled job. It needs the run's PostgreSQL database (E2E_DATABASE_URL, as CI runs them).
const QUEUE = 'e2e-sales-report';
const MESSAGE = 'sales report: the ERP answered 503 Service Unavailable';
const { signedIn } = browsers();
const database = process.env.E2E_RUN_DATABASE_URL;

(database ? test : test.skip)('an admin finds a failed run in 后台任务 and retries it', async () => {
  const id = await failingJob(database!, { queue: QUEUE, brandOfEmail: 'admin@huakang.demo', message: MESSAGE });
  const admin = await signedIn('console', 'admin@huakang.demo', '/');
  const { page } = admin;
  await page.getByRole('menuitem', { name: '后台任务' }).click();

  // the queue's last day: one run, failed
  const counts = page.locator(`[data-testid="job-queue"][data-queue="${QUEUE}"]`);
  await counts.locator('[data-count="failed"]').getByText('1', { exact: true }).waitFor();

  // only the failed runs: ours, with the message its worker threw
  await pickOption(page, page.getByLabel('全部状态'), '失败');
  const run = page.locator(`[data-testid="job-run"][data-id="${id}"]`);
  await run.getByText(MESSAGE).waitFor();
  await run.getByText('失败', { exact: true }).waitFor();
  await admin.shot('jobs-01-failed-run');

  await run.getByRole('button', { name: /^重\s?试$/ }).click();
  await page.getByText('将这次失败的运行放回队列重试？').waitFor();
  await admin.shot('jobs-02-confirm');
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByText('已放回队列').waitFor();
  await run.getByText('等待重试', { exact: true }).waitFor();
  await run.getByRole('button', { name: /^重\s?试$/ }).waitFor({ state: 'detached' });
  await counts.locator('[data-count="retry"]').getByText('1', { exact: true }).waitFor();
  await counts.locator('[data-count="failed"]').getByText('0', { exact: true }).waitFor();
  await admin.shot('jobs-03-retried');
});

test('a regional head has no 后台任务 in his menu', async () => {
  const head = await signedIn('console', 'zhao.rh@huakang.demo', '/');
  const { page } = head;
  await page.getByRole('menuitem', { name: '人员' }).waitFor();
  expect(await page.getByRole('menuitem', { name: '后台任务' }).count()).toBe(0);
  await head.shot('jobs-04-regional-head-menu');
});
