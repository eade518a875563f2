import { EntityManager } from 'typeorm';
import { AGING_BUCKETS, LedgerEntryKind } from '@medchannel/shared-schema';
import { Decimal, fixed2 } from '../../common/money';

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

/** The figures of aging rows summed (a page's totals, or all of a province's distributors). */
export type AgingFigures = Omit<Aging, 'distributorId'>;

/** The kept aging's figure columns: one per bucket (AGING_BUCKETS' order), total, overdue. */
const FIGURE_COLUMNS = [...AGING_BUCKETS.map((_, i) => `b${i}`), 'total', 'overdue'];

/**
 * Every distributor's aging as of `on`, as one SQL relation `aging (distributor_id, b0…b3, total,
 * overdue)`: the open amounts per day bucketed by days since each receivable arose; overdue is
 * what is past its collection date (exact numeric). Rows are kept per distributor and day
 * (migration ReceivableAging): those whose version is current are read, the others summed afresh
 * from `receivable_open_day` and stored, in this one statement. Only distributors with something
 * open have a row. $1 brand, $2 distributor ids, $3 the day.
 */
function agingRelation(): string {
  const age = `GREATEST(0, $3::date - o.occurred_on)`;
  const bucketOf = `CASE ${AGING_BUCKETS.map((b, i) => `WHEN ${age} >= ${b.from}${b.to === null ? '' : ` AND ${age} <= ${b.to}`} THEN ${i}`).join(' ')} END`;
  const sums = AGING_BUCKETS.map((_, i) => `COALESCE(SUM(s.amount) FILTER (WHERE s.bucket = ${i}), 0) AS b${i}`);
  const figures = FIGURE_COLUMNS.join(', ');
  return `current_state AS (
      SELECT st.distributor_id, st.version FROM receivable_open_state st WHERE st.distributor_id = ANY($2)
    ), kept AS (
      SELECT a.distributor_id, ${FIGURE_COLUMNS.map((c) => `a.${c}`).join(', ')}
        FROM receivable_aging a JOIN current_state c ON c.distributor_id = a.distributor_id AND c.version = a.version
       WHERE a.as_of = $3::date
    ), stale AS (
      SELECT c.distributor_id, c.version FROM current_state c WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.distributor_id = c.distributor_id)
    ), summed AS (
      SELECT s.distributor_id, ${sums.join(', ')}, SUM(s.amount) AS total, COALESCE(SUM(s.amount) FILTER (WHERE s.overdue), 0) AS overdue
        FROM (SELECT o.distributor_id, ${bucketOf} AS bucket, o.due_on < $3::date AS overdue, SUM(o.outstanding) AS amount
                FROM receivable_open_day o JOIN stale ON stale.distributor_id = o.distributor_id
               WHERE o.brand_id = $1 GROUP BY 1, 2, 3) s
       GROUP BY s.distributor_id
    ), stored AS (
      INSERT INTO receivable_aging (distributor_id, as_of, version, brand_id, ${figures})
      SELECT s.distributor_id, $3::date, stale.version, $1, ${FIGURE_COLUMNS.map((c) => `s.${c}`).join(', ')}
        FROM summed s JOIN stale USING (distributor_id) ORDER BY s.distributor_id
          ON CONFLICT (distributor_id, as_of) DO UPDATE SET version = EXCLUDED.version, ${FIGURE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE receivable_aging.version < EXCLUDED.version
    ), aging AS (
      SELECT distributor_id, ${figures} FROM kept UNION ALL SELECT distributor_id, ${figures} FROM summed
    )`;
}

const noFigures = (): AgingFigures => ({
  buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, '0.00'])) as Record<AgingBucketKey, string>,
  total: '0.00',
  overdue: '0.00',
});

const figuresOf = (r: Record<string, string>, prefix = ''): AgingFigures => ({
  buckets: Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.key, fixed2(r[`${prefix}b${i}`])])) as Record<AgingBucketKey, string>,
  total: fixed2(r[`${prefix}total`]),
  overdue: fixed2(r[`${prefix}overdue`]),
});

/** Every distributor's aging as of `on`, largest total first. */
export async function agingOf(em: EntityManager, brandId: string, distributorIds: string[], on: string): Promise<Aging[]> {
  if (!distributorIds.length) return [];
  const rows: Array<Record<string, string>> = await em.query(
    `WITH ${agingRelation()}
     SELECT distributor_id, ${FIGURE_COLUMNS.map((c) => `${c}::text`).join(', ')} FROM aging ORDER BY total DESC, distributor_id DESC`,
    [brandId, distributorIds, on],
  );
  return rows.map((r) => ({ distributorId: r.distributor_id, ...figuresOf(r) }));
}

export interface AgingPage {
  /** up to first + 1 rows: the extra one only tells that a next page exists */
  rows: Aging[];
  /** how many distributors have something open */
  count: number;
  /** the figures of all of them, not only the page's */
  totals: AgingFigures;
}

/**
 * One page of the aging, largest total first (ties: by distributor id), after a keyset
 * (total, distributor id), with the count and the totals of every row: one statement.
 */
export async function agingPage(
  em: EntityManager, brandId: string, distributorIds: string[], on: string, first: number, after: { total: string; distributorId: string } | null,
): Promise<AgingPage> {
  const none: AgingPage = { rows: [], count: 0, totals: noFigures() };
  if (!distributorIds.length) return none;
  const rows: Array<Record<string, string> & { n: string }> = await em.query(
    `WITH ${agingRelation()}
     SELECT t.n::text AS n, ${FIGURE_COLUMNS.map((c) => `t.${c}::text AS t_${c}`).join(', ')}, p.distributor_id, ${FIGURE_COLUMNS.map((c) => `p.${c}::text AS ${c}`).join(', ')}
       FROM (SELECT count(*) AS n, ${FIGURE_COLUMNS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM aging) t
       LEFT JOIN LATERAL (
         SELECT * FROM aging a WHERE $4::numeric IS NULL OR (a.total, a.distributor_id) < ($4::numeric, $5::uuid)
          ORDER BY a.total DESC, a.distributor_id DESC LIMIT $6) p ON true`,
    [brandId, distributorIds, on, after?.total ?? null, after?.distributorId ?? null, first + 1],
  );
  if (!rows.length) return none;
  return {
    rows: rows.filter((r) => r.distributor_id !== null).map((r) => ({ distributorId: r.distributor_id, ...figuresOf(r) })),
    count: Number(rows[0].n),
    totals: figuresOf(rows[0], 't_'),
  };
}

/** Sums aging rows into groups (e.g. the distributors of a province): bucket by bucket, exactly. */
export function sumAging(rows: Aging[], groupOf: (distributorId: string) => string): Map<string, AgingFigures> {
  const groups = new Map<string, AgingFigures>();
  for (const r of rows) {
    const key = groupOf(r.distributorId);
    const g = groups.get(key) ?? noFigures();
    for (const b of AGING_BUCKETS) g.buckets[b.key] = new Decimal(g.buckets[b.key]).plus(r.buckets[b.key]).toFixed(2);
    g.total = new Decimal(g.total).plus(r.total).toFixed(2);
    g.overdue = new Decimal(g.overdue).plus(r.overdue).toFixed(2);
    groups.set(key, g);
  }
  return groups;
}
