import type { DataSource } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Hospital, HospitalContact, HospitalDepartment, placeParts, primePlace } from '../hospital';
import { User } from '../user';
import {
  CoVisitNode,
  CoVisitPageParts,
  coVisitPageParts,
  coVisitPageTree,
  primeCoVisitPage,
  primePeople,
  visitPeople,
  visitPerson,
  type PersonJson,
  type WithPerson,
} from './co-visit-page';
import { VisitAttachment, VisitComment, VisitCommitment, VisitNote, VisitNoteCc, VisitTask } from './visit-note.entity';

/**
 * A page of visit notes with what each row of the lists names (author, hospital with its
 * departments and contacts, distributor, the co-visit through the co-visit pages' own tree, the CC
 * list, tasks, commitments, comments and attachments with the people they name), built with the
 * page in one statement (paginateTree). The page's notes are those the scope's `visitNote` rule
 * lets the viewer read, so their own rows are too; what they name from elsewhere is read under
 * the scope helper's conditions, as from its loader. The request's loaders are primed with it.
 */
export interface VisitNotePageParts {
  author: boolean;
  hospital: boolean;
  departments: boolean;
  contacts: boolean;
  distributor: boolean;
  coVisit: CoVisitPageParts | null;
  /** the CC list, answered with its people */
  cc: boolean;
  tasks: boolean;
  taskOwners: boolean;
  commitments: boolean;
  answeredBy: boolean;
  resolvedBy: boolean;
  comments: boolean;
  commentAuthors: boolean;
  attachments: boolean;
}

export function visitNotePageParts(nodes: Selection | undefined): VisitNotePageParts {
  return {
    author: asks(nodes, 'author'),
    hospital: asks(nodes, 'hospital'),
    departments: asks(nodes, 'department'),
    contacts: asks(nodes, 'contacts'),
    distributor: asks(nodes, 'distributor'),
    coVisit: asks(nodes, 'coVisit') ? coVisitPageParts(nodes?.coVisit) : null,
    cc: asks(nodes, 'cc'),
    tasks: asks(nodes, 'tasks'),
    taskOwners: asks(nodes?.tasks, 'owner'),
    commitments: asks(nodes, 'commitments'),
    answeredBy: asks(nodes?.commitments, 'answeredBy'),
    resolvedBy: asks(nodes?.commitments, 'resolvedBy'),
    comments: asks(nodes, 'comments'),
    commentAuthors: asks(nodes?.comments, 'author'),
    attachments: asks(nodes, 'attachments'),
  };
}

interface Commitment {
  row: VisitCommitment;
  answeredBy: User | null | undefined;
  resolvedBy: User | null | undefined;
}

export interface VisitNoteNode {
  note: VisitNote;
  parts: VisitNotePageParts;
  author: User | null;
  hospital: Hospital | null;
  departments: HospitalDepartment[] | undefined;
  contacts: HospitalContact[] | undefined;
  distributor: Distributor | null;
  coVisit: CoVisitNode | null;
  cc: Array<WithPerson<VisitNoteCc>> | undefined;
  tasks: Array<WithPerson<VisitTask>> | undefined;
  commitments: Commitment[] | undefined;
  comments: Array<WithPerson<VisitComment>> | undefined;
  attachments: VisitAttachment[] | undefined;
}

interface NodeJson {
  row: Json;
  author?: Json | null;
  hospital?: Json | null;
  departments?: Json[];
  contacts?: Json[];
  distributor?: Json | null;
  coVisit?: Json | null;
  cc?: PersonJson[];
  tasks?: PersonJson[];
  commitments?: Array<{ row: Json; answeredBy?: Json | null; resolvedBy?: Json | null }>;
  comments?: PersonJson[];
  attachments?: Json[];
}

