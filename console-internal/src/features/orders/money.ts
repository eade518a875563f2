/**
 * Exact decimal arithmetic for the few sums the desk sees before the server does (a new line
 * amount, how much of a credit limit is used). Amounts travel as decimal strings with at most two
 * decimals; here they become whole cents as BigInt, never a float.
 */
export function toCents(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? '-' : '';
  const abs = cents < 0n ? -cents : cents;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** unit price × quantity, exactly. */
export function times(amount: string, quantity: number): string {
  return fromCents(toCents(amount) * BigInt(quantity));
}

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
