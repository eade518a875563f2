import { DataSource } from 'typeorm';

/**
 * Everything in the database that belongs to or was done by one user: sessions, audit rows and
 * their own row's version. A refused call for that user must leave it identical, whatever other
 * test files write meanwhile. (A live session's last-seen time moves with any request, refused or
 * not, at most once a minute: that is bookkeeping, not a change, and is left out.)
 */
export async function footprint(ds: DataSource, userId: string): Promise<Record<string, unknown>> {
  const [row] = await ds.query(
    `SELECT (SELECT count(*)::int FROM session WHERE user_id = $1) AS sessions,
            (SELECT count(*)::int FROM audit_log WHERE actor_id = $1 OR entity_id = $1) AS audits,
            (SELECT version FROM app_user WHERE id = $1) AS version`,
    [userId],
  );
  return row;
}

/** Row counts of every table. */
export async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM "${name}"`);
    counts[name] = n;
  }
  return counts;
}

export async function auditCount(ds: DataSource, brandId?: string): Promise<number> {
  const [{ n }] = await ds.query(
    brandId ? `SELECT count(*)::int AS n FROM audit_log WHERE brand_id = $1` : `SELECT count(*)::int AS n FROM audit_log`,
    brandId ? [brandId] : [],
  );
  return n;
}
