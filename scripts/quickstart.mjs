#!/usr/bin/env node
// The README's two commands: `npm start` and `npm test`. Needs only Node 20: pnpm (the pinned
// version) comes through npx when it is not installed, and the database is embedded PGlite unless
// DATABASE_URL points at a PostgreSQL.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];

function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  if (probe.status === 0 && probe.stdout.trim() === PNPM_VERSION) return ['pnpm'];
  console.log(
    `> using pnpm ${PNPM_VERSION} through npx (installed pnpm: ${probe.status === 0 ? probe.stdout.trim() : 'none'})`,
  );
  return ['npx', '--yes', `pnpm@${PNPM_VERSION}`];
}

const pnpm = pnpmCommand();

function run(args, opts = {}) {
  console.log(`> pnpm ${args.join(' ')}`);
  const result = spawnSync(pnpm[0], [...pnpm.slice(1), ...args], { cwd: root, stdio: 'inherit', ...opts });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function install() {
  run(['install', '--frozen-lockfile']);
}

async function waitFor(url, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function start() {
  install();
  run(['build']);
  const apiPort = process.env.PORT || '4000';
  const consolePort = process.env.CONSOLE_PORT || '5173';
  const portalPort = process.env.PORTAL_PORT || '5174';
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const children = [];
  const spawnChild = (name, args, env = {}) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        console.error(`${name} stopped (${signal ?? code}); stopping the rest`);
        stop(code ?? 1);
      }
    });
    children.push(child);
    return child;
  };
  let stopping = false;
  const stop = (code = 0) => {
    stopping = true;
    for (const c of children) c.kill('SIGTERM');
    setTimeout(() => process.exit(code), 3000).unref();
  };
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));

  // API_WORKERS=N: N API processes on one port (node's cluster). The embedded PGlite lives inside
  // one process, so without DATABASE_URL the quick start runs one and says why.
  let workers = process.env.API_WORKERS || '1';
  if (Number(workers) > 1 && !process.env.DATABASE_URL) {
    console.log(
      `> API_WORKERS=${workers} needs DATABASE_URL (a PostgreSQL): the embedded PGlite serves one process; starting one API process`,
    );
    workers = '1';
  }
  // the API is reached through the two static servers below, which set X-Forwarded-For
  spawnChild('API', ['api/dist/main.js'], {
    PORT: apiPort,
    API_WORKERS: workers,
    TRUSTED_PROXY: process.env.TRUSTED_PROXY || 'loopback',
  });
  await waitFor(`${apiUrl}/healthz`, 120_000);
  const consoleUrl = process.env.CONSOLE_URL || `http://127.0.0.1:${consolePort}`;
  const portalUrl = process.env.PORTAL_URL || `http://127.0.0.1:${portalPort}`;
  spawnChild('console', [
    'scripts/serve-static.mjs',
    '--dir',
    'console-internal/dist',
    '--port',
    consolePort,
    '--api',
    apiUrl,
    '--peer',
    portalUrl,
  ]);
  spawnChild('portal', [
    'scripts/serve-static.mjs',
    '--dir',
    'portal-partner/dist',
    '--port',
    portalPort,
    '--api',
    apiUrl,
    '--peer',
    consoleUrl,
  ]);
  await waitFor(`http://127.0.0.1:${consolePort}/`, 30_000);
  await waitFor(`http://127.0.0.1:${portalPort}/`, 30_000);
  console.log(`
MedChannel is running (Ctrl-C stops it):
  brand console      http://127.0.0.1:${consolePort}/   e.g. zhang.cm@huakang.demo
  distributor portal http://127.0.0.1:${portalPort}/   e.g. li.rep@kangda.demo
  two brands, one login yu.siyuan@partner.demo on the portal (switch brands under 我的)
  GraphQL API        ${apiUrl}/graphql
  every demo login uses the password MedChannel#2026 (the API printed the full list above)
`);
}

function test() {
  install();
  run(['--filter', '@medchannel/shared-schema', 'build']);
  run(['--filter', '@medchannel/api', 'test', ...process.argv.slice(3)]);
}

const command = process.argv[2];
if (command === 'start') await start();
else if (command === 'test') test();
else {
  console.error('usage: node scripts/quickstart.mjs start|test');
  process.exit(2);
}
