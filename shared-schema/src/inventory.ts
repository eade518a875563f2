/** Channel inventory (渠道库存): a distributor's stock per product and batch/serial, derived from movements. */

/**
 * What moved a distributor's stock. Quantities are signed on the movement: RECEIVED (a shipment
 * from the brand), TRANSFER_IN (from the first tier or a second tier) and RETURNED (a hospital
 * sends goods back) add; SOLD_OUT (to a hospital's department, 流向) and TRANSFER_OUT take away;
 * ADJUSTED carries its sign and a reason; REVERSAL is the exact opposite of one earlier movement.
 */
export enum StockMovementKind {
  RECEIVED = 'RECEIVED',
  SOLD_OUT = 'SOLD_OUT',
  TRANSFER_OUT = 'TRANSFER_OUT',
  TRANSFER_IN = 'TRANSFER_IN',
  RETURNED = 'RETURNED',
  ADJUSTED = 'ADJUSTED',
  REVERSAL = 'REVERSAL',
  /** 退货: goods bought back by the brand during an exit, out of the distributor's stock */
  BRAND_RETURN = 'BRAND_RETURN',
}

/** The movements a distributor's people record by hand (receipts come from shipments, TRANSFER_IN from its pair, reversals from their own mutation). */
export const RECORDED_MOVEMENT_KINDS = [
  StockMovementKind.SOLD_OUT,
  StockMovementKind.TRANSFER_OUT,
  StockMovementKind.RETURNED,
  StockMovementKind.ADJUSTED,
] as const;

/** A batch expiring within this many days is near expiry unless the API's NEAR_EXPIRY_DAYS says otherwise. */
export const DEFAULT_NEAR_EXPIRY_DAYS = 90;
