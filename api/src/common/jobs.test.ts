import { createApp, type App } from '../app';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { JOB_SCHEMA, JobQueue, cronEvery } from './jobs';

/**
 * The scheduled jobs run on pg-boss in the test database (PostgreSQL, or the embedded PGlite over
 * the wire): two API instances on one database stand for two processes. Waits are for states of
 * the queue's tables.
 */
const url = () => process.env.TEST_DATABASE_URL!;

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type JobRow = { id: string; state: string; retry_count: number; created_on: Date };
const jobsOf = (app: App, name: string): Promise<JobRow[]> =>
  app.ds.query(`SELECT id, state, retry_count, created_on FROM ${JOB_SCHEMA}.job WHERE name = $1`, [name]);

test('every interval is a cron expression that ticks no more often than asked', () => {
  expect([1, 5, 7, 45, 60, 90, 180, 300, 720, 1440].map(cronEvery)).toEqual([
    '*/1 * * * *',
    '*/5 * * * *',
    '*/6 * * * *',
    '*/30 * * * *',
    '0 */1 * * *',
    '0 */1 * * *',
    '0 */3 * * *',
    '0 */4 * * *',
    '0 */12 * * *',
    '0 0 * * *',
  ]);
});

test('two API processes on one database: a scheduled job runs once a tick, not once per process', async () => {
  const apps: App[] = [];
  const calls: string[] = [];
  const startMinute = Math.floor(Date.now() / 60_000);
  try {
    for (const name of ['one', 'two']) {
      const config = loadConfig(
        { ...process.env, NODE_ENV: 'test' },
        { port: 0, databaseUrl: url(), dbPoolSize: 2, statementJobMinutes: 1, jobPollSeconds: 1 },
      );
      const app = await createApp(config);
      // counted, not run: what the statements job does is the statements tests' business
      jest.spyOn(app.services.statements, 'generateDue').mockImplementation(async () => void calls.push(name) as never);
      apps.push(app);
    }
    await Promise.all(apps.map((app) => app.startJobs()));
    // every minute's schedule is due at once: one job, run by one of the two, and done
    const done = await until('the statements job completed', async () => {
      const rows = await jobsOf(apps[0], 'statements');
      return rows.length > 0 && rows.every((r) => r.state === 'completed') && rows;
    });
    const minutes = Math.floor(Date.now() / 60_000) - startMinute + 1;
    expect(calls.length).toBe(done.length);
    // a test that crossed a minute saw the next tick too, again once
    expect(done.length).toBeLessThanOrEqual(minutes);
    expect(done.length).toBeGreaterThanOrEqual(1);
  } finally {
    for (const app of apps) await app.stop();
  }
});

test('a failed run is retried after a delay, and a stop waits for the running job', async () => {
  const errors: unknown[] = [];
  const queue = new JobQueue(url(), (err) => errors.push(err), { retryDelaySeconds: 1, pollSeconds: 1 });
  const app = { ds: createDataSource(url(), { poolSize: 1 }) };
  await app.ds.initialize();
  let runs = 0;
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  try {
    await queue.start([
      {
        name: 'test-retried',
        // daily at midnight UTC: sent by hand below, not by the clock
        minutes: 24 * 60,
        run: async () => {
          runs += 1;
          if (runs === 1) throw new Error('the first run fails');
          await released;
        },
      },
    ]);
    await queue.sendNow('test-retried');
    const [running] = await until('the retry running', async () => {
      const rows = await jobsOf(app as App, 'test-retried');
      return rows.some((r) => r.state === 'active' && r.retry_count === 1) && rows;
    });
    expect(errors).toEqual([new Error('the first run fails')]);
    // the stop waits for the running job rather than leave it half done
    const stopped = queue.stop().then(() => 'stopped');
    const first = await Promise.race([stopped, new Promise((r) => setTimeout(() => r('still running'), 300))]);
    expect(first).toBe('still running');
    release();
    await stopped;
    const [row] = await app.ds.query(`SELECT state FROM ${JOB_SCHEMA}.job WHERE id = $1`, [running.id]);
    expect(row.state).toBe('completed');
    expect(runs).toBe(2);
  } finally {
    release();
    await queue.stop();
    await app.ds.query(`SELECT ${JOB_SCHEMA}.delete_queue('test-retried')`).catch(() => undefined);
    await app.ds.query(`DELETE FROM ${JOB_SCHEMA}.schedule WHERE name = 'test-retried'`).catch(() => undefined);
    await app.ds.destroy();
  }
});
