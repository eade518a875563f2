import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, MAX_TRIAL_DAYS, TRIAL_TRANSITIONS, TrialStatus } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { visibleId } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, illegal, notFound } from '../../common/errors';
import {
  IdempotentWrite,
  KeyedRow,
  fingerprint,
  earlierByKey,
  idempotent,
  isUniqueViolation,
  keyReused,
  replayOrInsert,
} from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, containsPattern, paginateTree } from '../../common/pagination';
import { assertVersion } from '../../common/versioning';
import { daysBetween, today } from '../../common/dates';
import { Opportunity } from '../opportunity';
import { Trial, TrialEvent, TrialEventKind } from './trial.entity';
import { TrialFilter } from './trial.types';
import { OVERDUE, TrialNode, TrialPageParts, trialPageParts, trialPageTree } from './trial-page';
import {
  CancelTrialInput,
  DeliverTrialInput,
  ExtendTrialInput,
  PlanTrialInput,
  ReturnTrialInput,
} from './trial.inputs';

/**
 * Overdue, over trial `t`: still out (not returned, not cancelled) after its last day, by the
 * business calendar (China): today() is the house's China date, passed in so that every statement
 * of a request judges by the same day.
 */

const serialOnTrial = () =>
  new AppError(
    ErrorCode.CONFLICT,
    'This serial number is on another open trial',
    'serialNumber',
    ErrorReason.SERIAL_ON_TRIAL,
  );

const checkSpan = (from: string, to: string, field: string) => {
  if (to < from) throw badInput(field, 'The last day comes on or after the first');
  if (daysBetween(from, to) > MAX_TRIAL_DAYS) throw badInput(field, `A trial runs at most ${MAX_TRIAL_DAYS} days`);
};

/**
 * Trials (试用) of opportunities, read through the viewer's scope (auth/scope.ts, `trial`: exactly
 * the trials of the opportunities he sees); every change appends an event and an audit row.
 */
