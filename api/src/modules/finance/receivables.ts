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
 * (FIFO). Entries that were reversed, and their reversals, drop out together. Computed from the
 * entries alone: nothing here is stored.
 *
 * The CTE keeps only the columns the arithmetic needs and answers only what is still open, so a
 * brand-wide question (2 M entries in the benchmark) neither materialises memos nor ships
 * settled receivables to Node; callers add kind and memo, or sum into buckets, on top of `open`.
 */
const OPEN_ITEMS = `
  WITH live AS (
    SELECT e.id, e.distributor_id, e.occurred_on, COALESCE(e.due_on, e.occurred_on) AS due_on, e.amount
      FROM ledger_entry e
     WHERE e.brand_id = $1 AND e.distributor_id = ANY($2) AND e.reverses_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
  ), credits AS (
    SELECT distributor_id, -SUM(amount) AS settled FROM live WHERE amount < 0 GROUP BY distributor_id
  ), items AS (
    SELECT l.*, SUM(l.amount) OVER (PARTITION BY l.distributor_id ORDER BY l.due_on, l.occurred_on, l.id) AS cum
      FROM live l WHERE l.amount > 0
  ), open AS (
    SELECT i.id, i.distributor_id, i.occurred_on, i.due_on, i.amount, LEAST(i.amount, i.cum - COALESCE(c.settled, 0)) AS outstanding
      FROM items i LEFT JOIN credits c ON c.distributor_id = i.distributor_id
     WHERE i.cum - COALESCE(c.settled, 0) > 0
  )`;

export async function openItems(em: EntityManager, brandId: string, distributorIds: string[]): Promise<OpenItem[]> {
  if (!distributorIds.length) return [];
  const rows: Array<{ id: string; distributor_id: string; occurred_on: string; due_on: string; kind: LedgerEntryKind; memo: string | null; amount: string; outstanding: string }> = await em.query(
    `${OPEN_ITEMS}
     SELECT o.id, o.distributor_id, o.occurred_on::text AS occurred_on, o.due_on::text AS due_on, e.kind, e.memo, o.amount::text AS amount,
            o.outstanding::text AS outstanding
       FROM open o JOIN ledger_entry e ON e.id = o.id
      ORDER BY o.distributor_id, o.due_on, o.occurred_on, o.id`,
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
 * past its collection date. Summed in SQL (exact numeric): one row per distributor comes back.
 */
export async function agingOf(em: EntityManager, brandId: string, distributorIds: string[], on: string): Promise<Aging[]> {
  if (!distributorIds.length) return [];
  const age = `GREATEST(0, $3::date - o.occurred_on)`;
  const buckets = AGING_BUCKETS.map((b, i) =>
    `COALESCE(SUM(o.outstanding) FILTER (WHERE ${age} >= ${b.from}${b.to === null ? '' : ` AND ${age} <= ${b.to}`}), 0)::text AS b${i}`);
  const rows: Array<Record<string, string>> = await em.query(
    `${OPEN_ITEMS}
     SELECT o.distributor_id, ${buckets.join(', ')}, SUM(o.outstanding)::text AS total,
            COALESCE(SUM(o.outstanding) FILTER (WHERE o.due_on < $3::date), 0)::text AS overdue
       FROM open o GROUP BY o.distributor_id`,
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
