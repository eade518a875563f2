/**
 * Where a feature's detail screens open, for the screens of other features that link to them (the
 * home page, notices, the order review): a feature never imports another feature's files.
 */

/** A co-visit and a note: from the lists, the inbox and notices. */
export const coVisitPath = (id: string) => `/visits/co-visits/${encodeURIComponent(id)}`;
/** Where a partner plans a co-visit with the brand. */
export const planCoVisitPath = '/visits/co-visits/new';
export const notePath = (id: string) => `/visits/notes/${encodeURIComponent(id)}`;

/** Where a course is read and its quiz taken: from the lists, the catalog, the review and notices. */
export const coursePath = (courseId: string) => `/training/courses/${encodeURIComponent(courseId)}`;

/** Where each notice's record opens in the portal (the inbox, the home page). */
export const NOTICE_TARGETS = {
  order: (id: string) => `/orders/${encodeURIComponent(id)}`,
  course: coursePath,
  co_visit: coVisitPath,
  visit_note: notePath,
  statement: (id: string) => `/statements/${encodeURIComponent(id)}`,
  qualification: () => '/company',
  authorization: () => '/company',
  opportunity: (id: string) => `/opportunities/${encodeURIComponent(id)}`,
  // a tender's notice opens its opportunity, where its tenders are
  tender: (_id: string, p: Record<string, string>) =>
    p.opportunityId ? `/opportunities/${encodeURIComponent(p.opportunityId)}` : '/opportunities',
  recall: (id: string) => `/recalls/${encodeURIComponent(id)}`,
};
