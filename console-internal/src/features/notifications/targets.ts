import type { NoticeTargets } from '@medchannel/web-shared/notices';

const at = (path: string) => (id: string) => `${path}/${encodeURIComponent(id)}`;

/** Where each notice's record opens in the console. */
export const NOTICE_TARGETS: NoticeTargets = {
  order: at('/orders'),
  statement: at('/finance/statements'),
  co_visit: at('/visits/co'),
  visit_note: at('/visits/notes'),
  course: at('/training/courses'),
  opportunity: at('/opportunities'),
  // a tender's notice opens its opportunity, where its tenders are; a quote to decide, the approval queue
  tender: (_id, p) =>
    p.decide
      ? '/quote-approvals'
      : p.opportunityId
        ? `/opportunities/${encodeURIComponent(p.opportunityId)}`
        : '/opportunities',
  // a document's notice opens its distributor, where its documents and grants are
  qualification: (_id, p) =>
    p.distributorId ? `/distributors/${encodeURIComponent(p.distributorId)}` : '/distributors',
  authorization: (_id, p) =>
    p.distributorId ? `/distributors/${encodeURIComponent(p.distributorId)}` : '/distributors',
  // a registration certificate's notice opens the catalog found by the product's code
  product: (_id, p) => (p.code ? `/products?q=${encodeURIComponent(p.code)}` : '/products'),
};
