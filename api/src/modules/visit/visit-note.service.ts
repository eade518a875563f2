import { DataSource, EntityManager } from 'typeorm';
import { NoteVisibility, NotificationKind } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, notAParticipant, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginateTree } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { NotificationService } from '../notification';
import { User } from '../user';
import { VisitComment, VisitNote, VisitNoteCc, VisitTask } from './visit-note.entity';
import { CcVisitNoteArgs, CommentOnVisitNoteArgs, SetVisitTaskDoneArgs, VisitNoteFilter } from './visit-note.inputs';
import { namedPeople } from '../user';
import { KEY_REUSED } from './co-visit.service';
import { VisitNoteNode, VisitNotePageParts, visitNotePageTree } from './visit-note-page';

/** `column IN (the visit notes the viewer may see)`, for rows that hang off a note. */
export function ofVisibleNotes(scope: Scope, column: string): { sql: string; params: Record<string, unknown> } {
  const { sql, params } = scopeCondition(scope, 'visitNote', 'vvn');
  return { sql: `${column} IN (SELECT vvn.id FROM visit_note vvn WHERE ${sql})`, params };
}

/**
 * The note's readers who are told about it: its author and CC list (the chain reads, but is not
 * pinged). The CC rows are the note's as the viewer's scope reads it (the viewer has the note in view).
 */
async function noteAudience(em: EntityManager, scope: Scope, note: VisitNote): Promise<string[]> {
  const visible = ofVisibleNotes(scope, 'c.note_id');
  const cc = await em
    .getRepository(VisitNoteCc)
    .createQueryBuilder('c')
    .where('c.note_id = :id', { id: note.id })
    .andWhere(visible.sql, visible.params)
    .getMany();
  return [note.authorId, ...cc.map((c) => c.userId)];
}

