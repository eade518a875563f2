import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { REPO, ensureBuilt, freePort, start, waitForHttp } from './processes';
import { chinaDay, monthBefore } from './calendar';
import { createRunDatabase } from './database';

declare global {
  var __E2E__: { children: ChildProcess[]; dataDir?: string; database?: { server: string; name: string } } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const children: ChildProcess[] = [];
  globalThis.__E2E__ = { children };

  // both apps' ports first: each static server redirects /other-app to the other, and the API links
  // its e-mails and robot messages to the apps' addresses (CONSOLE_URL, PORTAL_URL)
  const ports = { 'console-internal': await freePort(), 'portal-partner': await freePort() };
  while (ports['portal-partner'] === ports['console-internal']) ports['portal-partner'] = await freePort();

  let apiUrl = process.env.E2E_API_URL;
  if (!apiUrl) {
    const main = join(REPO, 'api', 'dist', 'main.js');
    if (!existsSync(main))
      throw new Error('api/dist/main.js is missing: pnpm --filter @medchannel/api build (or set E2E_API_URL)');
    // A fresh database per run, embedded or on E2E_DATABASE_URL's server: seeded demo data, nothing left from earlier runs.
    const server = process.env.E2E_DATABASE_URL;
    let database: { PGLITE_DIR?: string; DATABASE_URL: string };
    if (server) {
      const made = await createRunDatabase(server);
      globalThis.__E2E__.database = { server, name: made.name };
      database = { DATABASE_URL: made.url };
      // tests that need the run's database itself (a job queue's worker: jobs.e2e.ts) reach it here
      process.env.E2E_RUN_DATABASE_URL = made.url;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'medchannel-e2e-'));
      globalThis.__E2E__.dataDir = dataDir;
      database = { PGLITE_DIR: dataDir, DATABASE_URL: '' };
    }
    let port = await freePort();
    while (Object.values(ports).includes(port)) port = await freePort();
    // The seed dates its demo from the moment it runs: note the month it ran in (it runs between these two readings).
    const before = monthBefore();
    const dayBefore = chinaDay();
    const api = start('api', [main], {
      PORT: String(port),
      ...database,
      NODE_ENV: 'test',
      TRUSTED_PROXY: 'loopback',
      WEBHOOK_ALLOW_CIDRS: '127.0.0.1/32',
      CONSOLE_URL: `http://127.0.0.1:${ports['console-internal']}`,
      PORTAL_URL: `http://127.0.0.1:${ports['portal-partner']}`,
    });
    children.push(api);
    apiUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${apiUrl}/readyz`, api);
    if (monthBefore() !== before)
      throw new Error('the API started across a month boundary: which month it seeded is unknown; run again');
    if (chinaDay() !== dayBefore)
      throw new Error("the API started across China's midnight: which day it seeded is unknown; run again");
    process.env.E2E_SEED_PERIOD = before;
    // the seed's day: tests that read seeded days count from it, not from a today that may have moved on
    process.env.E2E_SEED_DAY = dayBefore;
  }

  for (const [app, key, peer] of [
    ['console-internal', 'E2E_CONSOLE_URL', 'portal-partner'],
    ['portal-partner', 'E2E_PORTAL_URL', 'console-internal'],
  ] as const) {
    ensureBuilt(app);
    const port = ports[app];
    const server = start(app, [
      'scripts/serve-static.mjs',
      '--dir',
      `${app}/dist`,
      '--port',
      String(port),
      '--api',
      apiUrl,
      '--peer',
      `http://127.0.0.1:${ports[peer]}`,
    ]);
    children.push(server);
    const url = `http://127.0.0.1:${port}`;
    await waitForHttp(`${url}/index.html`, server);
    process.env[key] = url;
  }
}
