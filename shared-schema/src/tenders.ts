/** Tenders (招标/投标) on an opportunity and the bid quotes for them. */

/** A tender: OPEN while the quotes are prepared → SUBMITTED (the bid is in) → WON or LOST. */
export enum TenderStatus {
  OPEN = 'OPEN',
  SUBMITTED = 'SUBMITTED',
  WON = 'WON',
  LOST = 'LOST',
}

/**
 * A bid quote for one product: at or above the brand's floor price it is USABLE at once; below it
 * waits (PENDING_APPROVAL) for the regional head's (or an admin's) approval, which makes it USABLE,
 * or rejection (REJECTED; the product may be quoted again).
 */
export enum TenderQuoteStatus {
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  USABLE = 'USABLE',
  REJECTED = 'REJECTED',
}

/** A tender's registration deadline and bid opening are announced to the opportunity's owner this many days before. */
export const TENDER_NOTICE_DAYS = 3;
