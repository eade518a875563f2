import { DataSource, EntityManager } from 'typeorm';
import { Page, PageArgs, decodeCursor, toPage, withCursorCheck } from './pagination';

/** A keyset page over a raw statement: `keys` are SQL expressions over its rows `r`. */
export interface RawPage {
  /** a SELECT whose rows are aliased r in the page's ORDER BY; :named parameters */
  sql: string;
  params: Record<string, unknown>;
  keys: string[];
  cursorOf: (row: Record<string, unknown>) => Array<string | number>;
  direction?: 'ASC' | 'DESC';
}

/** The count and one keyset-ordered page of a raw statement, with its names joined in (two statements). */
export async function rawPage<T>(ds: DataSource, page: PageArgs, q: RawPage): Promise<Page<T>> {
  const dir = q.direction ?? 'ASC';
  const params: Record<string, unknown> = { ...q.params, page_limit: page.first + 1 };
  let where = '';
  if (page.after) {
    const values = decodeCursor(page.after, q.keys.length);
    values.forEach((v, i) => (params[`cursor_${i}`] = v));
    where = `WHERE (${q.keys.join(', ')}) ${dir === 'ASC' ? '>' : '<'} (${q.keys.map((_, i) => `:cursor_${i}`).join(', ')})`;
  }
  const [countSql, countParams] = ds.driver.escapeQueryWithParameters(
    `SELECT COUNT(*)::int AS n FROM (${q.sql}) r`,
    q.params,
  );
  const [pageSql, pageParams] = ds.driver.escapeQueryWithParameters(
    `SELECT * FROM (${q.sql}) r ${where} ORDER BY ${q.keys.map((k) => `${k} ${dir}`).join(', ')} LIMIT :page_limit`,
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
