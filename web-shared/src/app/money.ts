/**
 * Exact sums of the decimal strings amounts travel as ("296.00"), for what a screen shows before
 * the server has priced it (a cart's estimate) or derives from its figures (a statement's running
 * balance, what is overdue). Whole cents as BigInt, never a float; the server's figures stay the
 * authority. Exported by both `./orders` and `./finance`.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export function toCents(amount: string): bigint {
  const match = DECIMAL.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function fromCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** unit price × quantity */
export function times(amount: string, quantity: number): string {
  return fromCents(toCents(amount) * BigInt(quantity));
}

export function sum(amounts: string[]): string {
  return fromCents(amounts.reduce((total, amount) => total + toCents(amount), 0n));
}

/** The balance after each amount in turn, from `opening`: a statement's running balance. */
export function runningTotals(opening: string, amounts: string[]): string[] {
  let total = toCents(opening);
  return amounts.map((amount) => fromCents((total += toCents(amount))));
}

/** -1, 0 or 1: the sign of a decimal amount, for wording (owed / in credit) and colour. */
export function signOf(amount: string): -1 | 0 | 1 {
  const cents = toCents(amount);
  return cents < 0n ? -1 : cents > 0n ? 1 : 0;
}

/** The absolute amount, for "in credit ¥X" where the sign is said in words. */
export function absolute(amount: string): string {
  const cents = toCents(amount);
  return fromCents(cents < 0n ? -cents : cents);
}
