import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/** A refused stocktake request in the distributor's words (`placement.error.*`); the task is reloaded. */
export const PLACEMENT_ERRORS: CodedErrorOptions = {
  prefix: 'placement.error',
  reload: ['StocktakeTask', 'MyStocktakes'],
};
