import type { DataSource, ObjectLiteral } from 'typeorm';
import type { Scope } from '../../auth/scope';
import type { PageTree } from '../../common/pagination';
import { Selection, asks } from '../../common/selection';
import { fromJsonRow } from '../../db/json-rows';
import { Json, JsonTreeKit, jsonTreeKit } from '../../db/json-tree';
import type { Loaders } from '../../schema/loaders';
import { Distributor } from '../distributor';
import { Hospital, HospitalContact, HospitalDepartment, placeParts, primePlace } from '../hospital';
import { Product } from '../product';
import { User } from '../user';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import { VisitNote } from './visit-note.entity';

/**
 * A page of co-visits with what each row of the lists names (distributor, hospital with its
 * departments and contacts, products, slots and participants with their people, who proposed and
 * who cancelled, the notes the viewer may read), built with the page in one statement
 * (paginateTree): each part only when the request's selection asks for it, each record under the
 * scope helper's own condition, so one the viewer may not see reads as null or is left out, as
 * from its loader. A visit note's page reads its co-visit through this same tree. The request's
 * loaders are primed with it, so the field resolvers answer from memory.
 */
export interface CoVisitPageParts {
  distributor: boolean;
  hospital: boolean;
  departments: boolean;
  contacts: boolean;
  products: boolean;
  slots: boolean;
  slotPeople: boolean;
  participants: boolean;
  participantPeople: boolean;
  proposedBy: boolean;
  cancelledBy: boolean;
  notes: boolean;
  noteAuthors: boolean;
}

export function coVisitPageParts(nodes: Selection | undefined): CoVisitPageParts {
  return {
    distributor: asks(nodes, 'distributor'),
    hospital: asks(nodes, 'hospital'),
    departments: asks(nodes, 'department'),
    contacts: asks(nodes, 'contacts'),
    products: asks(nodes, 'products'),
    // the confirmed slot is one of the slots
    slots: asks(nodes, 'slots', 'confirmedSlot'),
    slotPeople: asks(nodes?.slots, 'proposedBy') || asks(nodes?.confirmedSlot, 'proposedBy'),
    // whether it is the viewer's turn is read from the participants
    participants: asks(nodes, 'participants', 'myTurn'),
    participantPeople: asks(nodes?.participants, 'user'),
    proposedBy: asks(nodes, 'proposedBy'),
    cancelledBy: asks(nodes, 'cancelledBy'),
    notes: asks(nodes, 'notes'),
    noteAuthors: asks(nodes?.notes, 'author'),
  };
}

/** A record with the person it names (when the request asks for the person). */
export interface WithPerson<T> {
  row: T;
  person: User | null | undefined;
}

export interface CoVisitNode {
  coVisit: CoVisit;
  parts: CoVisitPageParts;
  distributor: Distributor | null;
  hospital: Hospital | null;
  departments: HospitalDepartment[] | undefined;
  contacts: HospitalContact[] | undefined;
  products: Product[] | undefined;
  slots: Array<WithPerson<CoVisitSlot>> | undefined;
  participants: Array<WithPerson<CoVisitParticipant>> | undefined;
  proposedBy: User | null;
  cancelledBy: User | null;
  notes: Array<WithPerson<VisitNote>> | undefined;
}

/** A record with its person, as withPerson writes it in the tree. */
export interface PersonJson {
  row: Json;
  person?: Json | null;
}
interface NodeJson {
  row: Json;
  distributor?: Json | null;
  hospital?: Json | null;
  departments?: Json[];
  contacts?: Json[];
  products?: Json[];
  slots?: PersonJson[];
  participants?: PersonJson[];
  proposedBy?: Json | null;
  cancelledBy?: Json | null;
  notes?: PersonJson[];
}

/**
 * A person named on a visit (`idColumn`), as the visit loaders read people: within the viewer's
 * brand, named only by rows the scope has already allowed.
 */
export const visitPerson = (kit: JsonTreeKit, alias: string, idColumn: string): string =>
  kit.one(User, 'app_user', alias, idColumn, 'brand');

/**
 * The visit pages' people in a tree: `withPerson` writes a record with the person its `idColumn`
 * names (when the request asks for people), `people` reads such records back.
 */
export function visitPeople(ds: DataSource, kit: JsonTreeKit) {
  const withPerson = (rowExpr: string, people: boolean, alias: string, idColumn: string) =>
    kit.fields([['row', rowExpr], people && ['person', visitPerson(kit, alias, idColumn)]]);
  const people = <T extends ObjectLiteral>(
    target: new () => T,
    rows: PersonJson[] | undefined,
  ): Array<WithPerson<T>> | undefined =>
    rows?.map((r) => ({ row: fromJsonRow(ds, target, r.row), person: kit.entity(User, r.person) }));
  return { withPerson, people };
}

