/** Orders, shipments, the ledger's first entries and in-app notifications. */

export enum OrderStatus {
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  PARTIALLY_SHIPPED = 'PARTIALLY_SHIPPED',
  SHIPPED = 'SHIPPED',
  DELIVERED = 'DELIVERED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}

/** How an order list is sorted (on the server, over every page): newest first unless asked otherwise. */
export enum OrderSort {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  TOTAL_HIGHEST = 'TOTAL_HIGHEST',
  TOTAL_LOWEST = 'TOTAL_LOWEST',
}

/** For a hospital (the compliance service decides per line), or stock for the distributor's own warehouse. */
export enum OrderKind {
  HOSPITAL = 'HOSPITAL',
  STOCK = 'STOCK',
}

/**
 * The moves an order may make. Shipping moves APPROVED/PARTIALLY_SHIPPED on by itself (by what is
 * still open); every other move is an explicit action, and anything else is refused.
 */
export const ORDER_TRANSITIONS: Record<OrderStatus, OrderStatus[]> = {
  [OrderStatus.SUBMITTED]: [OrderStatus.APPROVED, OrderStatus.REJECTED, OrderStatus.CANCELLED],
  [OrderStatus.APPROVED]: [OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.CANCELLED],
  [OrderStatus.PARTIALLY_SHIPPED]: [OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.APPROVED],
  [OrderStatus.SHIPPED]: [OrderStatus.DELIVERED, OrderStatus.PARTIALLY_SHIPPED, OrderStatus.APPROVED],
  [OrderStatus.DELIVERED]: [OrderStatus.CLOSED],
  [OrderStatus.REJECTED]: [],
  [OrderStatus.CLOSED]: [],
  [OrderStatus.CANCELLED]: [],
};

/** Most lines an order may have, and the most of one product a line may ask for. */
export const MAX_ORDER_LINES = 50;
export const MAX_LINE_QUANTITY = 100_000;

/** Orders that still hold credit: placed or approved, and not yet fully shipped. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  OrderStatus.SUBMITTED,
  OrderStatus.APPROVED,
  OrderStatus.PARTIALLY_SHIPPED,
];

/**
 * What a ledger entry records; the sign of its amount says which way it moves the balance
 * (positive: owed to the brand). Receivables arise at shipment; an invoice is a document against
 * them and moves no balance, so it is not an entry.
 */
export enum LedgerEntryKind {
  SHIPMENT_RECEIVABLE = 'SHIPMENT_RECEIVABLE',
  PAYMENT = 'PAYMENT',
  CREDIT_NOTE = 'CREDIT_NOTE',
  REBATE = 'REBATE',
  /** finance's correction after a statement dispute: either sign */
  ADJUSTMENT = 'ADJUSTMENT',
  REVERSAL = 'REVERSAL',
}

/** What finance credits a distributor's account with by hand, with a reason (折让, 返利): a ledger entry of that kind. */
export enum AccountCreditKind {
  CREDIT_NOTE = 'CREDIT_NOTE',
  REBATE = 'REBATE',
}

/** What an in-app notification is about; the front ends word it (zh-CN, en) from the kind and its params. */
export enum NotificationKind {
  ORDER_APPROVED = 'ORDER_APPROVED',
  ORDER_REJECTED = 'ORDER_REJECTED',
  ORDER_SHIPPED = 'ORDER_SHIPPED',
  ORDER_CANCELLED = 'ORDER_CANCELLED',
  /** a course was assigned to the reader */
  TRAINING_ASSIGNED = 'TRAINING_ASSIGNED',
  /** an assigned course is past its due date: to the learner, and to their owner */
  TRAINING_OVERDUE = 'TRAINING_OVERDUE',
  // co-visits and visit notes (params never carry a note's text)
  CO_VISIT_PROPOSED = 'CO_VISIT_PROPOSED',
  CO_VISIT_SLOT_PROPOSED = 'CO_VISIT_SLOT_PROPOSED',
  CO_VISIT_CONFIRMED = 'CO_VISIT_CONFIRMED',
  CO_VISIT_CANCELLED = 'CO_VISIT_CANCELLED',
  VISIT_NOTE_CC = 'VISIT_NOTE_CC',
  VISIT_NOTE_COMMENTED = 'VISIT_NOTE_COMMENTED',
  VISIT_TASK_ASSIGNED = 'VISIT_TASK_ASSIGNED',
  COMMITMENT_ACKNOWLEDGED = 'COMMITMENT_ACKNOWLEDGED',
  COMMITMENT_DISPUTED = 'COMMITMENT_DISPUTED',
  COMMITMENT_RESOLVED = 'COMMITMENT_RESOLVED',
  // statements: to the distributor's owners (params: period, version)
  STATEMENT_ISSUED = 'STATEMENT_ISSUED',
  /** a new version after the disputes were answered (params also: previousVersion, closingBalanceChange) */
  STATEMENT_REISSUED = 'STATEMENT_REISSUED',
  /** to the owner who raised the dispute (params also: status ADJUSTED | REJECTED, lineNo) */
  STATEMENT_DISPUTE_ANSWERED = 'STATEMENT_DISPUTE_ANSWERED',
  /** an order was placed: to the distributor's owner and the brand's order desk (params: number) */
  ORDER_PLACED = 'ORDER_PLACED',
  /** a qualification or an authorization runs out in `days` (60, 30 or 7; params: validTo, name) */
  QUALIFICATION_EXPIRING = 'QUALIFICATION_EXPIRING',
  QUALIFICATION_EXPIRED = 'QUALIFICATION_EXPIRED',
  AUTHORIZATION_EXPIRING = 'AUTHORIZATION_EXPIRING',
  AUTHORIZATION_EXPIRED = 'AUTHORIZATION_EXPIRED',
  /** a product's current registration certificate runs out: to those who keep the catalog (params: name, code, validTo, days) */
  REGISTRATION_EXPIRING = 'REGISTRATION_EXPIRING',
  REGISTRATION_EXPIRED = 'REGISTRATION_EXPIRED',
  /** an assigned course is due within a few days and not passed yet: to the learner (params: course, dueOn) */
  TRAINING_DUE_SOON = 'TRAINING_DUE_SOON',
  /** a distributor registered an opportunity: to its channel manager (params: hospital) */
  OPPORTUNITY_REGISTERED = 'OPPORTUNITY_REGISTERED',
  /** to the distributor's registrant and the opportunity's owner (params: hospital, protectedUntil) */
  OPPORTUNITY_REGISTRATION_APPROVED = 'OPPORTUNITY_REGISTRATION_APPROVED',
  /** likewise (params: hospital) */
  OPPORTUNITY_REGISTRATION_REJECTED = 'OPPORTUNITY_REGISTRATION_REJECTED',
  /** a tender's registration deadline is near: to the opportunity's owner (params: name, validTo, days) */
  TENDER_REGISTRATION_DUE = 'TENDER_REGISTRATION_DUE',
  /** a tender's bid opening is near: likewise */
  TENDER_OPENING_DUE = 'TENDER_OPENING_DUE',
  /** a bid quote below the floor price waits for approval: to the regional heads (else admins) over it (params: name) */
  TENDER_QUOTE_PENDING = 'TENDER_QUOTE_PENDING',
  /** to whoever asked for it (params: name) */
  TENDER_QUOTE_APPROVED = 'TENDER_QUOTE_APPROVED',
  TENDER_QUOTE_REJECTED = 'TENDER_QUOTE_REJECTED',
  /** a batch in a distributor's stock expires within the near-expiry window: to its owners and its channel manager (params: name, batch, validTo, days, quantity) */
  STOCK_NEAR_EXPIRY = 'STOCK_NEAR_EXPIRY',
  /** a batch or serial the distributor holds or received is recalled: to its people (params: name, lot, severity) */
  RECALL_ISSUED = 'RECALL_ISSUED',
}
