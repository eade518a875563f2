import { EntityManager } from 'typeorm';
import { ExitHandoverKind, ExitOrderDecision, OrderStatus } from '@medchannel/shared-schema';
import { Scope, scopeCondition } from '../../auth/scope';
import { Page, PageArgs, decodeCursor, toPage, withCursorCheck } from '../../common/pagination';
import { money } from '../product';
import type { LedgerService } from '../ledger';
import { ExitPlan } from './exit.entity';
import { OPEN_ORDER_STATUSES } from './exit.service';
import { ExitAccountType, ExitBelowFloorLineType, ExitHandoverType, ExitOrderType, ExitReturnType } from './exit.types';

/**
 * What a plan's screen reads beside the plan (read through the scope already): its orders, returns,
 * hand-over and account. One statement each, whatever their number.
 */
export async function exitOrders(em: EntityManager, plan: ExitPlan): Promise<ExitOrderType[]> {
  const rows: Array<{
    id: string;
    number: string;
    status: OrderStatus;
    total: string;
    currency: string;
    decision: ExitOrderDecision | null;
    reason: string | null;
  }> = await em.query(
    `SELECT o.id, o.number, o.status, o.total::text AS total, o.currency, x.decision, x.reason
       FROM purchase_order o LEFT JOIN exit_order_decision x ON x.order_id = o.id
      WHERE o.distributor_id = $1 AND (o.status = ANY($2) OR x.id IS NOT NULL)
      ORDER BY o.created_at, o.id`,
    [plan.distributorId, OPEN_ORDER_STATUSES],
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    total: money(r.total, r.currency),
    decision: r.decision,
    decisionReason: r.reason,
  }));
}

export async function exitReturns(em: EntityManager, plan: ExitPlan): Promise<ExitReturnType[]> {
  const rows: Array<{
    id: string;
    occurred_on: string;
    amount: string;
    currency: string;
    credit_id: string;
    lines: Array<{
      lineNo: number;
      productName: string;
      batchNo: string;
      serialNo: string;
      quantity: number;
      unitPrice: string;
      amount: string;
    }>;
  }> = await em.query(
    `SELECT r.id, r.occurred_on::text AS occurred_on, r.amount::text AS amount, r.currency, r.credit_id,
            (SELECT json_agg(json_build_object('lineNo', l.line_no, 'productName', p.name, 'batchNo', l.batch_no,
               'serialNo', l.serial_no, 'quantity', l.quantity, 'unitPrice', l.unit_price::text, 'amount', l.amount::text)
               ORDER BY l.line_no)
               FROM exit_return_line l JOIN product p ON p.id = l.product_id WHERE l.return_id = r.id) AS lines
       FROM exit_return r WHERE r.plan_id = $1 ORDER BY r.created_at, r.id`,
    [plan.id],
  );
  return rows.map((r) => ({
    id: r.id,
    occurredOn: r.occurred_on,
    amount: money(r.amount, r.currency),
    creditId: r.credit_id,
    lines: r.lines.map((l) => ({
      ...l,
      unitPrice: money(l.unitPrice, r.currency),
      amount: money(l.amount, r.currency),
    })),
  }));
}

export async function exitHandovers(em: EntityManager, plan: ExitPlan): Promise<ExitHandoverType[]> {
  return em.query(
    `SELECT h.kind, h.record_id AS "recordId",
            COALESCE(CASE h.kind
              WHEN '${ExitHandoverKind.HOSPITAL}' THEN (SELECT name FROM hospital WHERE id = h.record_id)
              WHEN '${ExitHandoverKind.OPPORTUNITY}' THEN (SELECT need FROM opportunity WHERE id = h.record_id)
              WHEN '${ExitHandoverKind.COMMITMENT}' THEN (SELECT description FROM visit_commitment WHERE id = h.record_id)
              WHEN '${ExitHandoverKind.PLACEMENT}' THEN (SELECT p.serial_no || ' · ' || ph.name FROM placement p
                JOIN hospital ph ON ph.id = p.hospital_id WHERE p.id = h.record_id)
              WHEN '${ExitHandoverKind.AUTHORIZATION}' THEN (SELECT valid_from::text || ' – ' || valid_to::text FROM authorization_grant WHERE id = h.record_id)
            END, '') AS label
       FROM exit_handover h WHERE h.plan_id = $1 ORDER BY h.kind, h.created_at, h.id`,
    [plan.id],
  );
}

