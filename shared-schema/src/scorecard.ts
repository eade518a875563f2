/** Quarterly scorecards (经销商评分) and the re-tier proposals drawn from them. */

/** The figures of a scorecard, each scored 0–100 and weighted by the brand. */
export enum ScorecardFigureKind {
  /** sell-in of the agreed targets' lines ÷ their quarter amounts */
  ATTAINMENT = 'ATTAINMENT',
  /** authorized hospitals with sell-out in the quarter ÷ authorized hospitals */
  COVERAGE = 'COVERAGE',
  /** authorized product lines with at least one certified rep ÷ authorized product lines */
  CERTIFIED_REPS = 'CERTIFIED_REPS',
  /** 1 − overdue ÷ outstanding at the quarter's end (DSO shown beside it) */
  PAYMENT = 'PAYMENT',
  /** commitments of the quarter's visit notes acknowledged ÷ all of them */
  COMMITMENTS = 'COMMITMENTS',
  /** stocktake instruments found and stock counts matching ÷ all confirmed and counted */
  STOCKTAKE = 'STOCKTAKE',
}

/** Whether a proposal moves the distributor to a better tier (a lower number) or a worse one. */
export enum RetierDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}

/** PROPOSED (waits for the regional head) → APPROVED (applied from its date) or REJECTED. */
export enum RetierStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
