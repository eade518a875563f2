import { readFileSync } from 'node:fs';
import http from 'node:http';
import { Client } from 'pg';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { graphqlTarget, login } from './http-target';
import { failed, send } from './load';
import { OPERATIONS, documentOf } from './operations';
import { startApi } from './processes';

/**
 * The API's own CPU per request, operation by operation: requests one at a time, and the API
 * process's user + system time (from /proc) divided by their number. On a machine shared with
 * other work, throughput and latency move with everyone's load; the CPU a request costs the API
 * barely does, so this is the figure to compare code changes with.
 *
 *   node api/dist/bench/cpu.js [requests per operation, default 200] [operation,operation…]
 * against the kept full dataset (run `pnpm bench --data-only` first).
 */
const TICK_MS = 10; // USER_HZ is 100 on Linux

function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 200);
  const only = process.argv[3]?.split(',') ?? [];
  const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = adminUrl.replace(/\/[^/]*$/, '/medchannel_bench');
  const db = new Client({ connectionString: url });
  await db.connect();
  const api = await startApi(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    console.log(`| operation | API CPU ms/request | wall ms/request (one at a time) |\n|---|--:|--:|`);
    for (const op of OPERATIONS.filter((o) => !only.length || only.includes(o.name))) {
      const cookie = await login(api.url, op.audience, benchEmails[op.user], BENCH_PASSWORD);
      const target = graphqlTarget(api.url, op.audience, cookie, documentOf(op), await op.variables(db));
      const count = op.name === 'console.aging' ? Math.ceil(n / 4) : n;
      for (let i = 0; i < Math.min(30, count); i++) await send(agent, target); // warm up: JIT, caches, pool
      const ticks = cpuTicks(api.pid);
      const started = Date.now();
      for (let i = 0; i < count; i++) {
        const answer = await send(agent, target);
        if (failed(answer)) throw new Error(`${op.name}: ${answer.status} ${answer.body.slice(0, 300)}`);
      }
      const wall = (Date.now() - started) / count;
      console.log(
        `| ${op.name} | ${(((cpuTicks(api.pid) - ticks) * TICK_MS) / count).toFixed(1)} | ${wall.toFixed(1)} |`,
      );
    }
  } finally {
    agent.destroy();
    await api.stop();
    await db.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
