/** `extensions.code` of every error the API returns. A short list, like Medusa's error kinds. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  /** The database cannot be reached just now; the same request may be retried (extensions.retryable) */
  UNAVAILABLE = 'UNAVAILABLE',
  INTERNAL = 'INTERNAL',
}

/** `extensions.reason`: the finer cause within a code, for messages a user can act on. */
export enum ErrorReason {
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  ACCOUNT_DISABLED = 'ACCOUNT_DISABLED',
  SESSION_EXPIRED = 'SESSION_EXPIRED',
  NOT_LOGGED_IN = 'NOT_LOGGED_IN',
  ROLE_NOT_ALLOWED = 'ROLE_NOT_ALLOWED',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  /** The document is longer, or has more tokens, than the API reads */
  QUERY_TOO_LARGE = 'QUERY_TOO_LARGE',
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  STALE_VERSION = 'STALE_VERSION',
  ILLEGAL_TRANSITION = 'ILLEGAL_TRANSITION',
  EXCLUSIVE_CONFLICT = 'EXCLUSIVE_CONFLICT',
  TEMPORARY_TOO_LONG = 'TEMPORARY_TOO_LONG',
  NOT_COMPLIANT = 'NOT_COMPLIANT',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE = 'UNSUPPORTED_FILE_TYPE',
  /** An export would hold more rows than one file may (`extensions.limit`): narrow the filters */
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  /** The order would take the distributor past its credit limit */
  CREDIT_LIMIT_EXCEEDED = 'CREDIT_LIMIT_EXCEEDED',
  /** An idempotency key sent again with a different request */
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** A shipment for more than is still open on a line */
  OVER_SHIPMENT = 'OVER_SHIPMENT',
  /** A product that needs a certified person, ordered by someone without a valid certificate */
  CERTIFICATION_REQUIRED = 'CERTIFICATION_REQUIRED',
  /** Every quiz attempt of the course version is used */
  ATTEMPTS_EXHAUSTED = 'ATTEMPTS_EXHAUSTED',
  /** The viewer may see the co-visit, note or task but is not one of the people who act on it */
  NOT_A_PARTICIPANT = 'NOT_A_PARTICIPANT',
  /**
   * A proposed or accepted time overlaps a confirmed co-visit of someone on the plan; sent again
   * with `confirmOverlap: true` it goes through. `extensions.slots` names the clashing slots
   * (indexes of the input's), `extensions.coVisitIds` only the clashing visits the viewer may see.
   */
  SCHEDULE_OVERLAP = 'SCHEDULE_OVERLAP',
  /** Check-in is open on the visit's own day only (China time) */
  NOT_VISIT_DAY = 'NOT_VISIT_DAY',
  /** The new password breaks the password policy (`extensions.problems`: PasswordProblem values) */
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  /** The current password given to change it is not the person's */
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  /** An invitation or reset link that is unknown, used already or expired (one answer for all three) */
  LINK_INVALID = 'LINK_INVALID',
  /** Someone already signs in with this e-mail address */
  EMAIL_IN_USE = 'EMAIL_IN_USE',
  /** A distributor's owner is invited once it is temporarily authorized or later */
  NOT_YET_AUTHORIZED = 'NOT_YET_AUTHORIZED',
  /**
   * Another distributor's approved registration protects the same hospital, department and product
   * line (the answer never says whose, nor until when)
   */
  REGISTRATION_PROTECTED = 'REGISTRATION_PROTECTED',
  /** The serial number is on another open trial of the brand (planned, delivered or extended) */
  SERIAL_ON_TRIAL = 'SERIAL_ON_TRIAL',
  /** A delivery project is made for a won opportunity only */
  OPPORTUNITY_NOT_WON = 'OPPORTUNITY_NOT_WON',
  /** A delivery milestone is done after the one before it (and not on an earlier day) */
  MILESTONE_OUT_OF_ORDER = 'MILESTONE_OUT_OF_ORDER',
  /** Acceptance (验收) is marked done once its signed document is uploaded */
  ACCEPTANCE_DOCUMENT_REQUIRED = 'ACCEPTANCE_DOCUMENT_REQUIRED',
  /** A pre-sales entry is reversed once, and a reversal is not reversed */
  ALREADY_REVERSED = 'ALREADY_REVERSED',
  /** A movement would take more of a batch or serial than the distributor holds */
  INSUFFICIENT_STOCK = 'INSUFFICIENT_STOCK',
  /** A scanned code is not a GS1 UDI the parser reads (with a GTIN) */
  UDI_UNREADABLE = 'UDI_UNREADABLE',
  /** The distributor is exiting: from its exit plan's effective date it places no new order (`extensions.effectiveOn`) */
  DISTRIBUTOR_EXITING = 'DISTRIBUTOR_EXITING',
  /** An exit's final statement settles an account at zero only (`extensions.balance`: what is still open) */
  ACCOUNT_NOT_SETTLED = 'ACCOUNT_NOT_SETTLED',
  /** The serial stands placed at a hospital already (one open placement per serial across the brand) */
  SERIAL_PLACED = 'SERIAL_PLACED',
  /** The scanned serial is not the instrument's being confirmed */
  SERIAL_MISMATCH = 'SERIAL_MISMATCH',
  /** The stocktake is closed: its results are kept as they are */
  STOCKTAKE_CLOSED = 'STOCKTAKE_CLOSED',
  /** An agreed target is locked: it is neither proposed again nor countered */
  TARGET_LOCKED = 'TARGET_LOCKED',
  /** The quarter's score lies between the brand's thresholds (or the tier is at its end): no re-tier to propose (`extensions.score`) */
  RETIER_NOT_INDICATED = 'RETIER_NOT_INDICATED',
}
