import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Options } from './options';
import { ensureData } from './generate/build';
import { BENCH_PASSWORD, benchEmails } from './generate/context';
import { OPERATIONS, Operation, documentOf } from './operations';
import { Target, graphqlTarget, login } from './http-target';
import { captureSql } from './capture';
import { startApi, startBaseline } from './processes';
import { Window, measureWindow, summarize } from './load';
import { OperationResult, RunResult, bundleReport, machine, markdown, save } from './report';

const API_POOL_SIZE = 10; // the API's default DB_POOL_SIZE; the baseline gets the same
const ROUNDS = 3;

/**
 * The whole run: data, one captured request per operation, then for every operation and
 * concurrency the API and the raw-SQL baseline measured back to back, and the bundle sizes.
 * Answers whether the run is clean (no failed request, bundles within budget).
 */
export async function runBench(options: Options): Promise<boolean> {
  const started = Date.now();
  const loadAtStart = machine('');
  const data = await ensureData(options);
  if (options.dataOnly) return true;
  const operations = options.only.length ? OPERATIONS.filter((o) => options.only.includes(o.name)) : OPERATIONS;
  if (!operations.length) throw new Error(`--only names none of: ${OPERATIONS.map((o) => o.name).join(', ')}`);

  const db = new Client({ connectionString: data.url });
  await db.connect();
  const [{ version }] = (await db.query(`SELECT split_part(version(), ' on ', 1) AS version`)).rows;
  const prepared: Array<{ op: Operation; query: string; variables: Record<string, unknown> }> = [];
  for (const op of operations) prepared.push({ op, query: documentOf(op), variables: await op.variables(db) });
  await db.end();

  // Sessions are rows in the database: logged in once (through the real login) they serve both API processes.
  const cookies = new Map<string, string>();
  const targetsOn = async (apiUrl: string) => {
    const targets = new Map<string, Target>();
    for (const { op, query, variables } of prepared) {
      const key = `${op.audience}:${op.user}`;
      if (!cookies.has(key)) cookies.set(key, await login(apiUrl, op.audience, benchEmails[op.user], BENCH_PASSWORD));
      targets.set(op.name, graphqlTarget(apiUrl, op.audience, cookies.get(key)!, query, variables));
    }
    return targets;
  };

  console.log('capturing the SQL of one request per operation');
  const captured = await captureSql(data.url, targetsOn);
  mkdirSync(options.outDir, { recursive: true });
  // what each operation sent, for reading plans (EXPLAIN) and for the notes
  writeFileSync(
    path.join(options.outDir, `sql-${data.scale}.json`),
    JSON.stringify(Object.fromEntries(captured), null, 2),
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'medchannel-baseline-'));
  const statementsFile = path.join(dir, 'statements.json');
  writeFileSync(statementsFile, JSON.stringify(Object.fromEntries([...captured].map(([name, c]) => [name, c.replay]))));

  const api = await startApi(data.url);
  const baseline = await startBaseline(data.url, statementsFile, API_POOL_SIZE);
  const results: OperationResult[] = [];
  try {
    const targets = await targetsOn(api.url);
    for (const { op } of prepared) {
      const c = captured.get(op.name)!;
      const result: OperationResult = {
        name: op.name,
        title: op.title,
        sqlStatements: c.statements.length,
        responseBytes: c.bytes,
        runs: [],
      };
      for (const concurrency of options.concurrency) {
        // API and baseline take turns in ROUNDS windows each, so a machine that slows down or
        // speeds up during the measurement (other work on the host) weighs on both alike
        const apiWindows: Window[] = [];
        const baseWindows: Window[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const warmup = round === 0 ? options.warmupSeconds : Math.min(options.warmupSeconds, 0.5);
          apiWindows.push(await measureWindow(targets.get(op.name)!, concurrency, warmup, options.seconds / ROUNDS));
          baseWindows.push(
            await measureWindow(
              { url: `${baseline.url}/op/${encodeURIComponent(op.name)}`, method: 'GET', headers: {} },
              concurrency,
              warmup,
              options.seconds / ROUNDS,
            ),
          );
        }
        const apiRun = summarize(apiWindows);
        const baseRun = summarize(baseWindows);
        result.runs.push({ api: apiRun, baseline: baseRun });
        console.log(
          `  ${op.name.padEnd(22)} c=${String(concurrency).padEnd(3)} API ${apiRun.rps.toFixed(1).padStart(7)} req/s p95 ${apiRun.p95.toFixed(1).padStart(7)} ms` +
            ` errors ${apiRun.errors} SQL ${c.statements.length} | baseline ${baseRun.rps.toFixed(1).padStart(7)} req/s p95 ${baseRun.p95.toFixed(1).padStart(7)} ms` +
            ` | ${Math.round((apiRun.rps / baseRun.rps) * 100)} %`,
        );
      }
      results.push(result);
    }
  } finally {
    await api.stop();
    await baseline.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const run: RunResult = {
    label: options.label,
    at: new Date().toISOString(),
    machine: { ...loadAtStart, postgres: version },
    data,
    settings: {
      warmupSeconds: options.warmupSeconds,
      seconds: options.seconds,
      concurrency: options.concurrency,
      rounds: ROUNDS,
    },
    operations: results,
    bundles: bundleReport(),
    seconds: (Date.now() - started) / 1000,
  };
  const file = save(run, options.outDir);
  console.log(`\n${markdown(run)}\n\nresults: ${file}`);
  const failedOps = results.filter((r) => r.runs.some((x) => x.api.errors > 0 || x.baseline.errors > 0));
  const overBudget = run.bundles.filter((b) => !b.ok);
  if (failedOps.length) console.error(`failed requests in: ${failedOps.map((r) => r.name).join(', ')}`);
  if (overBudget.length) console.error(`over the bundle budget: ${overBudget.map((b) => b.app).join(', ')}`);
  return !failedOps.length && !overBudget.length;
}
