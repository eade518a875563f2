import { DataSource } from 'typeorm';
import { AccountCreditKind, ErrorReason, LedgerEntryKind, StockMovementKind } from '@medchannel/shared-schema';
import { Scope } from '../../auth/scope';
import { visibleIds } from '../../auth/scoped-ids';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput } from '../../common/errors';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import { today } from '../../common/dates';
import { Decimal } from '../../common/money';
import { AccountCredit } from '../finance';
import { appendMovement } from '../inventory';
import { lockAccount, type LedgerService } from '../ledger';
import { ExitPlan, ExitReturn, ExitReturnLine } from './exit.entity';
import { RecordExitReturnInput } from './exit.inputs';
import type { ExitService } from './exit.service';

const CURRENCY = 'CNY';

/**
 * 退货 during an exit: the brand buys goods back by batch and serial. Each line's BRAND_RETURN
 * movement takes its units out of the distributor's stock through the stock service's own writer
 * (so a lot never goes below zero: INSUFFICIENT_STOCK, nothing written), and the return's value is
 * a credit note posted the way finance posts one (account_credit + its CREDIT_NOTE ledger entry),
 * all in one transaction. The request key makes a retry answer the first return: never two
 * movements, never two credits.
 */
export class ExitReturnService {
  constructor(
    private readonly ds: DataSource,
    private readonly plans: ExitService,
    private readonly ledger: LedgerService,
  ) {}

  async record(scope: Scope, input: RecordExitReturnInput): Promise<ExitReturn> {
    const { idempotencyKey, ...fields } = input;
    const lines = fields.lines.map((l) => ({
      productId: l.productId,
      batchNo: l.batchNo?.trim() ?? '',
      serialNo: l.serialNo?.trim() ?? '',
      quantity: l.quantity,
      unitPrice: new Decimal(l.unitPrice).toFixed(2),
    }));
    const write: IdempotentWrite<ExitReturn> = {
      hash: fingerprint({ planId: fields.planId, lines }),
      constraint: 'exit_return_request_key',
      earlier: (em) => em.findOne(ExitReturn, { where: { createdBy: scope.userId, requestKey: idempotencyKey } }),
      reused: () => keyReused('This request key recorded another return'),
    };
    const id = await idempotent(this.ds, write, async (em) => {
      const plan: ExitPlan = await this.plans.get(scope, fields.planId, em, true);
      return replayOrInsert(em, write, async () => {
        if (plan.settledAt)
          throw new AppError(
            ErrorCode.CONFLICT,
            'The account is settled: no more returns',
            'planId',
            ErrorReason.ILLEGAL_TRANSITION,
          );
        await visibleIds(
          em,
          scope,
          'product',
          lines.map((l) => l.productId),
          'lines',
        );
        const lots = new Set<string>();
        lines.forEach((l, i) => {
          if (l.serialNo && l.quantity !== 1) throw badInput(`lines.${i}.quantity`, 'A serial number is one unit');
          const lot = `${l.productId}|${l.batchNo}|${l.serialNo}`;
          if (lots.has(lot)) throw badInput(`lines.${i}`, 'This lot is on the return twice; change the units instead');
          lots.add(lot);
        });
        const on = today();
        const amounts = lines.map((l) => new Decimal(l.unitPrice).times(l.quantity));
        const total = amounts.reduce((a, b) => a.plus(b), new Decimal(0)).toFixed(2);
        if (new Decimal(total).lte(0)) throw badInput('lines', 'A return is worth more than 0');
        await lockAccount(em, plan.distributorId);
        const reason = `退货 (exit buy-back): ${lines.reduce((n, l) => n + l.quantity, 0)} units`;
        const credit = await em.save(
          em.create(AccountCredit, {
            brandId: plan.brandId,
            distributorId: plan.distributorId,
            kind: AccountCreditKind.CREDIT_NOTE,
            amount: total,
            currency: CURRENCY,
            occurredOn: on,
            reason,
            createdBy: scope.userId,
            requestKey: `exit:${idempotencyKey}`,
            requestHash: write.hash,
          }),
        );
        await this.ledger.append(em, {
          brandId: plan.brandId,
          distributorId: plan.distributorId,
          kind: LedgerEntryKind.CREDIT_NOTE,
          amount: new Decimal(total).negated().toFixed(2),
          currency: CURRENCY,
          occurredOn: on,
          sourceType: 'account_credit',
          sourceId: credit.id,
          memo: reason,
          createdBy: scope.userId,
        });
        const saved = await em.save(
          em.create(ExitReturn, {
            brandId: plan.brandId,
            planId: plan.id,
            distributorId: plan.distributorId,
            occurredOn: on,
            amount: total,
            currency: CURRENCY,
            creditId: credit.id,
            createdBy: scope.userId,
            requestKey: idempotencyKey,
            requestHash: write.hash,
          }),
        );
        for (const [i, l] of lines.entries()) {
          const movement = await appendMovement(em, {
            brandId: plan.brandId,
            distributorId: plan.distributorId,
            productId: l.productId,
            batchNo: l.batchNo,
            serialNo: l.serialNo,
            kind: StockMovementKind.BRAND_RETURN,
            quantity: -l.quantity,
            occurredOn: on,
            reason: `Exit return ${saved.id}`,
            createdBy: scope.userId,
          }).catch((err: unknown) => {
            if (err instanceof AppError) err.extensions.field = `lines.${i}.quantity`;
            throw err;
          });
          await em.insert(ExitReturnLine, {
            brandId: plan.brandId,
            returnId: saved.id,
            lineNo: i + 1,
            ...l,
            amount: amounts[i].toFixed(2),
            movementId: movement.id,
          });
        }
        await audit(em, scope, 'POST_ACCOUNT_CREDIT', 'distributor', plan.distributorId, {
          creditId: credit.id,
          kind: AccountCreditKind.CREDIT_NOTE,
          amount: total,
          reason,
        });
        await audit(em, scope, 'BUY_BACK', 'distributor', plan.distributorId, {
          exitPlanId: plan.id,
          returnId: saved.id,
          amount: total,
          lines: lines.length,
        });
        return saved.id;
      });
    });
    return this.ds.manager.findOneByOrFail(ExitReturn, { id });
  }
}
