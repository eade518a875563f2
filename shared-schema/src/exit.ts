/** 劝退: what an exit plan decides about each open order of the exiting distributor. */
export enum ExitOrderDecision {
  /** shipped and settled as usual */
  FINISH = 'FINISH',
  /** cancelled by the plan */
  CANCEL = 'CANCEL',
}

/** The kinds of record an exit hands to the successor distributor. */
export enum ExitHandoverKind {
  HOSPITAL = 'HOSPITAL',
  OPPORTUNITY = 'OPPORTUNITY',
  COMMITMENT = 'COMMITMENT',
  /** the successor's temporary authorization over what the exiting distributor held */
  AUTHORIZATION = 'AUTHORIZATION',
  /** a placed instrument with its agreement (reagent commitment), moved to the successor */
  PLACEMENT = 'PLACEMENT',
}

/** The exit checklist's steps, in order: what the console shows as progress and the owner acknowledges. */
export enum ExitStep {
  PLAN_STARTED = 'PLAN_STARTED',
  AUTHORIZATIONS_REVOKED = 'AUTHORIZATIONS_REVOKED',
  OPEN_ORDERS_DECIDED = 'OPEN_ORDERS_DECIDED',
  STOCK_RETURNED = 'STOCK_RETURNED',
  HANDED_OVER = 'HANDED_OVER',
  ACCOUNT_SETTLED = 'ACCOUNT_SETTLED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
}

export const EXIT_STEPS: readonly ExitStep[] = Object.values(ExitStep);
