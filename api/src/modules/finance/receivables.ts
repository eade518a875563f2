import { EntityManager } from 'typeorm';
import { AGING_BUCKETS, LedgerEntryKind } from '@medchannel/shared-schema';
import { Decimal } from '../../common/money';

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
 * (FIFO). Entries that were reversed, and their reversals, drop out together.
 *
 * The database keeps the result in `receivable_open_item` (migration ReceivableOpenItems: a
 * trigger recomputes a distributor's rows from its entries in every transaction that posts to
 * its ledger), so these reads touch only what is still open instead of settling the whole ledger
 * on every request; aging reads `receivable_open_day`, the same summed per day arisen and day due
 * (at 2 M entries: 30 k rows instead of 100 k open items, instead of 2 M entries).
 */
export async function openItems(em: EntityManager, brandId: string, distributorIds: string[]): Promise<OpenItem[]> {
  if (!distributorIds.length) return [];
  const rows: Array<{ id: string; distributor_id: string; occurred_on: string; due_on: string; kind: LedgerEntryKind; memo: string | null; amount: string; outstanding: string }> = await em.query(
    `SELECT o.entry_id AS id, o.distributor_id, o.occurred_on::text AS occurred_on, o.due_on::text AS due_on, e.kind, e.memo, o.amount::text AS amount,
            o.outstanding::text AS outstanding
       FROM receivable_open_item o JOIN ledger_entry e ON e.id = o.entry_id
      WHERE o.brand_id = $1 AND o.distributor_id = ANY($2)
      ORDER BY o.distributor_id, o.due_on, o.occurred_on, o.entry_id`,
    [brandId, distributorIds],
  );
  return rows.map((r) => ({
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

/**
 * The open items bucketed by days since each receivable arose, per distributor; overdue is what is
 * past its collection date. Summed in SQL (exact numeric) from the open amounts per day: one sum
 * per (distributor, bucket, overdue), pivoted into one row per distributor, largest total first.
 */
export async function agingOf(em: EntityManager, brandId: string, distributorIds: string[], on: string): Promise<Aging[]> {
  if (!distributorIds.length) return [];
  const age = `GREATEST(0, $3::date - o.occurred_on)`;
  const bucketOf = `CASE ${AGING_BUCKETS.map((b, i) => `WHEN ${age} >= ${b.from}${b.to === null ? '' : ` AND ${age} <= ${b.to}`} THEN ${i}`).join(' ')} END`;
  const buckets = AGING_BUCKETS.map((_, i) => `COALESCE(SUM(s.amount) FILTER (WHERE s.bucket = ${i}), 0)::text AS b${i}`);
  const rows: Array<Record<string, string>> = await em.query(
    `SELECT s.distributor_id, ${buckets.join(', ')}, SUM(s.amount)::text AS total,
            COALESCE(SUM(s.amount) FILTER (WHERE s.overdue), 0)::text AS overdue
       FROM (SELECT o.distributor_id, ${bucketOf} AS bucket, o.due_on < $3::date AS overdue, SUM(o.outstanding) AS amount
               FROM receivable_open_day o WHERE o.brand_id = $1 AND o.distributor_id = ANY($2) GROUP BY 1, 2, 3) s
      GROUP BY s.distributor_id ORDER BY SUM(s.amount) DESC, s.distributor_id`,
    [brandId, distributorIds, on],
  );
  return rows.map((r) => ({
    distributorId: r.distributor_id,
    buckets: Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.key, new Decimal(r[`b${i}`]).toFixed(2)])) as Record<AgingBucketKey, string>,
    total: new Decimal(r.total).toFixed(2),
    overdue: new Decimal(r.overdue).toFixed(2),
  }));
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
