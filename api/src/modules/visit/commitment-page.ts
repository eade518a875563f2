import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { User } from '../user';
import { visitPerson } from './co-visit-page';
import { VisitCommitment } from './visit-note.entity';
import {
  VisitNoteNode,
  VisitNotePageParts,
  primeVisitNotePage,
  visitNotePageParts,
  visitNotePageTree,
} from './visit-note-page';

/**
 * A page of commitments (the owner's inbox, a head's disputed queue) with what each row names: who
 * answered and who resolved it, and the note it was made in through the visit-note pages' own tree,
 * built with the page in one statement (paginateTree). The page's commitments hang off notes the
 * scope's `visitNote` rule lets the viewer read; the note is read under that same condition, as
 * from its loader. The request's loaders are primed with it, so the field resolvers answer from memory.
 */
export interface CommitmentPageParts {
  answeredBy: boolean;
  resolvedBy: boolean;
  note: VisitNotePageParts | null;
}

export function commitmentPageParts(nodes: Selection | undefined): CommitmentPageParts {
  return {
    answeredBy: asks(nodes, 'answeredBy'),
    resolvedBy: asks(nodes, 'resolvedBy'),
    note: asks(nodes, 'note') ? visitNotePageParts(nodes?.note) : null,
  };
}

export interface CommitmentNode {
  commitment: VisitCommitment;
  parts: CommitmentPageParts;
  answeredBy: User | null;
  resolvedBy: User | null;
  note: VisitNoteNode | null;
}

interface NodeJson {
  row: Json;
  answeredBy?: Json | null;
  resolvedBy?: Json | null;
  note?: Json | null;
}

/** The page's node over commitment `c`, for paginateTree. */
export function commitmentPageTree(ds: DataSource, scope: Scope, parts: CommitmentPageParts): PageTree<CommitmentNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, fields, inScope, entity } = kit;
  // the note as the visit-note pages read it (their tree over alias `vn`), in one sub-select
  const note = parts.note && visitNotePageTree(ds, scope, parts.note);
  if (note) Object.assign(kit.params, note.params);
  const node = fields([
    ['row', row(VisitCommitment, 'c')],
    parts.answeredBy && ['answeredBy', visitPerson(kit, 'cab', 'c.answered_by')],
    parts.resolvedBy && ['resolvedBy', visitPerson(kit, 'crb', 'c.resolved_by')],
    !!note && [
      'note',
      `(SELECT ${note.node} FROM visit_note vn WHERE vn.id = c.note_id AND ${inScope('visitNote', 'vn')})`,
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        commitment: fromJsonRow(ds, VisitCommitment, n.row),
        parts,
        answeredBy: entity(User, n.answeredBy),
        resolvedBy: entity(User, n.resolvedBy),
        note: note && n.note ? note.read(n.note) : null,
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the commitments. */
export function primeCommitmentPage(loaders: Loaders, nodes: CommitmentNode[]): VisitCommitment[] {
  return nodes.map((n) => {
    const c = n.commitment;
    const { parts } = n;
    if (parts.answeredBy && c.answeredBy) loaders.visitPersonById.prime(c.answeredBy, n.answeredBy);
    if (parts.resolvedBy && c.resolvedBy) loaders.visitPersonById.prime(c.resolvedBy, n.resolvedBy);
    if (parts.note) {
      loaders.visitNoteById.prime(c.noteId, n.note?.note ?? null);
      if (n.note) primeVisitNotePage(loaders, [n.note]);
    }
    return c;
  });
}
