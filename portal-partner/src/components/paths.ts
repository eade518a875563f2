import { PORTAL_PATHS } from '@medchannel/shared-schema';

/**
 * Where a feature's detail screens open, for the screens of other features that link to them (the
 * home page, notices, the order review): a feature never imports another feature's files. The
 * pages of notices' records are shared-schema's one map (notice-links.ts), which e-mails and group
 * robots link with too.
 */

/** A co-visit and a note: from the lists, the inbox and notices. */
export const coVisitPath = PORTAL_PATHS.co_visit;
/** Where a partner plans a co-visit with the brand. */
export const planCoVisitPath = '/visits/co-visits/new';
export const notePath = PORTAL_PATHS.visit_note;

/** Where a course is read and its quiz taken: from the lists, the catalog, the review and notices. */
export const coursePath = PORTAL_PATHS.course;

/** Where each notice's record opens in the portal (the inbox, the home page, an order's tender). */
export const NOTICE_TARGETS = PORTAL_PATHS;
