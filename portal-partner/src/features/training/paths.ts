/** Where a course is read and its quiz taken: from the lists, the catalog, the review and notices. */
export const coursePath = (courseId: string) => `/training/courses/${encodeURIComponent(courseId)}`;
