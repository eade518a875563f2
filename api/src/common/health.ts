import type { Express } from 'express';
import type { DataSource } from 'typeorm';

/** How long /readyz waits for the database before it answers 503. */
const READY_TIMEOUT_MS = 1_000;

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Liveness and readiness, answered apart (a load balancer or an orchestrator asks both):
 * - /healthz: the process is alive and its event loop turns; it never touches the database, so a
 *   database outage does not get healthy processes restarted.
 * - /readyz: this process should get traffic: the database answers within a second, every
 *   migration has run, and it is not shutting down; 503 otherwise, with the reason.
 */
export function healthRoutes(
  app: Express,
  opts: { ds: DataSource; pendingMigrations: () => Promise<number>; stopping: () => boolean },
): void {
  let migrated = false; // once current, the schema stays current for this process
  app.get('/healthz', (_req, res) => {
    res.set('cache-control', 'no-store').json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (opts.stopping()) return void res.status(503).json({ status: 'shutting down' });
    try {
      await within(READY_TIMEOUT_MS, opts.ds.query('SELECT 1'));
      if (!migrated) migrated = (await within(READY_TIMEOUT_MS, opts.pendingMigrations())) === 0;
    } catch {
      return void res.status(503).json({ status: 'database unavailable' });
    }
    if (!migrated) return void res.status(503).json({ status: 'migrations pending' });
    res.json({ status: 'ok' });
  });
}
