import { DataSource, EntityManager } from 'typeorm';
import { CoVisitStatus, NoteVisibility, NotificationKind, Role, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { badInput, illegal, notAParticipant, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { today } from '../../common/dates';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { NotificationService } from '../notification';
import { User } from '../user';
import { CoVisit, CoVisitParticipant } from './co-visit.entity';
import { VisitNote, VisitNoteCc, VisitTask, VisitCommitment } from './visit-note.entity';
import { WriteVisitNoteInput } from './visit-note.inputs';
import { namedPeople } from '../user';
import { visibleDistributor } from '../distributor';
import { visiblePlace } from '../hospital';
import { KEY_REUSED } from './co-visit.service';
import type { VisitNoteService } from './visit-note.service';

/**
 * Writing a visit note: solo or reporting on a co-visit, with its CC list, tasks and commitments,
 * once per request key; everyone CC'd is told. Reading and the note's follow-ups (more CC,
 * comments, ticking tasks) are VisitNoteService's.
 */
export class VisitNoteWritingService {
  constructor(
    private readonly ds: DataSource,
    private readonly notes: VisitNoteService,
    private readonly notifications: NotificationService,
  ) {}

  async write(scope: Scope, input: WriteVisitNoteInput): Promise<VisitNote> {
    const { idempotencyKey, ...draft } = input;
    const write: IdempotentWrite<VisitNote> = {
      hash: fingerprint(draft),
      constraint: 'visit_note_idempotency',
      earlier: (em) => em.findOne(VisitNote, { where: { authorId: scope.userId, idempotencyKey } }),
      reused: () => keyReused(KEY_REUSED),
    };
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, () => this.insert(em, scope, draft, idempotencyKey, write.hash)),
    );
    return this.notes.get(scope, id);
  }

  private async insert(
    em: EntityManager,
    scope: Scope,
    draft: Omit<WriteVisitNoteInput, 'idempotencyKey'>,
    idempotencyKey: string,
    hash: string,
  ): Promise<string> {
    let { hospitalId, departmentId, contactIds, distributorId } = draft;
    if (draft.coVisitId) {
      const visit = await this.reportedVisit(em, scope, draft.coVisitId);
      if (hospitalId && hospitalId !== visit.hospitalId)
        throw badInput('hospitalId', 'The note is about the co-visit’s hospital');
      if (distributorId && distributorId !== visit.distributorId)
        throw badInput('distributorId', 'The note is about the co-visit’s distributor');
      hospitalId = visit.hospitalId;
      distributorId = visit.distributorId;
      departmentId ??= visit.departmentId;
      if (!contactIds.length) contactIds = visit.contactIds;
    }
    if (!hospitalId) throw badInput('hospitalId', 'Choose the hospital visited');
    await visiblePlace(em, scope, hospitalId, departmentId, contactIds);
    if (distributorId) await visibleDistributor(em, scope, distributorId);
    const internal = draft.visibility === NoteVisibility.INTERNAL;
    const cc = await namedPeople(
      em,
      scope,
      draft.ccUserIds.filter((u) => u !== scope.userId),
      distributorId ?? null,
      'ccUserIds',
      internal,
    );
    this.checkCommitments(draft, cc, distributorId ?? null);
    const readers = new Set([scope.userId, ...cc.map((c) => c.id)]);
    const tasks = draft.tasks.map((t, i) => {
      const ownerId = t.ownerId ?? scope.userId;
      if (!readers.has(ownerId))
        throw badInput(`tasks.${i}.ownerId`, 'A task goes to the author or someone on the CC list');
      return { ...t, ownerId };
    });
    const note = await em.save(
      em.create(VisitNote, {
        brandId: scope.brandId,
        authorId: scope.userId,
        coVisitId: draft.coVisitId ?? null,
        hospitalId,
        departmentId: departmentId ?? null,
        contactIds: [...new Set(contactIds)],
        distributorId: distributorId ?? null,
        visibility: draft.visibility,
        visitedOn: draft.visitedOn ?? today(),
        outcome: draft.outcome.trim(),
        nextSteps: draft.nextSteps?.trim() || null,
        idempotencyKey,
        requestHash: hash,
      }),
    );
    const base = { brandId: scope.brandId, noteId: note.id };
    if (cc.length)
      await em.insert(
        VisitNoteCc,
        cc.map((u) => ({ ...base, userId: u.id, addedBy: scope.userId })),
      );
    if (tasks.length) {
      await em.insert(
        VisitTask,
        tasks.map((t, i) => ({
          ...base,
          itemNo: i + 1,
          title: t.title.trim(),
          ownerId: t.ownerId,
          dueOn: t.dueOn ?? null,
          doneAt: null,
          doneBy: null,
        })),
      );
    }
    if (draft.commitments.length) {
      await em.insert(
        VisitCommitment,
        draft.commitments.map((c, i) => ({
          ...base,
          itemNo: i + 1,
          kind: c.kind,
          description: c.description.trim(),
          amount: c.amount ?? null,
          currency: c.currency ?? null,
          dueOn: c.dueOn ?? null,
          status: 'OPEN' as VisitCommitment['status'],
        })),
      );
    }
    await audit(em, scope, 'WRITE_VISIT_NOTE', 'visit_note', note.id, {
      visibility: note.visibility,
      hospitalId,
      distributorId: distributorId ?? null,
      coVisitId: note.coVisitId,
      cc: cc.map((u) => u.id),
      tasks: tasks.length,
      commitments: draft.commitments.map((c) => ({
        kind: c.kind,
        amount: c.amount ?? null,
        currency: c.currency ?? null,
      })),
    });
    const author = await em.findOneByOrFail(User, { id: scope.userId });
    const params = { author: author.displayName, visitedOn: note.visitedOn };
    await this.notifications.notify(em, {
      brandId: scope.brandId,
      userIds: cc.map((u) => u.id),
      kind: NotificationKind.VISIT_NOTE_CC,
      entity: 'visit_note',
      entityId: note.id,
      params,
    });
    const assignees = tasks.map((t) => t.ownerId).filter((u) => u !== scope.userId);
    await this.notifications.notify(em, {
      brandId: scope.brandId,
      userIds: assignees,
      kind: NotificationKind.VISIT_TASK_ASSIGNED,
      entity: 'visit_note',
      entityId: note.id,
      params,
    });
    return note.id;
  }

  /** A note reports on a co-visit its author took part in, once it is confirmed or done. */
  private async reportedVisit(em: EntityManager, scope: Scope, coVisitId: string): Promise<CoVisit> {
    const visit = isUuid(coVisitId)
      ? await applyScope(em.getRepository(CoVisit).createQueryBuilder('cv'), scope, 'coVisit')
          .andWhere('cv.id = :id', { id: coVisitId })
          .getOne()
      : null;
    if (!visit) throw notFound('Co-visit');
    if (!(await em.count(CoVisitParticipant, { where: { coVisitId, userId: scope.userId } })))
      throw notAParticipant('co-visit');
    if (![CoVisitStatus.CONFIRMED, CoVisitStatus.DONE].includes(visit.status))
      throw illegal(`Write the note once the visit is confirmed; it is ${visit.status}`);
    return visit;
  }

  /**
   * Commitments are promises the distributor must see: only in a SHARED note about a distributor
   * that CCs its owner, whose inbox holds them until answered. Amounts are exact, with a currency.
   */
  private checkCommitments(
    draft: Omit<WriteVisitNoteInput, 'idempotencyKey'>,
    cc: User[],
    distributorId: string | null,
  ): void {
    if (!draft.commitments.length) return;
    if (draft.visibility !== NoteVisibility.SHARED)
      throw badInput('commitments', 'Commitments go in a shared note, so the distributor’s owner can answer them');
    if (!distributorId) throw badInput('distributorId', 'Name the distributor the commitments are made with');
    if (!cc.some((u) => u.role === Role.OWNER && u.side === Side.PARTNER)) {
      throw badInput('ccUserIds', 'CC the distributor’s owner: commitments wait in their inbox until answered');
    }
    draft.commitments.forEach((c, i) => {
      if ((c.amount == null) !== (c.currency == null))
        throw badInput(`commitments.${i}.amount`, 'An amount goes with its currency');
    });
  }
}
