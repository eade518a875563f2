import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './processes';

type Job = { id: string; state: string };
type Boss = {
  start(): Promise<unknown>;
  stop(o: { graceful: boolean; wait: boolean }): Promise<void>;
  createQueue(name: string, o: object): Promise<void>;
  getQueue(name: string): Promise<unknown>;
  send(name: string, data: object, o: object): Promise<string | null>;
  work(name: string, o: object, handler: () => Promise<void>): Promise<string>;
  getJobById(name: string, id: string): Promise<Job | null>;
};
type Client = {
  connect(): Promise<void>;
  query(sql: string, v: unknown[]): Promise<{ rows: any[] }>;
  end(): Promise<void>;
};
const api = createRequire(join(REPO, 'api', 'package.json'));
const PgBoss = api('pg-boss') as new (o: object) => Boss;
const { Client: PgClient } = api('pg') as { Client: new (o: { connectionString: string }) => Client };

/** The brand an address signs in to (the job's data names it, so that brand's admins read its failure). */
async function brandOf(url: string, email: string): Promise<string> {
  const client = new PgClient({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT brand_id FROM app_user WHERE email = $1', [email]);
    if (!rows[0]) throw new Error(`no user ${email} in the run's database`);
    return rows[0].brand_id as string;
  } finally {
    await client.end();
  }
}

/**
 * A job that really fails: sent to a queue of its own (no retries) on the run's pg-boss schema, then
 * taken by a pg-boss worker whose handler throws, as any of the API's jobs' handlers does when its
 * work fails; pg-boss records the failure (state failed, the error as its output). The worker then
 * stops, so a retry leaves the run waiting in its queue (the browser tests' API works no queue).
 * Answers the run's id once pg-boss has it failed.
 */
export async function failingJob(
  url: string,
  { queue, brandOfEmail, message }: { queue: string; brandOfEmail: string; message: string },
): Promise<string> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', supervise: false, schedule: false, max: 2 });
  await boss.start();
  try {
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue, { name: queue, retryLimit: 0 });
    const id = await boss.send(queue, { brandId: await brandOf(url, brandOfEmail) }, { retryLimit: 0 });
    if (!id) throw new Error(`pg-boss did not take the job on ${queue}`);
    await boss.work(queue, { pollingIntervalSeconds: 0.5 }, async () => {
      throw new Error(message);
    });
    for (let waited = 0; (await boss.getJobById(queue, id))?.state !== 'failed'; waited += 250) {
      if (waited > 20_000) throw new Error(`the job ${id} did not fail within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return id;
  } finally {
    await boss.stop({ graceful: true, wait: true });
  }
}
