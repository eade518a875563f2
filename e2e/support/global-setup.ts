import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { REPO, ensureBuilt, freePort, start, waitForHttp } from './processes';
import { chinaDay, monthBefore } from './calendar';
import { createRunDatabase } from './database';
import { STACKS_KEY, type Stack } from './stack';
import globalTeardown from './global-teardown';

declare global {
  var __E2E__:
    { children: ChildProcess[]; dataDirs: string[]; databases: Array<{ server: string; name: string }> } | undefined;
}

/** What global setup reads of Jest's configuration (its second argument is the project's). */
interface JestGlobalConfig {
  maxWorkers: number;
  testPathPatterns?: { isSet(): boolean; toExecutor(o: { rootDir: string }): { isMatch(path: string): boolean } };
}

/**
 * One stack per Jest worker: an API on a database of its own and the two apps' static servers in front of it,
 * so that workers never share a login throttle, a mailbox or seeded records. Each worker picks its stack by
 * JEST_WORKER_ID (support/stack.ts). E2E_API_URL (an API started by hand) is one stack, so one worker.
 */
export default async function globalSetup(config: JestGlobalConfig, project: { rootDir: string }): Promise<void> {
  const state = {
    children: [] as ChildProcess[],
    dataDirs: [] as string[],
    databases: [] as Array<{ server: string; name: string }>,
  };
  globalThis.__E2E__ = state;
  const reused = process.env.E2E_API_URL;
  // Jest runs a single file in its own process (JEST_WORKER_ID 1), whatever maxWorkers says: one stack then.
  const count = reused || testFiles(config, project.rootDir) <= 1 ? 1 : Math.max(1, config.maxWorkers);
  const ports = new Set<number>();
  const port = async () => {
    let p = await freePort();
    while (ports.has(p)) p = await freePort();
    ports.add(p);
    return p;
  };
  try {
    for (const app of ['console-internal', 'portal-partner']) ensureBuilt(app);
    // The seed dates its demo from the moment it runs: note the month and day the stacks start in (every seed
    // runs between these readings and the ones after).
    const before = monthBefore();
    const dayBefore = chinaDay();
    // all settled before any failure is told: the teardown below then finds every process that started
    const started = await Promise.allSettled(Array.from({ length: count }, () => startStack(state, port, reused)));
    const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const stacks = started.map((s) => (s as PromiseFulfilledResult<Stack>).value);
    if (!reused) {
      if (monthBefore() !== before)
        throw new Error('the API started across a month boundary: which month it seeded is unknown; run again');
      if (chinaDay() !== dayBefore)
        throw new Error("the API started across China's midnight: which day it seeded is unknown; run again");
      for (const stack of stacks) {
        stack.E2E_SEED_PERIOD = before;
        // the seed's day: tests that read seeded days count from it, not from a today that may have moved on
        stack.E2E_SEED_DAY = dayBefore;
      }
    }
    process.env[STACKS_KEY] = JSON.stringify(stacks);
    // the first stack's addresses are also this process's own (a run in band reads them from here)
    for (const [key, value] of Object.entries(stacks[0])) if (value !== undefined) process.env[key] = value;
  } catch (error) {
    // Jest runs no global teardown when the setup throws: stop what did start
    await globalTeardown();
    throw error;
  }
}

/** How many test files this run can take at most (the CLI's path patterns applied to e2e/**\/*.e2e.ts). */
function testFiles(config: JestGlobalConfig, rootDir: string): number {
  const files = readdirSync(rootDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.e2e.ts'));
  try {
    if (!config.testPathPatterns?.isSet()) return files.length;
    const pattern = config.testPathPatterns.toExecutor({ rootDir });
    return files.filter((f) => pattern.isMatch(join(rootDir, f))).length;
  } catch {
    return files.length; // more stacks than workers is only slower, never wrong
  }
}

async function startStack(
  state: NonNullable<typeof globalThis.__E2E__>,
  port: () => Promise<number>,
  reused: string | undefined,
): Promise<Stack> {
  // both apps' ports first: each static server redirects /other-app to the other, and the API links
  // its e-mails and robot messages to the apps' addresses (CONSOLE_URL, PORTAL_URL)
  const ports = { 'console-internal': await port(), 'portal-partner': await port() };
  const stack: Stack = { E2E_CONSOLE_URL: '', E2E_PORTAL_URL: '' };

  let apiUrl = reused;
  if (!apiUrl) {
    const main = join(REPO, 'api', 'dist', 'main.js');
    if (!existsSync(main))
      throw new Error('api/dist/main.js is missing: pnpm --filter @medchannel/api build (or set E2E_API_URL)');
    // A fresh database per stack, embedded or on E2E_DATABASE_URL's server: seeded demo data, nothing left from
    // earlier runs or from the other workers.
    const server = process.env.E2E_DATABASE_URL;
    let database: { PGLITE_DIR?: string; DATABASE_URL: string };
    if (server) {
      const made = await createRunDatabase(server);
      state.databases.push({ server, name: made.name });
      database = { DATABASE_URL: made.url };
      // tests that need the run's database itself (a job queue's worker: jobs.e2e.ts) reach it here
      stack.E2E_RUN_DATABASE_URL = made.url;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'medchannel-e2e-'));
      state.dataDirs.push(dataDir);
      database = { PGLITE_DIR: dataDir, DATABASE_URL: '' };
    }
    const apiPort = await port();
    const api = start('api', [main], {
      PORT: String(apiPort),
      ...database,
      NODE_ENV: 'test',
      TRUSTED_PROXY: 'loopback',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
      CONSOLE_URL: `http://127.0.0.1:${ports['console-internal']}`,
      PORTAL_URL: `http://127.0.0.1:${ports['portal-partner']}`,
    });
    state.children.push(api);
    apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitForHttp(`${apiUrl}/readyz`, api);
  }

  for (const [app, key, peer] of [
    ['console-internal', 'E2E_CONSOLE_URL', 'portal-partner'],
    ['portal-partner', 'E2E_PORTAL_URL', 'console-internal'],
  ] as const) {
    const server = start(app, [
      'scripts/serve-static.mjs',
      '--dir',
      `${app}/dist`,
      '--port',
      String(ports[app]),
      '--api',
      apiUrl,
      '--peer',
      `http://127.0.0.1:${ports[peer]}`,
    ]);
    state.children.push(server);
    const url = `http://127.0.0.1:${ports[app]}`;
    await waitForHttp(`${url}/index.html`, server);
    stack[key] = url;
  }
  return stack;
}
