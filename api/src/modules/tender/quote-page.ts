import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { OpportunityNode, opportunityPageParts, opportunityPageTree, primeOpportunityPage } from '../opportunity';
import { Product } from '../product';
import { User } from '../user';
import { Tender, TenderQuote } from './tender.entity';

/**
 * A page of the quote approval queue with what each row names (the product, who asked and who
 * decided, the tender with its opportunity as the opportunity pages read it), built with the page
 * in one statement (paginateTree), each record under the scope helper's own condition as from
 * its loader; the request's loaders are primed with it.
 */
export interface QuotePageParts {
  product: boolean;
  requestedBy: boolean;
  decidedBy: boolean;
  tender: boolean;
  opportunity: ReturnType<typeof opportunityPageParts> | null;
}

export function quotePageParts(nodes: Selection | undefined): QuotePageParts {
  const tender = nodes?.tender;
  return {
    product: asks(nodes, 'product'),
    requestedBy: asks(nodes, 'requestedBy'),
    decidedBy: asks(nodes, 'decidedBy'),
    tender: asks(nodes, 'tender'),
    opportunity: asks(tender, 'opportunity') ? opportunityPageParts(tender?.opportunity) : null,
  };
}

export interface QuoteNode {
  quote: TenderQuote;
  parts: QuotePageParts;
  product: Product | null;
  requestedBy: User | null;
  decidedBy: User | null;
  tender: Tender | null;
  opportunity: OpportunityNode | null;
}

interface NodeJson {
  row: Json;
  product?: Json | null;
  requestedBy?: Json | null;
  decidedBy?: Json | null;
  tender?: Json | null;
  opportunity?: Json | null;
}

/** The page's node over quote `q`, for paginateTree. */
export function quotePageTree(ds: DataSource, scope: Scope, parts: QuotePageParts): PageTree<QuoteNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, fields, one, inScope, entity } = kit;
  const opportunity = parts.opportunity && opportunityPageTree(ds, scope, parts.opportunity);
  if (opportunity) Object.assign(kit.params, opportunity.params);
  const node = fields([
    ['row', row(TenderQuote, 'q')],
    parts.product && ['product', one(Product, 'product', 'qp', 'q.product_id', 'brand')],
    parts.requestedBy && ['requestedBy', one(User, 'app_user', 'qr', 'q.requested_by', 'user')],
    parts.decidedBy && ['decidedBy', one(User, 'app_user', 'qd', 'q.decided_by', 'user')],
    parts.tender && ['tender', one(Tender, 'tender', 'qt', 'q.tender_id', 'tender')],
    // the tender's opportunity, as tenderOpportunityById reads it (the opportunities' scope)
    !!opportunity && [
      'opportunity',
      `(SELECT ${opportunity.node} FROM opportunity o JOIN tender qot ON qot.opportunity_id = o.id
         WHERE qot.id = q.tender_id AND ${inScope('tender', 'qot')} AND ${inScope('opportunity', 'o')})`,
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        quote: fromJsonRow(ds, TenderQuote, n.row),
        parts,
        product: entity(Product, n.product),
        requestedBy: entity(User, n.requestedBy),
        decidedBy: entity(User, n.decidedBy),
        tender: entity(Tender, n.tender),
        opportunity: opportunity && n.opportunity ? opportunity.read(n.opportunity) : null,
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the quotes. */
export function primeQuotePage(loaders: Loaders, nodes: QuoteNode[]): TenderQuote[] {
  return nodes.map((n) => {
    const q = n.quote;
    if (n.parts.product) loaders.productById.prime(q.productId, n.product);
    if (n.parts.requestedBy) loaders.userById.prime(q.requestedBy, n.requestedBy);
    if (n.parts.decidedBy && q.decidedBy) loaders.userById.prime(q.decidedBy, n.decidedBy);
    if (n.parts.tender) loaders.tenderById.prime(q.tenderId, n.tender);
    if (n.tender && n.parts.opportunity) {
      loaders.tenderOpportunityById.prime(n.tender.opportunityId, n.opportunity?.opportunity ?? null);
      if (n.opportunity) primeOpportunityPage(loaders, [n.opportunity]);
    }
    return q;
  });
}
