import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { documentOf, OPERATIONS } from './operations';
import { graphqlTarget, login, type Target } from './http-target';
import type { Running } from './processes';
import { API_DIR } from './paths';

/**
 * What the multi-process runs share (bench/kill-test.ts, bench/scale-out.ts): a throwaway database
 * with the demo data, the API's worker processes and the connections each one holds, and a mixed
 * read load of the portal's and the console's screens on the demo logins.
 */

const DEMO_PASSWORD = 'MedChannel#2026'; // api/src/db/seed/demo-data.ts

/** A database of its own, migrated and seeded with the demo (db:seed, about 15 s); dropped by `drop`. */
export async function freshDemoDatabase(
  adminUrl: string,
  name: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/[^/]*$/, `/${name}`);
  const seeded = spawnSync(process.execPath, [path.join(API_DIR, 'dist', 'db', 'cli.js'), 'seed'], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`db:seed on ${name} failed:\n${seeded.stdout}\n${seeded.stderr}`);
  return {
    url,
    drop: async () => {
      const c = new Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The workers the cluster's primary says serve now (api/src/workers.ts prints each one), in order of start. */
export function workersOf(api: Running): number[] {
  const serving = [...api.output().matchAll(/\[workers\] worker (\d+) serving/g)].map((m) => Number(m[1]));
  const stopped = new Set([...api.output().matchAll(/\[workers\] worker (\d+) stopped/g)].map((m) => Number(m[1])));
  return serving.filter((pid) => !stopped.has(pid));
}

/**
 * The client ports of the connections process `pid` holds on the API's port (Linux: its socket
 * descriptors matched with /proc/net/tcp). A request whose socket's local port is in the set is
 * served by that process.
 */
export function clientPortsOf(pid: number, apiPort: number): Set<number> {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]);
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set<number>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 10 || !inodes.has(f[9])) continue;
      const local = parseInt(f[1].split(':')[1], 16);
      const remote = parseInt(f[2].split(':')[1], 16);
      if (local === apiPort) ports.add(remote);
    }
  }
  return ports;
}

/** The demo's logins standing in for the bench's users (same roles). */
const demoLogins = {
  owner: 'boss@kangda.demo',
  admin: 'admin@huakang.demo',
  finance: 'finance@huakang.demo',
  orderDesk: 'order@huakang.demo',
} as const;

/**
 * The mixed read load: the portal's catalog and order list (an owner), the console's distributor
 * list and order queue, and two reports that READ_REPLICA_URL moves to the replica (the aging and
 * the brand dashboard).
 */
const READ_MIX = [
  'portal.catalog',
  'portal.orders',
  'console.distributors',
  'console.orders',
  'console.aging',
  'console.insights',
];

/** The read mix as targets on `apiUrl`, each operation's user logged in once (variables need no bench data). */
export async function readTargets(apiUrl: string, names = READ_MIX): Promise<Array<{ name: string; target: Target }>> {
  const cookies = new Map<string, string>();
  const targets = [];
  for (const name of names) {
    const op = OPERATIONS.find((o) => o.name === name);
    if (!op) throw new Error(`no bench operation ${name}`);
    const email = demoLogins[op.user as keyof typeof demoLogins];
    if (!email) throw new Error(`${name}: no demo login for the bench's ${op.user}`);
    const key = `${op.audience}:${email}`;
    if (!cookies.has(key)) cookies.set(key, await login(apiUrl, op.audience, email, DEMO_PASSWORD));
    // console.orders filters by a bench region: the demo's queue is read without it
    const variables =
      name === 'console.orders'
        ? { first: 20, filter: { statuses: ['SUBMITTED', 'APPROVED'] } }
        : await op.variables(null as never);
    targets.push({ name, target: graphqlTarget(apiUrl, op.audience, cookies.get(key)!, documentOf(op), variables) });
  }
  return targets;
}

export const loginDemo = (apiUrl: string, audience: 'PORTAL' | 'CONSOLE', email: string) =>
  login(apiUrl, audience, email, DEMO_PASSWORD);
