/**
 * A trial (试用): equipment lent to a hospital department for an opportunity. PLANNED until the
 * instrument is delivered; a delivered trial may be extended (its end date moved, with a reason)
 * and is closed by its return, with a result. A planned or delivered trial may be cancelled.
 * Open (PLANNED, DELIVERED, EXTENDED): one per serial number across the brand at a time.
 */
export enum TrialStatus {
  PLANNED = 'PLANNED',
  DELIVERED = 'DELIVERED',
  EXTENDED = 'EXTENDED',
  RETURNED = 'RETURNED',
  CANCELLED = 'CANCELLED',
}

/** What a returned trial came to. */
export enum TrialOutcome {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
  INCONCLUSIVE = 'INCONCLUSIVE',
}

/** The statuses whose instrument is still out (or about to go out): one per serial. */
export const OPEN_TRIAL_STATUSES: readonly TrialStatus[] = [
  TrialStatus.PLANNED,
  TrialStatus.DELIVERED,
  TrialStatus.EXTENDED,
];

const T = TrialStatus;
/** What each status may become; RETURNED and CANCELLED are final. */
export const TRIAL_TRANSITIONS: Record<TrialStatus, TrialStatus[]> = {
  [T.PLANNED]: [T.DELIVERED, T.CANCELLED],
  [T.DELIVERED]: [T.EXTENDED, T.RETURNED, T.CANCELLED],
  [T.EXTENDED]: [T.EXTENDED, T.RETURNED],
  [T.RETURNED]: [],
  [T.CANCELLED]: [],
};

/** The longest a trial may run, from its first planned day to its (extended) last. */
export const MAX_TRIAL_DAYS = 365;
