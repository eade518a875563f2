/**
 * Money as the API sends it: an exact decimal string ("296.00") with its currency. Sums and
 * comparisons run in whole cents as BigInt, never a float, for what a screen shows before the
 * server has priced it (a cart's estimate) or derives from its figures (a running balance, what is
 * overdue); the server's figures stay the authority. Formatting is `useFormat().money`.
 */
export interface Money {
  amount: string;
  currency: string;
}

export const DEFAULT_CURRENCY = 'CNY';

const DECIMAL = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** A typed amount ("12", "12.5", "-3.20") as cents, or null when it is not one. */
export function parseCents(text: string): bigint | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -cents : cents;
}

export function toCents(amount: string): bigint {
  const cents = parseCents(amount);
  if (cents === null) throw new Error(`not a decimal amount: ${amount}`);
  return cents;
}

export function fromCents(cents: bigint): string {
  const abs = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** What a user typed, as Money in two decimals; null when it is not an amount. */
export function parseMoney(text: string, currency = DEFAULT_CURRENCY): Money | null {
  const cents = parseCents(text);
  return cents === null ? null : { amount: fromCents(cents), currency };
}

/** a + b, in one currency (adding yuan to dollars is a mistake, not a sum). */
export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new Error(`cannot add ${a.currency} to ${b.currency}`);
  return { amount: fromCents(toCents(a.amount) + toCents(b.amount)), currency: a.currency };
}

/** unit price × quantity */
export function times(amount: string, quantity: number): string {
  return fromCents(toCents(amount) * BigInt(quantity));
}

export function sum(amounts: string[]): string {
  return fromCents(amounts.reduce((total, amount) => total + toCents(amount), 0n));
}

/** a − b */
export function minus(a: string, b: string): string {
  return fromCents(toCents(a) - toCents(b));
}

export function sameAmount(a: string, b: string): boolean {
  return toCents(a) === toCents(b);
}

export function isPositive(amount: string): boolean {
  return toCents(amount) > 0n;
}

/** Whole percent of part in whole (0 when whole is not positive), rounded down. */
export function percentOf(part: string, whole: string): number {
  const w = toCents(whole);
  return w > 0n ? Number((toCents(part) * 100n) / w) : 0;
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
