import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { AGING_BUCKETS, LedgerEntryKind } from '@medchannel/shared-schema';
import { Scope, scopeCondition, seesAccounts } from '../../auth/scope';
import { Decimal, fixed2 } from '../../common/money';
import type { Json } from '../../db/json-tree';
import { readsOnReplica } from '../../db/replica';

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
 * (far fewer rows than the open items, themselves far fewer than the entries: BENCHMARKS.md,
 * "Figures behind code decisions").
 */
const OPEN_ITEM_COLUMNS = `o.entry_id AS id, o.distributor_id, o.occurred_on::text AS occurred_on, o.due_on::text AS due_on, e.kind, e.memo,
  o.amount::text AS amount, o.outstanding::text AS outstanding`;

type OpenItemRow = {
  id: string;
  distributor_id: string;
  occurred_on: string;
  due_on: string;
  kind: LedgerEntryKind;
  memo: string | null;
  amount: string;
  outstanding: string;
};

const openItemOf = (r: OpenItemRow): OpenItem => ({
  entryId: r.id,
  distributorId: r.distributor_id,
  occurredOn: r.occurred_on,
  dueOn: r.due_on,
  kind: r.kind,
  memo: r.memo,
  amount: fixed2(r.amount),
  outstanding: fixed2(r.outstanding),
});

/** Runs a statement with named parameters on the caller's manager. */
function queryNamed<T>(em: EntityManager, sql: string, params: ObjectLiteral): Promise<T[]> {
  const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params);
  return em.query(text, values);
}

/**
 * The open items of some distributors whose account the viewer may see (the scope's `finance`),
 * earliest due first; `limit` keeps the first ones (of each request, not per distributor).
 */
export async function openItems(
  em: EntityManager,
  scope: Scope,
  distributorIds: string[],
  limit: number | null = null,
): Promise<OpenItem[]> {
  if (!distributorIds.length) return [];
  const visible = scopeCondition(scope, 'finance', 'o');
  const rows = await queryNamed<OpenItemRow>(
    em,
    `SELECT ${OPEN_ITEM_COLUMNS}
       FROM receivable_open_item o JOIN ledger_entry e ON e.id = o.entry_id
      WHERE o.distributor_id = ANY(:ids) AND ${visible.sql}
      ORDER BY o.distributor_id, o.due_on, o.occurred_on, o.entry_id
      LIMIT :limit`,
    { ...visible.params, ids: distributorIds, limit },
  );
  return rows.map(openItemOf);
}

/** Where one account stands, from its entries and its kept open items: one statement. */
export interface AccountFigures {
  balance: string;
  openCount: number;
  overdue: string;
  overdueCount: number;
  /** the first open item not yet overdue (earliest due) */
  nextDue: OpenItem | null;
}

/** The distributor an account card is about: its id and terms, or no row when the viewer may not see it. */
export interface AccountRow {
  /** SQL selecting `id` and `payment_terms_days` of at most one distributor, in the viewer's scope */
  sql: string;
  params: ObjectLiteral;
}

/**
 * One account's figures, in ONE statement with the scope check that finds its distributor (`account`):
 * its entries and open items read as the scope's `finance` (an account out of view shows nothing).
 * Null when `account` finds no distributor.
 */
export async function accountFigures(
  em: EntityManager,
  scope: Scope,
  account: AccountRow,
  on: string,
): Promise<(AccountFigures & { distributorId: string; paymentTermsDays: number }) | null> {
  const entries = scopeCondition(scope, 'finance', 'le');
  const items = scopeCondition(scope, 'finance', 'o');
  const [row] = await queryNamed<Record<string, string | number | null>>(
    em,
    `SELECT a.id AS account_id, a.payment_terms_days AS account_terms,
            (SELECT COALESCE(SUM(le.amount), 0)::text FROM ledger_entry le WHERE le.distributor_id = a.id AND ${entries.sql}) AS balance,
            f.open_count, f.overdue_count, f.overdue, n.*
       FROM (${account.sql}) a
       CROSS JOIN LATERAL (
         SELECT count(*)::int AS open_count, count(*) FILTER (WHERE o.due_on < :on)::int AS overdue_count,
                COALESCE(SUM(o.outstanding) FILTER (WHERE o.due_on < :on), 0)::text AS overdue
           FROM receivable_open_item o WHERE o.distributor_id = a.id AND ${items.sql}) f
       LEFT JOIN LATERAL (
         SELECT ${OPEN_ITEM_COLUMNS} FROM receivable_open_item o JOIN ledger_entry e ON e.id = o.entry_id
          WHERE o.distributor_id = a.id AND ${items.sql} AND o.due_on >= :on
          ORDER BY o.due_on, o.occurred_on, o.entry_id LIMIT 1) n ON true`,
    { ...account.params, ...entries.params, ...items.params, on },
  );
  if (!row) return null;
  return {
    distributorId: String(row.account_id),
    paymentTermsDays: Number(row.account_terms),
    balance: fixed2(String(row.balance)),
    openCount: Number(row.open_count),
    overdue: fixed2(String(row.overdue)),
    overdueCount: Number(row.overdue_count),
    nextDue: row.id ? openItemOf(row as unknown as OpenItemRow) : null,
  };
}

