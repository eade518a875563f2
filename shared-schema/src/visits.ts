/** Co-visits (陪跑) and visit notes CC'd across the brand–distributor boundary. */

/** A co-visit plan: PROPOSED (awaiting one side) → CONFIRMED → DONE, or CANCELLED on the way. */
export enum CoVisitStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export const CO_VISIT_TRANSITIONS: Record<CoVisitStatus, CoVisitStatus[]> = {
  [CoVisitStatus.PROPOSED]: [CoVisitStatus.PROPOSED, CoVisitStatus.CONFIRMED, CoVisitStatus.CANCELLED],
  [CoVisitStatus.CONFIRMED]: [CoVisitStatus.DONE, CoVisitStatus.CANCELLED],
  [CoVisitStatus.DONE]: [],
  [CoVisitStatus.CANCELLED]: [],
};

/** INTERNAL: brand side only. SHARED: with an explicit CC list from both sides. */
export enum NoteVisibility {
  INTERNAL = 'INTERNAL',
  SHARED = 'SHARED',
}

/** What was promised in a visit. */
export enum CommitmentKind {
  PRICE = 'PRICE',
  SUPPORT = 'SUPPORT',
  TRIAL_EQUIPMENT = 'TRIAL_EQUIPMENT',
  DELIVERY_DATE = 'DELIVERY_DATE',
  OTHER = 'OTHER',
}

/**
 * OPEN in the distributor owner's inbox until ACKNOWLEDGED or DISPUTED; a disputed one waits in
 * the author's regional head's queue until RESOLVED.
 */
export enum CommitmentStatus {
  OPEN = 'OPEN',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  DISPUTED = 'DISPUTED',
  RESOLVED = 'RESOLVED',
}

export const MAX_CO_VISIT_SLOTS = 5;
export const MAX_VISIT_CC = 30;
export const MAX_VISIT_ITEMS = 20;
/** The widest date range one calendar call may ask for. */
export const MAX_CALENDAR_DAYS = 62;
