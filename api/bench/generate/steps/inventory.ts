import { cities, firstTier, hospitalsPerCity, productCount } from '../../scale';
import { GenContext, Step } from '../context';
import { cityOf } from './distributors';

/** Batches per product: one a month over two years, so a batch reaches dozens of distributors. */
const BATCHES_PER_PRODUCT = 24;

/**
 * Channel inventory (渠道库存) and sell-out (流向), as stock_movement rows and the balances they sum
 * to. Receipt `r` (one per sell-out line) brings 100 units of a batch of one product to a first-tier
 * distributor; every fourth receipt goes to a distributor with a second tier, which takes 10 of the
 * units by a TRANSFER_OUT/TRANSFER_IN pair. Sell-out line `r` sells 1–5 units of receipt r's lot to
 * a hospital department of the seller's city (every fourth by the second tier, from what it was
 * given). So movements = 2.5 × sell-out lines (full: 2 M receipts, 1 M transfer halves, 2 M
 * sell-out lines = 5 M), no lot goes below zero, and stock_balance is their sum per lot.
 */
export const inventory: Step = {
  name: 'stock movements, sell-out, balances',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const first = firstTier(s);
    const c = cities(s);
    const perCity = hospitalsPerCity(s);
    const products = productCount(s);
    // the receipt's distributor: a parent of a second tier for every fourth, else any first tier
    const dist = `(CASE WHEN r % 4 = 0 THEN 1 + bench_gen.pick('sm-pd:' || r, ${s.secondTier})
                        ELSE 1 + bench_gen.pick('sm-d:' || r, ${first}) END)`;
    const product = `(1 + bench_gen.pick('sm-p:' || r, ${products}))`;
    const lots = `SELECT r, d, p, 'B' || lpad(p::text, 5, '0') || '-' || lpad((1 + bench_gen.pick('sm-b:' || r, ${BATCHES_PER_PRODUCT}))::text, 2, '0') AS batch,
                         30 + bench_gen.pick('sm-a:' || r, ${Math.max(1, s.historyDays - 30)}) AS age
                    FROM (SELECT r, ${dist} AS d, ${product} AS p FROM generate_series(1, ${s.sellOutLines}) r) g`;
    await db.query(`CREATE TEMP TABLE bench_lot AS ${lots}`);
    // a department per hospital, to sell to
    await db.query(
      `CREATE TEMP TABLE bench_dept AS
       SELECT DISTINCT ON (hospital_id) hospital_id, id FROM hospital_department ORDER BY hospital_id, id`,
    );
    await db.query(`CREATE INDEX ON bench_dept (hospital_id)`);
    await db.query(
      `INSERT INTO stock_movement (id, brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, kind, quantity, occurred_on, created_by, created_at)
       SELECT bench_gen.uid('sm-in:' || r), bench_gen.uid('brand'), bench_gen.uid('d:' || d), bench_gen.uid('p:' || p), batch, '',
              CURRENT_DATE - age + 730, 'RECEIVED', 100, CURRENT_DATE - age, bench_gen.uid('pu:' || d || ':1'), now() - make_interval(days => age)
         FROM bench_lot`,
    );
    // the second tier's share: a pair, five days after the receipt
    await db.query(
      `INSERT INTO stock_movement (id, brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, kind, quantity, occurred_on,
                                  counterpart_id, pair_id, created_by, created_at)
       SELECT bench_gen.uid('sm-to:' || r), bench_gen.uid('brand'), bench_gen.uid('d:' || d), bench_gen.uid('p:' || p), batch, '',
              CURRENT_DATE - age + 730, 'TRANSFER_OUT', -10, CURRENT_DATE - age + 5, bench_gen.uid('d:' || (d + ${first})), NULL,
              bench_gen.uid('pu:' || d || ':1'), now() - make_interval(days => age - 5)
         FROM bench_lot WHERE r % 4 = 0
       UNION ALL
       SELECT bench_gen.uid('sm-ti:' || r), bench_gen.uid('brand'), bench_gen.uid('d:' || (d + ${first})), bench_gen.uid('p:' || p), batch, '',
              CURRENT_DATE - age + 730, 'TRANSFER_IN', 10, CURRENT_DATE - age + 5, bench_gen.uid('d:' || d), bench_gen.uid('sm-to:' || r),
              bench_gen.uid('pu:' || d || ':1'), now() - make_interval(days => age - 5)
         FROM bench_lot WHERE r % 4 = 0`,
    );
    // sell-out: 1–5 units, 10–29 days after the receipt, at a hospital of the seller's city
    const seller = `(CASE WHEN r % 4 = 0 THEN d + ${first} ELSE d END)`;
    await db.query(
      `INSERT INTO stock_movement (id, brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, kind, quantity, occurred_on,
                                  hospital_id, department_id, created_by, created_at)
       SELECT bench_gen.uid('sm-out:' || r), bench_gen.uid('brand'), bench_gen.uid('d:' || seller), bench_gen.uid('p:' || p), batch, '',
              CURRENT_DATE - age + 730, 'SOLD_OUT', -(1 + bench_gen.pick('sm-q:' || r, 5)), CURRENT_DATE - age + 10 + bench_gen.pick('sm-day:' || r, 20),
              h.hospital_id, h.id, bench_gen.uid('pu:' || seller || ':2'), now() - make_interval(days => age - 10)
         FROM (SELECT l.*, ${seller} AS seller FROM bench_lot l) l
         JOIN bench_dept h ON h.hospital_id = bench_gen.uid('h:' || (${cityOf(ctx, 'seller')} + ${c} * bench_gen.pick('sm-h:' || r, ${perCity})))`,
    );
    await db.query(
      `INSERT INTO stock_balance (brand_id, distributor_id, product_id, batch_no, serial_no, expiry_date, quantity, updated_at)
       SELECT brand_id, distributor_id, product_id, batch_no, serial_no, MAX(expiry_date), SUM(quantity), MAX(created_at)
         FROM stock_movement GROUP BY brand_id, distributor_id, product_id, batch_no, serial_no`,
    );
    // the monthly sell-out summary, which the movements' trigger keeps (off while the generator loads)
    await db.query(
      `INSERT INTO sell_out_month (brand_id, distributor_id, hospital_id, department_id, product_id, month, sold)
       SELECT brand_id, distributor_id, hospital_id, department_id, product_id, date_trunc('month', occurred_on)::date, -SUM(quantity)
         FROM stock_movement WHERE hospital_id IS NOT NULL
        GROUP BY brand_id, distributor_id, hospital_id, department_id, product_id, date_trunc('month', occurred_on)`,
    );
    // and a hospital's month as a brand-wide list counts it (the same trigger keeps it)
    await db.query(
      `INSERT INTO sell_out_hospital_month (brand_id, month, hospital_id, rows, units)
       SELECT brand_id, month, hospital_id, COUNT(*) FILTER (WHERE sold <> 0), SUM(sold)
         FROM (SELECT brand_id, month, hospital_id, SUM(sold)::int AS sold FROM sell_out_month
                GROUP BY brand_id, month, hospital_id, department_id, product_id) g
        GROUP BY brand_id, month, hospital_id`,
    );
    // and each hospital's last day of sale (the coverage's "buying"; a trigger of its own keeps it)
    await db.query(
      `INSERT INTO sell_out_hospital_last (brand_id, hospital_id, last_sold_on)
       SELECT brand_id, hospital_id, MAX(occurred_on) FROM stock_movement
        WHERE kind = 'SOLD_OUT' AND hospital_id IS NOT NULL GROUP BY brand_id, hospital_id`,
    );
    await db.query(`DROP TABLE bench_lot`);
    await db.query(`DROP TABLE bench_dept`);
    const {
      rows: [n],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM stock_movement) AS movements,
              (SELECT count(*)::int FROM stock_movement WHERE kind = 'SOLD_OUT') AS sold,
              (SELECT count(*)::int FROM stock_balance) AS lots,
              (SELECT count(*)::int FROM sell_out_month) AS months`,
    );
    return `${n.movements} stock movements (${n.sold} sell-out lines, ${n.months} in the monthly summary), ${n.lots} lots on hand`;
  },
};
