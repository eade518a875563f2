/** Opportunities (机会点) and their registration (项目报备). */

/**
 * Where an opportunity stands: LEAD → NEED_CONFIRMED → TRIAL → TENDER → WON, or LOST on the way.
 * The open stages in funnel order come first.
 */
export enum OpportunityStage {
  LEAD = 'LEAD',
  NEED_CONFIRMED = 'NEED_CONFIRMED',
  TRIAL = 'TRIAL',
  TENDER = 'TENDER',
  WON = 'WON',
  LOST = 'LOST',
}

/** The funnel's order (every stage, the open ones first). */
export const OPPORTUNITY_STAGES: readonly OpportunityStage[] = [
  OpportunityStage.LEAD,
  OpportunityStage.NEED_CONFIRMED,
  OpportunityStage.TRIAL,
  OpportunityStage.TENDER,
  OpportunityStage.WON,
  OpportunityStage.LOST,
];

const S = OpportunityStage;

/**
 * An opportunity moves forward (a stage may be skipped: not every deal needs a trial or a tender)
 * or is lost from any open stage; WON and LOST are final.
 */
export const OPPORTUNITY_TRANSITIONS: Record<OpportunityStage, OpportunityStage[]> = {
  [S.LEAD]: [S.NEED_CONFIRMED, S.TRIAL, S.TENDER, S.WON, S.LOST],
  [S.NEED_CONFIRMED]: [S.TRIAL, S.TENDER, S.WON, S.LOST],
  [S.TRIAL]: [S.TENDER, S.WON, S.LOST],
  [S.TENDER]: [S.WON, S.LOST],
  [S.WON]: [],
  [S.LOST]: [],
};

/**
 * A registration: PENDING until the brand approves or rejects it; an approved one protects the
 * opportunity until its `protectedUntil` and is EXPIRED after (derived from the date, never stored).
 */
export enum RegistrationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}

/** How long an approved registration protects, when the brand has not chosen. */
export const DEFAULT_PROTECTION_DAYS = 90;
export const MIN_PROTECTION_DAYS = 7;
export const MAX_PROTECTION_DAYS = 365;

/** Products an opportunity may name (within its product line). */
export const MAX_OPPORTUNITY_PRODUCTS = 20;
