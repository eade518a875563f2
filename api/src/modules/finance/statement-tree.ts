import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, JsonTreeKit, jsonTreeKit, readOneTree } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { User } from '../user';
import { DisputeAttachment, Statement, StatementDispute, StatementLine } from './finance.entity';

/**
 * One statement with what its screen shows, read in ONE statement: PostgreSQL builds the statement,
 * its distributor, lines, disputes (with their lines, evidence and people) and every version of the
 * month (with their disputes, and the lines of the version before for `changes`) as one JSON tree,
 * each part only when the request asks for it. The statement passes the scope helper's `finance`
 * condition in that statement (one the viewer may not see is NOT_FOUND, as StatementService.get
 * answers), and so does every version; the lines and disputes hang off those, as their loaders read
 * them. The rows prime the request's DataLoaders, so the field resolvers (statement-parts.resolver.ts)
 * answer from memory; what the tree does not cover still goes through the loaders. The statements
 * list builds the same node for each row of its page, and primes the loaders the same way
 * (statement-page.ts).
 */
interface DisputeParts {
  line: boolean;
  attachments: boolean;
  raisedBy: boolean;
  resolvedBy: boolean;
}

export interface StatementTreeParts {
  distributor: boolean;
  /** the statement's lines: `lines`, and `changes` against the version before */
  lines: boolean;
  /** the statement's disputes: `disputes`, and each line's `dispute` */
  disputes: boolean;
  dispute: DisputeParts;
  /** every version of the month: `versions`, and the version before for `changes` */
  versions: boolean;
  versionDisputes: boolean;
  versionDispute: DisputeParts;
  /** the lines of the version before (`changes`) */
  previousLines: boolean;
}

const disputeParts = (d: Selection | undefined): DisputeParts => ({
  line: asks(d, 'line'),
  attachments: asks(d, 'attachments'),
  raisedBy: asks(d, 'raisedBy'),
  resolvedBy: asks(d, 'resolvedBy'),
});

/** Which parts of the tree a request's selection under `statement` needs. */
export function statementTreeParts(selection: Selection): StatementTreeParts {
  const changes = asks(selection, 'changes');
  return {
    distributor: asks(selection, 'distributor'),
    lines: asks(selection, 'lines') || changes,
    disputes: asks(selection, 'disputes') || asks(selection.lines, 'dispute'),
    dispute: disputeParts(selection.disputes),
    versions: asks(selection, 'versions') || changes,
    versionDisputes: asks(selection.versions, 'disputes'),
    versionDispute: disputeParts(selection.versions?.disputes),
    previousLines: changes,
  };
}

interface DisputeJson {
  row: Json;
  line?: Json | null;
  attachments?: Json[];
  raisedBy?: Json | null;
  resolvedBy?: Json | null;
}
interface VersionJson {
  row: Json;
  disputes?: DisputeJson[];
  lines?: Json[] | null;
}
interface TreeJson {
  row: Json;
  distributor?: Json | null;
  lines?: Json[];
  disputes?: DisputeJson[];
  versions?: VersionJson[];
}

interface DisputeTree {
  dispute: StatementDispute;
  line: StatementLine | null;
  attachments: DisputeAttachment[] | undefined;
  raisedBy: User | null;
  resolvedBy: User | null;
}

/** One statement's tree as entities, ready for the loaders. */
export interface StatementTree {
  statement: Statement;
  parts: StatementTreeParts;
  distributor: Distributor | null;
  lines: StatementLine[] | undefined;
  disputes: DisputeTree[] | undefined;
  versions:
    | Array<{ statement: Statement; disputes: DisputeTree[] | undefined; lines: StatementLine[] | undefined }>
    | undefined;
}

/** The disputes of statement `statementColumn` (one the viewer may read), aliased from `a`. */
function disputeList(kit: JsonTreeKit, a: string, statementColumn: string, parts: DisputeParts): string {
  const { row, list, fields, one, inScope } = kit;
  const node = fields([
    ['row', row(StatementDispute, a)],
    // as statementLineById reads it: the line, in a statement the viewer may read
    parts.line && [
      'line',
      `(SELECT ${row(StatementLine, `${a}l`)} FROM statement_line ${a}l WHERE ${a}l.id = ${a}.statement_line_id AND EXISTS (SELECT 1 FROM statement ${a}ls WHERE ${a}ls.id = ${a}l.statement_id AND ${inScope('finance', `${a}ls`)}))`,
    ],
    parts.attachments && [
      'attachments',
      list(
        row(DisputeAttachment, `${a}a`),
        `statement_dispute_attachment ${a}a WHERE ${a}a.dispute_id = ${a}.id`,
        `${a}a.created_at, ${a}a.id`,
      ),
    ],
    parts.raisedBy && ['raisedBy', one(User, 'app_user', `${a}rb`, `${a}.raised_by`, 'user')],
    parts.resolvedBy && ['resolvedBy', one(User, 'app_user', `${a}rv`, `${a}.resolved_by`, 'user')],
  ]);
  return list(node, `statement_dispute ${a} WHERE ${a}.statement_id = ${statementColumn}`, `${a}.created_at, ${a}.id`);
}

