import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DataSource } from 'typeorm';
import { ErrorCode } from '@medchannel/shared-schema';
import { logOf } from './logger';

/**
 * What operators watch, in Prometheus' text format at /metrics: GraphQL request durations per
 * operation, the database pool (connections in use, idle, callers waiting), the outbox's lag and
 * the jobs' runs. One registry per process (each API process is scraped on its own).
 */
const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'medchannel_' });

const log = logOf('metrics');

const requestDuration = new Histogram({
  name: 'medchannel_graphql_request_duration_seconds',
  help: 'GraphQL requests by operation name and outcome (ok or the first error code), in seconds',
  labelNames: ['operation', 'outcome'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** Operation names come from clients: past this many distinct ones the rest count as "other" (a label per name would grow without end). */
const MAX_OPERATIONS = 300;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const operationsSeen = new Set<string>();

function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (operationsSeen.has(name)) return name;
  if (operationsSeen.size >= MAX_OPERATIONS) return 'other';
  operationsSeen.add(name);
  return name;
}

/** One GraphQL request answered: its operation, its first error code (or none), its duration. */
export function observeGraphqlRequest(operation: string | null | undefined, errorCode: string | null, seconds: number) {
  requestDuration.observe({ operation: operationLabel(operation), outcome: errorCode ?? 'ok' }, seconds);
}

const jobRuns = new Counter({
  name: 'medchannel_job_runs_total',
  help: 'Runs of background jobs by job and result (ok, failed)',
  labelNames: ['job', 'result'] as const,
  registers: [registry],
});

/** A background job ran once: call it after each run, with whether it succeeded. */
export function recordJobRun(job: string, ok: boolean): void {
  jobRuns.inc({ job, result: ok ? 'ok' : 'failed' });
}

/** The pg pool under TypeORM's PostgreSQL driver (its counters are pg.Pool's). */
type PgPool = { totalCount: number; idleCount: number; waitingCount: number; options?: { max?: number } };
const poolOf = (ds: DataSource): PgPool | undefined => (ds.driver as unknown as { master?: PgPool }).master;

/**
 * Reads the database pool and the outbox at each scrape. `outboxLag` answers, per queue, the age
 * in seconds of the oldest message still to be delivered (0 when none); a scrape the database
 * cannot answer leaves the lag out rather than failing the whole page.
 */
export function watchDatabase(ds: DataSource, outboxLag: () => Promise<Record<string, number>>): void {
  for (const name of ['medchannel_db_pool_connections', 'medchannel_db_pool_waiting', 'medchannel_outbox_lag_seconds'])
    registry.removeSingleMetric(name);
  new Gauge({
    name: 'medchannel_db_pool_connections',
    help: 'Database pool connections by state (total, idle, in_use) and the pool maximum (max)',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const pool = poolOf(ds);
      if (!pool) return;
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'max' }, pool.options?.max ?? 0);
    },
  });
  new Gauge({
    name: 'medchannel_db_pool_waiting',
    help: 'Callers waiting for a database connection (the pool is exhausted while this is above 0)',
    registers: [registry],
    collect() {
      this.set(poolOf(ds)?.waitingCount ?? 0);
    },
  });
  new Gauge({
    name: 'medchannel_outbox_lag_seconds',
    help: 'Age of the oldest outbox message still to be delivered, by queue (0: none pending)',
    labelNames: ['queue'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const [queue, seconds] of Object.entries(await outboxLag())) this.set({ queue }, seconds);
      } catch (err) {
        log.warn({ err }, 'outbox lag not read');
      }
    },
  });
}

/** Loopback peers, as Node writes them. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * GET /metrics. With METRICS_TOKEN set, only `Authorization: Bearer <token>` is answered, from
 * anywhere. Without it, only a caller on this machine that came through no proxy (a loopback peer
 * and no X-Forwarded-For / Forwarded header): a proxy in front would otherwise make every
 * outside caller look local. Anyone else: 404, as if there were nothing here.
 */
export function metricsRoute(token: string | undefined): RequestHandler {
  return async (req, res) => {
    const allowed = token
      ? sameSecret(req.get('authorization') ?? '', `Bearer ${token}`)
      : LOOPBACK.test(req.socket.remoteAddress ?? '') && !req.get('x-forwarded-for') && !req.get('forwarded');
    if (!allowed) {
      res.status(404).json({ error: { code: ErrorCode.NOT_FOUND, reason: null, field: null, message: 'Not found' } });
      return;
    }
    res.set('content-type', registry.contentType).set('cache-control', 'no-store');
    res.send(await registry.metrics());
  };
}
