import { DataSource, EntityManager } from 'typeorm';
import {
  DistributorStage,
  ErrorReason,
  ExitOrderDecision,
  ExitStep,
  OrderStatus,
  Role,
  STAGE_TRANSITIONS,
  Side,
} from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { isUuid } from '../../common/ids';
import { today } from '../../common/dates';
import { Decimal } from '../../common/money';
import { Page, PageArgs, paginate } from '../../common/pagination';
import { DistributorStageChange, visibleDistributor } from '../distributor';
import { lockAccount, type LedgerService } from '../ledger';
import type { OrderServices } from '../order';
import { ExitOrderDecisionRow, ExitPlan } from './exit.entity';
import { exitAccount, exitBelowFloorPages, exitHandovers, exitOrders, exitReturns } from './exit-reads';
import { DecideExitOrderInput, StartExitPlanInput } from './exit.inputs';

/** Orders still under way: the plan decides whether each finishes or is cancelled. */
export const OPEN_ORDER_STATUSES = [OrderStatus.SUBMITTED, OrderStatus.APPROVED, OrderStatus.PARTIALLY_SHIPPED];

const illegal = (message: string, field?: string) =>
  new AppError(ErrorCode.CONFLICT, message, field, ErrorReason.ILLEGAL_TRANSITION);

/** One step of the checklist, done or not. */
export interface ExitStepState {
  step: ExitStep;
  done: boolean;
}

/** What a new exit plan holds, checked by its caller (the service, or the demo seed). */
export interface ExitStart {
  successorId: string | null;
  effectiveOn: string;
  sellOutUntil: string | null;
  reason: string;
  requestKey: string;
  requestHash: string;
}

/**
 * Starts an exit inside the caller's transaction: the distributor to EXITING (when it is not
 * already), the plan, every grant still applying on the effective date ended the day before it, each
 * step audited. The caller has locked the distributor and checked the dates, the successor and that
 * no plan exists.
 */
