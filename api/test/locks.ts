import { Client } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * For races made deterministic: a test holds a lock from a connection of its own, lets requests
 * queue behind it, changes something, and releases. Real PostgreSQL only (PGlite runs one
 * transaction at a time, so a held lock would stop everything).
 */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/** A connection of the test's own to the run's database. */
export async function testConnection(): Promise<Client> {
  const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  return c;
}

/** Waits until at least `n` sessions of the run's database wait for a lock (a state, not a sleep). */
export async function waitersReach(ds: DataSource, n: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const [{ count }] = await ds.query(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (count >= n) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`fewer than ${n} sessions ever waited for a lock`);
}
