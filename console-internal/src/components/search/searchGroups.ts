import type { GlobalSearchKind } from '@medchannel/shared-schema';
import type { GlobalSearchQuery } from '../../gql/graphql';

/** One record found: where it opens, and what the dropdown says of it. */
interface SearchHit {
  path: string;
  title: string;
  detail: string;
}

/** One kind's matches, and its list screen filtered by the same text (its `q` URL parameter). */
export interface SearchGroup {
  kind: GlobalSearchKind;
  totalCount: number;
  hits: SearchHit[];
  allPath: string;
}

type Found = GlobalSearchQuery['globalSearch'];

const listPath = (path: string, text: string) => `${path}?${new URLSearchParams({ q: text })}`;

/** Each kind as the dropdown lists it: a page of its own per record (people: the people list on that e-mail). */
const KINDS: {
  [K in GlobalSearchKind]: {
    list: string;
    hits: (found: Found) => SearchHit[] | null;
    count: (found: Found) => number;
  };
} = {
  hospitals: {
    list: '/hospitals',
    hits: (f) => f.hospitals?.nodes.map((h) => ({ path: `/hospitals/${h.id}`, title: h.name, detail: '' })) ?? null,
    count: (f) => f.hospitals?.totalCount ?? 0,
  },
  distributors: {
    list: '/distributors',
    hits: (f) =>
      f.distributors?.nodes.map((d) => ({ path: `/distributors/${d.id}`, title: d.name, detail: d.code })) ?? null,
    count: (f) => f.distributors?.totalCount ?? 0,
  },
  orders: {
    list: '/orders',
    hits: (f) =>
      f.orders?.nodes.map((o) => ({
        path: `/orders/${o.id}`,
        title: o.number,
        detail: [o.distributor?.name, o.hospital?.name].filter(Boolean).join(' · '),
      })) ?? null,
    count: (f) => f.orders?.totalCount ?? 0,
  },
  visitNotes: {
    list: '/visits/notes',
    hits: (f) =>
      f.visitNotes?.nodes.map((n) => ({
        path: `/visits/notes/${n.id}`,
        title: [n.visitedOn, n.hospital?.name].filter(Boolean).join(' · '),
        detail: n.outcome,
      })) ?? null,
    count: (f) => f.visitNotes?.totalCount ?? 0,
  },
  people: {
    list: '/people',
    hits: (f) =>
      f.people?.nodes.map((p) => ({ path: listPath('/people', p.email), title: p.displayName, detail: p.email })) ??
      null,
    count: (f) => f.people?.totalCount ?? 0,
  },
};

/** The kinds that found something, in the dropdown's order. */
export function searchGroups(found: Found, text: string): SearchGroup[] {
  return (Object.keys(KINDS) as GlobalSearchKind[]).flatMap((kind) => {
    const hits = KINDS[kind].hits(found);
    if (!hits?.length) return [];
    return [{ kind, hits, totalCount: KINDS[kind].count(found), allPath: listPath(KINDS[kind].list, text) }];
  });
}
