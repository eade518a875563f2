import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { User } from '../user';
import { DisputeAttachment, Statement, StatementDispute, StatementLine } from './finance.entity';

/**
 * A page of the disputes queue with what each row names (its statement with the distributor, the
 * disputed line, the statement's disputes when the line's own dispute is asked, who raised and who
 * resolved it, its evidence), built with the page in one statement (paginateTree). The page's
 * disputes hang off statements the scope's `finance` rule lets the viewer read; everything else is
 * read under the scope helper's own conditions, as from its loader. The request's loaders are
 * primed with it, so the field resolvers answer from memory.
 */
export interface DisputePageParts {
  statement: boolean;
  distributor: boolean;
  line: boolean;
  /** the statement's disputes, which the line's `dispute` is chosen from */
  disputes: boolean;
  raisedBy: boolean;
  resolvedBy: boolean;
  attachments: boolean;
}

export function disputePageParts(nodes: Selection | undefined): DisputePageParts {
  return {
    statement: asks(nodes, 'statement'),
    distributor: asks(nodes?.statement, 'distributor'),
    line: asks(nodes, 'line'),
    disputes: asks(nodes?.line, 'dispute') || asks(nodes?.statement, 'disputes'),
    raisedBy: asks(nodes, 'raisedBy'),
    resolvedBy: asks(nodes, 'resolvedBy'),
    attachments: asks(nodes, 'attachments'),
  };
}

export interface DisputeNode {
  dispute: StatementDispute;
  parts: DisputePageParts;
  statement: Statement | null;
  distributor: Distributor | null;
  line: StatementLine | null;
  disputes: StatementDispute[] | undefined;
  raisedBy: User | null;
  resolvedBy: User | null;
  attachments: DisputeAttachment[] | undefined;
}

interface NodeJson {
  row: Json;
  statement?: { row: Json; distributor?: Json | null } | null;
  line?: Json | null;
  disputes?: Json[];
  raisedBy?: Json | null;
  resolvedBy?: Json | null;
  attachments?: Json[];
}

/** The page's node over dispute `x`, for paginateTree. */
export function disputePageTree(ds: DataSource, scope: Scope, parts: DisputePageParts): PageTree<DisputeNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the statement, its lines and disputes as their loaders read them: within a statement the viewer may read
  const ofVisibleStatement = (alias: string) =>
    `${alias}.statement_id = x.statement_id AND EXISTS (SELECT 1 FROM statement ${alias}s WHERE ${alias}s.id = ${alias}.statement_id AND ${inScope('finance', `${alias}s`)})`;
  const node = fields([
    ['row', row(StatementDispute, 'x')],
    parts.statement && [
      'statement',
      `(SELECT ${fields([
        ['row', row(Statement, 'xs')],
        parts.distributor && [
          'distributor',
          one(Distributor, 'distributor', 'xsd', 'xs.distributor_id', 'distributor'),
        ],
      ])} FROM statement xs WHERE xs.id = x.statement_id AND ${inScope('finance', 'xs')})`,
    ],
    parts.line && [
      'line',
      `(SELECT ${row(StatementLine, 'xl')} FROM statement_line xl WHERE xl.id = x.statement_line_id AND ${ofVisibleStatement('xl')})`,
    ],
    parts.disputes && [
      'disputes',
      list(
        row(StatementDispute, 'xd'),
        `statement_dispute xd WHERE ${ofVisibleStatement('xd')}`,
        'xd.created_at, xd.id',
      ),
    ],
    parts.raisedBy && ['raisedBy', one(User, 'app_user', 'xrb', 'x.raised_by', 'user')],
    parts.resolvedBy && ['resolvedBy', one(User, 'app_user', 'xrv', 'x.resolved_by', 'user')],
    // the dispute is in view (its statement is), so its evidence is
    parts.attachments && [
      'attachments',
      list(
        row(DisputeAttachment, 'xa'),
        'statement_dispute_attachment xa WHERE xa.dispute_id = x.id',
        'xa.created_at, xa.id',
      ),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        dispute: fromJsonRow(ds, StatementDispute, n.row),
        parts,
        statement: entity(Statement, n.statement?.row),
        distributor: entity(Distributor, n.statement?.distributor),
        line: entity(StatementLine, n.line),
        disputes: n.disputes?.map((d) => fromJsonRow(ds, StatementDispute, d)),
        raisedBy: entity(User, n.raisedBy),
        resolvedBy: entity(User, n.resolvedBy),
        attachments: n.attachments?.map((a) => fromJsonRow(ds, DisputeAttachment, a)),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the disputes. */
export function primeDisputePage(loaders: Loaders, nodes: DisputeNode[]): StatementDispute[] {
  return nodes.map((n) => {
    const d = n.dispute;
    const { parts } = n;
    if (parts.statement) loaders.statementById.prime(d.statementId, n.statement);
    if (parts.distributor && n.statement) loaders.distributorById.prime(n.statement.distributorId, n.distributor);
    if (parts.line) loaders.statementLineById.prime(d.statementLineId, n.line);
    if (n.disputes) loaders.disputesByStatementId.prime(d.statementId, n.disputes);
    if (parts.raisedBy) loaders.userById.prime(d.raisedBy, n.raisedBy);
    if (parts.resolvedBy && d.resolvedBy) loaders.userById.prime(d.resolvedBy, n.resolvedBy);
    if (n.attachments) loaders.attachmentsByDisputeId.prime(d.id, n.attachments);
    return d;
  });
}
