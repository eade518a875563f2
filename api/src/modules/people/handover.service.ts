import { DataSource, EntityManager } from 'typeorm';
import { CoVisitStatus, NotificationKind, Side } from '@medchannel/shared-schema';
import { badInput, notFound } from '../../common/errors';
import { audit } from '../../common/audit';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import type { NotificationService } from '../notification';
import type { User } from '../user';
import { CoVisit, VisitTask } from '../visit';
import type { PeopleService } from './people.service';

const OPEN = [CoVisitStatus.PROPOSED, CoVisitStatus.CONFIRMED];

/** What one hand-over moved. */
export interface HandedOver {
  coVisits: number;
  tasks: number;
}

/**
 * What a person who leaves still holds, for whoever manages him to hand to someone else: the open
 * co-visits he is on (proposed or confirmed) and his open follow-up tasks, each within the
 * viewer's own view (co-visits he sees, tasks of notes he reads). His orders and notes stay his.
 * Drafts are kept on the person's device (the portal's local drafts), so the server holds none.
 */
export class HandoverService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
    private readonly notifications: NotificationService,
  ) {}

  private open(em: EntityManager, scope: Scope, userId: string) {
    return applyScope(em.getRepository(CoVisit).createQueryBuilder('c'), scope, 'coVisit')
      .andWhere('c.status IN (:...open)', { open: OPEN })
      .andWhere('EXISTS (SELECT 1 FROM co_visit_participant hp WHERE hp.co_visit_id = c.id AND hp.user_id = :holder)', {
        holder: userId,
      });
  }

  /** Open tasks of `userId` on notes the viewer reads. */
  private openTasks(em: EntityManager, scope: Scope, userId: string) {
    const notes = scopeCondition(scope, 'visitNote', 'hn');
    return em
      .getRepository(VisitTask)
      .createQueryBuilder('t')
      .where('t.owner_id = :holder AND t.done_at IS NULL', { holder: userId })
      .andWhere(`t.note_id IN (SELECT hn.id FROM visit_note hn WHERE ${notes.sql})`, notes.params);
  }

  async holdings(scope: Scope, userId: string, page: PageArgs): Promise<Page<CoVisit>> {
    const user = await this.people.managed(this.ds.manager, scope, userId, false);
    return paginate(this.open(this.ds.manager, scope, user.id), page, [
      { column: 'c.starts_at', value: (c) => c.startsAt.toISOString() },
      { column: 'c.id', value: (c) => c.id },
    ]);
  }

  /** His open follow-up tasks, oldest first. */
  async taskHoldings(scope: Scope, userId: string, page: PageArgs): Promise<Page<VisitTask>> {
    const user = await this.people.managed(this.ds.manager, scope, userId, false);
    return paginate(this.openTasks(this.ds.manager, scope, user.id), page, [
      { column: 't.created_at', value: (t) => t.createdAt.toISOString() },
      { column: 't.id', value: (t) => t.id },
    ]);
  }

  /** Hands open co-visits (all of them without ids) only; answers how many moved. */
  async handOver(scope: Scope, fromUserId: string, toUserId: string, coVisitIds: string[] | null): Promise<number> {
    return (await this.handOverWork(scope, { fromUserId, toUserId, coVisitIds, taskIds: [] })).coVisits;
  }

  /**
   * Hands open co-visits and tasks (all of each kind without ids; none with an empty list) from one
   * person to another of the same side (a partner: of the same company), who takes his place on
   * each and is told. Sent again, what already moved is skipped (the recipient holds it): nothing
   * moves twice, nothing is told twice.
   */
  async handOverWork(
    scope: Scope,
    input: { fromUserId: string; toUserId: string; coVisitIds: string[] | null; taskIds: string[] | null },
  ): Promise<HandedOver> {
    return this.ds.transaction(async (em) => {
      const from = await this.people.managed(em, scope, input.fromUserId, true);
      const to = await this.people.managed(em, scope, input.toUserId, true, 'toUserId', true);
      if (
        to.id === from.id ||
        to.disabledAt ||
        to.side !== from.side ||
        (from.side === Side.PARTNER && to.distributorId !== from.distributorId)
      )
        throw badInput('toUserId', 'Choose an active colleague of the same company');
      const coVisits = await this.moveCoVisits(em, scope, from, to, input.coVisitIds);
      const tasks = await this.moveTasks(em, scope, from, to, input.taskIds);
      await audit(em, scope, 'HAND_OVER', 'user', from.id, { to: to.id, coVisits, tasks });
      return { coVisits, tasks };
    });
  }

  /** Ids asked for that neither person holds (or the viewer may not see) answer NOT_FOUND; those the recipient holds already are done. */
  private chosen(asked: string[] | null, held: string[], taken: () => Promise<string[]>, what: string) {
    if (asked === null) return Promise.resolve(held);
    const ids = [...new Set(asked)];
    if (!ids.every(isUuid)) throw notFound(what);
    const rest = ids.filter((id) => !held.includes(id));
    if (!rest.length) return Promise.resolve(ids);
    return taken().then((done) => {
      if (rest.some((id) => !done.includes(id))) throw notFound(what);
      return ids.filter((id) => held.includes(id));
    });
  }

  private async moveCoVisits(em: EntityManager, scope: Scope, from: User, to: User, asked: string[] | null) {
    const held = await this.open(em, scope, from.id).getMany();
    const ids = await this.chosen(
      asked,
      held.map((c) => c.id),
      async () => (await this.open(em, scope, to.id).getMany()).map((c) => c.id),
      'Co-visit',
    );
    const moving = held.filter((c) => ids.includes(c.id));
    for (const visit of moving) {
      const taken = await em.query(`SELECT 1 FROM co_visit_participant WHERE co_visit_id = $1 AND user_id = $2`, [
        visit.id,
        to.id,
      ]);
      if (taken.length)
        await em.query(`DELETE FROM co_visit_participant WHERE co_visit_id = $1 AND user_id = $2`, [visit.id, from.id]);
      else
        await em.query(
          `UPDATE co_visit_participant SET user_id = $3, checked_in_at = NULL, updated_at = now() WHERE co_visit_id = $1 AND user_id = $2`,
          [visit.id, from.id, to.id],
        );
      await audit(em, scope, 'HAND_OVER', 'co_visit', visit.id, { from: from.id, to: to.id });
      await this.notifications.notify(em, {
        brandId: scope.brandId,
        userIds: [to.id],
        kind:
          visit.status === CoVisitStatus.CONFIRMED
            ? NotificationKind.CO_VISIT_CONFIRMED
            : NotificationKind.CO_VISIT_PROPOSED,
        entity: 'co_visit',
        entityId: visit.id,
        params: { startsAt: visit.startsAt.toISOString() },
      });
    }
    return moving.length;
  }

  private async moveTasks(em: EntityManager, scope: Scope, from: User, to: User, asked: string[] | null) {
    const held = await this.openTasks(em, scope, from.id).setLock('pessimistic_write').getMany();
    const ids = await this.chosen(
      asked,
      held.map((t) => t.id),
      async () => (await this.openTasks(em, scope, to.id).getMany()).map((t) => t.id),
      'Task',
    );
    const moving = held.filter((t) => ids.includes(t.id));
    if (!moving.length) return 0;
    const [actor] = await em.query(`SELECT display_name FROM app_user WHERE id = $1`, [scope.userId]);
    for (const task of moving) {
      // the note's readers are its author and CC list: the recipient joins it to read what he now owns
      await em.query(
        `INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (note_id, user_id) DO NOTHING`,
        [task.brandId, task.noteId, to.id, scope.userId],
      );
      await em.query(`UPDATE visit_task SET owner_id = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
        task.id,
        to.id,
      ]);
      await audit(em, scope, 'HAND_OVER', 'visit_note', task.noteId, { taskId: task.id, from: from.id, to: to.id });
    }
    for (const noteId of new Set(moving.map((t) => t.noteId)))
      await this.notifications.notify(em, {
        brandId: scope.brandId,
        userIds: [to.id],
        kind: NotificationKind.VISIT_TASK_ASSIGNED,
        entity: 'visit_note',
        entityId: noteId,
        params: { author: actor.display_name },
      });
    return moving.length;
  }
}
