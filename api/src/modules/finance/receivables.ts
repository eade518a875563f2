import { EntityManager } from 'typeorm';
import { AGING_BUCKETS, LedgerEntryKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';
import { daysBetween } from '../../common/dates';

/** One receivable (a shipment, or an adjustment in the brand's favour) and what is still open of it. */
export interface OpenItem {
  entryId: string;
  distributorId: string;
  occurredOn: string;
  dueOn: string;
  kind: LedgerEntryKind;
  memo: string | null;
  amount: string;
  outstanding: string;
}

/**
 * What is still owed of each receivable: everything paid or credited (payments, credit notes,
 * rebates, adjustments in the distributor's favour) settles the receivables oldest-due first
 * (FIFO). Entries that were reversed, and their reversals, drop out together. One query,
 * computed from the entries alone: nothing here is stored.
 */
export async function openItems(em: EntityManager, brandId: string, distributorIds: string[]): Promise<OpenItem[]> {
  if (!distributorIds.length) return [];
  const rows: Array<{ id: string; distributor_id: string; occurred_on: string; due_on: string; kind: LedgerEntryKind; memo: string | null; amount: string; outstanding: string }> = await em.query(
    `WITH live AS (
       SELECT e.id, e.distributor_id, e.occurred_on, COALESCE(e.due_on, e.occurred_on) AS due_on, e.kind, e.memo, e.amount
         FROM ledger_entry e
        WHERE e.brand_id = $1 AND e.distributor_id = ANY($2) AND e.reverses_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
     ), credits AS (
       SELECT distributor_id, -SUM(amount) AS settled FROM live WHERE amount < 0 GROUP BY distributor_id
     ), items AS (
       SELECT l.*, SUM(l.amount) OVER (PARTITION BY l.distributor_id ORDER BY l.due_on, l.occurred_on, l.id) AS cum
         FROM live l WHERE l.amount > 0
     )
     SELECT i.id, i.distributor_id, i.occurred_on::text AS occurred_on, i.due_on::text AS due_on, i.kind, i.memo, i.amount::text AS amount,
            GREATEST(0, LEAST(i.amount, i.cum - COALESCE(c.settled, 0)))::text AS outstanding
       FROM items i LEFT JOIN credits c ON c.distributor_id = i.distributor_id
      ORDER BY i.distributor_id, i.due_on, i.occurred_on, i.id`,
    [brandId, distributorIds],
  );
  return rows
    .filter((r) => new Decimal(r.outstanding).gt(0))
    .map((r) => ({
      entryId: r.id, distributorId: r.distributor_id, occurredOn: r.occurred_on, dueOn: r.due_on, kind: r.kind, memo: r.memo,
      amount: r.amount, outstanding: new Decimal(r.outstanding).toFixed(2),
    }));
}

export type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

export interface Aging {
  distributorId: string;
  buckets: Record<AgingBucketKey, string>;
  total: string;
  overdue: string;
}

/** Buckets the open items by days since each receivable arose; overdue is what is past its collection date. */
export function agingOf(items: OpenItem[], on: string): Aging[] {
  const byDistributor = new Map<string, Aging>();
  for (const item of items) {
    const row = byDistributor.get(item.distributorId) ?? {
      distributorId: item.distributorId,
      buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, '0.00'])) as Record<AgingBucketKey, string>,
      total: '0.00',
      overdue: '0.00',
    };
    const age = Math.max(0, daysBetween(item.occurredOn, on));
    const bucket = AGING_BUCKETS.find((b) => age >= b.from && (b.to === null || age <= b.to))!;
    row.buckets[bucket.key] = new Decimal(row.buckets[bucket.key]).plus(item.outstanding).toFixed(2);
    row.total = new Decimal(row.total).plus(item.outstanding).toFixed(2);
    if (item.dueOn < on) row.overdue = new Decimal(row.overdue).plus(item.outstanding).toFixed(2);
    byDistributor.set(item.distributorId, row);
  }
  return [...byDistributor.values()];
}

/** Sums aging rows into groups (e.g. the distributors of a province): bucket by bucket, exactly. */
export function sumAging(rows: Aging[], groupOf: (distributorId: string) => string): Map<string, Omit<Aging, 'distributorId'>> {
  const groups = new Map<string, Omit<Aging, 'distributorId'>>();
  for (const r of rows) {
    const key = groupOf(r.distributorId);
    const g = groups.get(key) ?? { buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, '0.00'])) as Record<AgingBucketKey, string>, total: '0.00', overdue: '0.00' };
    for (const b of AGING_BUCKETS) g.buckets[b.key] = new Decimal(g.buckets[b.key]).plus(r.buckets[b.key]).toFixed(2);
    g.total = new Decimal(g.total).plus(r.total).toFixed(2);
    g.overdue = new Decimal(g.overdue).plus(r.overdue).toFixed(2);
    groups.set(key, g);
  }
  return groups;
}
