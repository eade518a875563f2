/**
 * Failed-login throttle, counted two ways:
 * - per source (the client's address): at most `limit` failures in a sliding window, whatever
 *   the accounts, so one source cannot spray passwords across many accounts;
 * - per account *and* source: `limit` failures are free, then each further one doubles the wait
 *   (one window, two, four … up to `maxBackoffMs`). The account alone is never the key, so a
 *   stranger failing on someone's email from elsewhere cannot lock that person out of their own
 *   source; and a guesser at one source slows down exponentially.
 * Kept in memory so that a refused or failed login writes nothing to the database; the API runs
 * as one process (behind more than one, move this behind the same interface to a shared store).
 */
export class LoginThrottle {
  private readonly sources = new Map<string, number[]>();
  private readonly pairs = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxBackoffMs = 3_600_000,
    /** A pair's failures are forgotten after this long without another. */
    private readonly forgetMs = 24 * 3_600_000,
  ) {}

  private recent(source: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.sources.get(source) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.sources.set(source, kept);
    else this.sources.delete(source);
    return kept;
  }

  private pair(account: string, source: string): { key: string; failures: number; last: number } {
    const key = `${account}\u0000${source}`;
    const entry = this.pairs.get(key);
    if (!entry || this.now() - entry.last > this.forgetMs) {
      this.pairs.delete(key);
      return { key, failures: 0, last: 0 };
    }
    return { key, ...entry };
  }

  private backoffMs(failures: number): number {
    return failures < this.limit ? 0 : Math.min(this.windowMs * 2 ** (failures - this.limit), this.maxBackoffMs);
  }

  /** Seconds until this account may be tried again from this source, or 0. */
  retryAfter(account: string, source: string): number {
    const times = this.recent(source);
    let waitMs = times.length >= this.limit ? times[times.length - this.limit] + this.windowMs - this.now() : 0;
    const p = this.pair(account, source);
    waitMs = Math.max(waitMs, p.last + this.backoffMs(p.failures) - this.now());
    return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
  }

  fail(account: string, source: string): void {
    this.sources.set(source, [...this.recent(source), this.now()]);
    const p = this.pair(account, source);
    this.pairs.set(p.key, { failures: p.failures + 1, last: this.now() });
    if (this.pairs.size > 100_000) this.prune();
  }

  succeed(account: string, source: string): void {
    this.pairs.delete(this.pair(account, source).key);
  }

  private prune(): void {
    for (const [key, entry] of this.pairs)
      if (this.now() - entry.last > this.forgetMs || entry.failures < this.limit) this.pairs.delete(key);
  }
}