export async function beginExit(
  em: EntityManager,
  scope: Scope,
  distributor: { id: string; stage: DistributorStage },
  fields: ExitStart,
): Promise<string> {
  const from = distributor.stage;
  if (from !== DistributorStage.EXITING) {
    if (!STAGE_TRANSITIONS[from].includes(DistributorStage.EXITING))
      throw illegal(`A distributor cannot move from ${from} to EXITING`, 'distributorId');
    await em.query(`UPDATE distributor SET stage = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      distributor.id,
      DistributorStage.EXITING,
    ]);
    await em.insert(DistributorStageChange, {
      brandId: scope.brandId,
      distributorId: distributor.id,
      fromStage: from,
      toStage: DistributorStage.EXITING,
      reason: fields.reason.trim(),
      actorId: scope.userId,
    });
    await audit(em, scope, 'MOVE_STAGE', 'distributor', distributor.id, {
      stage: { from, to: DistributorStage.EXITING },
    });
  }
  const plan = await em.save(
    em.create(ExitPlan, {
      brandId: scope.brandId,
      distributorId: distributor.id,
      successorId: fields.successorId,
      effectiveOn: fields.effectiveOn,
      sellOutUntil: fields.sellOutUntil,
      reason: fields.reason.trim(),
      createdBy: scope.userId,
      requestKey: fields.requestKey,
      requestHash: fields.requestHash,
    }),
  );
  // every grant still applying on the effective date ends the day before it
  const revoked: Array<{ id: string }> = await em
    .query(
      `UPDATE authorization_grant SET revoked_from = $2, revoke_reason = $3, version = version + 1, updated_at = now()
      WHERE distributor_id = $1 AND valid_to >= $2 AND (revoked_from IS NULL OR revoked_from > $2)
    RETURNING id`,
      [distributor.id, fields.effectiveOn, `Exit: ${plan.reason}`.slice(0, 500)],
    )
    .then(([rows]) => rows);
  plan.authorizationsRevoked = revoked.length;
  await em.save(plan);
  if (revoked.length)
    await audit(em, scope, 'REVOKE_AUTHORIZATION', 'distributor', distributor.id, {
      revokedFrom: fields.effectiveOn,
      authorizationIds: revoked.map((r) => r.id),
      exitPlanId: plan.id,
    });
  await audit(em, scope, 'START_EXIT', 'distributor', distributor.id, {
    exitPlanId: plan.id,
    effectiveOn: plan.effectiveOn,
    sellOutUntil: plan.sellOutUntil,
    successorId: plan.successorId,
    reason: plan.reason,
  });
  return plan.id;
}

/**
 * 劝退: a distributor's exit plan. Starting it moves the distributor to EXITING (when it is not
 * already), revokes its authorizations from the effective date and from that day refuses its new
 * orders (order placement reads the plan). The open orders are finished or cancelled by decision;
 * the returns, the hand-over and the final statement follow (exit-return, exit-handover). Every
 * step is audited on the distributor, so its owner's trail shows it.
 */
export class ExitService {
  constructor(
    private readonly ds: DataSource,
    private readonly ledger: LedgerService,
    private readonly orderDesk: OrderServices['orderDesk'],
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(ExitPlan).createQueryBuilder('p'), scope, 'exitPlan');
  }

  list(scope: Scope, page: PageArgs): Promise<Page<ExitPlan>> {
    return paginate(
      this.scoped(scope),
      page,
      [
        { column: 'p.effective_on', value: (p) => p.effectiveOn },
        { column: 'p.id', value: (p) => p.id },
      ],
      'DESC',
    );
  }

  async get(scope: Scope, id: string, em: EntityManager = this.ds.manager, lock = false): Promise<ExitPlan> {
    const qb = this.scoped(scope, em).andWhere('p.id = :id', { id });
    if (lock) qb.setLock('pessimistic_write');
    const found = isUuid(id) ? await qb.getOne() : null;
    if (!found) throw notFound('Exit plan');
    return found;
  }

  /** The owner's own exit plan, if his company is exiting. */
  async mine(scope: Scope): Promise<ExitPlan | null> {
    if (scope.side !== Side.PARTNER) return null;
    return this.scoped(scope).andWhere('p.distributor_id = :d', { d: scope.distributorId }).getOne();
  }

  async start(scope: Scope, input: StartExitPlanInput): Promise<ExitPlan> {
    const { idempotencyKey, ...fields } = input;
    const write: IdempotentWrite<ExitPlan> = {
      hash: fingerprint(fields),
      constraint: 'exit_plan_request_key',
      earlier: (em) => em.findOne(ExitPlan, { where: { createdBy: scope.userId, requestKey: idempotencyKey } }),
      reused: () => keyReused('This request key started another exit plan'),
    };
    const id = await idempotent(this.ds, write, async (em) => {
      const distributor = await visibleDistributor(em, scope, fields.distributorId);
      await em.query(`SELECT 1 FROM distributor WHERE id = $1 FOR UPDATE`, [distributor.id]);
      return replayOrInsert(em, write, async () => {
        if (fields.effectiveOn < today()) throw badInput('effectiveOn', 'The exit takes effect today or later');
        if (fields.sellOutUntil && fields.sellOutUntil < fields.effectiveOn)
          throw badInput('sellOutUntil', 'Sell-out ends on or after the effective date');
        if (fields.successorId) {
          if (fields.successorId === distributor.id) throw badInput('successorId', 'Choose another distributor');
          await visibleDistributor(em, scope, fields.successorId).catch(() => {
            throw new AppError(ErrorCode.NOT_FOUND, 'Distributor not found', 'successorId');
          });
        }
        const [earlier] = await em.query(`SELECT 1 FROM exit_plan WHERE distributor_id = $1`, [distributor.id]);
        if (earlier) throw illegal('This distributor has an exit plan already', 'distributorId');
        return beginExit(em, scope, distributor, {
          ...fields,
          successorId: fields.successorId ?? null,
          sellOutUntil: fields.sellOutUntil ?? null,
          requestKey: idempotencyKey,
          requestHash: write.hash,
        });
      });
    });
    return this.get(scope, id);
  }

  /** Finishes or cancels one open order of the exiting distributor; once per order. */
  async decideOrder(scope: Scope, input: DecideExitOrderInput): Promise<ExitPlan> {
    await this.ds.transaction(async (em) => {
      const plan = await this.get(scope, input.planId, em, true);
      const order = await this.orderDesk.lock(scope, em, input.orderId).catch(() => {
        throw new AppError(ErrorCode.NOT_FOUND, 'Order not found', 'orderId');
      });
      if (order.distributorId !== plan.distributorId)
        throw new AppError(ErrorCode.NOT_FOUND, 'Order not found', 'orderId');
      const [decided] = await em.query(`SELECT decision FROM exit_order_decision WHERE order_id = $1`, [order.id]);
      if (decided) throw illegal(`This order was decided already (${decided.decision})`, 'orderId');
      if (!OPEN_ORDER_STATUSES.includes(order.status)) throw illegal(`An order that is ${order.status} is not open`);
      const reason = input.reason.trim();
      if (input.decision === ExitOrderDecision.CANCEL)
        await this.orderDesk.move(em, scope, order, OrderStatus.CANCELLED, 'CANCEL', `Exit: ${reason}`);
      await em.insert(ExitOrderDecisionRow, {
        brandId: plan.brandId,
        planId: plan.id,
        orderId: order.id,
        decision: input.decision,
        reason,
        decidedBy: scope.userId,
      });
      await audit(em, scope, 'DECIDE_EXIT_ORDER', 'distributor', plan.distributorId, {
        exitPlanId: plan.id,
        orderId: order.id,
        number: order.number,
        decision: input.decision,
        reason,
      });
    });
    return this.get(scope, input.planId);
  }

  /**
   * The final statement: the account is settled at zero (after the buy-back's credit notes and the
   * payments). Anything still open refuses it with ACCOUNT_NOT_SETTLED and the figure. Once.
   */
  async settle(scope: Scope, planId: string): Promise<ExitPlan> {
    await this.ds.transaction(async (em) => {
      const plan = await this.get(scope, planId, em, true);
      if (plan.settledAt) return;
      await lockAccount(em, plan.distributorId);
      const balance = await this.ledger.outstanding(em, scope, plan.distributorId);
      if (!new Decimal(balance).isZero())
        throw new AppError(
          ErrorCode.CONFLICT,
          `The account stands at ${balance} CNY; it is settled at zero`,
          undefined,
          ErrorReason.ACCOUNT_NOT_SETTLED,
          { balance: { amount: balance, currency: 'CNY' } },
        );
      plan.settledAt = new Date();
      plan.finalBalance = balance;
      plan.finalCurrency = 'CNY';
      await em.save(plan);
      await audit(em, scope, 'SETTLE_EXIT', 'distributor', plan.distributorId, {
        exitPlanId: plan.id,
        finalBalance: balance,
      });
    });
    return this.get(scope, planId);
  }

  /** The owner acknowledges the checklist once the account is settled; again changes nothing. */
  async acknowledge(scope: Scope, planId: string): Promise<ExitPlan> {
    await this.ds.transaction(async (em) => {
      const plan = await this.get(scope, planId, em, true);
      if (scope.side !== Side.PARTNER || scope.role !== Role.OWNER || plan.distributorId !== scope.distributorId)
        throw notFound('Exit plan');
      if (plan.acknowledgedAt) return;
      if (!plan.settledAt) throw illegal('The checklist is acknowledged once the final statement settles the account');
      plan.acknowledgedAt = new Date();
      plan.acknowledgedBy = scope.userId;
      await em.save(plan);
      await audit(em, scope, 'ACKNOWLEDGE_EXIT', 'distributor', plan.distributorId, { exitPlanId: plan.id });
    });
    return this.get(scope, planId);
  }

  orders(plan: ExitPlan) {
    return exitOrders(this.ds.manager, plan);
  }

  returns(plan: ExitPlan) {
    return exitReturns(this.ds.manager, plan);
  }

  handovers(plan: ExitPlan) {
    return exitHandovers(this.ds.manager, plan);
  }

  /** A page of each plan's sales below the floor, for the per-request loader (the plans are read through the scope already). */
  belowFloorPages(scope: Scope, planIds: readonly string[], page: PageArgs) {
    return exitBelowFloorPages(this.ds.manager, scope, planIds, page);
  }

  account(scope: Scope, plan: ExitPlan) {
    return exitAccount(this.ds.manager, this.ledger, scope, plan);
  }

  /** The checklist: each step, done or not, read in one statement. */
  async steps(plan: ExitPlan): Promise<ExitStepState[]> {
    const [row] = await this.ds.query(
      `SELECT
         NOT EXISTS (SELECT 1 FROM purchase_order o WHERE o.distributor_id = $1 AND o.status = ANY($2)
           AND NOT EXISTS (SELECT 1 FROM exit_order_decision x WHERE x.order_id = o.id)) AS orders_decided,
         NOT EXISTS (SELECT 1 FROM stock_balance b WHERE b.distributor_id = $1 AND b.quantity > 0) AS stock_empty`,
      [plan.distributorId, OPEN_ORDER_STATUSES],
    );
    const done: Record<ExitStep, boolean> = {
      [ExitStep.PLAN_STARTED]: true,
      [ExitStep.AUTHORIZATIONS_REVOKED]: plan.effectiveOn <= today(),
      [ExitStep.OPEN_ORDERS_DECIDED]: row.orders_decided,
      [ExitStep.STOCK_RETURNED]: row.stock_empty,
      [ExitStep.HANDED_OVER]: Boolean(plan.handedOverAt),
      [ExitStep.ACCOUNT_SETTLED]: Boolean(plan.settledAt),
      [ExitStep.ACKNOWLEDGED]: Boolean(plan.acknowledgedAt),
    };
    return Object.values(ExitStep).map((step) => ({ step, done: done[step] }));
  }
}
