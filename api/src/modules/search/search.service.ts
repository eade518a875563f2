import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  GLOBAL_SEARCH_CAPABILITY,
  GLOBAL_SEARCH_MIN_LENGTH,
  Side,
  can,
  type GlobalSearchKind,
} from '@medchannel/shared-schema';
import type { Scope } from '../../auth/scope';
import { prefixed } from '../../common/combined-query';
import { badInput } from '../../common/errors';
import type { DistributorServices } from '../distributor';
import type { HospitalServices } from '../hospital';
import type { OrderServices } from '../order';
import type { UserServices } from '../user';
import type { VisitServices } from '../visit';
import type { KindIds } from './search.types';

export type SearchDeps = Pick<HospitalServices, 'hospitals'> &
  Pick<DistributorServices, 'distributors'> &
  Pick<OrderServices, 'orders'> &
  Pick<VisitServices, 'visitNotes'> &
  Pick<UserServices, 'users'>;

/** One kind as SQL: its list screen's own query with the search filter, its id column and its list's order. */
interface KindQuery {
  kind: GlobalSearchKind;
  rows: (scope: Scope, search: string) => SelectQueryBuilder<ObjectLiteral>;
  id: string;
  /** the list's order, ties broken by id */
  orderBy: [string, 'ASC' | 'DESC'][];
}

const KINDS = (d: SearchDeps): KindQuery[] => [
  {
    kind: 'hospitals',
    rows: (scope, search) => d.hospitals.listQuery(scope, { search }),
    id: 'h.id',
    orderBy: [
      ['h.name', 'ASC'],
      ['h.id', 'ASC'],
    ],
  },
  {
    kind: 'distributors',
    rows: (scope, search) => d.distributors.listQuery(scope, { search }),
    id: 'd.id',
    orderBy: [
      ['d.name', 'ASC'],
      ['d.id', 'ASC'],
    ],
  },
  {
    kind: 'orders',
    rows: (scope, search) => d.orders.listQuery(scope, { search }),
    id: 'o.id',
    orderBy: [
      ['o.number', 'DESC'],
      ['o.id', 'DESC'],
    ],
  },
  {
    kind: 'visitNotes',
    rows: (scope, search) => d.visitNotes.listQuery(scope, { search }),
    id: 'vn.id',
    orderBy: [
      ['vn.visited_on', 'DESC'],
      ['vn.id', 'DESC'],
    ],
  },
  {
    // the people screen's list: the brand's people, a regional head his team, the admin everyone
    kind: 'people',
    rows: (scope, search) =>
      d.users.listQuery(scope, {
        search,
        side: Side.BRAND,
        team: can(scope.role, 'people.manage') ? undefined : true,
      }),
    id: 'u.id',
    orderBy: [
      ['u.display_name', 'ASC'],
      ['u.id', 'ASC'],
    ],
  },
];

export type SearchIds = Partial<Record<GlobalSearchKind, KindIds>>;

/**
 * The console's global search: each kind the viewer's role lists is searched by its list's own
 * query (so the scope, the filter and the total are the list's), counted and its first few ids
 * read, every kind in one statement.
 */
export class SearchService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: SearchDeps,
  ) {}

  async search(scope: Scope, text: string, first: number): Promise<SearchIds> {
    const search = text.trim().replace(/\s+/g, ' ');
    if ([...search].length < GLOBAL_SEARCH_MIN_LENGTH)
      throw badInput('text', `Type at least ${GLOBAL_SEARCH_MIN_LENGTH} characters`);
    const mine = KINDS(this.deps).filter((k) => can(scope.role, GLOBAL_SEARCH_CAPABILITY[k.kind]));
    if (mine.length === 0) return {};
    const columns: string[] = [];
    let params: Record<string, unknown> = {};
    mine.forEach((k, i) => {
      const count = prefixed(k.rows(scope, search).select('COUNT(*)::int'), `c${i}_`);
      const rows = k.rows(scope, search).select(`${k.id} AS id`);
      k.orderBy.forEach(([column, direction], n) =>
        n === 0 ? rows.orderBy(column, direction) : rows.addOrderBy(column, direction),
      );
      const few = prefixed(rows.limit(first), `f${i}_`);
      columns.push(`(${count.sql}) AS "count${i}"`);
      columns.push(`(SELECT COALESCE(json_agg(few.id), '[]'::json) FROM (${few.sql}) few) AS "ids${i}"`);
      params = { ...params, ...count.params, ...few.params };
    });
    const [sql, values] = this.ds.driver.escapeQueryWithParameters(`SELECT ${columns.join(', ')}`, params);
    const [row] = await this.ds.query(sql, values);
    return Object.fromEntries(
      mine.map((k, i) => [k.kind, { totalCount: row[`count${i}`] as number, ids: row[`ids${i}`] as string[] }]),
    );
  }
}
