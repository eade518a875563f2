import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { Target, graphqlTarget, login } from './http-target';
import { failed, measureWindow, send, summarize, type Window } from './load';
import { OPERATIONS, documentOf } from './operations';
import { Running, startApi } from './processes';
import { TICK_MS, backendsNamed, ticksOf } from './ticks';

/**
 * Two builds of the API side by side on the kept bench data: for every operation, windows of A
 * and of B taken in turn (A B A B …), so a machine that other work slows down weighs on both
 * alike; answers throughput, and the CPU each request cost the API's Node process and its
 * PostgreSQL backends (from /proc: the figure that moves least with the machine's load).
 *
 *   node api/dist/bench/ab.js <A's dist dir> <B's dist dir> [--quick] [--rounds 4] [--seconds 2]
 *        [--concurrency 8] [--only portal.order,…] [--sql] [--database medchannel_bench]
 * --sql: both APIs answer x-sql-count (a little CPU on every request, alike on both sides), and the
 * table adds each side's statements for a session's first request and for its second (the same
 * unless SESSION_CACHE_SECONDS is set in the environment, which both APIs inherit).
 * --database: a database of its own on the server (a partial dataset built for the reads compared);
 * by default the generator's, medchannel_bench (medchannel_bench_quick with --quick).
 * A dist dir is a copy of api/dist (its main.js) kept inside api/ so it resolves api's packages,
 * e.g. `cp -r api/dist api/node_modules/.before` before the change.
 */
interface Side {
  label: string;
  api: Running;
  target: Target;
  windows: Window[];
  nodeTicks: number;
  pgTicks: number;
}

/** The PostgreSQL backends serving one API process (its pool). */
const backendsOf = (admin: Client, apiPid: number) => backendsNamed(admin, `medchannel-api/${apiPid}`);

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const [dirA, dirB] = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--'));
  if (!dirA || !dirB) throw new Error('usage: ab.js <A dist dir> <B dist dir> [options]');
  const rounds = Number(arg(argv, 'rounds', '4'));
  const seconds = Number(arg(argv, 'seconds', '2'));
  const concurrency = Number(arg(argv, 'concurrency', '8'));
  const only = arg(argv, 'only', '').split(',').filter(Boolean);
  const sqlCount = argv.includes('--sql');
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const database = arg(argv, 'database', argv.includes('--quick') ? 'medchannel_bench_quick' : 'medchannel_bench');
  const url = adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const db = new Client({ connectionString: url });
  await db.connect();
  const sides: Array<Pick<Side, 'label' | 'api'>> = [];
  try {
    for (const [label, dir] of [
      ['A', dirA],
      ['B', dirB],
    ])
      sides.push({ label, api: await startApi(url, { mainJs: path.resolve(dir, 'main.js'), sqlCount }) });
    console.log(
      `A = ${dirA}, B = ${dirB}; c=${concurrency}, ${rounds} rounds of ${seconds} s each; load ${os.loadavg()}`,
    );
    const sqlColumns = sqlCount ? ['A SQL/req (1st, 2nd)', 'B SQL/req (1st, 2nd)'] : [];
    console.log(
      `| operation | A req/s | B req/s | B/A | A Node ms/req | B Node ms/req | A PG ms/req | B PG ms/req | A p95 ms | B p95 ms |${sqlColumns.map((c) => ` ${c} |`).join('')}`,
    );
    console.log(`|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|${sqlColumns.map(() => '--:|').join('')}`);
    for (const op of OPERATIONS.filter((o) => !only.length || only.includes(o.name))) {
      const variables = await op.variables(db);
      const run: Side[] = [];
      const statements: string[] = [];
      for (const { label, api } of sides) {
        const cookie = await login(api.url, op.audience, benchEmails[op.user], BENCH_PASSWORD);
        const target = graphqlTarget(api.url, op.audience, cookie, documentOf(op), variables);
        const answers = [];
        for (const _ of sqlCount ? [1, 2] : [1]) {
          const answer = await send(new http.Agent({ keepAlive: false }), target);
          if (failed(answer)) throw new Error(`${label} ${op.name}: ${answer.status} ${answer.body.slice(0, 300)}`);
          answers.push(answer.sqlCount);
        }
        statements.push(answers.join(', '));
        run.push({ label, api, target, windows: [], nodeTicks: 0, pgTicks: 0 });
      }
      for (let round = 0; round < rounds; round++) {
        for (const side of round % 2 ? [...run].reverse() : run) {
          // warm-up outside the CPU count: the pool opens its connections, the JIT settles
          await measureWindow(side.target, concurrency, 0, round === 0 ? 1 : 0.3);
          const before = new Map((await backendsOf(db, side.api.pid)).map((pid) => [pid, ticksOf(pid)]));
          const node0 = ticksOf(side.api.pid);
          side.windows.push(await measureWindow(side.target, concurrency, 0, seconds));
          side.nodeTicks += ticksOf(side.api.pid) - node0;
          // a backend that ended during the window takes its share with it; one that started counts from zero
          for (const pid of await backendsOf(db, side.api.pid)) side.pgTicks += ticksOf(pid) - (before.get(pid) ?? 0);
        }
      }
      const [a, b] = run.map((side) => {
        const result = summarize(side.windows);
        if (result.errors) throw new Error(`${side.label} ${op.name}: ${result.errors} failed requests`);
        return {
          rps: result.rps,
          node: (side.nodeTicks * TICK_MS) / result.requests,
          pg: (side.pgTicks * TICK_MS) / result.requests,
          p95: result.p95,
        };
      });
      const f = (n: number) => n.toFixed(n < 10 ? 2 : 1);
      console.log(
        `| ${op.name} | ${f(a.rps)} | ${f(b.rps)} | ${Math.round((b.rps / a.rps) * 100)} % | ${f(a.node)} | ${f(b.node)} | ${f(a.pg)} | ${f(b.pg)} | ${Math.round(a.p95)} | ${Math.round(b.p95)} |${sqlCount ? statements.map((s) => ` ${s} |`).join('') : ''}`,
      );
    }
  } finally {
    for (const { api } of sides) await api.stop();
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
