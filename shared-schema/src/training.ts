/** Training and certification. */

/** What a course teaches: a product (and can certify for its product lines) or selling. */
export enum CourseKind {
  PRODUCT = 'PRODUCT',
  SALES = 'SALES',
}

/** A course version: edited as a DRAFT, taken once PUBLISHED, RETIRED when a newer one is published. */
export enum CourseVersionStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  RETIRED = 'RETIRED',
}

export enum MaterialKind {
  TEXT = 'TEXT',
  VIDEO = 'VIDEO',
  FILE = 'FILE',
}

export enum QuestionKind {
  /** exactly one option is right */
  SINGLE = 'SINGLE',
  /** every right option, and only those, must be chosen */
  MULTIPLE = 'MULTIPLE',
}

/** Where a person stands on a course. */
export enum EnrollmentStatus {
  ASSIGNED = 'ASSIGNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  /** every attempt of the current version used without passing */
  FAILED = 'FAILED',
}

/** Which courses a list shows. */
export enum CourseListStatus {
  /** people can take it */
  PUBLISHED = 'PUBLISHED',
  /** never published yet */
  DRAFT = 'DRAFT',
  ARCHIVED = 'ARCHIVED',
}

/** How the completion dashboard groups its rows. */
export enum TrainingGroupBy {
  REGION = 'REGION',
  DISTRIBUTOR = 'DISTRIBUTOR',
  COURSE = 'COURSE',
}

export const MAX_COURSE_SECTIONS = 40;
export const MAX_QUIZ_QUESTIONS = 50;
export const MAX_QUIZ_OPTIONS = 8;
/** A training material file (PDF or image) may be at most this big. */
export const MAX_MATERIAL_BYTES = 20 * 1024 * 1024;
