import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A query builder's SQL and parameters, its parameter names prefixed so that several can share one statement. */
export function prefixed(
  qb: SelectQueryBuilder<ObjectLiteral>,
  prefix: string,
): { sql: string; params: Record<string, unknown> } {
  return prefixedSql({ sql: qb.getQuery(), params: qb.getParameters() }, prefix);
}

/** The same for SQL written by hand with :named parameters (the raw lists, such as sell-out). */
export function prefixedSql(
  query: { sql: string; params: Record<string, unknown> },
  prefix: string,
): { sql: string; params: Record<string, unknown> } {
  let sql = query.sql;
  const params: Record<string, unknown> = {};
  // longest names first, so that `:d` never eats the start of `:distributorId`
  for (const [key, value] of Object.entries(query.params).sort(([a], [b]) => b.length - a.length)) {
    sql = sql.replace(
      new RegExp(`(?<![:\\w]):(\\.\\.\\.)?${key}(?![\\w.])`, 'g'),
      (_m, spread) => `:${spread ?? ''}${prefix}${key}`,
    );
    params[`${prefix}${key}`] = value;
  }
  return { sql, params };
}
