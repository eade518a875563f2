import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import { Client } from 'pg';
import { clientPortsOf, freshDemoDatabase, loginDemo, readTargets, workersOf } from './cluster';
import { graphqlTarget, type Target } from './http-target';
import { failed, send } from './load';
import { startApi } from './processes';

/**
 * Killing one of two API processes with `kill -9` in the middle of a mixed read/write load
 * (issue 24; BENCHMARKS.md, "Killing an API process"):
 *
 *   pnpm bench:kill [--seconds 12] [--kill-at 4] [--readers 16] [--writers 8]
 *
 * A throwaway database with the demo data; the API as production runs it with API_WORKERS=2;
 * `readers` clients read the portal's and the console's screens, `writers` clients place orders
 * (placeOrder, each with its own idempotency key, retried with the same key until answered).
 * At `kill-at` seconds one worker gets SIGKILL. Checks, each failing the run (exit 1):
 *   a. every order answered as placed is in the database, under its key, with the answered id;
 *   b. no key has more than one order (retries of a write the killed process had committed replay it);
 *   c. every failed request was in flight on the killed process's connections when it died;
 *   d. the survivor keeps serving: answers after the kill, before any new worker is up.
 * It also reports whether the cluster's primary starts a new worker and whether that one serves.
 */

interface Attempt {
  kind: string;
  t0: number;
  t1: number;
  ok: boolean;
  port: number | undefined;
  error?: string;
}

interface Write {
  key: string;
  user: string;
  attempts: number;
  /** the order id the answer gave, once answered */
  id?: string;
  firstFailureAt?: number;
  /** the API's refusal (a coded business error): not retried, and a failure of the run */
  refused?: string;
}

/** A coded refusal in a GraphQL answer (BAD_USER_INPUT, CONFLICT, …): what a client shows instead of retrying. */
function refusal(body: string): string | undefined {
  try {
    const extensions = JSON.parse(body).errors?.[0]?.extensions;
    const code: string | undefined = extensions?.code;
    return code && !extensions.retryable && !['INTERNAL', 'UNAVAILABLE'].includes(code) ? code : undefined;
  } catch {
    return undefined;
  }
}

