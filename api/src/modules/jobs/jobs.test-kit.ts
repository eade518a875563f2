import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { JOB_SCHEMA } from '../../common/jobs';

/** The queue the tests' jobs fail in: no worker ever takes it, so nothing runs them but the test. */
export const FAILING_QUEUE = 'test-failing';

let sent = 0;
const bosses = new WeakMap<object, Promise<PgBoss>>();

/** pg-boss on the test database's pool, installed (its schema made, as the API's first start would), without its loops. */
function bossOf(pool: Pool): Promise<PgBoss> {
  let boss = bosses.get(pool);
  if (!boss) {
    const b = new PgBoss({
      db: { executeSql: (text, values) => pool.query(text, values) },
      schema: JOB_SCHEMA,
      supervise: false,
      schedule: false,
    });
    boss = b.start().then(async () => {
      for (let attempt = 1; !(await b.getQueue(FAILING_QUEUE)); attempt++) {
        // another test file on the same database may make it at once
        await b.createQueue(FAILING_QUEUE).catch((err) => {
          if (attempt >= 5) throw err;
        });
      }
      return b;
    });
    bosses.set(pool, boss);
  }
  return boss;
}

export const poolOf = (ds: DataSource): Pool => (ds.driver as PostgresDriver).master as Pool;

/**
 * A job that failed, deterministically and without waiting: sent with `retries` retries, then
 * fetched and failed through pg-boss's own `fetch` and `fail` once more than that (what a worker
 * whose handler throws does), so it ends `failed` with `message`. Each job is sent above every
 * earlier one's priority, so the fetch takes this one and not a job an earlier test put back. `data` is the job's data (a `brandId` makes it that
 * brand's). Answers its id.
 */
export async function failedJob(
  pool: Pool,
  { data = {}, message = 'boom', retries = 0 }: { data?: object; message?: string; retries?: number },
): Promise<string> {
  const boss = await bossOf(pool);
  const priority = 1_000_000 + ++sent;
  const id = (await boss.send(FAILING_QUEUE, data, { retryLimit: retries, retryDelay: 0, priority }))!;
  for (let i = 0; i <= retries; i++) {
    const [job] = await boss.fetch(FAILING_QUEUE, { priority: true });
    if (job?.id !== id) throw new Error(`fetched ${job?.id ?? 'nothing'} instead of the job ${id}`);
    await boss.fail(FAILING_QUEUE, id, new Error(message));
  }
  return id;
}
