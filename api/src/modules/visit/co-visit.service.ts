import { DataSource, EntityManager } from 'typeorm';
import { CO_VISIT_TRANSITIONS, CoVisitStatus, ErrorCode, ErrorReason, MAX_CALENDAR_DAYS, NotificationKind, Side } from '@medchannel/shared-schema';
import { visibleIds } from '../../auth/scoped-ids';
import { Scope, applyScope, scopeCondition } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { addDays, daysBetween } from '../../common/dates';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { withinRegion } from '../region/region.sql';
import { fingerprint, isUniqueViolation } from '../order/order.service';
import type { NotificationService } from '../notification/notification.service';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import {
  AcceptCoVisitSlotArgs, CoVisitMoveArgs, CoVisitSlotInput, MyCoVisitsArgs, ProposeCoVisitInput, ProposeCoVisitSlotArgs, ReasonedCoVisitMoveArgs, TeamCoVisitFilter,
} from './co-visit.inputs';
import { checkInOpen, refuseOverlaps } from './co-visit-schedule';
import { illegal, namedPeople, notAParticipant, otherSide, visibleDistributor, visiblePlace } from './visit-people';

const MAX_SLOT_HOURS = 12;
/** A calendar day in China time as a timestamptz bound. */
const dayStart = (date: string) => `${date}T00:00:00+08:00`;

/**
 * Co-visit plans (陪跑). Either side proposes one or more slots; the other side accepts one,
 * offers another (the plan stays PROPOSED and now awaits the first side) or declines. Every move
 * takes the plan locked at the version the user saw, is refused with ILLEGAL_TRANSITION when the
 * plan is not in a state (or not at the turn) for it, and leaves an audit row and notices to the
 * other participants in the same transaction.
 */
export class CoVisitService {
  /** What "now" is for the visit's day (tests set a fixed one). */
  clock: () => Date = () => new Date();

