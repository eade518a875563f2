/**
 * The monthly sell-out upload (流向上传): a distributor's file of sales to hospitals, or of its stock
 * on hand, previewed row by row and committed all or nothing. Plain objects rather than enums, so that a
 * bundle that never names them leaves them out (the console's first load is at its budget).
 */
export const SelloutUploadKind = {
  /** hospital, product, batch, quantity, date (department optional): sell-out movements */
  SELL_OUT: 'SELL_OUT',
  /** product, batch, quantity: the stock the distributor reports on hand at the month's end */
  STOCK: 'STOCK',
} as const;
export type SelloutUploadKind = (typeof SelloutUploadKind)[keyof typeof SelloutUploadKind];

/** What is wrong with a cell of an uploaded row (the preview names row, column and one of these). */
export const SelloutRowProblem = {
  REQUIRED: 'REQUIRED',
  HOSPITAL_UNMATCHED: 'HOSPITAL_UNMATCHED',
  PRODUCT_UNKNOWN: 'PRODUCT_UNKNOWN',
  DEPARTMENT_UNKNOWN: 'DEPARTMENT_UNKNOWN',
  QUANTITY_INVALID: 'QUANTITY_INVALID',
  DATE_INVALID: 'DATE_INVALID',
  DATE_OUTSIDE_MONTH: 'DATE_OUTSIDE_MONTH',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  DUPLICATE_LOT: 'DUPLICATE_LOT',
  /** the optional unit price (单价) is not an amount such as 12.50, or names a currency we do not know */
  PRICE_INVALID: 'PRICE_INVALID',
} as const;
export type SelloutRowProblem = (typeof SelloutRowProblem)[keyof typeof SelloutRowProblem];

/** What reconciliation found: a sale outside the distributor's authorizations (窜货), or stock that differs. */
export const SelloutFindingKind = {
  CROSS_TERRITORY: 'CROSS_TERRITORY',
  STOCK_DIFFERENCE: 'STOCK_DIFFERENCE',
} as const;
export type SelloutFindingKind = (typeof SelloutFindingKind)[keyof typeof SelloutFindingKind];

/** A match at or above this score is taken without asking; below it the row waits for the user's choice. */
export const HOSPITAL_MATCH_THRESHOLD = 0.5;
