import { GenContext, Step, count } from '../context';

/**
 * The ledger: a receivable per shipment, then the ERP's receivables, finance's rebates and credit
 * notes (their records: steps/credits.ts) and payments up to the total asked for. Payments settle 85–99 % of what each distributor
 * was billed, so FIFO leaves its newest receivables open: aging has something in every bucket.
 */
export const ledger: Step = {
  name: 'ledger entries',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    await db.query(
      `INSERT INTO ledger_entry (id, brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo, created_by, created_at)
       SELECT bench_gen.uid('le-s:' || sh.id), sh.brand_id, sh.distributor_id, 'SHIPMENT_RECEIVABLE', sh.amount, 'CNY', sh.shipped_on,
              sh.shipped_on + d.payment_terms_days, 'shipment', sh.id, o.number, sh.created_by, sh.created_at
         FROM shipment sh JOIN purchase_order o ON o.id = sh.order_id JOIN distributor d ON d.id = sh.distributor_id
        ORDER BY sh.created_at`,
    );
    const fill = Math.max(0, s.ledgerEntries - (await count(ctx, 'ledger_entry')));
    await db.query(`DROP TABLE IF EXISTS bench_gen.f`);
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.f AS
       SELECT k, (k - 1) % ${s.distributors} + 1 AS d, CURRENT_DATE - bench_gen.pick('le-day:' || k, ${s.historyDays}) AS occurred_on,
              CASE WHEN r < 0.58 THEN 'SHIPMENT_RECEIVABLE' WHEN r < 0.60 THEN 'REBATE' WHEN r < 0.62 THEN 'CREDIT_NOTE' ELSE 'PAYMENT' END AS kind,
              CASE WHEN r < 0.58 THEN round((1000 + bench_gen.rnd('le-amt:' || k) * 49000)::numeric, 2)
                   WHEN r < 0.62 THEN -round((100 + bench_gen.rnd('le-amt:' || k) * 2900)::numeric, 2) END AS amount
         FROM (SELECT k, bench_gen.rnd('le-kind:' || k) AS r FROM generate_series(1, ${fill}) k) x`,
    );
    await db.query(`CREATE INDEX ON bench_gen.f (d)`);
    // what each distributor was billed and already credited, and how many payments it makes
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.pay AS
       SELECT d, (0.85 + 0.14 * bench_gen.rnd('factor:' || d)) * billed - credited AS settle, payments
         FROM (
           SELECT n AS d,
                  COALESCE((SELECT sum(amount) FROM ledger_entry WHERE distributor_id = bench_gen.uid('d:' || n)), 0)
                    + COALESCE((SELECT sum(amount) FROM bench_gen.f WHERE d = n AND amount > 0), 0) AS billed,
                  -COALESCE((SELECT sum(amount) FROM bench_gen.f WHERE d = n AND amount < 0), 0) AS credited,
                  (SELECT count(*) FROM bench_gen.f WHERE d = n AND kind = 'PAYMENT') AS payments
             FROM generate_series(1, ${s.distributors}) n
         ) x`,
    );
    await db.query(
      `INSERT INTO ledger_entry (id, brand_id, distributor_id, kind, amount, currency, occurred_on, due_on, source_type, source_id, memo, created_at)
       SELECT bench_gen.uid('le:' || f.k), bench_gen.uid('brand'), bench_gen.uid('d:' || f.d), f.kind,
              COALESCE(f.amount, -round((GREATEST(p.settle, 0) / GREATEST(p.payments, 1))::numeric, 2)), 'CNY', f.occurred_on,
              CASE WHEN f.kind = 'SHIPMENT_RECEIVABLE' THEN f.occurred_on + dist.payment_terms_days END,
              CASE WHEN f.kind IN ('REBATE', 'CREDIT_NOTE') THEN 'account_credit' ELSE 'erp' END, bench_gen.uid('le-src:' || f.k),
              CASE f.kind WHEN 'SHIPMENT_RECEIVABLE' THEN 'ERP 发货单 E' || lpad(f.k::text, 9, '0') WHEN 'PAYMENT' THEN '银行回款 ' || f.k
                          WHEN 'REBATE' THEN '季度返利' ELSE '质量折让' END,
              f.occurred_on + make_interval(secs => bench_gen.pick('le-t:' || f.k, 86400))
         FROM bench_gen.f f JOIN bench_gen.pay p USING (d) JOIN distributor dist ON dist.id = bench_gen.uid('d:' || f.d)
        ORDER BY f.occurred_on, f.k`,
    );
    await db.query(`DROP TABLE bench_gen.f, bench_gen.pay`);
    // the open receivables the database keeps: its trigger is off under the replica role, so fill them once
    await db.query(`SELECT receivable_open_refresh(ARRAY(SELECT id FROM distributor))`);
    await db.query(
      `INSERT INTO receivable_open_state (distributor_id, version) SELECT id, 1 FROM distributor ON CONFLICT DO NOTHING`,
    );
    return `${await count(ctx, 'ledger_entry')} ledger entries`;
  },
};