type AgingBucketKey = (typeof AGING_BUCKETS)[number]['key'];

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
 * The distributors an aging covers: SQL selecting their ids, with its named parameters (the
 * caller's scoped query, so the ids never travel to Node and back).
 */
export interface DistributorSet {
  sql: string;
  params: ObjectLiteral;
}

/** A set of distributors given by id, those whose account the viewer may see (as the scope's `finance` reads accounts). */
export function distributorsById(scope: Scope, ids: readonly string[]): DistributorSet {
  const visible = scopeCondition(scope, 'distributor', 'ad');
  return {
    sql: `SELECT ad.id FROM distributor ad WHERE ad.id = ANY(CAST(:aging_ids AS uuid[])) AND ${seesAccounts(scope) ? visible.sql : 'FALSE'}`,
    params: { ...visible.params, aging_ids: ids },
  };
}

/**
 * Every distributor's aging as of `on`, as one SQL relation `aging (distributor_id, b0…b3, total,
 * overdue)`: the open amounts per day bucketed by days since each receivable arose; overdue is
 * what is past its collection date (exact numeric). Rows are kept per distributor and day
 * (migration ReceivableAging): those whose version is current are read, the others summed afresh
 * from `receivable_open_day` and stored, in this one statement. Only distributors with something
 * open have a row. Named parameters: :aging_brand (the viewer's brand), :aging_on, and the set's own.
 */
function agingRelation(distributors: DistributorSet): string {
  const on = `CAST(:aging_on AS date)`;
  const age = `GREATEST(0, ${on} - o.occurred_on)`;
  const bucketOf = `CASE ${AGING_BUCKETS.map((b, i) => `WHEN ${age} >= ${b.from}${b.to === null ? '' : ` AND ${age} <= ${b.to}`} THEN ${i}`).join(' ')} END`;
  const sums = AGING_BUCKETS.map((_, i) => `COALESCE(SUM(s.amount) FILTER (WHERE s.bucket = ${i}), 0) AS b${i}`);
  const figures = FIGURE_COLUMNS.join(', ');
  // a read-only standby keeps nothing: there the stale rows are only summed (db/replica.ts)
  const store = readsOnReplica()
    ? ''
    : `stored AS (
      INSERT INTO receivable_aging (distributor_id, as_of, version, brand_id, ${figures})
      SELECT s.distributor_id, ${on}, stale.version, :aging_brand, ${FIGURE_COLUMNS.map((c) => `s.${c}`).join(', ')}
        FROM summed s JOIN stale USING (distributor_id) ORDER BY s.distributor_id
          ON CONFLICT (distributor_id, as_of) DO UPDATE SET version = EXCLUDED.version, ${FIGURE_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
       WHERE receivable_aging.version < EXCLUDED.version
    ),`;
  return `current_state AS (
      SELECT st.distributor_id, st.version FROM receivable_open_state st WHERE st.distributor_id IN (${distributors.sql})
    ), kept AS (
      SELECT a.distributor_id, ${FIGURE_COLUMNS.map((c) => `a.${c}`).join(', ')}
        FROM receivable_aging a JOIN current_state c ON c.distributor_id = a.distributor_id AND c.version = a.version
       WHERE a.as_of = ${on}
    ), stale AS (
      SELECT c.distributor_id, c.version FROM current_state c WHERE NOT EXISTS (SELECT 1 FROM kept k WHERE k.distributor_id = c.distributor_id)
    ), summed AS (
      SELECT s.distributor_id, ${sums.join(', ')}, SUM(s.amount) AS total, COALESCE(SUM(s.amount) FILTER (WHERE s.overdue), 0) AS overdue
        FROM (SELECT o.distributor_id, ${bucketOf} AS bucket, o.due_on < ${on} AS overdue, SUM(o.outstanding) AS amount
                FROM receivable_open_day o JOIN stale ON stale.distributor_id = o.distributor_id
               WHERE o.brand_id = :aging_brand GROUP BY 1, 2, 3) s
       GROUP BY s.distributor_id
    ), ${store} aging AS (
      SELECT distributor_id, ${figures} FROM kept UNION ALL SELECT distributor_id, ${figures} FROM summed
    )`;
}

const noFigures = (): AgingFigures => ({
  buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b.key, '0.00'])) as Record<AgingBucketKey, string>,
  total: '0.00',
  overdue: '0.00',
});

