import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { Scope, ScopedResource, scopeCondition } from '../auth/scope';
import { notFound } from '../common/errors';
import { isUuid } from '../common/ids';
import { fromJsonRow, jsonRow } from './json-rows';

/**
 * The pieces a read path writes its one-statement JSON tree with (order-tree.ts, the opportunity
 * page ...): rows as JSON, lists of them, objects of named parts, and the scope helper's own
 * condition for every record the tree reaches, with the parameters those conditions name
 * collected for the statement. Every condition of one scope names the same parameters with the
 * same values, so collecting them once is enough.
 */
export type Json = Record<string, unknown>;

export interface JsonTreeKit {
  /** The named parameters the conditions written so far use. */
  readonly params: Record<string, unknown>;
  /** The scope helper's condition on `alias` as a `resource`. */
  inScope(resource: ScopedResource, alias: string): string;
  /** One row of `entity` aliased `alias`, as a JSON object. */
  row(entity: EntityTarget<ObjectLiteral>, alias: string): string;
  /** A JSON array of `expr` over `from` (a FROM ... WHERE text), in `order`; `[]` when empty. */
  list(expr: string, from: string, order: string): string;
  /** A JSON object of the named parts; a part written `false` is left out. */
  fields(pairs: Array<[string, string] | false>): string;
  /**
   * One record of `entity` (table `table`) named by `idColumn`, or null when the viewer may not see it
   * (the scope helper's condition for `resource`), as its loader would answer.
   */
  one(
    entity: EntityTarget<ObjectLiteral>,
    table: string,
    alias: string,
    idColumn: string,
    resource: ScopedResource,
  ): string;
  /** The entity object for a JSON row, or null. */
  entity<T extends ObjectLiteral>(target: EntityTarget<T>, json: Json | null | undefined): T | null;
}

export function jsonTreeKit(ds: DataSource, scope: Scope): JsonTreeKit {
  const params: Record<string, unknown> = {};
  const inScope = (resource: ScopedResource, alias: string) => {
    const condition = scopeCondition(scope, resource, alias);
    Object.assign(params, condition.params);
    return condition.sql;
  };
  const row = (entity: EntityTarget<ObjectLiteral>, alias: string) => jsonRow(ds, entity, alias);
  return {
    params,
    inScope,
    row,
    list: (expr, from, order) => `(SELECT coalesce(json_agg(${expr} ORDER BY ${order}), '[]'::json) FROM ${from})`,
    fields: (pairs) =>
      `json_build_object(${pairs
        .filter((p): p is [string, string] => p !== false)
        .map(([k, v]) => `'${k}', ${v}`)
        .join(', ')})`,
    one: (entity, table, alias, idColumn, resource) =>
      `(SELECT ${row(entity, alias)} FROM ${table} ${alias} WHERE ${alias}.id = ${idColumn} AND ${inScope(resource, alias)})`,
    entity: <T extends ObjectLiteral>(target: EntityTarget<T>, json: Json | null | undefined): T | null =>
      json ? fromJsonRow(ds, target, json) : null,
  };
}

/** One record a single-record screen reads whole: its row `alias` of `table`, by id under the scope helper's condition for `resource`. */
export interface OneTree {
  table: string;
  alias: string;
  resource: ScopedResource;
  /** The record's name in NOT_FOUND's message ('Order'), as its service's get names it. */
  label: string;
  id: string;
  /** The JSON expression of the record's tree over `alias`, and the parameters it names. */
  node: string;
  params: Record<string, unknown>;
}

/**
 * Reads one record's tree (order-tree.ts, course-page.ts ...) in one statement and `read`s it;
 * NOT_FOUND when the id is malformed, missing or outside the viewer's scope, alike, as its
 * service's get answers.
 */
export async function readOneTree<T>(ds: DataSource, scope: Scope, one: OneTree, read: (tree: Json) => T): Promise<T> {
  if (!isUuid(one.id)) throw notFound(one.label);
  const where = scopeCondition(scope, one.resource, one.alias);
  const [text, values] = ds.driver.escapeQueryWithParameters(
    `SELECT ${one.node} AS tree FROM ${one.table} ${one.alias} WHERE ${one.alias}.id = :tree_id AND ${where.sql}`,
    { ...one.params, ...where.params, tree_id: one.id },
  );
  const [found]: Array<{ tree: Json }> = await ds.query(text, values);
  if (!found?.tree) throw notFound(one.label);
  return read(found.tree);
}