export async function exitAccount(
  em: EntityManager,
  ledger: LedgerService,
  scope: Scope,
  plan: ExitPlan,
): Promise<ExitAccountType> {
  const balance = await ledger.outstanding(em, scope, plan.distributorId);
  const [{ credited }] = await em.query(
    `SELECT COALESCE(SUM(amount), 0)::text AS credited FROM exit_return WHERE plan_id = $1`,
    [plan.id],
  );
  return {
    balance: money(balance, 'CNY'),
    credited: money(credited, 'CNY'),
    finalBalance: plan.finalBalance === null ? null : money(plan.finalBalance, plan.finalCurrency ?? 'CNY'),
  };
}

/**
 * The exiting distributors' sell-outs from each plan's effective date whose reported unit price is
 * below the product's floor price in force that day (same currency): the dumping an exit invites.
 * Reversed sell-outs are left out; the lines are read through the viewer's channel-stock scope.
 * Per plan: how many there are and one keyset page of them, newest first. One statement for any
 * number of plans (a page of plans asks it once with the same page arguments).
 */
export async function exitBelowFloorPages(
  em: EntityManager,
  scope: Scope,
  planIds: readonly string[],
  page: PageArgs,
): Promise<Map<string, Page<ExitBelowFloorLineType>>> {
  const seen = scopeCondition(scope, 'channelStock', 'm');
  const lines = (joins: string, extra: string) => `
      FROM stock_movement m ${joins}
      JOIN product_floor_price f ON f.product_id = m.product_id AND f.currency = m.currency
       AND f.effective_from <= m.occurred_on AND (f.effective_to IS NULL OR f.effective_to >= m.occurred_on)
     WHERE m.distributor_id = x.distributor_id AND m.occurred_on >= x.effective_on
       AND m.kind = 'SOLD_OUT' AND m.unit_price < f.price AND ${seen.sql}
       AND NOT EXISTS (SELECT 1 FROM stock_movement r WHERE r.reverses_id = m.id) ${extra}`;
  const params: Record<string, unknown> = { ...seen.params, planIds: [...planIds], pageLimit: page.first + 1 };
  let after = '';
  if (page.after) {
    const [on, id] = decodeCursor(page.after, 2);
    Object.assign(params, { afterOn: on, afterId: id });
    after = 'AND (m.occurred_on, m.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))';
  }
  const [sql, values] = em.connection.driver.escapeQueryWithParameters(
    `SELECT x.id AS plan_id,
            (SELECT count(*)::int ${lines('', '')}) AS total,
            (SELECT coalesce(json_agg(l ORDER BY l.occurred_on DESC, l.id DESC), '[]'::json) FROM (
               SELECT m.id, h.name AS hospital_name, p.name AS product_name, m.batch_no,
                      m.occurred_on::text AS occurred_on, -m.quantity AS quantity, m.unit_price::text AS unit_price,
                      f.price::text AS floor, (f.price - m.unit_price)::text AS gap, m.currency
                 ${lines('JOIN product p ON p.id = m.product_id JOIN hospital h ON h.id = m.hospital_id', after)}
                ORDER BY m.occurred_on DESC, m.id DESC LIMIT :pageLimit) l) AS lines
       FROM exit_plan x WHERE x.id = ANY(:planIds)`,
    params,
  );
  const rows: Array<{ plan_id: string; total: number; lines: Array<Record<string, string> & { quantity: number }> }> =
    await withCursorCheck(page, () => em.query(sql, values));
  return new Map(
    rows.map((r) => [
      r.plan_id,
      toPage(
        r.lines.map((l) => ({
          movementId: l.id,
          hospitalName: l.hospital_name,
          productName: l.product_name,
          batchNo: l.batch_no,
          occurredOn: l.occurred_on,
          quantity: l.quantity,
          unitPrice: money(l.unit_price, l.currency),
          floor: money(l.floor, l.currency),
          gap: money(l.gap, l.currency),
        })),
        page.first,
        r.total,
        (l) => [l.occurredOn, l.movementId],
      ),
    ]),
  );
}