/**
 * One statement's JSON node over statement `s` (the row of statement(id), or of a page of the list):
 * the parts the request asks for, every version of the month under the scope helper's `finance`
 * condition. The same expression serves statement(id) and the statements list (statement-page.ts).
 */
export function statementNode(kit: JsonTreeKit, parts: StatementTreeParts): string {
  const { row, list, fields, one, inScope } = kit;
  const lines = (alias: string, statementColumn: string) =>
    list(
      row(StatementLine, alias),
      `statement_line ${alias} WHERE ${alias}.statement_id = ${statementColumn}`,
      `${alias}.line_no`,
    );
  const version = fields([
    ['row', row(Statement, 'v')],
    parts.versionDisputes && ['disputes', disputeList(kit, 'vx', 'v.id', parts.versionDispute)],
    parts.previousLines && ['lines', `CASE WHEN v.version = s.version - 1 THEN ${lines('vl', 'v.id')} END`],
  ]);
  return fields([
    ['row', row(Statement, 's')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'sd', 's.distributor_id', 'distributor')],
    parts.lines && ['lines', lines('l', 's.id')],
    parts.disputes && ['disputes', disputeList(kit, 'x', 's.id', parts.dispute)],
    parts.versions && [
      'versions',
      list(
        version,
        `statement v WHERE v.distributor_id = s.distributor_id AND v.period = s.period AND ${inScope('finance', 'v')}`,
        'v.version',
      ),
    ],
  ]);
}

/** A node statementNode built, read back as entities. */
export function statementTreeOf(
  ds: DataSource,
  kit: JsonTreeKit,
  parts: StatementTreeParts,
  json: Json,
): StatementTree {
  const t = json as unknown as TreeJson;
  const { entity } = kit;
  const asLines = (lines: Json[] | null | undefined) => lines?.map((l) => fromJsonRow(ds, StatementLine, l));
  const asDisputes = (disputes: DisputeJson[] | undefined) =>
    disputes?.map((d) => ({
      dispute: fromJsonRow(ds, StatementDispute, d.row),
      line: entity(StatementLine, d.line),
      attachments: d.attachments?.map((a) => fromJsonRow(ds, DisputeAttachment, a)),
      raisedBy: entity(User, d.raisedBy),
      resolvedBy: entity(User, d.resolvedBy),
    }));
  return {
    statement: fromJsonRow(ds, Statement, t.row),
    parts,
    distributor: entity(Distributor, t.distributor),
    lines: asLines(t.lines),
    disputes: asDisputes(t.disputes),
    versions: t.versions?.map((v) => ({
      statement: fromJsonRow(ds, Statement, v.row),
      disputes: asDisputes(v.disputes),
      lines: asLines(v.lines),
    })),
  };
}

/** Reads one statement's tree in the viewer's scope; NOT_FOUND (a malformed id too) as StatementService.get does. */
export async function readStatementTree(
  ds: DataSource,
  scope: Scope,
  id: string,
  parts: StatementTreeParts,
): Promise<StatementTree> {
  const kit = jsonTreeKit(ds, scope);
  const node = statementNode(kit, parts);
  return readOneTree(
    ds,
    scope,
    {
      table: 'statement',
      alias: 's',
      resource: 'finance',
      label: 'Statement',
      id,
      node,
      params: kit.params,
    },
    (tree) => statementTreeOf(ds, kit, parts, tree),
  );
}

function primeDisputes(loaders: Loaders, statementId: string, disputes: DisputeTree[], parts: DisputeParts): void {
  loaders.disputesByStatementId.prime(
    statementId,
    disputes.map((d) => d.dispute),
  );
  for (const { dispute: d, line, attachments, raisedBy, resolvedBy } of disputes) {
    if (parts.line) loaders.statementLineById.prime(d.statementLineId, line);
    if (attachments) loaders.attachmentsByDisputeId.prime(d.id, attachments);
    if (parts.raisedBy) loaders.userById.prime(d.raisedBy, raisedBy);
    if (parts.resolvedBy && d.resolvedBy) loaders.userById.prime(d.resolvedBy, resolvedBy);
  }
}

/**
 * Primes the request's loaders with a tree, so the field resolvers under the statement answer from
 * it; a record the scope hid is primed as null, as its loader would answer. Returns the statement.
 */
export function primeStatementTree(loaders: Loaders, tree: StatementTree): Statement {
  const { statement: s, parts } = tree;
  loaders.statementById.prime(s.id, s);
  if (parts.distributor) loaders.distributorById.prime(s.distributorId, tree.distributor);
  if (tree.lines) loaders.statementLinesByStatementId.prime(s.id, tree.lines);
  if (tree.disputes) primeDisputes(loaders, s.id, tree.disputes, parts.dispute);
  if (tree.versions) {
    loaders.statementVersionsByMonth.prime(
      `${s.distributorId}|${s.period}`,
      tree.versions.map((v) => v.statement),
    );
    for (const v of tree.versions) {
      loaders.statementById.prime(v.statement.id, v.statement);
      if (v.disputes) primeDisputes(loaders, v.statement.id, v.disputes, parts.versionDispute);
      if (v.lines) loaders.statementLinesByStatementId.prime(v.statement.id, v.lines);
    }
  }
  return s;
}