  constructor(
    private readonly ds: DataSource,
    private readonly notifications: NotificationService,
  ) {}

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
    return this.ds.getRepository(CoVisitSlot).createQueryBuilder('s')
      .where('s.co_visit_id = ANY(:ids)', { ids }).andWhere(visible.sql, visible.params)
      .orderBy('s.starts_at').addOrderBy('s.id').getMany();
  }

  participantsByCoVisitIds(scope: Scope, ids: readonly string[]): Promise<CoVisitParticipant[]> {
    const visible = this.ofVisible(scope, 'p.co_visit_id');
    return this.ds.getRepository(CoVisitParticipant).createQueryBuilder('p')
      .where('p.co_visit_id = ANY(:ids)', { ids }).andWhere(visible.sql, visible.params)
      .orderBy('p.side').addOrderBy('p.created_at').addOrderBy('p.id').getMany();
  }

  /** The viewer's own plans in a date range (China time), for a week calendar: confirmed ones on their day, proposed ones on any day offered. */
  mine(scope: Scope, args: MyCoVisitsArgs): Promise<CoVisit[]> {
    const span = daysBetween(args.from, args.to);
    if (span < 0) throw badInput('to', 'The range ends before it starts');
    if (span > MAX_CALENDAR_DAYS) throw badInput('to', `Ask for at most ${MAX_CALENDAR_DAYS} days at a time`);
    const range = { from: dayStart(args.from), to: dayStart(addDays(args.to, 1)) };
    return this.scoped(scope)
      .andWhere('EXISTS (SELECT 1 FROM co_visit_participant mp WHERE mp.co_visit_id = cv.id AND mp.user_id = :me)', { me: scope.userId })
      .andWhere(`((cv.starts_at >= :from AND cv.starts_at < :to)
        OR (cv.status = '${CoVisitStatus.PROPOSED}' AND EXISTS (SELECT 1 FROM co_visit_slot ms WHERE ms.co_visit_id = cv.id AND ms.starts_at >= :from AND ms.starts_at < :to)))`, range)
      .orderBy('cv.starts_at').addOrderBy('cv.id').limit(500).getMany();
  }

  /** A regional head's (or admin's) view of the team's plans: their own and those of the people they manage. */
  team(scope: Scope, page: PageArgs, filter: TeamCoVisitFilter = {}): Promise<Page<CoVisit>> {
    const qb = this.scoped(scope);
    if (filter.from) qb.andWhere('cv.starts_at >= :from', { from: dayStart(filter.from) });
    if (filter.to) qb.andWhere('cv.starts_at < :to', { to: dayStart(addDays(filter.to, 1)) });
    if (filter.statuses?.length) qb.andWhere('cv.status = ANY(:statuses)', { statuses: filter.statuses });
    if (filter.userId) qb.andWhere('EXISTS (SELECT 1 FROM co_visit_participant tp WHERE tp.co_visit_id = cv.id AND tp.user_id = :userId)', { userId: filter.userId });
    if (filter.regionId) qb.andWhere(`cv.hospital_id IN (SELECT th.id FROM hospital th WHERE ${withinRegion('th.region_id')})`, { regionId: filter.regionId });
    return paginate(qb, page, [
      { column: 'cv.starts_at', value: (v) => v.startsAt.toISOString() },
      { column: 'cv.id', value: (v) => v.id },
    ]);
  }

  async propose(scope: Scope, input: ProposeCoVisitInput): Promise<CoVisit> {
    const { idempotencyKey, confirmOverlap, ...plan } = input;
    const hash = fingerprint({ ...plan, slots: plan.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]) });
    plan.slots.forEach((s, i) => checkSlot(s, `slots.${i}`));
    try {
      const id = await this.ds.transaction(async (em) => {
        const earlier = await em.findOne(CoVisit, { where: { proposedBy: scope.userId, idempotencyKey } });
        if (earlier) return replayed(earlier, hash);
        const distributorId = plan.distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
        if (!distributorId) throw badInput('distributorId', 'Choose the distributor whose rep goes along');
        const distributor = await visibleDistributor(em, scope, distributorId);
        await visiblePlace(em, scope, plan.hospitalId, plan.departmentId, plan.contactIds);
        const productIds = await visibleIds(em, scope, 'product', plan.productIds, 'productIds');
        const people = await namedPeople(em, scope, [scope.userId, ...plan.participantIds], distributor.id, 'participantIds');
        if (!people.some((p) => p.side === Side.BRAND) || !people.some((p) => p.side === Side.PARTNER)) {
          throw badInput('participantIds', 'A co-visit takes someone from the brand and someone from the distributor');
        }
        if (!confirmOverlap) await refuseOverlaps(em, scope, people.map((p) => p.id), plan.slots, 'slots', null);
        const side = scope.side;
        const visit = await em.save(em.create(CoVisit, {
          brandId: scope.brandId, distributorId: distributor.id, hospitalId: plan.hospitalId, departmentId: plan.departmentId ?? null,
          contactIds: [...new Set(plan.contactIds)], productIds, goal: plan.goal.trim(), status: CoVisitStatus.PROPOSED, awaitingSide: otherSide(side),
          confirmedSlotId: null, startsAt: earliest(plan.slots), checkedInAt: null, cancelReason: null, cancelledBy: null,
          proposedBy: scope.userId, idempotencyKey, requestHash: hash,
        }));
        await em.insert(CoVisitSlot, plan.slots.map((s) => ({ brandId: scope.brandId, coVisitId: visit.id, startsAt: s.startsAt, endsAt: s.endsAt, proposedBy: scope.userId, proposedSide: side })));
        await em.insert(CoVisitParticipant, people.map((p) => ({ brandId: scope.brandId, coVisitId: visit.id, userId: p.id, side: p.side, checkedInAt: null })));
        await audit(em, scope, 'PROPOSE_CO_VISIT', 'co_visit', visit.id, {
          distributorId: distributor.id, hospitalId: plan.hospitalId, goal: visit.goal, participants: people.map((p) => p.id),
          slots: plan.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]),
        });
        await this.tell(em, scope, visit, NotificationKind.CO_VISIT_PROPOSED);
        return visit.id;
      });
      return this.get(scope, id);
    } catch (err) {
      if (!isUniqueViolation(err, 'co_visit_idempotency')) throw err;
      const earlier = await this.ds.manager.findOneOrFail(CoVisit, { where: { proposedBy: scope.userId, idempotencyKey } });
      return this.get(scope, replayed(earlier, hash));
    }
  }

  /** The awaited side takes one of the times the other side offered. */
  accept(scope: Scope, args: AcceptCoVisitSlotArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit) => {
      this.refuseUnlessMyTurn(scope, visit);
      const slot = await em.findOne(CoVisitSlot, { where: { id: args.slotId, coVisitId: visit.id } });
      if (!slot) throw notFound('Slot');
      if (slot.proposedSide === scope.side) throw badInput('slotId', 'Accept a time the other side offered');
      if (!args.confirmOverlap) await refuseOverlaps(em, scope, await this.peopleOn(em, visit), [slot], 'slotId', visit.id);
      await this.move(em, scope, visit, CoVisitStatus.CONFIRMED, 'CONFIRM_CO_VISIT', { confirmedSlotId: slot.id, startsAt: slot.startsAt, awaitingSide: null }, { slotId: slot.id });
      await this.tell(em, scope, visit, NotificationKind.CO_VISIT_CONFIRMED);
    });
  }

  /** The awaited side offers another time; the plan stays PROPOSED and now awaits the other side. */
  proposeSlot(scope: Scope, args: ProposeCoVisitSlotArgs): Promise<CoVisit> {
    checkSlot(args.slot, 'slot');
    return this.act(scope, args, async (em, visit) => {
      this.refuseUnlessMyTurn(scope, visit);
      if (!args.confirmOverlap) await refuseOverlaps(em, scope, await this.peopleOn(em, visit), [args.slot], 'slot', visit.id);
      await em.insert(CoVisitSlot, { brandId: visit.brandId, coVisitId: visit.id, startsAt: args.slot.startsAt, endsAt: args.slot.endsAt, proposedBy: scope.userId, proposedSide: scope.side });
      await this.move(em, scope, visit, CoVisitStatus.PROPOSED, 'PROPOSE_CO_VISIT_SLOT', { awaitingSide: otherSide(scope.side), startsAt: args.slot.startsAt }, {
        slot: [args.slot.startsAt.toISOString(), args.slot.endsAt.toISOString()],
      });
      await this.tell(em, scope, visit, NotificationKind.CO_VISIT_SLOT_PROPOSED);
    });
  }

  /** The awaited side says no: CANCELLED, with the reason. */
  decline(scope: Scope, args: ReasonedCoVisitMoveArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit) => {
      this.refuseUnlessMyTurn(scope, visit);
      await this.cancelled(em, scope, visit, args.reason, 'DECLINE_CO_VISIT');
    });
  }

  /** Any participant calls off a plan that has not happened yet (a proposer withdrawing, or a confirmed visit that cannot take place). */
  cancel(scope: Scope, args: ReasonedCoVisitMoveArgs): Promise<CoVisit> {
    return this.act(scope, args, (em, visit) => this.cancelled(em, scope, visit, args.reason, 'CANCEL_CO_VISIT'));
  }

  /** At the hospital: records the participant's check-in time (and the plan's first). A retry after it succeeded changes nothing. */
  async checkIn(scope: Scope, args: CoVisitMoveArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit, me) => {
      if (visit.status !== CoVisitStatus.CONFIRMED) throw illegal(`Check in to a confirmed visit; this one is ${visit.status}`);
      const now = this.clock();
      if (!checkInOpen(visit.startsAt, now)) {
        throw new AppError(ErrorCode.CONFLICT, 'Check in on the day of the visit (China time)', undefined, ErrorReason.NOT_VISIT_DAY);
      }
      await em.update(CoVisitParticipant, { id: me.id }, { checkedInAt: now });
      await this.move(em, scope, visit, CoVisitStatus.CONFIRMED, 'CHECK_IN_CO_VISIT', visit.checkedInAt ? {} : { checkedInAt: now }, { at: now.toISOString() }, true);
    }, (visit, me) => visit.status === CoVisitStatus.CONFIRMED && me.checkedInAt !== null);
  }

  /** After the visit: DONE. Someone must have checked in at the hospital first. */
  complete(scope: Scope, args: CoVisitMoveArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit) => {
      if (visit.status === CoVisitStatus.CONFIRMED && !visit.checkedInAt) throw illegal('Check in at the hospital before marking the visit done');
      await this.move(em, scope, visit, CoVisitStatus.DONE, 'COMPLETE_CO_VISIT', {});
    });
  }

  /**
   * Runs one participant's move on the plan, locked at the version they saw. `alreadyDone` lets
   * a retried move that has already happened answer the plan as it is instead of STALE_VERSION.
   */
  private async act(
    scope: Scope,
    args: CoVisitMoveArgs,
    run: (em: EntityManager, visit: CoVisit, me: CoVisitParticipant) => Promise<void>,
    alreadyDone?: (visit: CoVisit, me: CoVisitParticipant) => boolean,
  ): Promise<CoVisit> {
    const id = await this.ds.transaction(async (em) => {
      const [visit] = isUuid(args.id) ? await this.scoped(scope, em).andWhere('cv.id = :id', { id: args.id }).setLock('pessimistic_write').getMany() : [];
      if (!visit) throw notFound('Co-visit');
      const me = await em.findOne(CoVisitParticipant, { where: { coVisitId: visit.id, userId: scope.userId } });
      if (!me) throw notAParticipant('co-visit');
      if (alreadyDone?.(visit, me)) return visit.id;
      assertVersion(visit, args.expectedVersion, 'co-visit');
      await run(em, visit, me);
      return visit.id;
    });
    return this.get(scope, id);
  }

  /** Whether the viewer may check in to the visit now: confirmed, and today is its day. */
  checkInOpen(visit: CoVisit): boolean {
    return visit.status === CoVisitStatus.CONFIRMED && checkInOpen(visit.startsAt, this.clock());
  }

  private async peopleOn(em: EntityManager, visit: CoVisit): Promise<string[]> {
    return (await em.find(CoVisitParticipant, { where: { coVisitId: visit.id } })).map((p) => p.userId);
  }

  private refuseUnlessMyTurn(scope: Scope, visit: CoVisit): void {
    if (visit.status !== CoVisitStatus.PROPOSED) throw illegal(`This co-visit is ${visit.status}, no longer open to answers`);
    if (visit.awaitingSide !== scope.side) throw illegal('The other side has not answered your proposal yet');
  }

  private async cancelled(em: EntityManager, scope: Scope, visit: CoVisit, reason: string, action: string): Promise<void> {
    const why = reason.trim();
    if (why.length < 2) throw badInput('reason', 'Say why, so the other side knows');
    await this.move(em, scope, visit, CoVisitStatus.CANCELLED, action, { cancelReason: why, cancelledBy: scope.userId, awaitingSide: null }, { reason: why });
    await this.tell(em, scope, visit, NotificationKind.CO_VISIT_CANCELLED, { reason: why });
  }

  private async move(
    em: EntityManager, scope: Scope, visit: CoVisit, to: CoVisitStatus, action: string, changes: Partial<CoVisit>, extra: Record<string, unknown> = {}, stay = false,
  ): Promise<void> {
    const from = visit.status;
    if (!stay && !CO_VISIT_TRANSITIONS[from].includes(to)) throw illegal(`A co-visit that is ${from} cannot become ${to}`);
    Object.assign(visit, changes, { status: to });
    await em.save(visit);
    await audit(em, scope, action, 'co_visit', visit.id, { ...(from !== to ? { status: { from, to } } : {}), ...extra });
  }

  /** Tells every other participant; the notice names the plan, never more than its time. */
  private async tell(em: EntityManager, scope: Scope, visit: CoVisit, kind: NotificationKind, params: Record<string, string> = {}): Promise<void> {
    const others = await em.find(CoVisitParticipant, { where: { coVisitId: visit.id } });
    // while the plan is open, every time on offer (the calendar's first is not the only one)
    const slots = visit.status === CoVisitStatus.PROPOSED
      ? (await em.find(CoVisitSlot, { where: { coVisitId: visit.id }, order: { startsAt: 'ASC', id: 'ASC' } })).map((s) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`)
      : [];
    await this.notifications.notify(em, {
      brandId: visit.brandId, userIds: others.map((p) => p.userId).filter((u) => u !== scope.userId), kind, entity: 'co_visit', entityId: visit.id,
      params: { startsAt: visit.startsAt.toISOString(), ...(slots.length ? { slots: slots.join(',') } : {}), ...params },
    });
  }
}

function checkSlot(slot: CoVisitSlotInput, field: string): void {
  const hours = (slot.endsAt.getTime() - slot.startsAt.getTime()) / 3_600_000;
  if (!(hours > 0)) throw badInput(field, 'A slot ends after it starts');
  if (hours > MAX_SLOT_HOURS) throw badInput(field, `A slot is at most ${MAX_SLOT_HOURS} hours`);
}

const earliest = (slots: CoVisitSlotInput[]) => new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));

function replayed(earlier: { id: string; requestHash: string }, hash: string): string {
  if (earlier.requestHash !== hash) {
    throw new AppError(ErrorCode.CONFLICT, 'This request key was already used for a different request', 'idempotencyKey', ErrorReason.IDEMPOTENCY_KEY_REUSED);
  }
  return earlier.id;
}

export { replayed };
