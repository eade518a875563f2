import { ErrorReason } from '@medchannel/shared-schema';
import { useFeatureError } from '../../components/useFeatureError';

/** Someone else moved the order on (the order desk approved it meanwhile): what the page shows is out of date. */
const OPTIONS = { prefix: 'orderError', stale: [ErrorReason.STALE_VERSION, ErrorReason.ILLEGAL_TRANSITION], reload: ['Order'] };

/**
 * A failed order request in the distributor's words (`orderError.*`); when the order changed
 * underneath, the order is reloaded so the page shows where it stands now.
 */
export function useOrderError() {
  return useFeatureError(OPTIONS);
}