/** The page's node over co-visit `cv`, for paginateTree (and for a note's co-visit). */
export function coVisitPageTree(ds: DataSource, scope: Scope, parts: CoVisitPageParts): PageTree<CoVisitNode> {
  const kit = jsonTreeKit(ds, scope);
  const { row, list, fields, one, inScope, entity } = kit;
  const { withPerson, people } = visitPeople(ds, kit);
  const node = fields([
    ['row', row(CoVisit, 'cv')],
    parts.distributor && ['distributor', one(Distributor, 'distributor', 'cvd', 'cv.distributor_id', 'distributor')],
    parts.hospital && ['hospital', one(Hospital, 'hospital', 'cvh', 'cv.hospital_id', 'hospital')],
    ...placeParts(kit, 'cv.hospital_id', 'cv', parts),
    parts.products && [
      'products',
      list(
        row(Product, 'cvpr'),
        `product cvpr WHERE cvpr.id = ANY(cv.product_ids) AND ${inScope('brand', 'cvpr')}`,
        'cvpr.id',
      ),
    ],
    parts.slots && [
      'slots',
      list(
        withPerson(row(CoVisitSlot, 'cvs'), parts.slotPeople, 'cvsu', 'cvs.proposed_by'),
        'co_visit_slot cvs WHERE cvs.co_visit_id = cv.id',
        'cvs.starts_at, cvs.id',
      ),
    ],
    parts.participants && [
      'participants',
      list(
        withPerson(row(CoVisitParticipant, 'cvp'), parts.participantPeople, 'cvpu', 'cvp.user_id'),
        'co_visit_participant cvp WHERE cvp.co_visit_id = cv.id',
        'cvp.side, cvp.created_at, cvp.id',
      ),
    ],
    parts.proposedBy && ['proposedBy', visitPerson(kit, 'cvpb', 'cv.proposed_by')],
    parts.cancelledBy && ['cancelledBy', visitPerson(kit, 'cvcb', 'cv.cancelled_by')],
    // the notes about it the viewer may read, newest visit first, as their loader reads them
    parts.notes && [
      'notes',
      list(
        withPerson(row(VisitNote, 'cvn'), parts.noteAuthors, 'cvna', 'cvn.author_id'),
        `visit_note cvn WHERE cvn.co_visit_id = cv.id AND ${inScope('visitNote', 'cvn')}`,
        'cvn.visited_on DESC, cvn.id DESC',
      ),
    ],
  ]);
  return {
    node,
    params: kit.params,
    read: (json) => {
      const n = json as unknown as NodeJson;
      return {
        coVisit: fromJsonRow(ds, CoVisit, n.row),
        parts,
        distributor: entity(Distributor, n.distributor),
        hospital: entity(Hospital, n.hospital),
        departments: n.departments?.map((d) => fromJsonRow(ds, HospitalDepartment, d)),
        contacts: n.contacts?.map((c) => fromJsonRow(ds, HospitalContact, c)),
        products: n.products?.map((p) => fromJsonRow(ds, Product, p)),
        slots: people(CoVisitSlot, n.slots),
        participants: people(CoVisitParticipant, n.participants),
        proposedBy: entity(User, n.proposedBy),
        cancelledBy: entity(User, n.cancelledBy),
        notes: people(VisitNote, n.notes),
      };
    },
  };
}

/** Primes the visit people loader with the people a tree read (a person outside the brand as null). */
export function primePeople<T>(
  loaders: Loaders,
  rows: Array<WithPerson<T>> | undefined,
  idOf: (row: T) => string | null,
  asked: boolean,
): void {
  if (!asked || !rows) return;
  for (const r of rows) {
    const id = idOf(r.row);
    if (id) loaders.visitPersonById.prime(id, r.person ?? null);
  }
}

/** Primes the request's loaders with a page's nodes (a record the scope hid as null); returns the co-visits. */
export function primeCoVisitPage(loaders: Loaders, nodes: CoVisitNode[]): CoVisit[] {
  return nodes.map((n) => {
    const v = n.coVisit;
    const { parts } = n;
    if (parts.distributor) loaders.distributorById.prime(v.distributorId, n.distributor);
    if (parts.hospital) loaders.hospitalById.prime(v.hospitalId, n.hospital);
    primePlace(loaders, v.hospitalId, n);
    if (n.products) {
      const found = new Map(n.products.map((p) => [p.id, p]));
      for (const id of v.productIds) loaders.productById.prime(id, found.get(id) ?? null);
    }
    if (n.slots) {
      loaders.slotsByCoVisitId.prime(
        v.id,
        n.slots.map((s) => s.row),
      );
      primePeople(loaders, n.slots, (s) => s.proposedBy, parts.slotPeople);
    }
    if (n.participants) {
      loaders.participantsByCoVisitId.prime(
        v.id,
        n.participants.map((p) => p.row),
      );
      primePeople(loaders, n.participants, (p) => p.userId, parts.participantPeople);
    }
    if (parts.proposedBy) loaders.visitPersonById.prime(v.proposedBy, n.proposedBy);
    if (parts.cancelledBy && v.cancelledBy) loaders.visitPersonById.prime(v.cancelledBy, n.cancelledBy);
    if (n.notes) {
      loaders.visitNotesByCoVisitId.prime(
        v.id,
        n.notes.map((note) => note.row),
      );
      for (const note of n.notes) loaders.visitNoteById.prime(note.row.id, note.row);
      primePeople(loaders, n.notes, (note) => note.authorId, parts.noteAuthors);
    }
    return v;
  });
}
