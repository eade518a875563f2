import { GenContext, Step } from '../context';

/**
 * Each distributor's statements for the last two closed months, as issueStatement writes them:
 * opening balance from every entry before the month, the month's entries as lines, the totals.
 * The older month is confirmed by the owner; the latest is issued and waiting.
 */
export const statements: Step = {
  name: 'statements and their lines',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    await db.query(`DROP TABLE IF EXISTS bench_gen.m`);
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.m AS
       SELECT age, to_char(first, 'YYYY-MM') AS period, first, (first + interval '1 month')::date - 1 AS last
         FROM (SELECT age, (date_trunc('month', CURRENT_DATE) - make_interval(months => age))::date AS first FROM generate_series(1, 2) age) x`,
    );
    await db.query(
      `INSERT INTO statement (id, brand_id, distributor_id, period, version, status, currency, opening_balance, closing_balance, debits, credits,
                              confirmed_by, confirmed_at, created_at)
       SELECT bench_gen.uid('st:' || d || ':' || m.period), bench_gen.uid('brand'), bench_gen.uid('d:' || d), m.period, 1,
              CASE WHEN m.age = 1 THEN 'ISSUED' ELSE 'CONFIRMED' END, 'CNY', x.opening, x.opening + x.debits - x.credits, x.debits, x.credits,
              CASE WHEN m.age > 1 THEN bench_gen.uid('pu:' || d || ':1') END,
              CASE WHEN m.age > 1 THEN m.last + 10 END, m.last + 1
         FROM generate_series(1, ${s.distributors}) d CROSS JOIN bench_gen.m m
         CROSS JOIN LATERAL (
           SELECT COALESCE(sum(e.amount) FILTER (WHERE e.occurred_on < m.first), 0) AS opening,
                  COALESCE(sum(e.amount) FILTER (WHERE e.occurred_on BETWEEN m.first AND m.last AND e.amount > 0), 0) AS debits,
                  -COALESCE(sum(e.amount) FILTER (WHERE e.occurred_on BETWEEN m.first AND m.last AND e.amount < 0), 0) AS credits
             FROM ledger_entry e WHERE e.distributor_id = bench_gen.uid('d:' || d) AND e.occurred_on <= m.last
         ) x`,
    );
    await db.query(
      `INSERT INTO statement_line (brand_id, statement_id, line_no, ledger_entry_id, occurred_on, kind, amount, memo, created_at)
       SELECT e.brand_id, st.id, row_number() OVER (PARTITION BY st.id ORDER BY e.occurred_on, e.created_at, e.id), e.id, e.occurred_on, e.kind,
              e.amount, e.memo, st.created_at
         FROM statement st JOIN bench_gen.m m ON m.period = st.period
         JOIN ledger_entry e ON e.distributor_id = st.distributor_id AND e.occurred_on BETWEEN m.first AND m.last`,
    );
    await db.query(`DROP TABLE bench_gen.m`);
    const {
      rows: [r],
    } = await db.query(
      `SELECT (SELECT count(*) FROM statement)::int AS st, (SELECT count(*) FROM statement_line)::int AS lines`,
    );
    return `${r.st} statements, ${r.lines} lines`;
  },
};
