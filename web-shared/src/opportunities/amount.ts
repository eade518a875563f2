/** An amount typed on an opportunity or a tender (value, budget, bid, winning price): ten whole digits, two decimals at most. */
export const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;
