/** Targets (目标) drawn from hospital potential: proposed by the brand, accepted or countered by the owner, then agreed and locked. */

/** PROPOSED (the brand's latest version waits for the owner) → AGREED; or COUNTERED (the owner's waits for the brand) → AGREED or PROPOSED again. */
export enum TargetStatus {
  PROPOSED = 'PROPOSED',
  COUNTERED = 'COUNTERED',
  AGREED = 'AGREED',
}

/** Who wrote a target's version: the brand's proposal or the owner's counter. */
export enum TargetVersionKind {
  PROPOSAL = 'PROPOSAL',
  COUNTER = 'COUNTER',
}
