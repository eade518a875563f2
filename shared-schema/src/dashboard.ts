/**
 * The dashboards' definitions (docs/domain.md, "Dashboards"): both sides read them, so a figure,
 * its drill-down list and its words agree.
 */

/** Where a hospital stands in the brand's coverage: a filter of the hospitals list. */
export enum HospitalCoverage {
  /** 目标医院: covered today by a live authorization of some distributor (named, or in a region it names) */
  TARGET = 'TARGET',
  /** 在采医院: a target hospital that bought in the last COVERAGE_BUYING_DAYS days (an order for it, or sell-out to it) */
  BUYING = 'BUYING',
}

/** How far back a purchase makes a target hospital one that buys. */
export const COVERAGE_BUYING_DAYS = 365;

/** How many months the sell-in and sell-out trends show, the current one last. */
export const TREND_MONTHS = 12;
