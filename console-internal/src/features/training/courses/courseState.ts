/** Where a course stands, from its versions: people take a published one; an archived one is closed. */
export const COURSE_STATES = ['PUBLISHED', 'DRAFT', 'ARCHIVED'] as const;
export type CourseState = (typeof COURSE_STATES)[number];

export interface CourseFace {
  publishedVersion: number | null;
  draftVersion: number | null;
  archivedAt: string | null;
}

/** PUBLISHED: taken now (maybe with a new draft); DRAFT: never published; ARCHIVED: closed. */
export function stateOf(course: CourseFace): CourseState {
  if (course.archivedAt) return 'ARCHIVED';
  return course.publishedVersion ? 'PUBLISHED' : 'DRAFT';
}

