import { RetierDirection, ScorecardFigureKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { daysBetween } from '../../common/dates';
import type { QuarterWindow, ScorecardInputsRow } from './scorecard.sql';

/** One input a figure was computed from: a named amount or count (subject: the product line it is about). */
interface FigureInput {
  key: string;
  subject: string | null;
  value: string;
}

/** A figure of the scorecard: its ratio, its score 0–100 and weight, and what it was computed from. */
export interface Figure {
  kind: ScorecardFigureKind;
  /** the ratio, 4 decimals rounded down; null when the quarter gives nothing to measure */
  value: string | null;
  /** 0–100, 2 decimals; null with the value */
  score: string | null;
  weight: number;
  inputs: FigureInput[];
}

export type Weights = Record<ScorecardFigureKind, number>;

export const FIGURE_KINDS = Object.values(ScorecardFigureKind);

/** Every figure weighted alike, and the thresholds, until the brand sets its own. */
export const DEFAULT_WEIGHTS: Weights = Object.fromEntries(FIGURE_KINDS.map((k) => [k, 1])) as Weights;
export const DEFAULT_THRESHOLDS = { up: '85.00', down: '50.00' };

const input = (key: string, value: string | number, subject: string | null = null): FigureInput => ({
  key,
  subject,
  value: String(value),
});

const ratio = (part: Decimal.Value, whole: Decimal.Value): Decimal =>
  new Decimal(part).div(whole).toDecimalPlaces(4, Decimal.ROUND_DOWN);

function figure(kind: ScorecardFigureKind, weights: Weights, value: Decimal | null, inputs: FigureInput[]): Figure {
  const score = value === null ? null : Decimal.min(value, 1).times(100).toFixed(2);
  return { kind, value: value === null ? null : value.toFixed(4), score, weight: weights[kind], inputs };
}

/** The six figures of a quarter from the inputs the one read answered; exact decimals throughout. */
export function figuresOf(row: ScorecardInputsRow, w: QuarterWindow, weights: Weights): Figure[] {
  const K = ScorecardFigureKind;
  const target = row.target === null ? null : new Decimal(row.target);
  const covered = row.lines.filter((l) => l.reps > 0).length;
  const outstanding = new Decimal(row.outstanding);
  const days = daysBetween(w.from, w.asOf) + 1;
  const raised = new Decimal(row.raised);
  const dso = raised.gt(0) ? new Decimal(row.balance).div(raised).times(days).toFixed(1) : null;
  const checked = row.instrumentsConfirmed + row.countsTaken;
  return [
    figure(K.ATTAINMENT, weights, target && target.gt(0) ? ratio(row.sellIn, target) : null, [
      input('target', row.target ?? '0.00'),
      input('sellIn', row.sellIn),
    ]),
    figure(
      K.COVERAGE,
      weights,
      row.authorizedHospitals ? ratio(row.hospitalsWithSellOut, row.authorizedHospitals) : null,
      [input('authorizedHospitals', row.authorizedHospitals), input('hospitalsWithSellOut', row.hospitalsWithSellOut)],
    ),
    figure(K.CERTIFIED_REPS, weights, row.lines.length ? ratio(covered, row.lines.length) : null, [
      ...row.lines.map((l) => input('certifiedReps', l.reps, l.line)),
      input('linesCovered', covered),
      input('lines', row.lines.length),
    ]),
    figure(
      K.PAYMENT,
      weights,
      outstanding.gt(0) ? new Decimal(1).minus(ratio(row.overdue, outstanding)) : new Decimal(1),
      [
        input('outstanding', row.outstanding),
        input('overdue', row.overdue),
        input('balance', row.balance),
        input('raised', row.raised),
        input('days', days),
        ...(dso === null ? [] : [input('dso', dso)]),
      ],
    ),
    figure(K.COMMITMENTS, weights, row.commitments ? ratio(row.acknowledged, row.commitments) : null, [
      input('commitments', row.commitments),
      input('acknowledged', row.acknowledged),
    ]),
    figure(K.STOCKTAKE, weights, checked ? ratio(row.instrumentsFound + row.countsMatching, checked) : null, [
      input('instrumentsConfirmed', row.instrumentsConfirmed),
      input('instrumentsFound', row.instrumentsFound),
      input('countsTaken', row.countsTaken),
      input('countsMatching', row.countsMatching),
    ]),
  ];
}

/** Σ weight × score ÷ Σ weight over the figures with a score, 2 decimals half up; null when none weighs. */
export function totalScore(figures: readonly Figure[]): string | null {
  const scored = figures.filter((f) => f.score !== null && f.weight > 0);
  const weight = scored.reduce((s, f) => s + f.weight, 0);
  if (!weight) return null;
  return scored
    .reduce((s, f) => s.plus(new Decimal(f.score!).times(f.weight)), new Decimal(0))
    .div(weight)
    .toFixed(2);
}

/** The re-tier a score indicates against the thresholds (up: a lower tier number), or none. */
export function indicated(
  score: string | null,
  tier: number,
  thresholds: { up: string; down: string },
): { direction: RetierDirection; toTier: number } | null {
  if (score === null) return null;
  if (new Decimal(score).gte(thresholds.up) && tier > 1) return { direction: RetierDirection.UP, toTier: tier - 1 };
  if (new Decimal(score).lt(thresholds.down) && tier < 9) return { direction: RetierDirection.DOWN, toTier: tier + 1 };
  return null;
}

/** A quarter's days and the day payment is read at (its last day, or today while it runs). */
export function quarterWindow(year: number, quarter: number, today: string): QuarterWindow {
  const first = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(first).padStart(2, '0')}-01`;
  const lastDay = new Date(Date.UTC(year, first + 2, 0)).getUTCDate();
  const to = `${year}-${String(first + 2).padStart(2, '0')}-${String(lastDay).padStart(2, '0')}`;
  return { year, quarter, from, to, asOf: today < to ? (today < from ? from : today) : to };
}
