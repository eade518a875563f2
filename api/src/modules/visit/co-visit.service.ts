import { DataSource, EntityManager } from 'typeorm';
import {
  type AuditAction,
  CO_VISIT_TRANSITIONS,
  CoVisitStatus,
  ErrorCode,
  ErrorReason,
  NotificationKind,
  Side,
} from '@medchannel/shared-schema';
import { visibleIds } from '../../auth/scoped-ids';
import { Scope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, badInput, illegal, notAParticipant, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { assertVersion } from '../../common/versioning';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { NotificationService } from '../notification';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from './co-visit.entity';
import {
  AcceptCoVisitSlotArgs,
  CoVisitMoveArgs,
  CoVisitSlotInput,
  ProposeCoVisitInput,
  ProposeCoVisitSlotArgs,
  ReasonedCoVisitMoveArgs,
} from './co-visit.inputs';
import { checkInOpen, refuseOverlaps } from './co-visit-schedule';
import type { CoVisitQueryService } from './co-visit-query.service';
import { namedPeople } from '../user';
import { visibleDistributor } from '../distributor';
import { visiblePlace } from '../hospital';

const MAX_SLOT_HOURS = 12;

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
    private readonly queries: CoVisitQueryService,
    private readonly notifications: NotificationService,
  ) {}

  async propose(scope: Scope, input: ProposeCoVisitInput): Promise<CoVisit> {
    const { idempotencyKey, confirmOverlap, ...plan } = input;
    const write: IdempotentWrite<CoVisit> = {
      hash: fingerprint({ ...plan, slots: plan.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]) }),
      constraint: 'co_visit_idempotency',
      earlier: (em) => em.findOne(CoVisit, { where: { proposedBy: scope.userId, idempotencyKey } }),
      reused: () => keyReused(KEY_REUSED),
    };
    plan.slots.forEach((s, i) => checkSlot(s, `slots.${i}`));
    const id = await idempotent(this.ds, write, (em) =>
      replayOrInsert(em, write, async () => {
        const distributorId = plan.distributorId ?? (scope.side === Side.PARTNER ? scope.distributorId : null);
        if (!distributorId) throw badInput('distributorId', 'Choose the distributor whose rep goes along');
        const distributor = await visibleDistributor(em, scope, distributorId);
        await visiblePlace(em, scope, plan.hospitalId, plan.departmentId, plan.contactIds);
        const productIds = await visibleIds(em, scope, 'product', plan.productIds, 'productIds');
        const people = await namedPeople(
          em,
          scope,
          [scope.userId, ...plan.participantIds],
          distributor.id,
          'participantIds',
        );
        if (!people.some((p) => p.side === Side.BRAND) || !people.some((p) => p.side === Side.PARTNER)) {
          throw badInput('participantIds', 'A co-visit takes someone from the brand and someone from the distributor');
        }
        if (!confirmOverlap)
          await refuseOverlaps(
            em,
            scope,
            people.map((p) => p.id),
            plan.slots,
            'slots',
            null,
          );
        const side = scope.side;
        const visit = await em.save(
          em.create(CoVisit, {
            brandId: scope.brandId,
            distributorId: distributor.id,
            hospitalId: plan.hospitalId,
            departmentId: plan.departmentId ?? null,
            contactIds: [...new Set(plan.contactIds)],
            productIds,
            goal: plan.goal.trim(),
            status: CoVisitStatus.PROPOSED,
            awaitingSide: otherSide(side),
            confirmedSlotId: null,
            startsAt: earliest(plan.slots),
            checkedInAt: null,
            cancelReason: null,
            cancelledBy: null,
            proposedBy: scope.userId,
            idempotencyKey,
            requestHash: write.hash,
          }),
        );
        await em.insert(
          CoVisitSlot,
          plan.slots.map((s) => ({
            brandId: scope.brandId,
            coVisitId: visit.id,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            proposedBy: scope.userId,
            proposedSide: side,
          })),
        );
        await em.insert(
          CoVisitParticipant,
          people.map((p) => ({
            brandId: scope.brandId,
            coVisitId: visit.id,
            userId: p.id,
            side: p.side,
            checkedInAt: null,
          })),
        );
        await audit(em, scope, 'PROPOSE_CO_VISIT', 'co_visit', visit.id, {
          distributorId: distributor.id,
          hospitalId: plan.hospitalId,
          goal: visit.goal,
          participants: people.map((p) => p.id),
          slots: plan.slots.map((s) => [s.startsAt.toISOString(), s.endsAt.toISOString()]),
        });
        await this.tell(em, scope, visit, NotificationKind.CO_VISIT_PROPOSED);
        return visit.id;
      }),
    );
    return this.queries.get(scope, id);
  }

  /** The awaited side takes one of the times the other side offered. */
  accept(scope: Scope, args: AcceptCoVisitSlotArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit) => {
      this.refuseUnlessMyTurn(scope, visit);
      const slot = await em.findOne(CoVisitSlot, { where: { id: args.slotId, coVisitId: visit.id } });
      if (!slot) throw notFound('Slot');
      if (slot.proposedSide === scope.side) throw badInput('slotId', 'Accept a time the other side offered');
      if (!args.confirmOverlap)
        await refuseOverlaps(em, scope, await this.peopleOn(em, visit), [slot], 'slotId', visit.id);
      await this.move(
        em,
        scope,
        visit,
        CoVisitStatus.CONFIRMED,
        'CONFIRM_CO_VISIT',
        { confirmedSlotId: slot.id, startsAt: slot.startsAt, awaitingSide: null },
        { slotId: slot.id },
      );
      await this.tell(em, scope, visit, NotificationKind.CO_VISIT_CONFIRMED);
    });
  }

  /** The awaited side offers another time; the plan stays PROPOSED and now awaits the other side. */
  proposeSlot(scope: Scope, args: ProposeCoVisitSlotArgs): Promise<CoVisit> {
    checkSlot(args.slot, 'slot');
    return this.act(scope, args, async (em, visit) => {
      this.refuseUnlessMyTurn(scope, visit);
      if (!args.confirmOverlap)
        await refuseOverlaps(em, scope, await this.peopleOn(em, visit), [args.slot], 'slot', visit.id);
      await em.insert(CoVisitSlot, {
        brandId: visit.brandId,
        coVisitId: visit.id,
        startsAt: args.slot.startsAt,
        endsAt: args.slot.endsAt,
        proposedBy: scope.userId,
        proposedSide: scope.side,
      });
      await this.move(
        em,
        scope,
        visit,
        CoVisitStatus.PROPOSED,
        'PROPOSE_CO_VISIT_SLOT',
        { awaitingSide: otherSide(scope.side), startsAt: args.slot.startsAt },
        {
          slot: [args.slot.startsAt.toISOString(), args.slot.endsAt.toISOString()],
        },
      );
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
    return this.act(
      scope,
      args,
      async (em, visit, me) => {
        if (visit.status !== CoVisitStatus.CONFIRMED)
          throw illegal(`Check in to a confirmed visit; this one is ${visit.status}`);
        const now = this.clock();
        if (!checkInOpen(visit.startsAt, now)) {
          throw new AppError(
            ErrorCode.CONFLICT,
            'Check in on the day of the visit (China time)',
            undefined,
            ErrorReason.NOT_VISIT_DAY,
          );
        }
        await em.update(CoVisitParticipant, { id: me.id }, { checkedInAt: now });
        await this.move(
          em,
          scope,
          visit,
          CoVisitStatus.CONFIRMED,
          'CHECK_IN_CO_VISIT',
          visit.checkedInAt ? {} : { checkedInAt: now },
          { at: now.toISOString() },
          true,
        );
      },
      (visit, me) => visit.status === CoVisitStatus.CONFIRMED && me.checkedInAt !== null,
    );
  }

  /** After the visit: DONE. Someone must have checked in at the hospital first. */
  complete(scope: Scope, args: CoVisitMoveArgs): Promise<CoVisit> {
    return this.act(scope, args, async (em, visit) => {
      if (visit.status === CoVisitStatus.CONFIRMED && !visit.checkedInAt)
        throw illegal('Check in at the hospital before marking the visit done');
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
      const [visit] = isUuid(args.id)
        ? await this.queries
            .scoped(scope, em)
            .andWhere('cv.id = :id', { id: args.id })
            .setLock('pessimistic_write')
            .getMany()
        : [];
      if (!visit) throw notFound('Co-visit');
      const me = await em.findOne(CoVisitParticipant, { where: { coVisitId: visit.id, userId: scope.userId } });
      if (!me) throw notAParticipant('co-visit');
      if (alreadyDone?.(visit, me)) return visit.id;
      assertVersion(visit, args.expectedVersion, 'co-visit');
      await run(em, visit, me);
      return visit.id;
    });
    return this.queries.get(scope, id);
  }

  /** Whether the viewer may check in to the visit now: confirmed, and today is its day. */
  checkInOpen(visit: CoVisit): boolean {
    return visit.status === CoVisitStatus.CONFIRMED && checkInOpen(visit.startsAt, this.clock());
  }

  private async peopleOn(em: EntityManager, visit: CoVisit): Promise<string[]> {
    return (await em.find(CoVisitParticipant, { where: { coVisitId: visit.id } })).map((p) => p.userId);
  }

  private refuseUnlessMyTurn(scope: Scope, visit: CoVisit): void {
    if (visit.status !== CoVisitStatus.PROPOSED)
      throw illegal(`This co-visit is ${visit.status}, no longer open to answers`);
    if (visit.awaitingSide !== scope.side) throw illegal('The other side has not answered your proposal yet');
  }

  private async cancelled(
    em: EntityManager,
    scope: Scope,
    visit: CoVisit,
    reason: string,
    action: AuditAction,
  ): Promise<void> {
    const why = reason.trim();
    if (why.length < 2) throw badInput('reason', 'Say why, so the other side knows');
    await this.move(
      em,
      scope,
      visit,
      CoVisitStatus.CANCELLED,
      action,
      { cancelReason: why, cancelledBy: scope.userId, awaitingSide: null },
      { reason: why },
    );
    await this.tell(em, scope, visit, NotificationKind.CO_VISIT_CANCELLED, { reason: why });
  }

  private async move(
    em: EntityManager,
    scope: Scope,
    visit: CoVisit,
    to: CoVisitStatus,
    action: AuditAction,
    changes: Partial<CoVisit>,
    extra: Record<string, unknown> = {},
    stay = false,
  ): Promise<void> {
    const from = visit.status;
    if (!stay && !CO_VISIT_TRANSITIONS[from].includes(to))
      throw illegal(`A co-visit that is ${from} cannot become ${to}`);
    Object.assign(visit, changes, { status: to });
    await em.save(visit);
    await audit(em, scope, action, 'co_visit', visit.id, {
      ...(from !== to ? { status: { from, to } } : {}),
      ...extra,
    });
  }

  /** Tells every other participant; the notice names the plan, never more than its time. */
  private async tell(
    em: EntityManager,
    scope: Scope,
    visit: CoVisit,
    kind: NotificationKind,
    params: Record<string, string> = {},
  ): Promise<void> {
    const others = await em.find(CoVisitParticipant, { where: { coVisitId: visit.id } });
    // while the plan is open, every time on offer (the calendar's first is not the only one)
    const slots =
      visit.status === CoVisitStatus.PROPOSED
        ? (await em.find(CoVisitSlot, { where: { coVisitId: visit.id }, order: { startsAt: 'ASC', id: 'ASC' } })).map(
            (s) => `${s.startsAt.toISOString()}/${s.endsAt.toISOString()}`,
          )
        : [];
    await this.notifications.notify(em, {
      brandId: visit.brandId,
      userIds: others.map((p) => p.userId).filter((u) => u !== scope.userId),
      kind,
      entity: 'co_visit',
      entityId: visit.id,
      params: {
        startsAt: visit.startsAt.toISOString(),
        ...(slots.length ? { slots: slots.join(',') } : {}),
        ...params,
      },
    });
  }
}

function checkSlot(slot: CoVisitSlotInput, field: string): void {
  const hours = (slot.endsAt.getTime() - slot.startsAt.getTime()) / 3_600_000;
  if (!(hours > 0)) throw badInput(field, 'A slot ends after it starts');
  if (hours > MAX_SLOT_HOURS) throw badInput(field, `A slot is at most ${MAX_SLOT_HOURS} hours`);
}

const otherSide = (side: Side): Side => (side === Side.BRAND ? Side.PARTNER : Side.BRAND);

const earliest = (slots: CoVisitSlotInput[]) => new Date(Math.min(...slots.map((s) => s.startsAt.getTime())));

/** A visit's key used before for another plan, note or comment. */
export const KEY_REUSED = 'This request key was already used for a different request';
