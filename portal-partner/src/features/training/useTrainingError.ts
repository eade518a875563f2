import { ErrorReason } from '@medchannel/shared-schema';
import { useFeatureError } from '../../components/useFeatureError';

/**
 * The quiz was scored meanwhile (a lost answer, another device) or the course moved on: the course
 * and the lists are reloaded so the page shows where the learner stands now.
 */
const OPTIONS = {
  prefix: 'trainingError',
  stale: [ErrorReason.IDEMPOTENCY_KEY_REUSED, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.ATTEMPTS_EXHAUSTED],
  reload: ['TrainingCourse', 'MyEnrollments'],
};

/** A failed training request in the learner's words (`trainingError.*`, else the shared wording). */
export function useTrainingError() {
  return useFeatureError(OPTIONS);
}
