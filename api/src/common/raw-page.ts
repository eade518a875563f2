import { DataSource, EntityManager } from 'typeorm';
import { Page, PageArgs, afterCursor, toPage, withCursorCheck } from './pagination';

/** A keyset page over a raw statement: `keys` are SQL expressions over its rows `r`. */
export interface RawPage {
  /** a SELECT whose rows are aliased r in the page's ORDER BY; :named parameters */
  sql: string;
  params: Record<string, unknown>;
  keys: string[];
  cursorOf: (row: Record<string, unknown>) => Array<string | number>;
  direction?: 'ASC' | 'DESC';
  /**
   * The rows are built whole whatever the page (grouped, or sorted by an expression no index
   * serves): count them and take the page from one evaluation, in one statement, instead of
   * building them twice. Lists an index pages from (newest first, say) leave it off.
   */
  once?: boolean;
  /**
   * Columns only a page's rows show (names, say), with their joins over the page's rows `r`: joined
   * after the page is cut, so a list built whole names its page, not every row it counts. The
   * joins are LEFT JOINs, and nothing the keys or the conditions read may come from them.
   */
  late?: { select: string; joins: string };
  /**
   * The rows' count, when a statement other than counting `sql` gives it cheaper (a kept count, or
   * the rows by ids without what only paging needs); a SELECT of one row with its count as `n`,
   * over the same parameters. Not with `once`.
   */
  count?: string;
  /**
   * The page's rows from a statement that cuts and limits its rows itself (the first rows of each
   * group, say, read in index order), when the planner cannot push the page's cut and limit into
   * `sql`: `sql(cut)` returns at least the page's rows, `cut` being the cursor's condition over
   * its own `keys` (the same order as the page's, as expressions inside it; TRUE on the first page)
   * and `:page_limit` its limit; the page is then cut, ordered and limited over them as over `sql`.
   * `sql` still counts. Not with `once`.
   */
  pageRows?: { keys: string[]; sql: (cut: string) => string };
}

/**
 * One keyset page of `sql`'s rows `r` (`where` the cursor's cut, `order` the keys' ORDER BY, `limit`
 * a :named parameter), with `late`'s columns joined to the page's rows only.
 */
export function pageStatement(
  sql: string,
  where: string,
  order: string,
  limit: string,
  late?: RawPage['late'],
): string {
  if (!late) return `SELECT * FROM (${sql}) r ${where} ORDER BY ${order} LIMIT ${limit}`;
  return `SELECT r.*, ${late.select} FROM (SELECT * FROM (${sql}) r ${where} ORDER BY ${order} LIMIT ${limit}) r
            ${late.joins} ORDER BY ${order}`;
}

/** The columns a `once` page adds to its rows (the count, and whether the row is one of the page's), taken off again. */
const TOTAL = '__total';
const ROW = '__row';

/** The count and one keyset-ordered page of a raw statement, with its names joined in (two statements, or one `once`). */
export async function rawPage<T>(ds: DataSource, page: PageArgs, q: RawPage): Promise<Page<T>> {
  const dir = q.direction ?? 'ASC';
  const params: Record<string, unknown> = { ...q.params, page_limit: page.first + 1 };
  const cut = afterCursor(page.after, q.keys, dir);
  Object.assign(params, cut?.params);
  const where = cut ? `WHERE ${cut.sql}` : '';
  const order = q.keys.map((k) => `${k} ${dir}`).join(', ');
  if (q.once) {
    if (q.count || q.pageRows) throw new Error('rawPage: a `once` page counts and pages its own rows');
    const late = q.late ? { select: `, ${q.late.select}`, joins: q.late.joins } : { select: '', joins: '' };
    // the count's row always comes; the page's rows join it (none past the last page)
    const [sql, values] = ds.driver.escapeQueryWithParameters(
      `WITH r AS MATERIALIZED (${q.sql})
       SELECT c.n AS "${TOTAL}", r.*${late.select} FROM (SELECT COUNT(*)::int AS n FROM r) c
         LEFT JOIN LATERAL (SELECT r.*, true AS "${ROW}" FROM r ${where} ORDER BY ${order} LIMIT :page_limit) r ON true
         ${late.joins}
        ORDER BY ${order}`,
      params,
    );
    const found: Array<Record<string, unknown>> = await withCursorCheck(page, () => ds.query(sql, values));
    const total = Number(found[0]?.[TOTAL] ?? 0);
    const rows = found.filter((row) => row[ROW]).map(({ [TOTAL]: _total, [ROW]: _row, ...row }) => row);
    return toPage(rows as T[], page.first, total, (row) => q.cursorOf(row as Record<string, unknown>));
  }
  const [countSql, countParams] = ds.driver.escapeQueryWithParameters(
    q.count ?? `SELECT COUNT(*)::int AS n FROM (${q.sql}) r`,
    q.params,
  );
  const rowsSql = q.pageRows ? q.pageRows.sql(afterCursor(page.after, q.pageRows.keys, dir)?.sql ?? 'TRUE') : q.sql;
  const [pageSql, pageParams] = ds.driver.escapeQueryWithParameters(
    pageStatement(rowsSql, where, order, ':page_limit', q.late),
    params,
  );
  const [{ n }] = await ds.query(countSql, countParams);
  const rows = await withCursorCheck(page, () => ds.query(pageSql, pageParams));
  return toPage(rows as T[], page.first, n, (row) => q.cursorOf(row as Record<string, unknown>));
}

/** Runs a raw statement with :named parameters (on the data source, or inside a transaction's manager). */
export function rawQuery<T>(
  runner: DataSource | EntityManager,
  sql: string,
  params: Record<string, unknown>,
): Promise<T[]> {
  const driver = runner instanceof EntityManager ? runner.connection.driver : runner.driver;
  const [text, values] = driver.escapeQueryWithParameters(sql, params);
  return runner.query(text, values);
}
