import { NotificationKind } from './orders.js';
import { Side } from './roles.js';

/**
 * Where a notice leads: the one map from a notice's record (its `entity`, id and params) to the
 * page that opens it, per app. The apps' inboxes and home pages link with it, and so do the
 * channels outside the apps (an e-mail, a WeCom / DingTalk robot's message), on the app's base URL.
 * A path that needs signing in opens after it: the apps send a signed-out visitor to their login
 * with the path to come back to.
 */

/** The two front ends a notice can lead into. */
export type NoticeApp = 'console' | 'portal';

/** The records notices are about (a notice's `entity`). */
export type NoticeEntity =
  | 'order'
  | 'statement'
  | 'course'
  | 'co_visit'
  | 'visit_note'
  | 'qualification'
  | 'authorization'
  | 'product'
  | 'opportunity'
  | 'tender'
  | 'recall'
  | 'distributor_stock';

/** The record each kind of notice names (commitments are answered on their visit note). */
export const NOTICE_ENTITY: Record<NotificationKind, NoticeEntity> = {
  ORDER_PLACED: 'order',
  ORDER_APPROVED: 'order',
  ORDER_REJECTED: 'order',
  ORDER_SHIPPED: 'order',
  ORDER_CANCELLED: 'order',
  TRAINING_ASSIGNED: 'course',
  TRAINING_DUE_SOON: 'course',
  TRAINING_OVERDUE: 'course',
  CO_VISIT_PROPOSED: 'co_visit',
  CO_VISIT_SLOT_PROPOSED: 'co_visit',
  CO_VISIT_CONFIRMED: 'co_visit',
  CO_VISIT_CANCELLED: 'co_visit',
  VISIT_NOTE_CC: 'visit_note',
  VISIT_NOTE_COMMENTED: 'visit_note',
  VISIT_TASK_ASSIGNED: 'visit_note',
  COMMITMENT_ACKNOWLEDGED: 'visit_note',
  COMMITMENT_DISPUTED: 'visit_note',
  COMMITMENT_RESOLVED: 'visit_note',
  STATEMENT_ISSUED: 'statement',
  STATEMENT_REISSUED: 'statement',
  STATEMENT_DISPUTE_ANSWERED: 'statement',
  QUALIFICATION_EXPIRING: 'qualification',
  QUALIFICATION_EXPIRED: 'qualification',
  AUTHORIZATION_EXPIRING: 'authorization',
  AUTHORIZATION_EXPIRED: 'authorization',
  OPPORTUNITY_REGISTERED: 'opportunity',
  OPPORTUNITY_REGISTRATION_APPROVED: 'opportunity',
  OPPORTUNITY_REGISTRATION_REJECTED: 'opportunity',
  TENDER_REGISTRATION_DUE: 'tender',
  TENDER_OPENING_DUE: 'tender',
  TENDER_QUOTE_PENDING: 'tender',
  TENDER_QUOTE_APPROVED: 'tender',
  TENDER_QUOTE_REJECTED: 'tender',
  STOCK_NEAR_EXPIRY: 'distributor_stock',
  RECALL_ISSUED: 'recall',
  REGISTRATION_EXPIRING: 'product',
  REGISTRATION_EXPIRED: 'product',
};

/** A record's page from its id and the notice's params (a tender's opportunity, a document's distributor). */
export type NoticePathOf = (id: string, params?: Readonly<Record<string, string>>) => string;

// Plain functions, no call at the module's top: the apps' bundlers leave the map out of a first load that does not use it.
const enc = encodeURIComponent;
const opportunityOf = (p: Readonly<Record<string, string>>) =>
  p.opportunityId ? `/opportunities/${encodeURIComponent(p.opportunityId)}` : '/opportunities';
const distributorOf = (_id: string, p: Readonly<Record<string, string>> = {}) =>
  p.distributorId ? `/distributors/${encodeURIComponent(p.distributorId)}` : '/distributors';