/** The page's node over visit note `vn`, for paginateTree. */
export function visitNotePageTree(ds: DataSource, scope: Scope, parts: VisitNotePageParts): PageTree<VisitNoteNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  // the co-visit as the co-visit pages read it (their tree over alias `cv`), in one sub-select
  const coVisit = parts.coVisit && coVisitPageTree(ds, scope, parts.coVisit);
  if (coVisit) Object.assign(kit.params, coVisit.params);
  const { withPerson, people } = visitPeople(ds, kit);
  /** The note's own rows of a kind, in their loader's order. */
  const rowsOf = (expr: string, table: string, alias: string, order: string) =>
    list(expr, `${table} ${alias} WHERE ${alias}.note_id = vn.id`, order);
  const node = fields([
    ['row', row(VisitNote, 'vn')],
    parts.author && ['author', visitPerson(kit, 'vna', 'vn.author_id')],
    parts.hospital && ['hospital', one(Hospital, 'hospital', 'vnh', 'vn.hospital_id', 'hospital')],
    ...placeParts(kit, 'vn.hospital_id', 'vn', parts),
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'vnd', 'vn.distributor_id', 'distributor')],
    !!coVisit && [
      'coVisit',
      `(SELECT ${coVisit.node} FROM co_visit cv WHERE cv.id = vn.co_visit_id AND ${inScope('coVisit', 'cv')})`,
    ],
    parts.cc && [
      'cc',
      rowsOf(
        withPerson(row(VisitNoteCc, 'vnc'), parts.cc, 'vncu', 'vnc.user_id'),
        'visit_note_cc',
        'vnc',
        'vnc.created_at, vnc.id',
      ),
    ],
    parts.tasks && [
      'tasks',
      rowsOf(
        withPerson(row(VisitTask, 'vnt'), parts.taskOwners, 'vntu', 'vnt.owner_id'),
        'visit_task',
        'vnt',
        'vnt.item_no',
      ),
    ],
    parts.commitments && [
      'commitments',
      rowsOf(
        fields([
          ['row', row(VisitCommitment, 'vnm')],
          parts.answeredBy && ['answeredBy', visitPerson(kit, 'vnma', 'vnm.answered_by')],
          parts.resolvedBy && ['resolvedBy', visitPerson(kit, 'vnmr', 'vnm.resolved_by')],
        ]),
        'visit_commitment',
        'vnm',
        'vnm.item_no',
      ),
    ],
    parts.comments && [
      'comments',
      rowsOf(
        withPerson(row(VisitComment, 'vno'), parts.commentAuthors, 'vnou', 'vno.author_id'),
        'visit_comment',
        'vno',
        'vno.created_at, vno.id',
      ),
    ],
    parts.attachments && [
      'attachments',
      rowsOf(row(VisitAttachment, 'vnf'), 'visit_attachment', 'vnf', 'vnf.created_at, vnf.id'),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        note: fromJsonRow(ds, VisitNote, n.row),
        parts,
        author: entity(User, n.author),
        hospital: entity(Hospital, n.hospital),
        departments: n.departments?.map((d) => fromJsonRow(ds, HospitalDepartment, d)),
        contacts: n.contacts?.map((c) => fromJsonRow(ds, HospitalContact, c)),
        distributor: entity(Distributor, n.distributor),
        coVisit: coVisit && n.coVisit ? coVisit.read(n.coVisit) : null,
        cc: people(VisitNoteCc, n.cc),
        tasks: people(VisitTask, n.tasks),
        commitments: n.commitments?.map((c) => ({
          row: fromJsonRow(ds, VisitCommitment, c.row),
          answeredBy: entity(User, c.answeredBy),
          resolvedBy: entity(User, c.resolvedBy),
        })),
        comments: people(VisitComment, n.comments),
        attachments: n.attachments?.map((a) => fromJsonRow(ds, VisitAttachment, a)),
      };
    },
  };
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the notes. */
export function primeVisitNotePage(loaders: Loaders, nodes: VisitNoteNode[]): VisitNote[] {
  return nodes.map((n) => {
    const note = n.note;
    const { parts } = n;
    loaders.visitNoteById.prime(note.id, note);
    if (parts.author) loaders.visitPersonById.prime(note.authorId, n.author);
    if (parts.hospital) loaders.hospitalById.prime(note.hospitalId, n.hospital);
    primePlace(loaders, note.hospitalId, n);
    if (parts.distributor && note.distributorId) loaders.distributorById.prime(note.distributorId, n.distributor);
    if (parts.coVisit && note.coVisitId) {
      loaders.coVisitById.prime(note.coVisitId, n.coVisit?.coVisit ?? null);
      if (n.coVisit) primeCoVisitPage(loaders, [n.coVisit]);
    }
    const byNote = <T>(
      loader: { prime(key: string, rows: T[]): unknown },
      rows: Array<WithPerson<T>> | undefined,
      idOf: (row: T) => string | null,
      asked: boolean,
    ) => {
      if (!rows) return;
      loader.prime(
        note.id,
        rows.map((r) => r.row),
      );
      primePeople(loaders, rows, idOf, asked);
    };
    byNote(loaders.ccByNoteId, n.cc, (c) => c.userId, parts.cc);
    byNote(loaders.tasksByNoteId, n.tasks, (t) => t.ownerId, parts.taskOwners);
    byNote(loaders.commentsByNoteId, n.comments, (c) => c.authorId, parts.commentAuthors);
    if (n.commitments) {
      loaders.commitmentsByNoteId.prime(
        note.id,
        n.commitments.map((c) => c.row),
      );
      for (const c of n.commitments) {
        if (parts.answeredBy && c.row.answeredBy) loaders.visitPersonById.prime(c.row.answeredBy, c.answeredBy ?? null);
        if (parts.resolvedBy && c.row.resolvedBy) loaders.visitPersonById.prime(c.row.resolvedBy, c.resolvedBy ?? null);
      }
    }
    if (n.attachments) loaders.attachmentsByNoteId.prime(note.id, n.attachments);
    return note;
  });
}
