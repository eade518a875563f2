import { ErrorReason } from '@medchannel/shared-schema';
import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/**
 * A failed confirm or dispute in the owner's words (`useCodedError(STATEMENT_ERRORS)`, `statementError.*`).
 * ILLEGAL_TRANSITION: the statement is no longer ISSUED (confirmed or disputed from another device, or
 * reissued by finance): it and the list are reloaded so the page shows where it stands.
 */
export const STATEMENT_ERRORS: CodedErrorOptions = {
  prefix: 'statementError',
  stale: [ErrorReason.ILLEGAL_TRANSITION],
  reload: ['Statement', 'AccountStatements'],
};
