import { ErrorReason } from '@medchannel/shared-schema';
import { useFeatureError } from '../../components/useFeatureError';

/**
 * ILLEGAL_TRANSITION: the statement is no longer ISSUED (confirmed or disputed from another
 * device, or reissued by finance): it and the list are reloaded so the page shows where it stands.
 */
const OPTIONS = { prefix: 'statementError', stale: [ErrorReason.ILLEGAL_TRANSITION], reload: ['Statement', 'AccountStatements'] };

/** A failed confirm or dispute in the owner's words (`statementError.*`, else the shared wording). */
export function useStatementError() {
  return useFeatureError(OPTIONS);
}
