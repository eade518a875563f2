import { useCodedFailure, type CodedFailure } from '../../components/useCodedFailure';

export type TrainingFailure = CodedFailure;

/**
 * A refused training request as the trainer reads it (`trainingError.field.*`, then
 * `trainingError.reason.*`); when the course moved on underneath, the named queries reloaded.
 */
export const useTrainingFailure = (reload: readonly string[] = []) => useCodedFailure('trainingError', reload);