/**
 * Visit notes once written (writing one: VisitNoteWritingService): reading them, adding to the CC
 * list, comments and follow-up tasks. Who reads a note is the scope's `visitNote` resource alone; a
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

  /** Newest visits first; each row with the `parts` the request asks of it, in one statement (visit-note-page.ts). */
  list(
    scope: Scope,
    page: PageArgs,
    filter: VisitNoteFilter = {},
    parts: VisitNotePageParts,
  ): Promise<Page<VisitNoteNode>> {
    return paginateTree(
      this.listQuery(scope, filter),
      page,
      [
        { column: 'vn.visited_on', value: (n) => n.visitedOn },
        { column: 'vn.id', value: (n) => n.id },
      ],
      'DESC',
      visitNotePageTree(this.ds, scope, parts),
      (n) => n.note,
    );
  }

  /** The notes list's rows before paging (the global search reads the same). */
  listQuery(scope: Scope, filter: VisitNoteFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.hospitalId) qb.andWhere('vn.hospital_id = :hospitalId', { hospitalId: filter.hospitalId });
    if (filter.distributorId)
      qb.andWhere('vn.distributor_id = :distributorId', { distributorId: filter.distributorId });
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
    return qb;
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
    return this.scoped(scope)
      .andWhere('vn.hospital_id = ANY(:ids)', { ids })
      .orderBy('vn.visited_on', 'DESC')
      .addOrderBy('vn.id', 'DESC')
      .getMany();
  }

  byCoVisitIds(scope: Scope, ids: readonly string[]): Promise<VisitNote[]> {
    return this.scoped(scope)
      .andWhere('vn.co_visit_id = ANY(:ids)', { ids })
      .orderBy('vn.visited_on', 'DESC')
      .addOrderBy('vn.id', 'DESC')
      .getMany();
  }

  /**
   * The people named on visits the viewer may read (author, CC, participants, task owners,
   * commenters), by id within the brand. Only ever called with ids taken from rows the scope has
   * already allowed, so a partner on a CC list sees the names on that list and nothing else.
   */
  people(scope: Scope, ids: readonly string[]): Promise<User[]> {
    return this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.brand_id = :brand AND u.id = ANY(:ids)', { brand: scope.brandId, ids: [...ids] })
      .getMany();
  }

  private rowsOf<T extends VisitNoteCc | VisitTask | VisitComment>(
    scope: Scope,
    entity: new () => T,
    ids: readonly string[],
  ) {
    const visible = ofVisibleNotes(scope, 'x.note_id');
    return this.ds
      .getRepository(entity)
      .createQueryBuilder('x')
      .where('x.note_id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params);
  }

  ccByNoteIds = (scope: Scope, ids: readonly string[]) =>
    this.rowsOf(scope, VisitNoteCc, ids).orderBy('x.created_at').addOrderBy('x.id').getMany();
  tasksByNoteIds = (scope: Scope, ids: readonly string[]) =>
    this.rowsOf(scope, VisitTask, ids).orderBy('x.item_no').getMany();
  commentsByNoteIds = (scope: Scope, ids: readonly string[]) =>
    this.rowsOf(scope, VisitComment, ids).orderBy('x.created_at').addOrderBy('x.id').getMany();

  /** The author adds people to the CC list (an internal note: brand colleagues only); they are told. */
  async cc(scope: Scope, args: CcVisitNoteArgs): Promise<VisitNote> {
    const id = await this.ds.transaction(async (em) => {
      const note = await this.lock(scope, em, args.id);
      if (note.authorId !== scope.userId) throw notAParticipant('note');
      const present = new Set((await em.find(VisitNoteCc, { where: { noteId: note.id } })).map((c) => c.userId));
      const added = (
        await namedPeople(
          em,
          scope,
          args.userIds,
          note.distributorId,
          'userIds',
          note.visibility === NoteVisibility.INTERNAL,
        )
      ).filter((u) => u.id !== note.authorId && !present.has(u.id));
      // everyone named is on the list already (a retry that succeeded): nothing to change
      if (!added.length) return note.id;
      assertVersion(note, args.expectedVersion, 'visit note');
      await em.insert(
        VisitNoteCc,
        added.map((u) => ({ brandId: note.brandId, noteId: note.id, userId: u.id, addedBy: scope.userId })),
      );
      await em.query(`UPDATE visit_note SET version = version + 1, updated_at = now() WHERE id = $1`, [note.id]);
      await audit(em, scope, 'CC_VISIT_NOTE', 'visit_note', note.id, { added: added.map((u) => u.id) });
      const author = await em.findOneByOrFail(User, { id: scope.userId });
      await this.notifications.notify(em, {
        brandId: note.brandId,
        userIds: added.map((u) => u.id),
        kind: NotificationKind.VISIT_NOTE_CC,
        entity: 'visit_note',
        entityId: note.id,
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
    const write: IdempotentWrite<VisitComment> = {
      hash: fingerprint({ noteId: args.noteId, body }),
      constraint: 'visit_comment_idempotency',
      earlier: (em) =>
        em.findOne(VisitComment, { where: { authorId: scope.userId, idempotencyKey: args.idempotencyKey } }),
      reused: () => keyReused(KEY_REUSED),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const note = await this.get(scope, args.noteId, em);
        const comment = await em.save(
          em.create(VisitComment, {
            brandId: note.brandId,
            noteId: note.id,
            authorId: scope.userId,
            body,
            idempotencyKey: args.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await audit(em, scope, 'COMMENT_VISIT_NOTE', 'visit_note', note.id, { commentId: comment.id });
        const commenter = await em.findOneByOrFail(User, { id: scope.userId });
        await this.notifications.notify(em, {
          brandId: note.brandId,
          userIds: (await noteAudience(em, scope, note)).filter((u) => u !== scope.userId),
          kind: NotificationKind.VISIT_NOTE_COMMENTED,
          entity: 'visit_note',
          entityId: note.id,
          params: { author: commenter.displayName, visitedOn: note.visitedOn },
        });
        return comment.id;
      }),
    );
    return this.ds.manager.findOneByOrFail(VisitComment, { id });
  }

  /** The task's owner or the note's author ticks it off (or back on). Asking for the state it is in changes nothing. */
  async setTaskDone(scope: Scope, args: SetVisitTaskDoneArgs): Promise<VisitTask> {
    return this.ds.transaction(async (em) => {
      const visible = ofVisibleNotes(scope, 't.note_id');
      const [task] = isUuid(args.id)
        ? await em
            .getRepository(VisitTask)
            .createQueryBuilder('t')
            .where('t.id = :id', { id: args.id })
            .andWhere(visible.sql, visible.params)
            .setLock('pessimistic_write')
            .getMany()
        : [];
      if (!task) throw notFound('Task');
      const note = await em.findOneByOrFail(VisitNote, { id: task.noteId });
      if (task.ownerId !== scope.userId && note.authorId !== scope.userId) throw notAParticipant('task');
      if (args.done === (task.doneAt !== null)) return task;
      assertVersion(task, args.expectedVersion, 'task');
      Object.assign(task, args.done ? { doneAt: new Date(), doneBy: scope.userId } : { doneAt: null, doneBy: null });
      const saved = await em.save(task);
      await audit(em, scope, args.done ? 'COMPLETE_VISIT_TASK' : 'REOPEN_VISIT_TASK', 'visit_note', note.id, {
        taskId: task.id,
      });
      return saved;
    });
  }

  private async lock(scope: Scope, em: EntityManager, id: string): Promise<VisitNote> {
    const [note] = isUuid(id)
      ? await this.scoped(scope, em).andWhere('vn.id = :id', { id }).setLock('pessimistic_write').getMany()
      : [];
    if (!note) throw notFound('Visit note');
    return note;
  }
}
