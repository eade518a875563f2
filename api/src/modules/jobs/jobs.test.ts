import { BRANDS } from '../../db/seed/demo-data';
import { GqlResult, TestApp, codeOf, startTestApp } from '../../../test/harness';
import { FAILING_QUEUE, failedJob, poolOf } from './jobs.test-kit';

/**
 * The job queue as the console's admins watch it: a failed run with its message after its
 * retries, retried back into the queue once (a second retry changes nothing), the brand's own
 * runs to its admins only, and a platform run's message withheld from everyone.
 */
const RUN = `id queue state createdAt startedAt finishedAt retryCount retryLimit brandJob error errorWithheld retryable`;
const RUNS = `query($state: JobState, $after: String, $first: Int!) {
  jobRuns(queue: "${FAILING_QUEUE}", state: $state, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { ${RUN} } } }`;
const RETRY = `mutation($id: ID!) { retryJob(id: $id) { ${RUN} } }`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.stop());

const admin = () => t.as('admin@huakang.demo');
const fail = (data: object, message: string, retries = 0) => failedJob(poolOf(t.app.ds), { data, message, retries });

test('a failing job shows as failed with its message after its retries; retry puts it back once', async () => {
  const id = await fail({ brandId: BRANDS.huakang.id }, '对账单生成失败 statement failed', 2);
  const client = await admin();
  const failed = await client.request(RUNS, { state: 'FAILED', first: 100 });
  expect(failed.errors).toEqual([]);
  const run = failed.data.jobRuns.nodes.find((j: { id: string }) => j.id === id);
  expect(run).toMatchObject({
    state: 'FAILED',
    retryCount: 2,
    retryLimit: 2,
    brandJob: true,
    error: '对账单生成失败 statement failed',
    errorWithheld: false,
    retryable: true,
  });
  expect(run.finishedAt).not.toBeNull();
  expect(run.startedAt).not.toBeNull();

  const queues = await client.request(`{ jobQueues { name since created retry active completed failed } }`);
  expect(queues.data.jobQueues.find((q: { name: string }) => q.name === FAILING_QUEUE).failed).toBeGreaterThan(0);

  const audits = () =>
    t.app.ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'job' AND entity_id = $1`, [id]);
  const retried = await client.request(RETRY, { id });
  expect(retried.errors).toEqual([]);
  expect(retried.data.retryJob).toMatchObject({ id, state: 'RETRY', retryable: false });
  expect(await audits()).toEqual([{ n: 1 }]);

  // idempotent: no longer failed, so answered as it is, nothing changed, nothing audited
  const again = await client.request(RETRY, { id });
  expect(again.data.retryJob).toMatchObject({ id, state: 'RETRY', retryLimit: 3 });
  expect(await audits()).toEqual([{ n: 1 }]);
  const [row] = await t.app.ds.query(`SELECT state::text, retry_limit FROM pgboss.job WHERE id = $1`, [id]);
  expect(row).toEqual({ state: 'retry', retry_limit: 3 });
});

test('the list pages by keyset, newest first, without repeating a run', async () => {
  for (let i = 0; i < 3; i++) await fail({ brandId: BRANDS.huakang.id }, `page ${i}`);
  const client = await admin();
  const seen: string[] = [];
  let after: string | null = null;
  do {
    const page: GqlResult = await client.request(RUNS, { first: 2, after });
    expect(page.errors).toEqual([]);
    seen.push(...page.data.jobRuns.nodes.map((j: { id: string }) => j.id));
    after = page.data.jobRuns.pageInfo.hasNextPage ? page.data.jobRuns.pageInfo.endCursor : null;
  } while (after);
  expect(new Set(seen).size).toBe(seen.length);
  const all = await client.request(RUNS, { first: 100 });
  expect(seen).toEqual(all.data.jobRuns.nodes.map((j: { id: string }) => j.id));
  expect(seen.length).toBe(all.data.jobRuns.totalCount);
});

test('another brand’s run is invisible: not listed, its retry NOT_FOUND and unchanged', async () => {
  const id = await fail({ brandId: BRANDS.ruiguang.id }, '瑞光 secret distributor failed');
  const client = await admin();
  const list = await client.request(RUNS, { first: 100 });
  expect(list.data.jobRuns.nodes.map((j: { id: string }) => j.id)).not.toContain(id);
  expect(list.text).not.toContain('瑞光');
  const retried = await client.request(RETRY, { id });
  expect(codeOf(retried)).toBe('NOT_FOUND');
  const [row] = await t.app.ds.query(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id]);
  expect(row.state).toBe('failed');
  // its own brand's admin sees it, with its message
  const theirs = await (await t.as('admin@ruiguang.demo')).request(RUNS, { first: 100 });
  expect(theirs.data.jobRuns.nodes.find((j: { id: string }) => j.id === id).error).toBe(
    '瑞光 secret distributor failed',
  );
});

test('a platform run shows to every admin without its message', async () => {
  const id = await fail({}, 'duplicate key (brand_id, code)=(瑞光, RG-001)');
  const list = await (await admin()).request(RUNS, { first: 100 });
  const run = list.data.jobRuns.nodes.find((j: { id: string }) => j.id === id);
  expect(run).toMatchObject({ state: 'FAILED', brandJob: false, error: null, errorWithheld: true, retryable: true });
  expect(list.text).not.toContain('RG-001');
});

test('only admins: a regional head and an owner are FORBIDDEN, and change nothing', async () => {
  const id = await fail({ brandId: BRANDS.huakang.id }, 'not theirs');
  for (const email of ['zhao.rh@huakang.demo']) {
    const c = await t.as(email);
    expect(codeOf(await c.request(RUNS, { first: 10 }))).toBe('FORBIDDEN');
    expect(codeOf(await c.request(`{ jobQueues { name } }`))).toBe('FORBIDDEN');
    expect(codeOf(await c.request(RETRY, { id }))).toBe('FORBIDDEN');
  }
  const [row] = await t.app.ds.query(`SELECT state::text FROM pgboss.job WHERE id = $1`, [id]);
  expect(row.state).toBe('failed');
});
