import { DataSource, EntityManager } from 'typeorm';
import { CoVisitStatus, NoteVisibility, NotificationKind, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { today } from '../../common/dates';
import { Page, PageArgs, containsPattern, paginate } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { fingerprint, isUniqueViolation } from '../order/order.service';
import type { NotificationService } from '../notification/notification.service';
import { User } from '../user/user.entity';
import { CoVisit, CoVisitParticipant } from './co-visit.entity';
import { VisitComment, VisitNote, VisitNoteCc, VisitTask, VisitCommitment } from './visit-note.entity';
import { CcVisitNoteArgs, CommentOnVisitNoteArgs, SetVisitTaskDoneArgs, VisitNoteFilter, WriteVisitNoteInput } from './visit-note.inputs';
import { illegal, namedPeople, notAParticipant, visibleDistributor, visiblePlace } from './visit-people';
import { replayed } from './co-visit.service';

/** `column IN (the visit notes the viewer may see)`, for rows that hang off a note. */
export function ofVisibleNotes(scope: Scope, column: string): { sql: string; params: Record<string, unknown> } {
  const { sql, params } = scopeCondition(scope, 'visitNote', 'vvn');
  return { sql: `${column} IN (SELECT vvn.id FROM visit_note vvn WHERE ${sql})`, params };
}

/** The note's readers who are told about it: its author and CC list (the chain reads, but is not pinged). */
export async function noteAudience(em: EntityManager, note: VisitNote): Promise<string[]> {
  const cc = await em.find(VisitNoteCc, { where: { noteId: note.id } });
  return [note.authorId, ...cc.map((c) => c.userId)];
}

/**
 * Visit notes: writing one (with its CC list, tasks and commitments), adding to its CC list,
 * comments and follow-up tasks. Who reads a note is the scope's `visitNote` resource alone; a
 * note the viewer may not read answers NOT_FOUND everywhere, and its rows (CC, tasks,
 * commitments, comments, attachments) follow it.
 */
export class VisitNoteService {
  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(VisitNote).createQueryBuilder('vn'), scope, 'visitNote');
  }

  list(scope: Scope, page: PageArgs, filter: VisitNoteFilter = {}): Promise<Page<VisitNote>> {
    const qb = this.scoped(scope);
    if (filter.hospitalId) qb.andWhere('vn.hospital_id = :hospitalId', { hospitalId: filter.hospitalId });
    if (filter.distributorId) qb.andWhere('vn.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.authorId) qb.andWhere('vn.author_id = :authorId', { authorId: filter.authorId });
    if (filter.coVisitId) qb.andWhere('vn.co_visit_id = :coVisitId', { coVisitId: filter.coVisitId });
    if (filter.visibility) qb.andWhere('vn.visibility = :visibility', { visibility: filter.visibility });
    if (filter.from) qb.andWhere('vn.visited_on >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('vn.visited_on <= :to', { to: filter.to });
    if (filter.search?.trim()) {
      qb.andWhere(
        `(vn.outcome ILIKE :s OR vn.next_steps ILIKE :s
          OR EXISTS (SELECT 1 FROM visit_commitment sc WHERE sc.note_id = vn.id AND sc.description ILIKE :s))`,
        { s: containsPattern(filter.search) },
      );
    }
    // newest visits first
    return paginate(qb, page, [
      { column: 'vn.visited_on', value: (n) => n.visitedOn },
      { column: 'vn.id', value: (n) => n.id },
    ], 'DESC');
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<VisitNote> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('vn.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Visit note');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<VisitNote[]> {
    return this.scoped(scope).andWhere('vn.id = ANY(:ids)', { ids }).getMany();
  }

  byHospitalIds(scope: Scope, ids: readonly string[]): Promise<VisitNote[]> {
    return this.scoped(scope).andWhere('vn.hospital_id = ANY(:ids)', { ids }).orderBy('vn.visited_on', 'DESC').addOrderBy('vn.id', 'DESC').getMany();
  }

  byCoVisitIds(scope: Scope, ids: readonly string[]): Promise<VisitNote[]> {
    return this.scoped(scope).andWhere('vn.co_visit_id = ANY(:ids)', { ids }).orderBy('vn.visited_on', 'DESC').addOrderBy('vn.id', 'DESC').getMany();
  }

  /**
   * The people named on visits the viewer may read (author, CC, participants, task owners,
   * commenters), by id within the brand. Only ever called with ids taken from rows the scope has
   * already allowed, so a partner on a CC list sees the names on that list and nothing else.
   */
  people(scope: Scope, ids: readonly string[]): Promise<User[]> {
    return this.ds.getRepository(User).createQueryBuilder('u').where('u.brand_id = :brand AND u.id = ANY(:ids)', { brand: scope.brandId, ids: [...ids] }).getMany();
  }

  private rowsOf<T extends VisitNoteCc | VisitTask | VisitComment>(scope: Scope, entity: new () => T, ids: readonly string[]) {
    const visible = ofVisibleNotes(scope, 'x.note_id');
    return this.ds.getRepository(entity).createQueryBuilder('x').where('x.note_id = ANY(:ids)', { ids }).andWhere(visible.sql, visible.params);
  }

  ccByNoteIds = (scope: Scope, ids: readonly string[]) => this.rowsOf(scope, VisitNoteCc, ids).orderBy('x.created_at').addOrderBy('x.id').getMany();
  tasksByNoteIds = (scope: Scope, ids: readonly string[]) => this.rowsOf(scope, VisitTask, ids).orderBy('x.item_no').getMany();
  commentsByNoteIds = (scope: Scope, ids: readonly string[]) => this.rowsOf(scope, VisitComment, ids).orderBy('x.created_at').addOrderBy('x.id').getMany();

  async write(scope: Scope, input: WriteVisitNoteInput): Promise<VisitNote> {
    const { idempotencyKey, ...draft } = input;
    const hash = fingerprint(draft);
    try {
      const id = await this.ds.transaction(async (em) => {
        const earlier = await em.findOne(VisitNote, { where: { authorId: scope.userId, idempotencyKey } });
        if (earlier) return replayed(earlier, hash);
        return this.insert(em, scope, draft, idempotencyKey, hash);
      });
      return this.get(scope, id);
    } catch (err) {
      if (!isUniqueViolation(err, 'visit_note_idempotency')) throw err;
      const earlier = await this.ds.manager.findOneOrFail(VisitNote, { where: { authorId: scope.userId, idempotencyKey } });
      return this.get(scope, replayed(earlier, hash));
    }
  }

  private async insert(em: EntityManager, scope: Scope, draft: Omit<WriteVisitNoteInput, 'idempotencyKey'>, idempotencyKey: string, hash: string): Promise<string> {
    let { hospitalId, departmentId, contactIds, distributorId } = draft;
    if (draft.coVisitId) {
      const visit = await this.reportedVisit(em, scope, draft.coVisitId);
      if (hospitalId && hospitalId !== visit.hospitalId) throw badInput('hospitalId', 'The note is about the co-visit’s hospital');
      if (distributorId && distributorId !== visit.distributorId) throw badInput('distributorId', 'The note is about the co-visit’s distributor');
      hospitalId = visit.hospitalId;
      distributorId = visit.distributorId;
      departmentId ??= visit.departmentId;
      if (!contactIds.length) contactIds = visit.contactIds;
    }
    if (!hospitalId) throw badInput('hospitalId', 'Choose the hospital visited');
    await visiblePlace(em, scope, hospitalId, departmentId, contactIds);
    if (distributorId) await visibleDistributor(em, scope, distributorId);
    const internal = draft.visibility === NoteVisibility.INTERNAL;
    const cc = await namedPeople(em, scope, draft.ccUserIds.filter((u) => u !== scope.userId), distributorId ?? null, 'ccUserIds', internal);
    this.checkCommitments(draft, cc, distributorId ?? null);
    const readers = new Set([scope.userId, ...cc.map((c) => c.id)]);
    const tasks = draft.tasks.map((t, i) => {
      const ownerId = t.ownerId ?? scope.userId;
      if (!readers.has(ownerId)) throw badInput(`tasks.${i}.ownerId`, 'A task goes to the author or someone on the CC list');
      return { ...t, ownerId };
    });
    const note = await em.save(em.create(VisitNote, {
      brandId: scope.brandId, authorId: scope.userId, coVisitId: draft.coVisitId ?? null, hospitalId, departmentId: departmentId ?? null,
      contactIds: [...new Set(contactIds)], distributorId: distributorId ?? null, visibility: draft.visibility, visitedOn: draft.visitedOn ?? today(),
      outcome: draft.outcome.trim(), nextSteps: draft.nextSteps?.trim() || null, idempotencyKey, requestHash: hash,
    }));
    const base = { brandId: scope.brandId, noteId: note.id };
    if (cc.length) await em.insert(VisitNoteCc, cc.map((u) => ({ ...base, userId: u.id, addedBy: scope.userId })));
    if (tasks.length) {
      await em.insert(VisitTask, tasks.map((t, i) => ({ ...base, itemNo: i + 1, title: t.title.trim(), ownerId: t.ownerId, dueOn: t.dueOn ?? null, doneAt: null, doneBy: null })));
    }
    if (draft.commitments.length) {
      await em.insert(VisitCommitment, draft.commitments.map((c, i) => ({
        ...base, itemNo: i + 1, kind: c.kind, description: c.description.trim(), amount: c.amount ?? null, currency: c.currency ?? null,
        dueOn: c.dueOn ?? null, status: 'OPEN' as VisitCommitment['status'],
      })));
    }
    await audit(em, scope, 'WRITE_VISIT_NOTE', 'visit_note', note.id, {
      visibility: note.visibility, hospitalId, distributorId: distributorId ?? null, coVisitId: note.coVisitId, cc: cc.map((u) => u.id),
      tasks: tasks.length, commitments: draft.commitments.map((c) => ({ kind: c.kind, amount: c.amount ?? null, currency: c.currency ?? null })),
    });
    const author = await em.findOneByOrFail(User, { id: scope.userId });
    const params = { author: author.displayName, visitedOn: note.visitedOn };
    await this.notifications.notify(em, { brandId: scope.brandId, userIds: cc.map((u) => u.id), kind: NotificationKind.VISIT_NOTE_CC, entity: 'visit_note', entityId: note.id, params });
    const assignees = tasks.map((t) => t.ownerId).filter((u) => u !== scope.userId);
    await this.notifications.notify(em, { brandId: scope.brandId, userIds: assignees, kind: NotificationKind.VISIT_TASK_ASSIGNED, entity: 'visit_note', entityId: note.id, params });
    return note.id;
  }

  /** A note reports on a co-visit its author took part in, once it is confirmed or done. */
  private async reportedVisit(em: EntityManager, scope: Scope, coVisitId: string): Promise<CoVisit> {
    const visit = isUuid(coVisitId)
      ? await applyScope(em.getRepository(CoVisit).createQueryBuilder('cv'), scope, 'coVisit').andWhere('cv.id = :id', { id: coVisitId }).getOne()
      : null;
    if (!visit) throw notFound('Co-visit');
    if (!(await em.count(CoVisitParticipant, { where: { coVisitId, userId: scope.userId } }))) throw notAParticipant('co-visit');
    if (![CoVisitStatus.CONFIRMED, CoVisitStatus.DONE].includes(visit.status)) throw illegal(`Write the note once the visit is confirmed; it is ${visit.status}`);
    return visit;
  }

  /**
   * Commitments are promises the distributor must see: only in a SHARED note about a distributor
   * that CCs its owner, whose inbox holds them until answered. Amounts are exact, with a currency.
   */
  private checkCommitments(draft: Omit<WriteVisitNoteInput, 'idempotencyKey'>, cc: User[], distributorId: string | null): void {
    if (!draft.commitments.length) return;
    if (draft.visibility !== NoteVisibility.SHARED) throw badInput('commitments', 'Commitments go in a shared note, so the distributor’s owner can answer them');
    if (!distributorId) throw badInput('distributorId', 'Name the distributor the commitments are made with');
    if (!cc.some((u) => u.role === Role.OWNER && u.side === Side.PARTNER)) {
      throw badInput('ccUserIds', 'CC the distributor’s owner: commitments wait in their inbox until answered');
    }
    draft.commitments.forEach((c, i) => {
      if ((c.amount == null) !== (c.currency == null)) throw badInput(`commitments.${i}.amount`, 'An amount goes with its currency');
    });
  }

  /** The author adds people to the CC list (an internal note: brand colleagues only); they are told. */
  async cc(scope: Scope, args: CcVisitNoteArgs): Promise<VisitNote> {
    const id = await this.ds.transaction(async (em) => {
      const note = await this.lock(scope, em, args.id);
      if (note.authorId !== scope.userId) throw notAParticipant('note');
      const present = new Set((await em.find(VisitNoteCc, { where: { noteId: note.id } })).map((c) => c.userId));
      const added = (await namedPeople(em, scope, args.userIds, note.distributorId, 'userIds', note.visibility === NoteVisibility.INTERNAL))
        .filter((u) => u.id !== note.authorId && !present.has(u.id));
      // everyone named is on the list already (a retry that succeeded): nothing to change
      if (!added.length) return note.id;
      assertVersion(note, args.expectedVersion, 'visit note');
      await em.insert(VisitNoteCc, added.map((u) => ({ brandId: note.brandId, noteId: note.id, userId: u.id, addedBy: scope.userId })));
      await em.query(`UPDATE visit_note SET version = version + 1, updated_at = now() WHERE id = $1`, [note.id]);
      await audit(em, scope, 'CC_VISIT_NOTE', 'visit_note', note.id, { added: added.map((u) => u.id) });
      const author = await em.findOneByOrFail(User, { id: scope.userId });
      await this.notifications.notify(em, {
        brandId: note.brandId, userIds: added.map((u) => u.id), kind: NotificationKind.VISIT_NOTE_CC, entity: 'visit_note', entityId: note.id,
        params: { author: author.displayName, visitedOn: note.visitedOn },
      });
      return note.id;
    });
    return this.get(scope, id);
  }

  /** Anyone who reads the note may comment; the author and CC list are told. A retried comment is written once. */
  async comment(scope: Scope, args: CommentOnVisitNoteArgs): Promise<VisitComment> {
    const body = args.body.trim();
    if (!body) throw badInput('body', 'Write the comment');
    const hash = fingerprint({ noteId: args.noteId, body });
    const run = () => this.ds.transaction(async (em) => {
      const earlier = await em.findOne(VisitComment, { where: { authorId: scope.userId, idempotencyKey: args.idempotencyKey } });
      if (earlier) return em.findOneByOrFail(VisitComment, { id: replayed(earlier, hash) });
      const note = await this.get(scope, args.noteId, em);
      const comment = await em.save(em.create(VisitComment, {
        brandId: note.brandId, noteId: note.id, authorId: scope.userId, body, idempotencyKey: args.idempotencyKey, requestHash: hash,
      }));
      await audit(em, scope, 'COMMENT_VISIT_NOTE', 'visit_note', note.id, { commentId: comment.id });
      const commenter = await em.findOneByOrFail(User, { id: scope.userId });
      await this.notifications.notify(em, {
        brandId: note.brandId, userIds: (await noteAudience(em, note)).filter((u) => u !== scope.userId), kind: NotificationKind.VISIT_NOTE_COMMENTED,
        entity: 'visit_note', entityId: note.id, params: { author: commenter.displayName, visitedOn: note.visitedOn },
      });
      return comment;
    });
    try {
      return await run();
    } catch (err) {
      if (!isUniqueViolation(err, 'visit_comment_idempotency')) throw err;
      return run();
    }
  }

  /** The task's owner or the note's author ticks it off (or back on). Asking for the state it is in changes nothing. */
  async setTaskDone(scope: Scope, args: SetVisitTaskDoneArgs): Promise<VisitTask> {
    return this.ds.transaction(async (em) => {
      const visible = ofVisibleNotes(scope, 't.note_id');
      const [task] = isUuid(args.id)
        ? await em.getRepository(VisitTask).createQueryBuilder('t').where('t.id = :id', { id: args.id }).andWhere(visible.sql, visible.params).setLock('pessimistic_write').getMany()
        : [];
      if (!task) throw notFound('Task');
      const note = await em.findOneByOrFail(VisitNote, { id: task.noteId });
      if (task.ownerId !== scope.userId && note.authorId !== scope.userId) throw notAParticipant('task');
      if (args.done === (task.doneAt !== null)) return task;
      assertVersion(task, args.expectedVersion, 'task');
      Object.assign(task, args.done ? { doneAt: new Date(), doneBy: scope.userId } : { doneAt: null, doneBy: null });
      const saved = await em.save(task);
      await audit(em, scope, args.done ? 'COMPLETE_VISIT_TASK' : 'REOPEN_VISIT_TASK', 'visit_note', note.id, { taskId: task.id });
      return saved;
    });
  }

  private async lock(scope: Scope, em: EntityManager, id: string): Promise<VisitNote> {
    const [note] = isUuid(id) ? await this.scoped(scope, em).andWhere('vn.id = :id', { id }).setLock('pessimistic_write').getMany() : [];
    if (!note) throw notFound('Visit note');
    return note;
  }
}

