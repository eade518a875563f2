import { badInput } from '../../common/errors';
import { Decimal } from '../../common/money';
import type { MonthRow } from './target.service';

/**
 * 返利 bands: from an attainment (a quarter's sell-in over its agreed quarter amount) on, a rate
 * paid on the whole quarter's sell-in of the line. E.g. ≥0.80 → 0.01, ≥1.00 → 0.02, ≥1.20 → 0.03.
 * All exact decimals as strings; no float is ever used.
 */
export interface RebateBand {
  /** the attainment from which the band applies, e.g. "0.80" */
  threshold: string;
  /** the rate on the quarter's sell-in, e.g. "0.02" */
  rate: string;
}

export interface RebateOutcome {
  /** sell-in over the quarter amount, to 4 decimals rounded down (null: no quarter amount) */
  attainment: string | null;
  /** the band reached, or none */
  band: RebateBand | null;
  /** sell-in × the band's rate, to the cent (half up) */
  rebate: string;
  /** the next band up, or none when the top one is reached */
  nextBand: RebateBand | null;
  /** the sell-in still needed this quarter to reach the next band, to the cent (rounded up) */
  moreToNext: string | null;
}

const ATTAINMENT = /^\d{1,2}(\.\d{1,4})?$/;
const RATE = /^0(\.\d{1,4})?$|^1(\.0{1,4})?$/;

/** Bands as a policy states them: thresholds strictly rising, rates in [0, 1] and never falling. Sorted on return. */
export function checkBands(bands: readonly RebateBand[]): RebateBand[] {
  if (bands.length === 0) throw badInput('bands', 'A rebate policy needs at least one band');
  bands.forEach((b, i) => {
    if (!ATTAINMENT.test(b.threshold) || new Decimal(b.threshold).lte(0))
      throw badInput(`bands.${i}.threshold`, 'A threshold is a positive attainment such as 0.8 or 1.2');
    if (!RATE.test(b.rate)) throw badInput(`bands.${i}.rate`, 'A rate is between 0 and 1, such as 0.02');
  });
  const sorted = [...bands]
    .map((b) => ({ threshold: new Decimal(b.threshold).toFixed(4), rate: new Decimal(b.rate).toFixed(4) }))
    .sort((a, b) => new Decimal(a.threshold).comparedTo(b.threshold));
  sorted.forEach((b, i) => {
    if (i === 0) return;
    if (new Decimal(b.threshold).eq(sorted[i - 1].threshold))
      throw badInput('bands', 'Two bands have the same threshold');
    if (new Decimal(b.rate).lt(sorted[i - 1].rate)) throw badInput('bands', 'A higher band pays a lower rate');
  });
  return sorted;
}

/** 1..4 of a "YYYY-MM" month (a China month, as the target's progress gives it). */
export function quarterOfMonth(month: string): number {
  return Math.floor((Number(month.slice(5, 7)) - 1) / 3) + 1;
}

/** A quarter's sell-in of one target, summed from the target module's monthly progress rows. */
export function quarterSellIn(months: readonly MonthRow[], targetId: string, quarter: number): string {
  return months
    .filter((m) => m.targetId === targetId && quarterOfMonth(m.month) === quarter)
    .reduce((sum, m) => sum.plus(m.amount), new Decimal(0))
    .toFixed(2);
}

/**
 * The band a quarter reached and its rebate. Reached means sell-in ≥ threshold × quarter amount,
 * compared exactly (no division). With no quarter amount (0) no band is reached.
 */
export function rebateFor(bands: readonly RebateBand[], quarterAmount: string, sellIn: string): RebateOutcome {
  const sorted = checkBands(bands);
  const target = new Decimal(quarterAmount);
  const sold = new Decimal(sellIn);
  if (target.lte(0)) return { attainment: null, band: null, rebate: '0.00', nextBand: null, moreToNext: null };
  const needed = (b: RebateBand) => target.times(b.threshold);
  const reached = sorted.filter((b) => sold.gte(needed(b)));
  const band = reached.length ? reached[reached.length - 1] : null;
  const nextBand = sorted.find((b) => sold.lt(needed(b))) ?? null;
  return {
    attainment: sold.dividedBy(target).toDecimalPlaces(4, Decimal.ROUND_DOWN).toFixed(4),
    band,
    rebate: band ? sold.times(band.rate).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2) : '0.00',
    nextBand,
    moreToNext: nextBand ? needed(nextBand).minus(sold).toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2) : null,
  };
}

/**
 * What a (re)computation posts: the rebate now due less everything already posted for the same
 * distributor, line and quarter. Zero: nothing to post. Negative: a claw-back entry (a late
 * correction lowered the sell-in). Earlier postings are never edited.
 */
export function rebateDifference(due: string, posted: readonly string[]): string {
  return posted.reduce((left, p) => left.minus(p), new Decimal(due)).toFixed(2);
}
