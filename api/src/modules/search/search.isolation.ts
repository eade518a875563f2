import { rolesFor } from '@medchannel/shared-schema';
import { foreignDistributors, foreignHospitals, foreignUsers, foreignVisitNotes } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';

/** Every kind with the fields the console's dropdown reads, so that anything foreign in a nested field shows too. */
export const GLOBAL_SEARCH = `query($text: String!) { globalSearch(text: $text, first: 10) {
  hospitals { totalCount nodes { id name } }
  distributors { totalCount nodes { id name code } }
  orders { totalCount nodes { id number hospital { id name } distributor { id name } } }
  visitNotes { totalCount nodes { id visitedOn outcome hospital { id name } distributor { id name } } }
  people { totalCount nodes { id displayName email } } } }`;

/** A few of each: the matrix runs every probe for every persona. */
const FEW = 4;

/**
 * The global search answers the brand's people only, each kind read by its list's query in scope:
 * searched by the names, codes and words of records a persona may not see (the other brand's among
 * them), it finds none of them.
 */
export const SEARCH_OPERATIONS: Record<string, OperationCase> = {
  globalSearch: {
    allowed: rolesFor('console.search'),
    own: () => ({ query: GLOBAL_SEARCH, variables: { text: '医院' } }),
    foreign: ({ user }) =>
      [
        ...foreignHospitals(user)
          .slice(0, FEW)
          .map((h) => h.name),
        ...foreignDistributors(user)
          .slice(0, FEW)
          .flatMap((d) => [d.name, d.code]),
        ...foreignUsers(user)
          .slice(0, FEW)
          .map((u) => u.email),
        ...foreignVisitNotes(user)
          .slice(0, FEW)
          .map((n) => n.outcome.slice(0, 12)),
      ].map((text) => ({ query: GLOBAL_SEARCH, variables: { text }, expect: 'LISTED' as const })),
  },
};
