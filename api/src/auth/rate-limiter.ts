import type { DataSource } from 'typeorm';

/** The throttles' names: each counts in its own rows of `failure_throttle`. */
export type ThrottleName = 'login' | 'password-reset' | 'certificate-check' | 'letter-check';

/**
 * A failure throttle, counted two ways:
 * - per source (the client's address): at most `limit` failures in a sliding window, whatever
 *   the accounts, so one source cannot spray passwords across many accounts;
 * - per account *and* source: `limit` failures are free, then each further one doubles the wait
 *   (one window, two, four … up to `maxBackoffMs`). The account alone is never the key, so a
 *   stranger failing on someone's email from elsewhere cannot lock that person out of their own
 *   source; and a guesser at one source slows down exponentially.
 * Kept in PostgreSQL (`failure_throttle`, one row per source and per account and source), so every
 * API process counts the same failures: a guesser gains nothing from a load balancer spreading
 * the attempts. A failure is one atomic upsert; a refused attempt writes nothing.
 */
export class LoginThrottle {
  constructor(
    private readonly ds: Pick<DataSource, 'query'>,
    private readonly name: ThrottleName,
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxBackoffMs = 3_600_000,
    /** A pair's failures are forgotten after this long without another. */
    private readonly forgetMs = 24 * 3_600_000,
  ) {}

  private keys(account: string, source: string): [string, string] {
    return [`s:${source}`, `p:${JSON.stringify([account, source])}`];
  }

  private backoffMs(failures: number): number {
    return failures < this.limit ? 0 : Math.min(this.windowMs * 2 ** (failures - this.limit), this.maxBackoffMs);
  }

  /** Seconds until this account may be tried again from this source, or 0. */
  async retryAfter(account: string, source: string): Promise<number> {
    const [sourceKey, pairKey] = this.keys(account, source);
    const now = this.now();
    const rows: Array<{ key: string; failures: number; recent: Date[]; last_at: Date }> = await this.ds.query(
      `SELECT key, failures, recent, last_at FROM failure_throttle WHERE name = $1 AND key IN ($2, $3)`,
      [this.name, sourceKey, pairKey],
    );
    let waitMs = 0;
    for (const row of rows) {
      if (row.key === sourceKey) {
        const times = row.recent.map((t) => new Date(t).getTime()).filter((t) => t > now - this.windowMs);
        if (times.length >= this.limit)
          waitMs = Math.max(waitMs, times[times.length - this.limit] + this.windowMs - now);
      } else {
        const last = new Date(row.last_at).getTime();
        if (now - last <= this.forgetMs) waitMs = Math.max(waitMs, last + this.backoffMs(row.failures) - now);
      }
    }
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  /**
   * Counts a failure on both rows in one statement: the source keeps its last `limit` failures
   * inside the window, the pair its count (started over once forgotten).
   */
  async fail(account: string, source: string): Promise<void> {
    const [sourceKey, pairKey] = this.keys(account, source);
    const now = this.now();
    await this.ds.query(
      `INSERT INTO failure_throttle AS t (name, key, failures, recent, last_at)
       VALUES ($1, $2, 1, ARRAY[$4::timestamptz], $4), ($1, $3, 1, '{}', $4)
       ON CONFLICT (name, key) DO UPDATE SET
         failures = CASE WHEN t.last_at < $5 THEN 1 ELSE t.failures + 1 END,
         recent = CASE WHEN t.key = $2
           THEN ARRAY(SELECT x FROM (SELECT x FROM unnest(t.recent) x WHERE x > $6 ORDER BY x DESC LIMIT $7) kept ORDER BY x)
                || $4::timestamptz
           ELSE '{}' END,
         last_at = GREATEST(t.last_at, $4)`,
      [
        this.name,
        sourceKey,
        pairKey,
        new Date(now),
        new Date(now - this.forgetMs),
        new Date(now - this.windowMs),
        this.limit,
      ],
    );
  }

  /** A success clears that account and source's failures (not the source's). */
  async succeed(account: string, source: string): Promise<void> {
    await this.ds.query(`DELETE FROM failure_throttle WHERE name = $1 AND key = $2`, [
      this.name,
      this.keys(account, source)[1],
    ]);
  }
}

/** Forgets every throttle's rows untouched for a day (the longest a pair is remembered): a housekeeping job's. */
export async function forgetOldFailures(ds: Pick<DataSource, 'query'>, now = new Date()): Promise<number> {
  const [, count] = await ds.query(`DELETE FROM failure_throttle WHERE last_at < $1`, [
    new Date(now.getTime() - 24 * 3_600_000),
  ]);
  return count;
}
