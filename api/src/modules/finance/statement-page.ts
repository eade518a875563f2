import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree, SortKey } from '../../common/pagination';
import type { Selection } from '../../common/selection';
import { jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import type { Statement } from './finance.entity';
import {
  StatementTree,
  StatementTreeParts,
  primeStatementTree,
  statementNode,
  statementTreeOf,
  statementTreeParts,
} from './statement-tree';

/**
 * A page of the statements list with what each row shows (its distributor, lines, disputes with
 * their lines, evidence and people, the month's versions with their disputes, the version before's
 * lines for `changes`), built with the page in one statement (paginateTree). Each row's node is
 * statement(id)'s own (statement-tree.ts), each part only when the request's selection under
 * `nodes` asks for it; the page's rows are the list's query (StatementService.listQuery, the scope
 * helper's `finance` condition and the filters). The request's loaders are primed with every row's
 * tree, so the field resolvers answer from memory.
 */
export const statementPageParts = (nodes: Selection | undefined): StatementTreeParts => statementTreeParts(nodes ?? {});

/** The list's order and cursors, newest month first (as the list paged them before its tree). */
export const STATEMENT_LIST_KEYS: Array<SortKey<Statement>> = [
  { column: 's.period', value: (s) => s.period },
  { column: 's.id', value: (s) => s.id },
];

/** The page's node over statement `s`, for paginateTree. */
export function statementPageTree(ds: DataSource, scope: Scope, parts: StatementTreeParts): PageTree<StatementTree> {
  const kit = jsonTreeKit(ds, scope);
  const node = statementNode(kit, parts);
  return { node, params: kit.params, read: (json) => statementTreeOf(ds, kit, parts, json) };
}

/** Primes the request's loaders with a page's trees (a record the scope hid as null); returns the statements. */
export function primeStatementPage(loaders: Loaders, nodes: StatementTree[]): Statement[] {
  return nodes.map((tree) => primeStatementTree(loaders, tree));
}