/** The portal's pages of each record; null: the portal has no page for it. */
export const PORTAL_PATHS = {
  order: (id: string) => `/orders/${enc(id)}`,
  statement: (id: string) => `/statements/${enc(id)}`,
  course: (id: string) => `/training/courses/${enc(id)}`,
  co_visit: (id: string) => `/visits/co-visits/${enc(id)}`,
  visit_note: (id: string) => `/visits/notes/${enc(id)}`,
  // the company page holds the distributor's documents and grants
  qualification: () => '/company',
  authorization: () => '/company',
  product: null,
  opportunity: (id: string) => `/opportunities/${enc(id)}`,
  // a tender's notice opens its opportunity, where its tenders are
  tender: (_id: string, p: Readonly<Record<string, string>> = {}) => opportunityOf(p),
  recall: (id: string) => `/recalls/${enc(id)}`,
  // the distributor's own stock, lot by lot
  distributor_stock: () => '/inventory',
} as const satisfies Record<NoticeEntity, NoticePathOf | null>;

/** The console's pages of each record. */
export const CONSOLE_PATHS = {
  order: (id: string) => `/orders/${enc(id)}`,
  statement: (id: string) => `/finance/statements/${enc(id)}`,
  course: (id: string) => `/training/courses/${enc(id)}`,
  co_visit: (id: string) => `/visits/co/${enc(id)}`,
  visit_note: (id: string) => `/visits/notes/${enc(id)}`,
  // a document's notice opens its distributor, where its documents and grants are
  qualification: distributorOf,
  authorization: distributorOf,
  // a registration certificate's notice opens the catalog found by the product's code
  product: (_id: string, p: Readonly<Record<string, string>> = {}) =>
    p.code ? `/products?q=${encodeURIComponent(p.code)}` : '/products',
  opportunity: (id: string) => `/opportunities/${enc(id)}`,
  // a tender's notice opens its opportunity; a quote to decide, the approval queue
  tender: (_id: string, p: Readonly<Record<string, string>> = {}) => (p.decide ? '/quote-approvals' : opportunityOf(p)),
  recall: (id: string) => `/recalls/${enc(id)}`,
  // the channel stock of the brand's distributors
  distributor_stock: () => '/inventory',
} as const satisfies Record<NoticeEntity, NoticePathOf | null>;

export const NOTICE_PATHS: Record<NoticeApp, Record<NoticeEntity, NoticePathOf | null>> = {
  console: CONSOLE_PATHS,
  portal: PORTAL_PATHS,
};

/** The app a person of this side signs in to. */
export const appOfSide = (side: Side): NoticeApp => (side === Side.BRAND ? 'console' : 'portal');

/** A notice's record, as the inbox and the channels carry it. */
export interface NoticeRecord {
  entity: string;
  entityId: string;
  params?: Readonly<Record<string, string>>;
}

/** The path in `app` of a notice's record, or null when the app has no page for it. */
export function noticePath(app: NoticeApp, n: NoticeRecord): string | null {
  const paths: Record<string, NoticePathOf | null> = NOTICE_PATHS[app];
  // only the map's own records (a notice's entity is a plain string)
  const of = Object.prototype.hasOwnProperty.call(paths, n.entity) ? paths[n.entity] : null;
  return of ? of(n.entityId, n.params ?? {}) : null;
}

/** Where each app lists the viewer's notices. */
export const INBOX_PATH = '/notifications';

/** A path of an app on its base URL (config CONSOLE_URL / PORTAL_URL, with or without a trailing slash). */
export const appUrl = (baseUrl: string, path: string): string => `${baseUrl.replace(/\/+$/, '')}${path}`;

/** The full address of a notice's record on the app's base URL; the app's inbox when it has no page for it. */
export function noticeUrl(baseUrl: string, app: NoticeApp, n: NoticeRecord): string {
  return appUrl(baseUrl, noticePath(app, n) ?? INBOX_PATH);
}
