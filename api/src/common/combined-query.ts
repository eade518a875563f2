import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** A query builder's SQL and parameters, its parameter names prefixed so that several can share one statement. */
export function prefixed(
  qb: SelectQueryBuilder<ObjectLiteral>,
  prefix: string,
): { sql: string; params: Record<string, unknown> } {
  let sql = qb.getQuery();
  const params: Record<string, unknown> = {};
  // longest names first, so that `:d` never eats the start of `:distributorId`
  for (const [key, value] of Object.entries(qb.getParameters()).sort(([a], [b]) => b.length - a.length)) {
    sql = sql.replace(
      new RegExp(`(?<![:\\w]):(\\.\\.\\.)?${key}(?![\\w.])`, 'g'),
      (_m, spread) => `:${spread ?? ''}${prefix}${key}`,
    );
    params[`${prefix}${key}`] = value;
  }
  return { sql, params };
}
