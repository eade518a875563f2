import { ErrorReason } from '@medchannel/shared-schema';
import type { CodedErrorOptions } from '@medchannel/web-shared/kernel';

/**
 * A failed training request in the learner's words (`useCodedError(TRAINING_ERRORS)`, `trainingError.*`).
 * The quiz was scored meanwhile (a lost answer, another device) or the course moved on: the course
 * and the lists are reloaded so the page shows where the learner stands now.
 */
export const TRAINING_ERRORS: CodedErrorOptions = {
  prefix: 'trainingError',
  stale: [ErrorReason.IDEMPOTENCY_KEY_REUSED, ErrorReason.ILLEGAL_TRANSITION, ErrorReason.ATTEMPTS_EXHAUSTED],
  reload: ['TrainingCourse', 'MyEnrollments'],
};
