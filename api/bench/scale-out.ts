import os from 'node:os';
import { freshDemoDatabase, readTargets } from './cluster';
import { measureWindow, summarize, type Window } from './load';
import { startApi, type Running } from './processes';
import { cpuSplit, type CpuSplit } from './ticks';

/**
 * Throughput of the mixed read load (bench/cluster.ts) with 1 and 2 API processes (API_WORKERS), and
 * with 2 processes reading reports on a replica when READ_REPLICA_URL is set (scripts/replica.sh):
 *
 *   node api/dist/bench/scale-out.js [--concurrency 32] [--seconds 6] [--rounds 3]
 *
 * Every setup runs at once on one throwaway demo database; their windows take turns (1, 2, 2+replica,
 * 1, 2, …) so a machine that other work slows down weighs on all alike. The ratio is the figure.
 */
function arg(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

/** The windows' CPU split, averaged: API / PostgreSQL / driver ms per request, and how busy the machine was. */
function cpuCell(cpu: CpuSplit[]): string {
  const mean = (f: (c: CpuSplit) => number) => cpu.reduce((sum, c) => sum + f(c), 0) / cpu.length;
  const ms = [mean((c) => c.apiMs), mean((c) => c.postgresMs), mean((c) => c.driverMs)].map((v) => v.toFixed(2));
  return `${ms.join(' / ')} | ${(mean((c) => c.machineBusy) * 100).toFixed(0)} %`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const concurrency = arg(argv, 'concurrency', 32);
  const seconds = arg(argv, 'seconds', 6);
  const rounds = arg(argv, 'rounds', 3);
  const adminUrl = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const replica = process.env.READ_REPLICA_URL;
  const db = await freshDemoDatabase(adminUrl, 'medchannel_scale_out');
  const setups: Array<{ label: string; api: Running; windows: Window[]; cpu: CpuSplit[] }> = [];
  try {
    // READ_REPLICA_URL names this script's replica: the API inherits the environment, so it is unset for the others
    const primaryOnly = { READ_REPLICA_URL: '' };
    setups.push({
      label: '1 process',
      api: await startApi(db.url, { workers: 1, env: primaryOnly }),
      windows: [],
      cpu: [],
    });
    setups.push({
      label: '2 processes',
      api: await startApi(db.url, { workers: 2, env: primaryOnly }),
      windows: [],
      cpu: [],
    });
    if (replica) {
      const url = replica.replace(/\/[^/]*$/, '/medchannel_scale_out');
      const api = await startApi(db.url, { workers: 2, env: { READ_REPLICA_URL: url } });
      setups.push({ label: '2 processes, reports on the replica', api, windows: [], cpu: [] });
    }
    const targets = await Promise.all(setups.map((s) => readTargets(s.api.url)));
    console.log(
      `c=${concurrency}, ${rounds} rounds of ${seconds} s, mixed reads ${targets[0].map((t) => t.name).join(', ')}; load ${os.loadavg().map((l) => l.toFixed(1))}`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const [i, setup] of setups.entries()) {
        const mix = targets[i].map((t) => t.target);
        const warmup = round === 0 ? 2 : 0.5;
        // the CPU is read around the measured part only: a short warm-up window first
        await measureWindow(mix, concurrency, 0, warmup);
        const { result, split } = await cpuSplit(
          setup.api.pid,
          () => measureWindow(mix, concurrency, 0, seconds),
          (w) => w.latencies.length,
        );
        setup.windows.push(result);
        setup.cpu.push(split);
      }
    }
    const base = summarize(setups[0].windows).rps;
    console.log(
      `| setup | req/s | p50 ms | p95 ms | errors | vs 1 process | CPU ms per request: API / PostgreSQL / load driver | machine busy |\n|---|--:|--:|--:|--:|--:|--:|--:|`,
    );
    for (const setup of setups) {
      const r = summarize(setup.windows);
      const rounded = setup.windows.map((w) => (w.latencies.length / w.seconds).toFixed(1)).join(', ');
      console.log(
        `| ${setup.label} | ${r.rps.toFixed(1)} (${rounded}) | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.errors} | ${(r.rps / base).toFixed(2)} | ${cpuCell(setup.cpu)} |`,
      );
      // what failed, from the API's own log (one JSON line per request, with the first error's code)
      const logged = setup.api
        .output()
        .split('\n')
        .filter((l) => /"code":"|"level":(40|50)/.test(l));
      if (r.errors) console.log(`  ${setup.label}: ${logged.slice(0, 2).join('\n  ').slice(0, 800)}`);
    }
  } finally {
    for (const s of setups) await s.api.stop();
    await db.drop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
