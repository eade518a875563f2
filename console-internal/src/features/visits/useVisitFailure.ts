import { useCodedFailure, type CodedFailure } from '../../components/useCodedFailure';

export type VisitFailure = CodedFailure;

/**
 * A refused visit request as the field reads it (`visitError.field.*`, then `visitError.reason.*`:
 * STALE_VERSION, NOT_A_PARTICIPANT, ILLEGAL_TRANSITION…); when the visit or note moved on
 * underneath, the named queries reloaded.
 */
export const useVisitFailure = (reload: readonly string[] = []) => useCodedFailure('visitError', reload);