export class TrialService {
  constructor(private readonly ds: DataSource) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Trial).createQueryBuilder('t'), scope, 'trial');
  }

  /** A page of the list, each row with what the request asks of it (trial-page.ts), in one statement. */
  list(
    scope: Scope,
    page: PageArgs,
    filter: TrialFilter = {},
    parts: TrialPageParts = trialPageParts(undefined),
  ): Promise<Page<TrialNode>> {
    const qb = this.scoped(scope);
    if (filter.status) qb.andWhere('t.status = :status', { status: filter.status });
    if (filter.opportunityId) qb.andWhere('t.opportunity_id = :opp', { opp: filter.opportunityId });
    if (filter.overdue === true) qb.andWhere(OVERDUE, { trial_today: today() });
    if (filter.overdue === false) qb.andWhere(`NOT ${OVERDUE}`, { trial_today: today() });
    if (filter.mine)
      qb.andWhere(
        `(t.created_by = :me OR t.opportunity_id IN (SELECT mo.id FROM opportunity mo WHERE mo.owner_id = :me))`,
        { me: scope.userId },
      );
    if (filter.search?.trim())
      qb.andWhere(
        `(t.serial_number ILIKE :s OR t.opportunity_id IN (SELECT so.id FROM opportunity so
           JOIN hospital sh ON sh.id = so.hospital_id WHERE so.brand_id = t.brand_id AND sh.name ILIKE :s))`,
        { s: containsPattern(filter.search) },
      );
    return paginateTree(
      qb,
      page,
      [
        { column: "date_trunc('milliseconds', t.created_at)", value: (t) => t.createdAt.toISOString() },
        { column: 't.id', value: (t) => t.id },
      ],
      'DESC',
      trialPageTree(this.ds, scope, parts),
      (n) => n.trial,
    );
  }

  /** The trials of one opportunity the viewer sees (NOT_FOUND otherwise), newest first. */
  async ofOpportunity(scope: Scope, opportunityId: string): Promise<Trial[]> {
    await visibleId(this.ds.manager, scope, 'opportunity', opportunityId, 'opportunityId');
    return this.scoped(scope)
      .andWhere('t.opportunity_id = :opportunityId', { opportunityId })
      .orderBy('t.created_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getMany();
  }

  async get(scope: Scope, id: string): Promise<Trial> {
    const found = isUuid(id) ? await this.scoped(scope).andWhere('t.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Trial');
    return found;
  }

  byIds(scope: Scope, ids: readonly string[]): Promise<Trial[]> {
    return this.scoped(scope).andWhere('t.id = ANY(:ids)', { ids }).getMany();
  }

  /** Which of the trials are overdue today (China), in one statement. */
  async overdueIds(scope: Scope, ids: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.scoped(scope)
      .select('t.id', 'id')
      .andWhere('t.id = ANY(:ids)', { ids })
      .andWhere(OVERDUE, { trial_today: today() })
      .getRawMany();
    return rows.map((r) => r.id);
  }

  /** The opportunities the trials belong to, through the opportunities' own scope. */
  opportunitiesByIds(scope: Scope, ids: readonly string[]): Promise<Opportunity[]> {
    return applyScope(this.ds.getRepository(Opportunity).createQueryBuilder('o'), scope, 'opportunity')
      .andWhere('o.id = ANY(:ids)', { ids })
      .getMany();
  }

  /** Each trial's history, oldest first (through the trials' scope). */
  eventsByTrialIds(scope: Scope, ids: readonly string[]): Promise<TrialEvent[]> {
    const visible = this.scoped(scope).select('t.id').andWhere('t.id = ANY(:ids)', { ids });
    return this.ds
      .getRepository(TrialEvent)
      .createQueryBuilder('e')
      .where(`e.trial_id IN (${visible.getQuery()})`)
      .setParameters(visible.getParameters())
      .orderBy('e.created_at')
      .addOrderBy('e.id')
      .getMany();
  }

  /** A new trial of an opportunity the viewer sees; one open trial per serial; the same request key answers the first. */
  async plan(scope: Scope, input: PlanTrialInput): Promise<Trial> {
    const { idempotencyKey, ...asked } = input;
    const fields = { ...asked, serialNumber: asked.serialNumber.trim().toUpperCase(), protocol: asked.protocol.trim() };
    const write: IdempotentWrite<KeyedRow> = {
      hash: fingerprint(fields),
      constraint: 'trial_request_key',
      earlier: (em) => earlierByKey(em, Trial, 'created_by', scope.userId, idempotencyKey),
      reused: () => keyReused('This request key planned another trial'),
    };
    let id: string;
    try {
      id = await idempotent(this.ds, write, (em) =>
        replayOrInsert(em, write, async () => {
          await visibleId(em, scope, 'opportunity', fields.opportunityId, 'opportunityId');
          await visibleId(em, scope, 'product', fields.productId, 'productId');
          checkSpan(fields.plannedFrom, fields.plannedTo, 'plannedTo');
          const [open] = await em.query(
            `SELECT 1 FROM trial WHERE brand_id = $1 AND serial_number = $2 AND status IN ('PLANNED', 'DELIVERED', 'EXTENDED')`,
            [scope.brandId, fields.serialNumber],
          );
          if (open) throw serialOnTrial();
          const saved = await em.save(
            em.create(Trial, {
              brandId: scope.brandId,
              ...fields,
              status: TrialStatus.PLANNED,
              createdBy: scope.userId,
              requestKey: idempotencyKey ?? null,
              requestHash: idempotencyKey ? write.hash : null,
            }),
          );
          await this.event(em, scope, saved, 'PLANNED', fields.protocol);
          await audit(em, scope, 'CREATE', 'trial', saved.id, fields);
          return saved.id;
        }),
      );
    } catch (err) {
      // a concurrent plan of the same serial that lost the race to the partial unique index
      if (isUniqueViolation(err, 'trial_open_serial')) throw serialOnTrial();
      throw err;
    }
    return this.get(scope, id);
  }

  deliver(scope: Scope, id: string, input: DeliverTrialInput): Promise<Trial> {
    return this.change(scope, id, input.expectedVersion, TrialStatus.DELIVERED, async (em, trial) => {
      trial.deliveredOn = input.deliveredOn;
      return { action: 'DELIVER', note: null, changes: { deliveredOn: input.deliveredOn } };
    });
  }

  extend(scope: Scope, id: string, input: ExtendTrialInput): Promise<Trial> {
    return this.change(scope, id, input.expectedVersion, TrialStatus.EXTENDED, async (em, trial) => {
      if (input.plannedTo <= trial.plannedTo) throw badInput('plannedTo', 'An extension moves the last day later');
      checkSpan(trial.plannedFrom, input.plannedTo, 'plannedTo');
      const from = trial.plannedTo;
      trial.plannedTo = input.plannedTo;
      const reason = input.reason.trim();
      return { action: 'UPDATE', note: reason, changes: { plannedTo: { from, to: input.plannedTo }, reason } };
    });
  }

  return(scope: Scope, id: string, input: ReturnTrialInput): Promise<Trial> {
    return this.change(scope, id, input.expectedVersion, TrialStatus.RETURNED, async (em, trial) => {
      if (input.returnedOn < trial.deliveredOn!) throw badInput('returnedOn', 'It came back after it was delivered');
      const result = input.result.trim();
      Object.assign(trial, { returnedOn: input.returnedOn, outcome: input.outcome, result });
      return {
        action: 'CLOSE',
        note: result,
        changes: { returnedOn: input.returnedOn, outcome: input.outcome, result },
      };
    });
  }

  cancel(scope: Scope, id: string, input: CancelTrialInput): Promise<Trial> {
    return this.change(scope, id, input.expectedVersion, TrialStatus.CANCELLED, async (em, trial) => {
      trial.cancelReason = input.reason.trim();
      return { action: 'CANCEL', note: trial.cancelReason, changes: { reason: trial.cancelReason } };
    });
  }

  /** One status change at the version the user saw: the rule, the row, its event and its audit row together. */
  private change(
    scope: Scope,
    id: string,
    expectedVersion: number,
    to: TrialStatus,
    apply: (
      em: EntityManager,
      trial: Trial,
    ) => Promise<{ action: 'DELIVER' | 'UPDATE' | 'CLOSE' | 'CANCEL'; note: string | null; changes: object }>,
  ): Promise<Trial> {
    return this.ds.transaction(async (em) => {
      const trial = await this.locked(em, scope, id);
      assertVersion(trial, expectedVersion, 'trial');
      if (!TRIAL_TRANSITIONS[trial.status].includes(to))
        throw illegal(`A trial does not move from ${trial.status} to ${to}`);
      const { action, note, changes } = await apply(em, trial);
      trial.status = to;
      const saved = await em.save(trial);
      await this.event(em, scope, saved, to, note);
      await audit(em, scope, action, 'trial', trial.id, { status: to, ...changes });
      return saved;
    });
  }

  private async locked(em: EntityManager, scope: Scope, id: string): Promise<Trial> {
    const found = isUuid(id)
      ? await this.scoped(scope, em).andWhere('t.id = :id', { id }).setLock('pessimistic_write').getOne()
      : null;
    if (!found) throw notFound('Trial');
    return found;
  }

  private event(em: EntityManager, scope: Scope, trial: Trial, kind: TrialEventKind, note: string | null) {
    return em.insert(TrialEvent, {
      brandId: scope.brandId,
      trialId: trial.id,
      kind,
      plannedTo: kind === 'AGREEMENT' ? null : trial.plannedTo,
      note,
      actorId: scope.userId,
    });
  }
}
