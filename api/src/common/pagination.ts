import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
import { Side } from '@medchannel/shared-schema';
import { badInput } from './errors';
import { PageSize } from './page-size';
import { OptionalTextField } from './fields';

const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE })
  @PageSize(1, MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @OptionalTextField(500)
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number;
  pageInfo: PageInfo;
}

/** A connection type per node type: `DistributorConnection { nodes, totalCount, pageInfo }`. */
export function Connection<T extends object>(node: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionClass {
    @Field(() => [node])
    nodes: T[];

    @Field(() => Int)
    totalCount: number;

    @Field(() => PageInfo)
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}

/**
 * Keyset cursors: the sort key values of the last row, opaque to clients. Offsets get slow on
 * deep pages and skip or repeat rows when data moves; keysets do neither.
 */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === arity &&
      values.every((v) => ['string', 'number'].includes(typeof v))
    ) {
      return values;
    }
  } catch {
    // fall through to the coded error
  }
  throw badInput('after', 'Invalid cursor');
}

/** Fetches first+1 rows; the extra row only tells whether there is a next page. */
export function toPage<T>(
  rows: T[],
  first: number,
  totalCount: number,
  cursorOf: (row: T) => Array<string | number>,
): Page<T> {
  const nodes = rows.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > first, endCursor: last ? encodeCursor(cursorOf(last)) : null },
  };
}

export interface SortKey<T> {
  /** Column as written in SQL, e.g. `d.name` */
  column: string;
  value: (row: T) => string | number;
}

/**
 * The condition that keeps the rows after a row whose keys are the parameters `names` (:name ...),
 * over the sort key expressions `columns`: the row comparison, and the leading key's bound, which
 * it implies, alone as well. The planner can start an index scan of that key at the cut from the
 * bound even where the other keys come from elsewhere (a LATERAL's groups, say), instead of reading
 * every row before it.
 */
export function keysetAfter(columns: readonly string[], direction: 'ASC' | 'DESC', names: readonly string[]): string {
  const [gt, ge] = direction === 'ASC' ? ['>', '>='] : ['<', '<='];
  const cut = `(${columns.join(', ')}) ${gt} (${names.map((n) => `:${n}`).join(', ')})`;
  return columns.length > 1 ? `(${columns[0]} ${ge} :${names[0]} AND ${cut})` : cut;
}

/**
 * The condition that keeps the rows after the cursor's, over the sort key expressions `columns`, with
 * its parameters (`:cursor_0` ...); null on the first page. Every keyset page (paginate, paginateTree,
 * raw-page.ts) cuts its rows with it.
 */
export function afterCursor(
  after: string | null | undefined,
  columns: string[],
  direction: 'ASC' | 'DESC',
): { sql: string; params: Record<string, string | number> } | null {
  if (!after) return null;
  const values = decodeCursor(after, columns.length);
  const names = values.map((_, i) => `cursor_${i}`);
  return {
    sql: keysetAfter(columns, direction, names),
    params: Object.fromEntries(values.map((v, i) => [names[i], v])),
  };
}

/** Orders `qb` by the keys, after the cursor's row when there is one. */
function keyset<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: Array<Pick<SortKey<unknown>, 'column'>>,
  direction: 'ASC' | 'DESC',
): SelectQueryBuilder<T> {
  const cut = afterCursor(
    args.after,
    keys.map((k) => k.column),
    direction,
  );
  if (cut) qb.andWhere(cut.sql, cut.params);
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.column, direction) : qb.addOrderBy(k.column, direction)));
  return qb;
}

/**
 * A newest-first list's first sort key, for a table indexed on (brand_id, created_at DESC, id DESC).
 * Brand-side viewers page by the `column` itself, which that index serves: the newest 21 of a
 * brand's rows without sorting them all. Partners page by `sameValue`, an expression equal to the
 * column that no index orders: their few hundred rows are better read by distributor and sorted,
 * but a prepared statement's generic plan guesses ten distributors in the scope's `ANY` and,
 * offered the column's order, walks the brand's newest rows filtering for theirs (at full scale
 * 15 ms against 2). Both keys are the same value, so one cursor serves either.
 */
export function newestFirstKey(side: Side, column: string, sameValue: string): string {
  return side === Side.PARTNER ? sameValue : column;
}

/** Runs a page's statement; a cursor PostgreSQL refuses as data is the client's fault, not the server's. */
export async function withCursorCheck<R>(args: PageArgs, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (err) {
    // A cursor whose values do not fit its sort keys' columns (text where a uuid or a date goes):
    // PostgreSQL refuses it as data (class 22), which is the cursor's fault, not the server's.
    const code = err instanceof QueryFailedError ? (err.driverError as { code?: string })?.code : undefined;
    if (args.after && code?.startsWith('22')) throw badInput('after', 'Invalid cursor');
    throw err;
  }
}

/**
 * Runs a scoped, filtered query as one page: a count and a keyset-ordered fetch. Every list in
 * the API pages through here (or paginateTree), so sort keys and cursors behave the same everywhere.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey<T>[],
  /** Newest-first lists sort DESC on every key. */
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const totalCount = await qb.clone().getCount();
  const rows = await withCursorCheck(args, () =>
    keyset(qb, args, keys, direction)
      .limit(args.first + 1)
      .getMany(),
  );
  return toPage(rows, args.first, totalCount, (row) => keys.map((k) => k.value(row)));
}

