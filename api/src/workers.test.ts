import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { onPostgres } from '../test/locks';

/**
 * `API_WORKERS=2`: the API's own main.ts started as a child (compiled on require, nothing built),
 * a primary and two workers on one port. Waits are for lines the processes print and for rows of
 * the job queue.
 */
const root = path.resolve(__dirname, '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first match of `pattern` in the output, now or later. */
  waitFor: (pattern: RegExp, ms?: number) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string | undefined>): Started {
  const child = spawn(process.execPath, ['-r', './test/run-ts.cjs', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', OUTBOX_POLL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const listeners = new Set<() => void>();
  const take = (chunk: Buffer) => {
    out += chunk;
    for (const l of listeners) l();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor: (pattern, ms = 90_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const m = out.match(pattern);
          if (m) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${pattern} in:\n${out}`));
        }, ms);
        listeners.add(check);
        check();
      }),
  };
}

test('on the embedded PGlite, API_WORKERS=2 is refused with why (PGlite lives inside one process)', async () => {
  const api = startMain({ API_WORKERS: '2', DATABASE_URL: '' });
  expect(await api.exited).toBe(2);
  expect(api.output()).toMatch(/API_WORKERS above 1 needs DATABASE_URL/);
});

(onPostgres ? test : test.skip)(
  'on PostgreSQL, two processes serve one port, a scheduled job runs once a tick, and a killed worker is replaced',
  async () => {
    const startMinute = Math.floor(Date.now() / 60_000);
    const api = startMain({
      API_WORKERS: '2',
      DATABASE_URL: process.env.TEST_DATABASE_URL,
      STATEMENT_JOB_MINUTES: '1',
      JOB_POLL_SECONDS: '1',
    });
    const db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    try {
      await api.waitFor(/serving \(2 of 2 started\)/);
      const [, base] = await api.waitFor(/"url":"(http:\/\/[\d.:]+)\/graphql".*"msg":"MedChannel API listening"/);
      const pids = [...api.output().matchAll(/worker (\d+) serving/g)].map((m) => Number(m[1]));
      expect(new Set(pids).size).toBe(2);
      const health = async () =>
        (await Promise.all(Array.from({ length: 10 }, () => fetch(`${base}/healthz`)))).map((r) => r.status);
      expect(await health()).toEqual(Array(10).fill(200));

      // the statements job, due every minute, ran once across the two (a test that crossed a minute: once a tick)
      await db.connect();
      const completed = async () =>
        (await db.query(`SELECT state FROM pgboss.job WHERE name = 'statements'`).catch(() => ({ rows: [] }))).rows;
      for (
        let rows = await completed();
        !(rows.length && rows.every((r) => r.state === 'completed'));
        rows = await completed()
      )
        await new Promise((r) => setTimeout(r, 200));
      const runs = (await completed()).length;
      expect(runs).toBeGreaterThanOrEqual(1);
      expect(runs).toBeLessThanOrEqual(Math.floor(Date.now() / 60_000) - startMinute + 1);

      // kill -9 one worker: the other keeps serving, and the primary starts a third
      process.kill(pids[0], 'SIGKILL');
      await api.waitFor(new RegExp(`worker ${pids[0]} stopped \\(SIGKILL\\); starting another`));
      expect(await health()).toEqual(Array(10).fill(200));
      await api.waitFor(/serving \(2 of 2 started\)[\s\S]*serving \(2 of 2 started\)/);

      // SIGTERM: the workers drain and stop, then the primary
      api.child.kill('SIGTERM');
      expect(await api.exited).toBe(0);
      // (the workers' lines as printed, so a failure shows what each process said)
      const lines = api.output().split('\n');
      const workerLines = lines.filter((l) => /\[workers\]|"worker":true,"msg":"shutting down"/.test(l));
      const stopped = workerLines.filter((l) => l.includes('"signal":"SIGTERM","worker":true')).length;
      expect({ stopped, workerLines }).toMatchObject({ stopped: 2 });
    } finally {
      api.child.kill('SIGKILL');
      await db.end().catch(() => undefined);
    }
  },
  180_000,
);
