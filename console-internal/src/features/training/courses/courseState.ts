import { CourseListStatus } from '@medchannel/shared-schema';

export interface CourseFace {
  publishedVersion: number | null;
  draftVersion: number | null;
  archivedAt: string | null;
}

/** Where a course stands, as the list filters it: PUBLISHED (taken now, maybe with a new draft), DRAFT (never published), ARCHIVED. */
export function stateOf(course: CourseFace): CourseListStatus {
  if (course.archivedAt) return CourseListStatus.ARCHIVED;
  return course.publishedVersion ? CourseListStatus.PUBLISHED : CourseListStatus.DRAFT;
}
