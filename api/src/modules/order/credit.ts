import { EntityManager } from 'typeorm';
import { OPEN_ORDER_STATUSES } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { Decimal } from '../../common/money';
import type { LedgerService } from '../ledger';

export interface CreditStatus {
  currency: string;
  limit: string;
  openOrders: string;
  receivables: string;
  available: string;
}

/**
 * Credit used = what open orders still hold (their total less what has shipped, since shipping
 * moves that part into receivables) + what the ledger says is owed, both read as the scope's
 * `account` (the caller has the distributor in view; a rep's order counts every open order).
 */
export async function creditStatus(
  em: EntityManager,
  ledger: LedgerService,
  scope: Scope,
  distributor: { id: string; creditLimit: string },
): Promise<CreditStatus> {
  const account = scopeCondition(scope, 'account', 'po');
  const open = await em
    .createQueryBuilder()
    .select('COALESCE(SUM(po.total - po.shipped_total), 0)::text', 'amount')
    .from('purchase_order', 'po')
    .where('po.distributor_id = :d AND po.status = ANY(:open)', { d: distributor.id, open: OPEN_ORDER_STATUSES })
    .andWhere(account.sql, account.params)
    .getRawOne<{ amount: string }>();
  const receivables = await ledger.outstanding(em, scope, distributor.id);
  const limit = new Decimal(distributor.creditLimit);
  const openOrders = new Decimal(open!.amount);
  return {
    currency: 'CNY',
    limit: limit.toFixed(2),
    openOrders: openOrders.toFixed(2),
    receivables,
    available: limit.minus(openOrders).minus(receivables).toFixed(2),
  };
}

/** Every distributor's credit is decided one order at a time: parallel placements queue here. */
export async function lockCredit(em: EntityManager, distributorId: string): Promise<void> {
  await em.query(`SELECT pg_advisory_xact_lock(hashtext('credit:' || $1))`, [distributorId]);
}
