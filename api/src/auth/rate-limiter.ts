/**
 * Failed-login throttle: at most `limit` failures per key in a sliding window. Kept in memory so
 * that a refused or failed login writes nothing to the database; the API runs as one process
 * (behind more than one, move this behind the same interface to a shared store).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const kept = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  /** Seconds until the caller may try again, or 0 when neither key is over the limit. */
  retryAfter(keys: string[]): number {
    let wait = 0;
    for (const key of keys) {
      const times = this.recent(key);
      if (times.length >= this.limit) {
        wait = Math.max(wait, Math.ceil((times[times.length - this.limit] + this.windowMs - this.now()) / 1000));
      }
    }
    return wait;
  }

  fail(keys: string[]): void {
    for (const key of keys) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
