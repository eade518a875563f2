import { ACCOUNT, CATALOG, MY_ORDERS, ORDER, STATEMENT } from './portal-screens';
import { AGING, DESK_ORDERS, DISTRIBUTORS, HOSPITALS } from './console-screens';
import type { PeerOperation } from './kit';

export type { Json } from './kit';

/**
 * The nine screens as PostGraphile 5 queries (Amber preset, simplified inflection, no authorization,
 * no filter or aggregate plugin), each with the API's answer and PostGraphile's projected into one
 * shape (bench/peer.ts compares them field by field before timing).
 *
 * What Amber offers to choose rows: a row by its key, a relation, a connection's `condition` (one
 * value per column: no lists, ranges, text search, array overlap) and `orderBy` (indexed columns
 * only); no sums. So:
 * - a partner's view, which the API scopes by the session, is asked by explicit filter (the
 *   partner's distributor and its second tier, by id);
 * - where the API chooses its rows by a rule Amber cannot state (the catalog's registrations and
 *   grants, a set of statuses in a province, a name search, the aging sorted by its total), the
 *   page is looked up row by row by the keys the API answered: PostGraphile then does not choose,
 *   count or sort those rows, and that screen's `gaps` says so;
 * - figures the API computes (balances, aging totals, a statement's changes) are left out of the
 *   comparison when PostGraphile cannot compute them, named in `gaps` and in the report.
 */
export const PEER_OPERATIONS: PeerOperation[] = [
  CATALOG,
  MY_ORDERS,
  ORDER,
  STATEMENT,
  ACCOUNT,
  DESK_ORDERS,
  DISTRIBUTORS,
  HOSPITALS,
  AGING,
];
