import { fromCents, toCents } from '@medchannel/web-shared/orders';

// The desk's comparisons on decimal-string amounts, in BigInt cents like web-shared's sums: never a float.

export function minus(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

export function sameAmount(a: string, b: string): boolean {
  return toCents(a) === toCents(b);
}

/** Whole percent of part in whole (0 when whole is not positive), rounded down. */
export function percentOf(part: string, whole: string): number {
  const w = toCents(whole);
  return w > 0n ? Number((toCents(part) * 100n) / w) : 0;
}
