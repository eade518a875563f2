import { DataSource } from 'typeorm';

/**
 * What a call on behalf of one user could have changed: audit rows they caused (other than
 * logging in and out, which other test files running in parallel do as the same seeded users)
 * and their own row's version; with `sessions`, also how many sessions they hold. A refused call
 * must leave it identical. (A live session's last-seen time moves with any request, refused or
 * not, at most once a minute: that is bookkeeping, not a change, and is left out.)
 */
export async function footprint(
  ds: DataSource,
  userId: string,
  opts: { sessions?: boolean } = {},
): Promise<Record<string, unknown>> {
  const [row] = await ds.query(
    `SELECT (SELECT count(*)::int FROM audit_log WHERE (actor_id = $1 OR entity_id = $1) AND action NOT IN ('LOGIN', 'LOGOUT')) AS audits,
            (SELECT version FROM app_user WHERE id = $1) AS version`,
    [userId],
  );
  if (opts.sessions) {
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM session WHERE user_id = $1`, [userId]);
    row.sessions = n;
  }
  return row;
}

/** Every audit row a user caused, logins included: a successful mutation adds at least one. */
export async function auditsBy(ds: DataSource, userId: string): Promise<number> {
  const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = $1`, [userId]);
  return n;
}
