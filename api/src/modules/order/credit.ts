import { EntityManager } from 'typeorm';
import { OPEN_ORDER_STATUSES } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import type { LedgerService } from '../ledger/ledger.service';

export interface CreditStatus {
  currency: string;
  limit: string;
  openOrders: string;
  receivables: string;
  available: string;
}

/**
 * Credit used = what open orders still hold (their total less what has shipped, since shipping
 * moves that part into receivables) + what the ledger says is owed. The caller has established
 * that the viewer may see the distributor.
 */
export async function creditStatus(
  em: EntityManager,
  ledger: LedgerService,
  distributor: { id: string; brandId: string; creditLimit: string },
): Promise<CreditStatus> {
  const [open] = await em.query(
    `SELECT COALESCE(SUM(total - shipped_total), 0)::text AS amount FROM purchase_order
      WHERE brand_id = $1 AND distributor_id = $2 AND status = ANY($3)`,
    [distributor.brandId, distributor.id, OPEN_ORDER_STATUSES],
  );
  const receivables = await ledger.outstanding(em, distributor.brandId, distributor.id);
  const limit = new Decimal(distributor.creditLimit);
  const openOrders = new Decimal(open.amount);
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