/** What a page's rows are built of in paginateTree: one JSON node per row of the query's main alias. */
export interface PageTree<N> {
  /** The JSON expression of one node, over the main alias's columns (json-tree.ts). */
  node: string;
  /** The named parameters `node` uses. */
  params: Record<string, unknown>;
  /** The node read back, with the root entity the sort keys read. */
  read(json: Json): N;
  /**
   * A JSON expression read once for the page, not per row, in the same statement (whether the
   * records the filters name are in the viewer's scope, say); paginateTree answers it as `head`.
   */
  head?: string;
  /**
   * A count of the query's rows as one SQL expression (its parameters in `params`), when something
   * cheaper answers it exactly (a summary the database keeps, say); the rows are counted otherwise.
   */
  total?: string;
  /**
   * The rows are built whole whatever the page (a filter no index serves, sorted by a column no index
   * pages): count them and take the page from one materialized evaluation of the query, as a raw page's
   * `once` does (raw-page.ts), instead of evaluating its filter once for the count and again for the page.
   * Lists an index pages from leave it off. The figures behind each use are in BENCHMARKS.md.
   */
  once?: boolean;
}
type Json = Record<string, unknown>;

/**
 * paginate in ONE statement: the count, the page's rows in keyset order and, for each, the JSON
 * tree `tree.node` builds (its related records, each under the scope helper's condition), so a
 * list screen's rows and what they name arrive together. The sort keys and cursors are paginate's.
 */
export async function paginateTree<T extends ObjectLiteral, N>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey<T>[],
  direction: 'ASC' | 'DESC',
  tree: PageTree<N>,
  rootOf: (node: N) => T,
): Promise<Page<N> & { head?: Json }> {
  const alias = qb.alias;
  const table = qb.expressionMap.mainAlias!.metadata.tablePath;
  const ids = (q: SelectQueryBuilder<T>) => q.select(`${alias}.id`, 'id');
  const head = tree.head ? `${tree.head} AS head,` : '';
  const nodesOf = (page: string) => `(SELECT coalesce(json_agg(${tree.node} ORDER BY page.n), '[]'::json)
       FROM (${page}) page JOIN ${qb.connection.driver.escape(table)} ${alias} ON ${alias}.id = page.id) AS nodes`;
  let sql: string;
  let params: Record<string, unknown>;
  if (tree.once) {
    // the rows with their sort keys, evaluated once: counted, then cut after the cursor and paged
    const rows = ids(qb.clone());
    // (in parentheses: TypeORM reads a bare `p.name` as the entity's property and selects it again under other names)
    keys.forEach((k, i) => rows.addSelect(`(${k.column})`, `k${i}`));
    const rowKeys = keys.map((_, i) => `r.k${i}`);
    const order = rowKeys.map((k) => `${k} ${direction}`).join(', ');
    const cut = afterCursor(args.after, rowKeys, direction);
    sql = `WITH r AS MATERIALIZED (${rows.getQuery()})
      SELECT ${head} ${tree.total ?? '(SELECT count(*)::int FROM r)'} AS total,
      ${nodesOf(`SELECT r.id, row_number() OVER (ORDER BY ${order}) AS n FROM r
        ${cut ? `WHERE ${cut.sql}` : ''} ORDER BY ${order} LIMIT ${args.first + 1}`)}`;
    params = { ...rows.getParameters(), ...cut?.params, ...tree.params };
  } else {
    const counted = ids(qb.clone());
    const order = keys.map((k) => `${k.column} ${direction}`).join(', ');
    const paged = keyset(ids(qb.clone()), args, keys, direction)
      .addSelect(`row_number() OVER (ORDER BY ${order})`, 'n')
      .limit(args.first + 1);
    const total = tree.total ?? `(SELECT count(*)::int FROM (${counted.getQuery()}) counted)`;
    sql = `SELECT ${head} ${total} AS total, ${nodesOf(paged.getQuery())}`;
    params = { ...counted.getParameters(), ...paged.getParameters(), ...tree.params };
  }
  const [text, values] = qb.connection.driver.escapeQueryWithParameters(sql, params);
  const [found]: Array<{ head?: Json; total: number; nodes: Json[] }> = await withCursorCheck(args, () =>
    qb.connection.query(text, values),
  );
  const nodes = found.nodes.map((n) => tree.read(n));
  const page = toPage(nodes, args.first, found.total, (node) => keys.map((k) => k.value(rootOf(node))));
  return tree.head ? { ...page, head: found.head } : page;
}

/**
 * A list that is not paged (a calendar's range, capped at `limit` rows): its rows in `order` and, for
 * each, the JSON tree `tree.node` builds, in ONE statement, as paginateTree reads a page.
 */
export async function listTree<T extends ObjectLiteral, N>(
  qb: SelectQueryBuilder<T>,
  order: string,
  limit: number,
  tree: PageTree<N>,
): Promise<N[]> {
  const alias = qb.alias;
  const table = qb.expressionMap.mainAlias!.metadata.tablePath;
  const listed = qb
    .clone()
    .select(`${alias}.id`, 'id')
    .addSelect(`row_number() OVER (ORDER BY ${order})`, 'n')
    .orderBy(order)
    .limit(limit);
  const sql = `SELECT coalesce(json_agg(${tree.node} ORDER BY listed.n), '[]'::json) AS nodes
    FROM (${listed.getQuery()}) listed JOIN ${qb.connection.driver.escape(table)} ${alias} ON ${alias}.id = listed.id`;
  const [text, values] = qb.connection.driver.escapeQueryWithParameters(sql, {
    ...listed.getParameters(),
    ...tree.params,
  });
  const [found]: Array<{ nodes: Json[] }> = await qb.connection.query(text, values);
  return found.nodes.map((n) => tree.read(n));
}

/** A user's search text as an ILIKE pattern that matches it literally anywhere. */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
