import { DataSource, EntityManager } from 'typeorm';
import { CoVisitStatus, MAX_CALENDAR_DAYS } from '@medchannel/shared-schema';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { addDays, daysBetween } from '../../common/dates';
import { Page, PageArgs, listTree, paginateTree } from '../../common/pagination';
import { withinRegion } from '../region';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import { MyCoVisitsArgs, TeamCoVisitFilter } from './co-visit.inputs';
import { CoVisitNode, CoVisitPageParts, coVisitPageTree } from './co-visit-page';

/** A calendar day in China time as a timestamptz bound. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

/**
 * Reading co-visit plans inside the viewer's scope: one plan, the loaders' batches, the viewer's
 * week calendar and a regional head's team view. The plan's moves are CoVisitService's.
 */
export class CoVisitQueryService {
  constructor(private readonly ds: DataSource) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(CoVisit).createQueryBuilder('cv'), scope, 'coVisit');
  }

  private ofVisible(scope: Scope, column: string) {
    const { sql, params } = scopeCondition(scope, 'coVisit', 'vcv');
    return { sql: `${column} IN (SELECT vcv.id FROM co_visit vcv WHERE ${sql})`, params };
  }

  async get(scope: Scope, id: string): Promise<CoVisit> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('cv.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Co-visit');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<CoVisit[]> {
    return this.scoped(scope).andWhere('cv.id = ANY(:ids)', { ids }).getMany();
  }

  slotsByCoVisitIds(scope: Scope, ids: readonly string[]): Promise<CoVisitSlot[]> {
    const visible = this.ofVisible(scope, 's.co_visit_id');
    return this.ds
      .getRepository(CoVisitSlot)
      .createQueryBuilder('s')
      .where('s.co_visit_id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .orderBy('s.starts_at')
      .addOrderBy('s.id')
      .getMany();
  }

  participantsByCoVisitIds(scope: Scope, ids: readonly string[]): Promise<CoVisitParticipant[]> {
    const visible = this.ofVisible(scope, 'p.co_visit_id');
    return this.ds
      .getRepository(CoVisitParticipant)
      .createQueryBuilder('p')
      .where('p.co_visit_id = ANY(:ids)', { ids })
      .andWhere(visible.sql, visible.params)
      .orderBy('p.side')
      .addOrderBy('p.created_at')
      .addOrderBy('p.id')
      .getMany();
  }

  /** The viewer's own plans in a date range (China time), for a week calendar: confirmed ones on their day, proposed ones on any day offered. */
  mine(scope: Scope, args: MyCoVisitsArgs, parts: CoVisitPageParts): Promise<CoVisitNode[]> {
    // each plan with the `parts` the calendar asks of it, in one statement (co-visit-page.ts)
    return listTree(this.mineQuery(scope, args), 'cv.starts_at, cv.id', 500, coVisitPageTree(this.ds, scope, parts));
  }

  /** The viewer's own plans in the range, before ordering (the home page counts those awaiting the viewer's answer). */
  mineQuery(scope: Scope, args: MyCoVisitsArgs) {
    const span = daysBetween(args.from, args.to);
    if (span < 0) throw badInput('to', 'The range ends before it starts');
    if (span > MAX_CALENDAR_DAYS) throw badInput('to', `Ask for at most ${MAX_CALENDAR_DAYS} days at a time`);
    const range = { from: dayStart(args.from), to: dayStart(addDays(args.to, 1)) };
    return this.scoped(scope)
      .andWhere('EXISTS (SELECT 1 FROM co_visit_participant mp WHERE mp.co_visit_id = cv.id AND mp.user_id = :me)', {
        me: scope.userId,
      })
      .andWhere(
        `((cv.starts_at >= :from AND cv.starts_at < :to)
        OR (cv.status = '${CoVisitStatus.PROPOSED}' AND EXISTS (SELECT 1 FROM co_visit_slot ms WHERE ms.co_visit_id = cv.id AND ms.starts_at >= :from AND ms.starts_at < :to)))`,
        range,
      );
  }

  /**
   * A regional head's (or admin's) view of the team's plans: their own and those of the people they
   * manage; each row with the `parts` the request asks of it, in one statement (co-visit-page.ts).
   */
  team(
    scope: Scope,
    page: PageArgs,
    filter: TeamCoVisitFilter = {},
    parts: CoVisitPageParts,
  ): Promise<Page<CoVisitNode>> {
    const qb = this.scoped(scope);
    if (filter.from) qb.andWhere('cv.starts_at >= :from', { from: dayStart(filter.from) });
    if (filter.to) qb.andWhere('cv.starts_at < :to', { to: dayStart(addDays(filter.to, 1)) });
    if (filter.statuses?.length) qb.andWhere('cv.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.userId)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM co_visit_participant tp WHERE tp.co_visit_id = cv.id AND tp.user_id = :userId)',
        { userId: filter.userId },
      );
    if (filter.regionId)
      qb.andWhere(`cv.hospital_id IN (SELECT th.id FROM hospital th WHERE ${withinRegion('th.region_id')})`, {
        regionId: filter.regionId,
      });
    return paginateTree(
      qb,
      page,
      [
        { column: 'cv.starts_at', value: (v) => v.startsAt.toISOString() },
        { column: 'cv.id', value: (v) => v.id },
      ],
      'ASC',
      coVisitPageTree(this.ds, scope, parts),
      (n) => n.coVisit,
    );
  }
}
