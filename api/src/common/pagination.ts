import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ObjectLiteral, QueryFailedError, SelectQueryBuilder } from 'typeorm';
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
 * Runs a scoped, filtered query as one page: a count and a keyset-ordered fetch. Every list in
 * the API pages through here, so sort keys and cursors behave the same everywhere.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  keys: SortKey<T>[],
  /** Newest-first lists sort DESC on every key. */
  direction: 'ASC' | 'DESC' = 'ASC',
): Promise<Page<T>> {
  const totalCount = await qb.clone().getCount();
  if (args.after) {
    const values = decodeCursor(args.after, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor_${i}`, v]));
    const after = direction === 'ASC' ? '>' : '<';
    qb.andWhere(
      `(${keys.map((k) => k.column).join(', ')}) ${after} (${keys.map((_, i) => `:cursor_${i}`).join(', ')})`,
      params,
    );
  }
  keys.forEach((k, i) => (i === 0 ? qb.orderBy(k.column, direction) : qb.addOrderBy(k.column, direction)));
  let rows: T[];
  try {
    rows = await qb.limit(args.first + 1).getMany();
  } catch (err) {
    // A cursor whose values do not fit its sort keys' columns (text where a uuid or a date goes):
    // PostgreSQL refuses it as data (class 22), which is the cursor's fault, not the server's.
    const code = err instanceof QueryFailedError ? (err.driverError as { code?: string })?.code : undefined;
    if (args.after && code?.startsWith('22')) throw badInput('after', 'Invalid cursor');
    throw err;
  }
  return toPage(rows, args.first, totalCount, (row) => keys.map((k) => k.value(row)));
}

/** A user's search text as an ILIKE pattern that matches it literally anywhere. */
export function containsPattern(search: string): string {
  return `%${search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
