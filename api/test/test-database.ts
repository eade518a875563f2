import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { Tarball, startEmbeddedPostgres, tarballInMemory } from '../src/db/embedded';

/**
 * Every test file runs on a database of its own, cloned from a template that the run migrates and
 * seeds once (test/global-setup.ts): what a file writes no other file sees. On DATABASE_URL's
 * server the template is a database and a clone is `CREATE DATABASE … TEMPLATE`; on PGlite the
 * template is the seeded data directory as a tarball and a clone is an in-memory PGlite started
 * from it, served over the wire. The developer's database is never touched. The template is made
 * by test-template.ts; this file, which clones, loads none of the app.
 */
export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Where the template is, handed from the global setup to the workers through the environment. */
export const TEMPLATE_DATABASE = 'TEST_TEMPLATE_DATABASE';
export const TEMPLATE_DATA_DIR = 'TEST_TEMPLATE_DATA_DIR';
/** Set to a file path, each test file appends what its database cost it there (summed up by global-teardown.ts). */
export const TIMINGS_FILE = 'TEST_DB_TIMINGS';

export async function onServer<T>(adminUrl: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: adminUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A test file's own database, cloned from the run's template. On the server each worker makes the
 * clone its next file will take while the current file runs, and drops a file's clone while the
 * next one runs: nothing waits for either but the first file of each worker. What a worker leaves
 * behind (the clone it made for a next file that never came, a DROP it had not finished) goes with
 * the template at the end of the run (test-template.ts).
 */
export async function cloneTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_DATABASE];
  if (adminUrl && template) {
    const current = nextClone ?? cloneOnServer(adminUrl, template);
    const next = current.then(
      () => cloneOnServer(adminUrl, template),
      () => cloneOnServer(adminUrl, template),
    );
    // a failed clone fails the file that takes it, not the file that happens to be running
    next.catch(() => undefined);
    nextClone = next;
    return current;
  }
  const dataDir = process.env[TEMPLATE_DATA_DIR];
  if (!dataDir) throw new Error('no test database template: run the tests through jest (test/global-setup.ts)');
  templateTarball ??= tarballInMemory(fs.readFileSync(dataDir));
  const embedded = await startEmbeddedPostgres({
    loadDataDir: templateTarball,
    sharedBuffers: TEST_SHARED_BUFFERS,
    maxConnections: 40,
  });
  return { url: embedded.url, drop: () => embedded.stop() };
}

/** The clone this process's next test file takes, on the server. */
let nextClone: Promise<TestDatabase> | undefined;

/** The PGlite template's tarball, read once per worker and loaded by each of its files' PGlites. */
let templateTarball: Tarball | undefined;

/**
 * PGlite's shared_buffers for the tests: the seeded database (about 13 MB) fits, and a PGlite
 * starts in about half the time it takes with the default 128MB, which it zeroes first.
 */
export const TEST_SHARED_BUFFERS = '32MB';

/** Waits for the clone this process was making for a next test file (run in band, the teardown is in this process). */
export async function settleNextClone(): Promise<void> {
  await nextClone?.catch(() => undefined);
}

async function cloneOnServer(adminUrl: string, template: string): Promise<TestDatabase> {
  const name = `${template}_${process.pid}_${randomBytes(3).toString('hex')}`;
  await onServer(adminUrl, async (c) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (e) {
        // 55006: the template has a session (another worker's clone in its last step, or autovacuum)
        if ((e as { code?: string }).code !== '55006' || attempt === 50) throw e;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  return {
    url: databaseUrl(adminUrl, name),
    async drop() {
      // not awaited: a DROP that fails or is cut short by the worker's exit leaves the clone to the end of the run
      onServer(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    },
  };
}
