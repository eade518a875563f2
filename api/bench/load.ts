import http from 'node:http';
import type net from 'node:net';
import type { Target } from './http-target';

export interface LoadResult {
  concurrency: number;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** mean x-sql-count of the answers (API only) */
  sqlPerRequest: number | null;
}

export interface Answer {
  status: number;
  body: string;
  sqlCount: number | null;
}

/** `onSocket`: the connection the request went out on (bench/kill-test.ts tells which process served it). */
export function send(
  agent: http.Agent,
  target: Target,
  onSocket?: (socket: net.Socket) => void,
  /** a request silent this long fails instead of waiting for ever (the kill test: a dead peer must not stall the run) */
  timeoutMs?: number,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(target.url, { method: target.method, headers: target.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const sql = res.headers['x-sql-count'];
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          sqlCount: sql === undefined ? null : Number(sql),
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    if (onSocket) req.on('socket', onSocket);
    req.end(target.body);
  });
}

/** A GraphQL answer with errors is a failure even when HTTP says 200. */
export const failed = (a: Answer) => a.status !== 200 || a.body.includes('"errors":[');

const MIN_ANSWERS = 3;

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/** One measured window: every latency and what the answers said. */
export interface Window {
  concurrency: number;
  seconds: number;
  latencies: number[];
  errors: number;
  sqlSum: number;
  sqlN: number;
}

/**
 * Closed-loop load: `concurrency` clients on kept-alive connections, each sending the next request
 * when the last answer arrived. Requests sent during the warm-up do not count; those sent in the
 * measured window count when they finish (a slow operation still gets its answers counted), and
 * the window lasts from its start to the last answer. Latency is from sending to the last byte.
 */
export async function measureWindow(
  /** several: each client sends them in turn (a mixed load, bench/scale-out.ts) */
  target: Target | Target[],
  concurrency: number,
  warmupSeconds: number,
  seconds: number,
): Promise<Window> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const start = performance.now() + warmupSeconds * 1000;
  const end = start + seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let sqlSum = 0;
  let sqlN = 0;
  let lastAnswer = start;
  let counted = 0;
  const targets = Array.isArray(target) ? target : [target];
  const worker = async (_: unknown, n: number) => {
    // an operation slower than the window still gets a few answers counted
    for (let i = n; performance.now() < end || (counted < MIN_ANSWERS && performance.now() < end + 120_000); i++) {
      const t0 = performance.now();
      let answer: Answer | null = null;
      try {
        answer = await send(agent, targets[i % targets.length]);
      } catch {
        answer = null;
      }
      const t1 = performance.now();
      if (t0 < start) continue;
      lastAnswer = Math.max(lastAnswer, t1);
      latencies.push(t1 - t0);
      counted++;
      if (!answer || failed(answer)) errors++;
      if (answer?.sqlCount != null && Number.isFinite(answer.sqlCount)) {
        sqlSum += answer.sqlCount;
        sqlN++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { concurrency, seconds: Math.max(seconds, (lastAnswer - start) / 1000), latencies, errors, sqlSum, sqlN };
}

/** Windows of one target taken together: throughput over their summed time, percentiles over all their answers. */
export function summarize(windows: Window[]): LoadResult {
  const sorted = Float64Array.from(windows.flatMap((w) => w.latencies)).sort();
  const seconds = windows.reduce((sum, w) => sum + w.seconds, 0);
  const sqlN = windows.reduce((sum, w) => sum + w.sqlN, 0);
  return {
    concurrency: windows[0].concurrency,
    seconds,
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: windows.reduce((sum, w) => sum + w.errors, 0),
    sqlPerRequest: sqlN ? windows.reduce((sum, w) => sum + w.sqlSum, 0) / sqlN : null,
  };
}