const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) { placeOrder(input: $input) { id number status } }`;
const CATALOG = `query { catalog(first: 50) { nodes { unitPrice { amount } certification { courseId } product { id } } } }`;
/** owners of four distributors (the demo's seed) */
const WRITERS = ['boss@kangda.demo', 'boss@nbruikang.demo', 'boss@yuekang.demo', 'boss@ruida.demo'];
const RETRY_MS = 200;
const MAX_ATTEMPTS = 50;
const PROBES = 8;
/** A request that nobody answers for this long fails (and counts against check c) instead of stalling the run. */
const REQUEST_TIMEOUT_MS = 20_000;
/** The whole run, seeding included, ends within this: past it the run prints where it stood and fails. */
const WATCHDOG_MS = 5 * 60_000;
let phase = 'starting';
/** This process's children and theirs (Linux), killed by the watchdog so that a stalled run leaves nothing running. */
function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    // gone meanwhile
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}
const stage = (what: string) => {
  phase = what;
  console.log(`  [${new Date().toISOString().slice(11, 19)}] ${what}`);
};

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

async function main(): Promise<boolean> {
  const argv = process.argv.slice(2);
  const seconds = arg(argv, 'seconds', 12);
  const killAt = arg(argv, 'kill-at', 4);
  const readers = arg(argv, 'readers', 16);
  const writers = arg(argv, 'writers', 8);
  const adminUrl = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(
    `kill test: ${readers} readers, ${writers} writers, ${seconds} s, kill -9 at ${killAt} s; load ${os.loadavg().map((l) => l.toFixed(1))}`,
  );

  const t = performance.now();
  stage('seeding the demo database');
  const db = await freshDemoDatabase(adminUrl, 'medchannel_kill_test');
  console.log(`demo database seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  // room for every order the writers place (the demo's limits hold a dozen of its instruments)
  await withClient(db.url, (c) => c.query(`UPDATE distributor SET credit_limit = 1e12`));
  stage('starting the API: a primary and two workers');
  const api = await startApi(db.url, { workers: 2 });
  const apiPort = Number(new URL(api.url).port);
  let pg: Client | undefined;
  try {
    const [victim, survivor] = workersOf(api);
    console.log(`API on ${api.url}: primary ${api.pid}, workers ${victim} and ${survivor}`);
    stage('signing in the readers and the writers');
    const reads = await readTargets(api.url);
    const writeTargets: Array<{ user: string; target: (key: string) => Target }> = [];
    for (const email of WRITERS) {
      const cookie = await loginDemo(api.url, 'PORTAL', email);
      const catalog = await send(
        new http.Agent(),
        graphqlTarget(api.url, 'PORTAL', cookie, CATALOG, {}),
        undefined,
        REQUEST_TIMEOUT_MS,
      );
      type Item = { unitPrice: { amount: string } | null; certification: unknown; product: { id: string } };
      const items: Item[] = JSON.parse(catalog.body).data.catalog.nodes;
      const item = items
        .filter((i) => i.unitPrice && !i.certification)
        .sort((a, b) => Number(a.unitPrice!.amount) - Number(b.unitPrice!.amount))[0];
      if (!item) throw new Error(`${email}: nothing in the catalog to order`);
      writeTargets.push({
        user: email,
        target: (key) =>
          graphqlTarget(api.url, 'PORTAL', cookie, PLACE_ORDER, {
            input: {
              kind: 'STOCK',
              lines: [{ productId: item.product.id, quantity: 1 }],
              idempotencyKey: key,
              note: 'kill test',
            },
          }),
      });
    }

    // the load
    const agent = new http.Agent({ keepAlive: true, maxSockets: readers + writers });
    const start = performance.now();
    const end = start + seconds * 1000;
    const attempts: Attempt[] = [];
    const writes: Write[] = [];
    // the client port is read when the connection is up: a socket that was destroyed no longer tells it
    type Flying = { kind: string; t0: number; port?: number };
    const inFlight = new Map<number, Flying>();
    const portOf = (entry: Flying) => (socket: net.Socket) => {
      entry.port = socket.localPort;
      if (entry.port === undefined) socket.once('connect', () => (entry.port = socket.localPort));
    };
    let next = 0;
    const attempt = async (kind: string, target: Target): Promise<{ ok: boolean; body: string }> => {
      const id = next++;
      const entry: Flying = { kind, t0: performance.now() };
      inFlight.set(id, entry);
      let ok = false;
      let body = '';
      let error: string | undefined;
      try {
        const answer = await send(agent, target, portOf(entry), REQUEST_TIMEOUT_MS);
        ok = !failed(answer);
        body = answer.body;
        if (!ok) error = `${answer.status} ${answer.body.slice(0, 160)}`;
      } catch (err) {
        error = (err as Error).message;
      }
      inFlight.delete(id);
      attempts.push({ kind, t0: entry.t0, t1: performance.now(), ok, port: entry.port, error });
      return { ok, body };
    };
    const reader = async (n: number) => {
      for (let i = n; performance.now() < end; i++)
        await attempt(reads[i % reads.length].name, reads[i % reads.length].target);
    };
    const writer = async (n: number) => {
      const { user, target } = writeTargets[n % writeTargets.length];
      while (performance.now() < end) {
        const write: Write = { key: randomUUID(), user, attempts: 0 };
        writes.push(write);
        // a write started is finished: retried with its key (past the window's end if need be) until answered
        while (!write.id && write.attempts < MAX_ATTEMPTS) {
          write.attempts++;
          const { ok, body } = await attempt('placeOrder', target(write.key));
          if (ok) write.id = JSON.parse(body).data.placeOrder.id;
          else if (refusal(body)) {
            write.refused = refusal(body);
            break;
          } else {
            write.firstFailureAt ??= performance.now();
            await new Promise((r) => setTimeout(r, RETRY_MS));
          }
        }
      }
    };

    let kill:
      | { at: number; victimPorts: Set<number>; inFlight: number; inFlightOnVictim: number; unattributed: number }
      | undefined;
    const killer = new Promise<void>((resolve) =>
      setTimeout(() => {
        // one synchronous block: nothing starts or ends between reading the victim's connections and its death
        const victimPorts = clientPortsOf(victim, apiPort);
        process.kill(victim, 'SIGKILL');
        const at = performance.now();
        const flying = [...inFlight.values()];
        kill = {
          at,
          victimPorts,
          inFlight: flying.length,
          inFlightOnVictim: flying.filter((f) => f.port !== undefined && victimPorts.has(f.port)).length,
          unattributed: flying.filter((f) => f.port === undefined).length,
        };
        resolve();
      }, killAt * 1000),
    );
    const restarted = (async () => {
      await killer;
      const until = performance.now() + 60_000;
      while (performance.now() < until) {
        const pid = workersOf(api).find((p) => p !== victim && p !== survivor);
        if (pid) return { pid, after: performance.now() - kill!.at };
        await new Promise((r) => setTimeout(r, 50));
      }
      return undefined;
    })();
    stage('the load; the kill');
    await Promise.all([
      ...Array.from({ length: readers }, (_, i) => reader(i)),
      ...Array.from({ length: writers }, (_, i) => writer(i)),
      killer,
    ]);
    agent.destroy();
    stage('waiting for the primary to replace the killed worker; probing it');
    const fresh = await restarted;
    // the clients' connections stayed with the survivor: new ones, opened now, show whether the new worker serves
    let probe = { ok: 0, onNew: 0 };
    if (fresh) {
      const probeAgent = new http.Agent({ keepAlive: true, maxSockets: PROBES });
      const answers = await Promise.all(
        Array.from({ length: PROBES }, () =>
          send(probeAgent, reads[0].target, undefined, REQUEST_TIMEOUT_MS).then(
            (a) => !failed(a),
            () => false,
          ),
        ),
      );
      const onNew = clientPortsOf(fresh.pid, apiPort);
      const ports = Object.values(probeAgent.freeSockets).flatMap((list) => (list ?? []).map((s) => s.localPort));
      probe = {
        ok: answers.filter(Boolean).length,
        onNew: ports.filter((p) => p !== undefined && onNew.has(p)).length,
      };
      probeAgent.destroy();
    }
    if (!kill) throw new Error('the kill did not happen');
    const k = kill;

    // what the database holds
    stage('reading what the database holds');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query<{ key: string; ids: string[]; created: Date[] }>(
      `SELECT idempotency_key AS key, array_agg(id::text) AS ids, array_agg(created_at) AS created
         FROM purchase_order WHERE idempotency_key = ANY($1::uuid[]) GROUP BY idempotency_key`,
      [writes.map((w) => w.key)],
    );
    const byKey = new Map(rows.map((r) => [r.key, r]));
    const answered = writes.filter((w) => w.id);
    const lost = answered.filter((w) => byKey.get(w.key)?.ids[0] !== w.id);
    const twice = rows.filter((r) => r.ids.length > 1);
    const unanswered = writes.filter((w) => !w.id);
    const refused = writes.filter((w) => w.refused);
    const retried = writes.filter((w) => w.attempts > 1);
    // a retried write whose order was committed before its first failure was answered: the killed process committed it, its answer was lost
    const epoch = Date.now() - performance.now();
    const replayed = retried.filter((w) => {
      const row = byKey.get(w.key);
      return row && row.created[0].getTime() <= epoch + w.firstFailureAt!;
    });

    const failures = attempts.filter((a) => !a.ok);
    // on the killed worker's connections: in flight when it died, or sent on one of them in the instant before
    // the client saw it close (keep-alive's race: the socket looked idle and usable)
    const onVictim = failures.filter((f) => f.port !== undefined && k.victimPorts.has(f.port));
    const inFlightFailed = onVictim.filter((f) => f.t0 <= k.at);
    const sentAfter = onVictim.filter((f) => f.t0 > k.at);
    const elsewhere = failures.filter((f) => !onVictim.includes(f));
    const okAfter = (from: number, to: number) => attempts.filter((a) => a.ok && a.t1 > from && a.t1 <= to).length;
    const before = okAfter(start, k.at) / ((k.at - start) / 1000);
    const gap = fresh ? fresh.after : seconds * 1000 - (k.at - start);
    const survivorAlone = okAfter(k.at, k.at + gap) / (gap / 1000);
    const afterAll = okAfter(k.at, end) / ((end - k.at) / 1000);

    const f1 = (n: number) => n.toFixed(1);
    console.log(`
requests: ${attempts.length} (${attempts.filter((a) => a.kind !== 'placeOrder').length} reads, ${attempts.filter((a) => a.kind === 'placeOrder').length} placeOrder attempts)
writes: ${writes.length} keys, ${answered.length} answered as placed, ${retried.length} retried (${retried.reduce((s, w) => s + w.attempts - 1, 0)} retries), ${unanswered.length} never answered${refused.length ? ` (${refused.length} refused: ${[...new Set(refused.map((w) => w.refused))].join(', ')})` : ''}
kill -9 of worker ${victim} at ${f1((k.at - start) / 1000)} s: ${k.inFlight} requests in flight, ${k.inFlightOnVictim} of them on its ${k.victimPorts.size} connections${k.unattributed ? `, ${k.unattributed} not yet on a connection` : ''}
failed requests: ${failures.length}: ${inFlightFailed.length} in flight on the killed worker, ${sentAfter.length} sent on its connections after it died (${sentAfter.map((f) => `${f1(f.t0 - k.at)} ms`).join(', ') || '-'} after), ${elsewhere.length} elsewhere${
      elsewhere.length
        ? `:\n  ${elsewhere
            .slice(0, 5)
            .map((f) => `${f.kind} sent ${f1(f.t0 - k.at)} ms after the kill on port ${f.port}: ${f.error}`)
            .join('\n  ')}`
        : ''
    }
  by kind: ${[...new Set(failures.map((f) => f.kind))].map((kind) => `${kind} ${failures.filter((f) => f.kind === kind).length}`).join(', ') || 'none'}
  first errors: ${[...new Set(failures.map((f) => f.error))].slice(0, 3).join(' | ') || 'none'}
retried writes the killed worker had committed (its answer lost; the retry answered the same order): ${replayed.length}
answers per second: ${f1(before)} before the kill, ${f1(survivorAlone)} with the survivor alone (${f1(gap / 1000)} s), ${f1(afterAll)} from the kill to the end
the primary started worker ${fresh ? `${fresh.pid} ${f1(fresh.after / 1000)} s after the kill; of ${PROBES} requests on new connections after the load, ${probe.ok} answered, ${probe.onNew} of them by the new worker` : 'none within a minute'}`);

    const checks: Array<[string, boolean]> = [
      [`a. every answered order is in the database under its key (${lost.length} lost)`, lost.length === 0],
      [
        `b. nothing created twice (${twice.length} keys with more than one order; ${unanswered.length} writes never answered)`,
        twice.length === 0 && unanswered.length === 0,
      ],
      [
        `c. errors only on the killed worker's requests (${inFlightFailed.length} ≤ ${k.inFlightOnVictim} in flight there, ${sentAfter.length} sent on its connections as it died, ${elsewhere.length} elsewhere)`,
        elsewhere.length === 0 && inFlightFailed.length <= k.inFlightOnVictim,
      ],
      [`d. the survivor kept serving (${f1(survivorAlone)} answers/s alone)`, survivorAlone > 0],
    ];
    for (const [what, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    return checks.every(([, ok]) => ok);
  } finally {
    stage('stopping the API, dropping the database');
    await pg?.end();
    await api.stop();
    await db.drop();
  }
}

// A stalled run fails with where it stood, instead of holding CI until its own limit.
setTimeout(() => {
  console.error(`FAIL the kill test did not finish within ${WATCHDOG_MS / 1000} s; it stood at: ${phase}`);
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  process.exit(1);
}, WATCHDOG_MS).unref();

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    process.exit(1);
  },
);
