import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataInfo } from './generate/build';
import type { LoadResult } from './load';
import { REPO_DIR } from './paths';

export interface OperationResult {
  name: string;
  title: string;
  sqlStatements: number;
  responseBytes: number;
  runs: Array<{ api: LoadResult; baseline: LoadResult }>;
}

export interface BundleApp {
  app: string;
  budget: number | null;
  ok: boolean;
  initial: { gzip: number; bytes: number };
  /** What the signed-in home fetches on top of the initial load (e2e/bundle-size.cjs, homeOnTop). */
  home: { gzip: number; files: number };
  routes: Array<{ route: string; gzip: number; files: number; chunkGzip: number }>;
}

export interface RunResult {
  label: string;
  at: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; postgres: string; load: number[] };
  data: DataInfo;
  settings: { warmupSeconds: number; seconds: number; concurrency: number[]; rounds?: number };
  operations: OperationResult[];
  bundles: BundleApp[];
  seconds: number;
}

/** The target (BENCHMARKS.md): at concurrency 8, p95 under 100 ms and at least half the baseline's throughput. */
const meetsTarget = (r: { api: LoadResult; baseline: LoadResult }) =>
  r.api.p95 < 100 && r.api.rps >= 0.5 * r.baseline.rps && r.api.errors === 0;

/** The bundle-size module both CI's budget test and this report read (e2e/bundle-size.cjs). */
export function bundleReport(): BundleApp[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sizes = require(path.join(REPO_DIR, 'e2e', 'bundle-size.cjs')) as { report(): BundleApp[] };
  return sizes.report();
}

export function machine(postgres: string): RunResult['machine'] {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    postgres,
    load: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function markdown(r: RunResult): string {
  const out: string[] = [];
  out.push(`### ${r.label}: ${r.at}`);
  out.push('');
  out.push(
    `Machine: ${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGb} GB; Node ${r.machine.node}; ${r.machine.postgres}; load average at start ${r.machine.load.join(' / ')}.`,
  );
  const d = r.data;
  out.push(
    `Data: ${d.scale} (seed ${d.seed}, generator v${d.version}), ${Object.entries(d.rows)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}; built in ${d.buildSeconds} s${d.reused ? ' (kept from an earlier run)' : ''}.`,
  );
  const rounds = r.settings.rounds ?? 1;
  out.push(
    rounds > 1
      ? `Each measurement: ${r.settings.seconds} s measured, closed loop, in ${rounds} windows taken in turns with the baseline's (warm-up ${r.settings.warmupSeconds} s before the first, 0.5 s before the others). Whole run ${Math.round(r.seconds)} s.`
      : `Each measurement: ${r.settings.warmupSeconds} s warm-up, ${r.settings.seconds} s measured, closed loop. Whole run ${Math.round(r.seconds)} s.`,
  );
  out.push('');
  out.push(
    '| operation | c | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/req | baseline req/s | baseline p95 ms | API/baseline | target (c=8) |',
  );
  out.push('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|');
  for (const op of r.operations) {
    for (const run of op.runs) {
      const { api, baseline } = run;
      const target = api.concurrency === 8 ? (meetsTarget(run) ? 'ok' : '**miss**') : '';
      out.push(
        `| ${op.title} | ${api.concurrency} | ${api.rps.toFixed(1)} | ${ms(api.p50)} | ${ms(api.p95)} | ${ms(api.p99)} | ${api.errors} | ${api.sqlPerRequest?.toFixed(0) ?? op.sqlStatements} | ${baseline.rps.toFixed(1)} | ${ms(baseline.p95)} | ${Math.round((api.rps / baseline.rps) * 100)} % | ${target} |`,
      );
    }
  }
  out.push('');
  out.push(
    '| app | initial JS (gzip) | budget | signed-in home on top (gzip) | heaviest routes (gzip a first visit adds) |',
  );
  out.push('|---|--:|--:|--:|---|');
  for (const b of r.bundles) {
    out.push(
      `| ${b.app} | ${kb(b.initial.gzip)} | ${b.budget ? `${kb(b.budget)} ${b.ok ? 'ok' : '**over**'}` : '–'} | ${kb(b.home.gzip)} (${b.home.files} files) | ${b.routes
        .slice(0, 5)
        .map((x) => `${x.route} ${kb(x.gzip)}`)
        .join(', ')} |`,
    );
  }
  return out.join('\n');
}

export function save(r: RunResult, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const stamp = r.at.replace(/[:.]/g, '-');
  const base = path.join(dir, `${r.label}-${stamp}`);
  writeFileSync(`${base}.json`, JSON.stringify(r, null, 2));
  writeFileSync(`${base}.md`, markdown(r) + '\n');
  writeFileSync(path.join(dir, `latest-${r.data.scale}.md`), markdown(r) + '\n');
  return `${base}.md`;
}
