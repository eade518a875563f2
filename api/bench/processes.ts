import { ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { API_DIR } from './paths';

export interface Running {
  url: string;
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts a Node process (this Node, or the binary `node` names) and waits until it prints `ready` (a regexp on its output); stops it by its pid. */
function start(
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  url: string,
  what: string,
  node = process.execPath,
): Promise<Running> {
  const child: ChildProcess = spawn(node, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const running: Running = {
    url,
    pid: child.pid!,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 10_000).unref();
      }),
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      if (ready.test(out)) {
        clearTimeout(timer);
        child.stdout!.off('data', check);
        resolve(running);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

/**
 * The product API as production runs it (api/dist/main.js, NODE_ENV=production), on the bench
 * database; answering x-sql-count only when capturing (the capture counts the statements of every
 * operation); background jobs off so they do not disturb the measurement.
 */
export async function startApi(
  databaseUrl: string,
  opts: {
    captureFile?: string;
    /** another build's main.js (bench/ab.ts) */
    mainJs?: string;
    /** answer x-sql-count without capturing (bench/ab.ts --sql) */
    sqlCount?: boolean;
    /** API_WORKERS: above 1, node's cluster (a primary and its workers on one port); `pid` is the primary's */
    workers?: number;
    /** more environment (READ_REPLICA_URL, …) */
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<Running> {
  const port = await freePort();
  const args = [
    // e.g. BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the API under a run
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ...(opts.captureFile ? ['-r', path.join(__dirname, 'capture-hook.js')] : []),
    opts.mainJs ?? path.join(API_DIR, 'dist', 'main.js'),
  ];
  return start(
    args,
    {
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      COOKIE_SECURE: 'false',
      // the count costs CPU on every request (see app.ts): only the capture asks for it
      EXPOSE_SQL_COUNT: opts.captureFile || opts.sqlCount ? 'true' : 'false',
      LOG_SQL: 'false',
      // no background jobs: their statements would land in a request's capture and their CPU in its timing
      STATEMENT_JOB_MINUTES: '0',
      TRAINING_REMINDER_MINUTES: '0',
      NOTICE_JOB_MINUTES: '0',
      HOUSEKEEPING_MINUTES: '0',
      OUTBOX_POLL_MS: '0',
      ...(opts.captureFile ? { BENCH_CAPTURE_FILE: opts.captureFile } : {}),
      API_WORKERS: String(opts.workers ?? 1),
      ...opts.env,
    },
    // with workers: ready once every one of them serves (the primary says so, bench/cluster.ts reads it)
    opts.workers && opts.workers > 1
      ? new RegExp(`\\(${opts.workers} of ${opts.workers} started\\)`)
      : /MedChannel API listening/,
    `http://127.0.0.1:${port}`,
    'the API',
  );
}

/** The raw-SQL baseline: a bare HTTP handler replaying captured statements through pg. */
export async function startBaseline(databaseUrl: string, statementsFile: string, poolSize: number): Promise<Running> {
  const port = await freePort();
  return start(
    [path.join(__dirname, 'baseline-server.js')],
    {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      BENCH_STATEMENTS: statementsFile,
      BENCH_POOL_SIZE: String(poolSize),
    },
    /baseline listening/,
    `http://127.0.0.1:${port}`,
    'the baseline',
  );
}

/**
 * The PostGraphile 5 peer (bench/peer.ts): only when BENCH_POSTGRAPHILE names the directory it was
 * installed in. PostGraphile 5 needs Node 22 or later: BENCH_POSTGRAPHILE_NODE names such a binary
 * when this Node is older. Its connections are named `medchannel-peer`, so its PostgreSQL
 * backends can be found and their CPU read.
 */
export async function startPostGraphile(databaseUrl: string, installDir: string): Promise<Running> {
  const port = await freePort();
  const url = new URL(databaseUrl);
  url.searchParams.set('application_name', 'medchannel-peer');
  return start(
    [path.join(__dirname, 'postgraphile-server.js')],
    { DATABASE_URL: url.toString(), PORT: String(port), BENCH_POSTGRAPHILE: installDir },
    /PostGraphile peer on/,
    `http://127.0.0.1:${port}`,
    'the PostGraphile peer',
    process.env.BENCH_POSTGRAPHILE_NODE || process.execPath,
  );
}
