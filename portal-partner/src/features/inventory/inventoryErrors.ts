import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/** A refused stock request in the distributor's words (`stock.error.*`); the stock is reloaded. */
export const STOCK_ERRORS: CodedErrorOptions = {
  prefix: 'stock.error',
  reload: ['MyStock', 'MyStockMovements'],
};
