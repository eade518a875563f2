/** An amount as the forms take it: a decimal with at most two places (the API keeps it exact). */
export const AMOUNT = /^\d+(\.\d{1,2})?$/;
