import { randomUUID } from 'node:crypto';

/**
 * A tag of its own for each attempt of each test. CI runs a failed test once more in the same process,
 * on the same database (support/retry.ts), and Jest runs `beforeEach` again for the retry: records named
 * with a tag drawn once per file would meet the first attempt's (a CONFLICT, or two rows with one text).
 * Read the tag inside a test, never at module level.
 */
export function tagPerAttempt(): () => string {
  let tag = '';
  beforeEach(() => {
    tag = randomUUID().slice(0, 6);
  });
  return () => tag;
}
