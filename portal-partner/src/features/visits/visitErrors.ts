import { ErrorReason } from '@medchannel/shared-schema';
import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/**
 * A failed visit request in the partner's words (`useCodedError(VISIT_ERRORS)`, `visitError.*`).
 * Someone on the other side (or another device) answered first: the plan, the note or the
 * commitment moved on. What is shown is reloaded, so the page says where it stands now and the
 * next tap uses the version just read.
 */
export const VISIT_ERRORS: CodedErrorOptions = {
  prefix: 'visitError',
  stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.IDEMPOTENCY_KEY_REUSED],
  reload: ['MyCoVisits', 'PortalCoVisitDetail', 'PortalVisitNote', 'PortalVisitNotes', 'CommitmentInbox'],
};