const figuresOf = (r: Record<string, string>, prefix = ''): AgingFigures => ({
  buckets: Object.fromEntries(AGING_BUCKETS.map((b, i) => [b.key, fixed2(r[`${prefix}b${i}`])])) as Record<
    AgingBucketKey,
    string
  >,
  total: fixed2(r[`${prefix}total`]),
  overdue: fixed2(r[`${prefix}overdue`]),
});

/** Runs a statement over the aging relation with named parameters. */
function queryAging<T>(
  ds: DataSource,
  distributors: DistributorSet,
  scope: Scope,
  on: string,
  select: string,
  params: ObjectLiteral = {},
): Promise<T[]> {
  const [sql, values] = ds.driver.escapeQueryWithParameters(`WITH ${agingRelation(distributors)}\n${select}`, {
    ...distributors.params,
    ...params,
    aging_brand: scope.brandId,
    aging_on: on,
  });
  return ds.query(sql, values);
}

/** Every distributor's aging as of `on`, largest total first. */
export async function agingOf(
  ds: DataSource,
  scope: Scope,
  distributors: DistributorSet,
  on: string,
): Promise<Aging[]> {
  const rows = await queryAging<Record<string, string>>(
    ds,
    distributors,
    scope,
    on,
    `SELECT distributor_id, ${FIGURE_COLUMNS.map((c) => `${c}::text`).join(', ')} FROM aging ORDER BY total DESC, distributor_id DESC`,
  );
  return rows.map((r) => ({ distributorId: r.distributor_id, ...figuresOf(r) }));
}

export interface AgingPage {
  /** up to first + 1 rows: the extra one only tells that a next page exists; each with its tree when one was asked */
  rows: Array<Aging & { tree?: Json | null }>;
  /** how many distributors have something open */
  count: number;
  /** the figures of all of them, not only the page's */
  totals: AgingFigures;
}

/**
 * One page of the aging, largest total (or overdue) first (ties: by distributor id), after a keyset
 * (that figure, distributor id), with the count and the totals of every row: one statement (its count
 * row comes back even when the page is empty).
 */
export async function agingPage(
  ds: DataSource,
  scope: Scope,
  distributors: DistributorSet,
  on: string,
  first: number,
  after: { value: string; distributorId: string } | null,
  /** the figure the page is sorted on, largest first */
  by: 'total' | 'overdue' = 'total',
  /** what each row names, as JSON over `p.distributor_id` (aging-tree.ts), read in the same statement */
  tree: { sql: string; params: Record<string, unknown> } | null = null,
): Promise<AgingPage> {
  const rows = await queryAging<Record<string, string> & { n: string; tree?: Json | null }>(
    ds,
    distributors,
    scope,
    on,
    `SELECT t.n::text AS n, ${FIGURE_COLUMNS.map((c) => `t.${c}::text AS t_${c}`).join(', ')}, p.distributor_id, ${FIGURE_COLUMNS.map((c) => `p.${c}::text AS ${c}`).join(', ')}
            ${tree ? `, CASE WHEN p.distributor_id IS NOT NULL THEN ${tree.sql} END AS tree` : ''}
       FROM (SELECT count(*) AS n, ${FIGURE_COLUMNS.map((c) => `COALESCE(SUM(${c}), 0) AS ${c}`).join(', ')} FROM aging) t
       LEFT JOIN LATERAL (
         SELECT * FROM aging a WHERE CAST(:after_value AS numeric) IS NULL OR (a.${by}, a.distributor_id) < (CAST(:after_value AS numeric), CAST(:after_id AS uuid))
          ORDER BY a.${by} DESC, a.distributor_id DESC LIMIT :page_rows) p ON true`,
    {
      ...tree?.params,
      after_value: after?.value ?? null,
      after_id: after?.distributorId ?? null,
      page_rows: first + 1,
    },
  );
  return {
    rows: rows
      .filter((r) => r.distributor_id !== null)
      .map((r) => ({ distributorId: r.distributor_id, ...figuresOf(r), ...(tree ? { tree: r.tree ?? null } : {}) })),
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
