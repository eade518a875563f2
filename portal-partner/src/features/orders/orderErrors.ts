import { ErrorReason } from '@medchannel/shared-schema';
import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/**
 * A failed order request in the distributor's words (`useCodedError(ORDER_ERRORS)`, `orderError.*`):
 * when someone else moved the order on (the order desk approved it meanwhile), the order is reloaded
 * so the page shows where it stands now.
 */
export const ORDER_ERRORS: CodedErrorOptions = {
  prefix: 'orderError',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION],
  reload: ['Order'],
};
