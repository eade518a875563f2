import { DataSource, EntityManager } from 'typeorm';
import { CoVisitStatus, Side } from '@medchannel/shared-schema';
import { badInput, notFound } from '../../common/errors';
import { audit } from '../../common/audit';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { Scope, applyScope } from '../../auth/scope';
import { CoVisit } from '../visit';
import type { PeopleService } from './people.service';

const OPEN = [CoVisitStatus.PROPOSED, CoVisitStatus.CONFIRMED];

/**
 * What a person who leaves still holds, for whoever manages him to hand to someone else: the open
 * co-visits he is on (proposed or confirmed), within the viewer's own view of co-visits. His
 * orders and notes stay his.
 */
export class HandoverService {
  constructor(
    private readonly ds: DataSource,
    private readonly people: PeopleService,
  ) {}

  private open(em: EntityManager, scope: Scope, userId: string) {
    return applyScope(em.getRepository(CoVisit).createQueryBuilder('c'), scope, 'coVisit')
      .andWhere('c.status IN (:...open)', { open: OPEN })
      .andWhere('EXISTS (SELECT 1 FROM co_visit_participant hp WHERE hp.co_visit_id = c.id AND hp.user_id = :holder)', {
        holder: userId,
      });
  }

  async holdings(scope: Scope, userId: string, page: PageArgs): Promise<Page<CoVisit>> {
    const user = await this.people.managed(this.ds.manager, scope, userId, false);
    return paginate(this.open(this.ds.manager, scope, user.id), page, [
      { column: 'c.starts_at', value: (c) => c.startsAt.toISOString() },
      { column: 'c.id', value: (c) => c.id },
    ]);
  }

  /**
   * Hands open co-visits (all of them without ids) from one person to another of the same side
   * (a partner: of the same company), who takes his place on each; answers how many moved.
   */
  async handOver(scope: Scope, fromUserId: string, toUserId: string, coVisitIds: string[] | null): Promise<number> {
    return this.ds.transaction(async (em) => {
      const from = await this.people.managed(em, scope, fromUserId, true);
      const to = await this.people.managed(em, scope, toUserId, true, 'toUserId', true);
      if (
        to.id === from.id ||
        to.disabledAt ||
        to.side !== from.side ||
        (from.side === Side.PARTNER && to.distributorId !== from.distributorId)
      )
        throw badInput('toUserId', 'Choose an active colleague of the same company');
      const held = await this.open(em, scope, from.id).getMany();
      const ids = coVisitIds ?? held.map((c) => c.id);
      if (!ids.every(isUuid) || ids.some((id) => !held.some((c) => c.id === id))) throw notFound('Co-visit');
      for (const id of new Set(ids)) {
        const taken = await em.query(`SELECT 1 FROM co_visit_participant WHERE co_visit_id = $1 AND user_id = $2`, [
          id,
          to.id,
        ]);
        if (taken.length)
          await em.query(`DELETE FROM co_visit_participant WHERE co_visit_id = $1 AND user_id = $2`, [id, from.id]);
        else
          await em.query(
            `UPDATE co_visit_participant SET user_id = $3, checked_in_at = NULL, updated_at = now() WHERE co_visit_id = $1 AND user_id = $2`,
            [id, from.id, to.id],
          );
        await audit(em, scope, 'HAND_OVER', 'co_visit', id, { from: from.id, to: to.id });
      }
      await audit(em, scope, 'HAND_OVER', 'user', from.id, { to: to.id, coVisits: ids.length });
      return new Set(ids).size;
    });
  }
}
