import { fromCents, percentOf, toCents } from '@medchannel/web-shared/kernel';

// Finance's own figures on decimal-string amounts, in BigInt cents like the kernel's: never a float.

/** Whole percent of part in whole, for a bar's width: 0 when whole is not positive, at least 1 for any positive part. */
export function widthOf(part: string, whole: string): number {
  if (toCents(whole) <= 0n || toCents(part) <= 0n) return 0;
  return Math.max(1, Math.min(100, percentOf(part, whole)));
}

/**
 * What an invoice's net comes to from its tax-inclusive gross at a rate ("0.13"), rounded half up to
 * the cent as the API rounds it; the server's figures are the authority, this is the preview.
 */
export function netOf(gross: string, rate: string): string {
  const [whole, fraction = ''] = rate.split('.');
  const basis = BigInt(whole) * 10_000n + BigInt(fraction.padEnd(4, '0').slice(0, 4));
  const g = toCents(gross);
  const divisor = 10_000n + basis;
  const sign = g < 0n ? -1n : 1n;
  const abs = g * sign;
  return fromCents(sign * ((abs * 20_000n + divisor) / (2n * divisor)));
}
