import { cities, firstTier, hospitalsPerCity, productCount } from '../../scale';
import { GenContext, Step } from '../context';
import { cityOf } from './distributors';

/**
 * Placed instruments (设备投放): each a serial of an instrument placed by a first-tier distributor at
 * a hospital department of its city, under a reagent commitment per month (three in four) or year,
 * started over the history for three years. One in ten has been returned; one in eight was moved to
 * another department of the same hospital. Each has its PLACED event, and its RELOCATED and
 * RETURNED events where it had them, so the list, the detail and the history read real mixtures.
 */
export const placements: Step = {
  name: 'placed instruments',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const first = firstTier(s);
    const c = cities(s);
    const perCity = hospitalsPerCity(s);
    const products = productCount(s);
    const dist = `(1 + bench_gen.pick('pl-d:' || n, ${first}))`;
    await db.query(
      `CREATE TEMP TABLE bench_pl AS
       SELECT n, dist, bench_gen.pick('pl-age:' || n, ${s.historyDays}) AS age,
              bench_gen.pick('pl-k:' || n, 40) AS k, hd.hospital_id, hd.id AS department_id, hd.other_id
         FROM (SELECT n, ${dist} AS dist FROM generate_series(1, ${s.placements}) n) g
         CROSS JOIN LATERAL (
           SELECT d.hospital_id, d.id, lead(d.id) OVER (ORDER BY d.id) AS other_id
             FROM hospital_department d
            WHERE d.hospital_id = bench_gen.uid('h:' || (${cityOf(ctx, 'dist')} + ${c} * bench_gen.pick('pl-h:' || n, ${perCity})))
            ORDER BY d.id LIMIT 1) hd`,
    );
    // k < 4: returned; 4 ≤ k < 9: relocated (to another department of the hospital, where it has one)
    await db.query(
      `INSERT INTO placement (id, brand_id, distributor_id, product_id, serial_no, source, hospital_id, department_id, reagent_line_id,
                              commitment_quantity, commitment_period, starts_on, ends_on, status, returned_on, created_by, created_at, updated_at)
       SELECT bench_gen.uid('pl:' || n), bench_gen.uid('brand'), bench_gen.uid('d:' || dist),
              bench_gen.uid('p:' || (1 + bench_gen.pick('pl-p:' || n, ${products}))), 'SN' || lpad(n::text, 8, '0'), 'STOCK',
              hospital_id, CASE WHEN k BETWEEN 4 AND 8 AND other_id IS NOT NULL THEN other_id ELSE department_id END,
              bench_gen.uid('line:' || (1 + bench_gen.pick('pl-l:' || n, ${s.productLines}))),
              CASE WHEN k % 4 = 3 THEN 1200 + 100 * bench_gen.pick('pl-q:' || n, 30) ELSE 50 + 10 * bench_gen.pick('pl-q:' || n, 45) END,
              CASE WHEN k % 4 = 3 THEN 'YEAR' ELSE 'MONTH' END,
              CURRENT_DATE - age, CURRENT_DATE - age + 1095,
              CASE WHEN k < 4 THEN 'RETURNED' ELSE 'PLACED' END, CASE WHEN k < 4 THEN CURRENT_DATE - age / 3 END,
              bench_gen.uid('pu:' || dist || ':1'), now() - make_interval(days => age), now() - make_interval(days => age / 3)
         FROM bench_pl`,
    );
    await db.query(
      `INSERT INTO placement_event (id, brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, actor_id, created_at)
       SELECT bench_gen.uid('pe-p:' || n), bench_gen.uid('brand'), bench_gen.uid('pl:' || n), 'PLACED', CURRENT_DATE - age,
              hospital_id, department_id, 'SN' || lpad(n::text, 8, '0'), bench_gen.uid('pu:' || dist || ':1'), now() - make_interval(days => age)
         FROM bench_pl
       UNION ALL
       SELECT bench_gen.uid('pe-m:' || n), bench_gen.uid('brand'), bench_gen.uid('pl:' || n), 'RELOCATED', CURRENT_DATE - age / 2,
              hospital_id, other_id, 'SN' || lpad(n::text, 8, '0'), bench_gen.uid('pu:' || dist || ':1'), now() - make_interval(days => age / 2)
         FROM bench_pl WHERE k BETWEEN 4 AND 8 AND other_id IS NOT NULL
       UNION ALL
       SELECT bench_gen.uid('pe-r:' || n), bench_gen.uid('brand'), bench_gen.uid('pl:' || n), 'RETURNED', CURRENT_DATE - age / 3,
              hospital_id, department_id, 'SN' || lpad(n::text, 8, '0'), bench_gen.uid('pu:' || dist || ':1'), now() - make_interval(days => age / 3)
         FROM bench_pl WHERE k < 4`,
    );
    await db.query(`DROP TABLE bench_pl`);
    const {
      rows: [n],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM placement) AS placed,
              (SELECT count(*)::int FROM placement WHERE status = 'RETURNED') AS returned,
              (SELECT count(*)::int FROM placement_event) AS events`,
    );
    return `${n.placed} placed instruments (${n.returned} returned), ${n.events} events`;
  },
};
