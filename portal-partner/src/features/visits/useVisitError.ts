import { ErrorReason } from '@medchannel/shared-schema';
import { useFeatureError } from '../../components/useFeatureError';

/**
 * Someone on the other side (or another device) answered first: the plan, the note or the
 * commitment moved on. What is shown is reloaded, so the page says where it stands now and the
 * next tap uses the version just read.
 */
const OPTIONS = {
  prefix: 'visitError',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.IDEMPOTENCY_KEY_REUSED],
  reload: ['MyCoVisits', 'PortalCoVisitDetail', 'PortalVisitNote', 'PortalVisitNotes', 'CommitmentInbox'],
};

/** A failed visit request in the partner's words (`visitError.*`, else the shared wording). */
export function useVisitError() {
  return useFeatureError(OPTIONS);
}
