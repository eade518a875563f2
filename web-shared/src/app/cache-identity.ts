/**
 * Which objects Apollo's cache may normalize. The cache keys an object by `__typename` + `id`, so an
 * `id` that is unique only inside its parent merges objects across parents: every question's option
 * "a" became one object, and questions 2 and 3 showed question 1's options (and the editor its ticks).
 *
 * The rule, checked against the schema by e2e/cache-identity.e2e.ts:
 * - an `id: ID!` is a record's uuid, unique across the brand's data: the object is normalized;
 * - any other `id` (a String the record's JSON document gives its parts: sections, questions,
 *   options) is local to its parent: the type is listed here and never normalized (`keyFields:
 *   false`), so it lives inside its parent's cache entry.
 * A new parent-local type must be added here; the test fails until it is.
 */
export const LOCAL_ID_TYPES = [
  // course content, a JSON document per course version: ids like 'principle', 'q-qc', 'a'
  'CourseSection',
  'QuizQuestion',
  'QuizOption',
] as const;

export type LocalIdType = (typeof LOCAL_ID_TYPES)[number];

/** The cache's type policies, for both apps: the parent-local types are not normalized. */
export function cacheTypePolicies(): Record<LocalIdType, { keyFields: false }> {
  return Object.fromEntries(LOCAL_ID_TYPES.map((name) => [name, { keyFields: false as const }])) as Record<
    LocalIdType,
    { keyFields: false }
  >;
}
