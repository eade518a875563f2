/** Finance: invoices, payments, statements. */

export enum PaymentMethod {
  BANK_TRANSFER = 'BANK_TRANSFER',
  /** 银行承兑汇票 */
  ACCEPTANCE_BILL = 'ACCEPTANCE_BILL',
  CASH = 'CASH',
  OTHER = 'OTHER',
}

/** Where an invoice stands, from what has been allocated to it. */
export enum InvoiceStatus {
  ISSUED = 'ISSUED',
  PARTIALLY_PAID = 'PARTIALLY_PAID',
  PAID = 'PAID',
}

export enum StatementStatus {
  ISSUED = 'ISSUED',
  CONFIRMED = 'CONFIRMED',
  DISPUTED = 'DISPUTED',
  /** a later version replaced it after its disputes were resolved; kept as history */
  SUPERSEDED = 'SUPERSEDED',
}

export enum DisputeStatus {
  OPEN = 'OPEN',
  /** finance posted an adjustment entry */
  ADJUSTED = 'ADJUSTED',
  /** finance kept the line, with a reason */
  REJECTED = 'REJECTED',
}

/** Receivables aging buckets, by days since the receivable arose. */
export const AGING_BUCKETS = [
  { key: 'D0_30', from: 0, to: 30 },
  { key: 'D31_60', from: 31, to: 60 },
  { key: 'D61_90', from: 61, to: 90 },
  { key: 'D90_PLUS', from: 91, to: null },
] as const;

/** What the ERP is told about, through the outbox and the brand's webhook. */
export enum OutboxEventType {
  ORDER_PLACED = 'ORDER_PLACED',
  ORDER_APPROVED = 'ORDER_APPROVED',
  SHIPMENT_RECORDED = 'SHIPMENT_RECORDED',
  INVOICE_ISSUED = 'INVOICE_ISSUED',
  PAYMENT_RECORDED = 'PAYMENT_RECORDED',
  STATEMENT_CONFIRMED = 'STATEMENT_CONFIRMED',
  STATEMENT_DISPUTED = 'STATEMENT_DISPUTED',
}

/** Header names of a webhook delivery; the signature is HMAC-SHA256 of `timestamp.body` with the endpoint's secret. */
export const WEBHOOK_HEADERS = {
  event: 'x-medchannel-event',
  eventId: 'x-medchannel-event-id',
  timestamp: 'x-medchannel-timestamp',
  signature: 'x-medchannel-signature',
} as const;

/**
 * What the delivery log says about a failed webhook delivery: a coarse kind, never the socket's
 * error text or exact timing (which would make the webhook a probe of the network behind it).
 */
export enum WebhookFailure {
  /** The URL resolves to an address that is not public (loopback, private, link-local, metadata…) and not allow-listed */
  REFUSED_TARGET = 'REFUSED_TARGET',
  /** The name did not resolve, or the connection failed */
  UNREACHABLE = 'UNREACHABLE',
  TIMEOUT = 'TIMEOUT',
  /** The receiver answered with a redirect; redirects are not followed */
  REDIRECT_NOT_FOLLOWED = 'REDIRECT_NOT_FOLLOWED',
  HTTP_4XX = 'HTTP_4XX',
  HTTP_5XX = 'HTTP_5XX',
  /** A group robot answered 200 but refused the message (its errcode was not 0) */
  REFUSED_BY_RECEIVER = 'REFUSED_BY_RECEIVER',
  /** The group robot was turned off or removed before the message went: nothing is sent */
  TARGET_GONE = 'TARGET_GONE',
}

/** How a line of a statement version differs from the version before it. */
export enum StatementChangeKind {
  /** an entry the earlier version did not carry (e.g. a payment recorded later but dated in the month, or an adjustment) */
  ADDED = 'ADDED',
  /** an entry the earlier version carried and this one does not */
  REMOVED = 'REMOVED',
  /** the same entry with another amount */
  AMOUNT_CHANGED = 'AMOUNT_CHANGED',
}

/** How the aging per distributor is sorted: largest total first, or most overdue first. */
export enum AgingSort {
  TOTAL = 'TOTAL',
  OVERDUE = 'OVERDUE',
}
