import { cities, hospitalsPerCity } from '../../scale';
import { GenContext, Step } from '../context';
import { cityOf } from './distributors';

/**
 * Opportunities (机会点): each captured by a partner user of a distributor at a hospital of the
 * distributor's city, over the history, for one product line, at every stage in the proportions of
 * a real pipeline (two in five still leads, one in ten won, one in ten lost). Each has the facts of
 * the stages it reached (LEAD, and its current one), and one in three an approved registration
 * (some already past its protection), one in seven of the rest a pending one, so the funnel, the
 * pipeline list and the registration filter read real mixtures.
 */
export const opportunities: Step = {
  name: 'opportunities',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const c = cities(s);
    const perCity = hospitalsPerCity(s);
    const dist = `(1 + bench_gen.pick('op-d:' || n, ${s.distributors}))`;
    const rows = `SELECT n, dist, ${cityOf(ctx, 'dist')} AS city,
                         bench_gen.uid('pu:' || dist || ':' || (1 + bench_gen.pick('op-u:' || n, ${s.usersPerDistributor}))) AS owner,
                         bench_gen.pick('op-age:' || n, ${s.historyDays}) AS age,
                         CASE WHEN st < 40 THEN 'LEAD' WHEN st < 60 THEN 'NEED_CONFIRMED' WHEN st < 72 THEN 'TRIAL'
                              WHEN st < 80 THEN 'TENDER' WHEN st < 90 THEN 'WON' ELSE 'LOST' END AS stage
                    FROM (SELECT n, ${dist} AS dist, bench_gen.pick('op-s:' || n, 100) AS st
                            FROM generate_series(1, ${s.opportunities}) n) g`;
    await db.query(
      `INSERT INTO opportunity (id, brand_id, hospital_id, department_id, product_line_id, need, estimated_value, currency,
                                expected_month, owner_id, distributor_id, stage, lost_reason, created_by, created_at, updated_at)
       SELECT bench_gen.uid('op:' || n), bench_gen.uid('brand'), hd.hospital_id, hd.id,
              bench_gen.uid('line:' || (1 + bench_gen.pick('op-l:' || n, ${s.productLines}))),
              '科室新增设备与试剂需求（' || n || '）', 10000 + bench_gen.pick('op-v:' || n, 2000000), 'CNY',
              to_char(CURRENT_DATE + 30 * bench_gen.pick('op-m:' || n, 12) - age, 'YYYY-MM'), owner, bench_gen.uid('d:' || dist), stage,
              CASE WHEN stage = 'LOST' THEN '价格高于竞品' END, owner,
              now() - make_interval(days => age), now() - make_interval(days => age / 2)
         FROM (${rows}) o
         CROSS JOIN LATERAL (SELECT d.id, d.hospital_id FROM hospital_department d
                              WHERE d.hospital_id = bench_gen.uid('h:' || (city + ${c} * bench_gen.pick('op-h:' || n, ${perCity})))
                              ORDER BY d.id LIMIT 1) hd`,
    );
    await db.query(
      `INSERT INTO opportunity_stage_fact (brand_id, opportunity_id, stage, recorded_by, created_at)
       SELECT bench_gen.uid('brand'), bench_gen.uid('op:' || n), 'LEAD', owner, now() - make_interval(days => age)
         FROM (${rows}) o
       UNION ALL
       SELECT bench_gen.uid('brand'), bench_gen.uid('op:' || n), stage, owner, now() - make_interval(days => age / 2)
         FROM (${rows}) o WHERE stage <> 'LEAD'`,
    );
    await db.query(
      `INSERT INTO deal_registration (brand_id, opportunity_id, distributor_id, status, registered_by, decided_by, decided_at, protected_until, created_at)
       SELECT bench_gen.uid('brand'), bench_gen.uid('op:' || n), bench_gen.uid('d:' || dist),
              CASE WHEN n % 3 = 0 THEN 'APPROVED' ELSE 'PENDING' END, owner,
              CASE WHEN n % 3 = 0 THEN bench_gen.uid('user:cm' || ((city - 1) / 6 + 1)) END,
              CASE WHEN n % 3 = 0 THEN now() - make_interval(days => age / 2) END,
              CASE WHEN n % 3 = 0 THEN CURRENT_DATE - age / 2 + 180 END,
              now() - make_interval(days => age)
         FROM (${rows}) o WHERE n % 3 = 0 OR n % 7 = 0`,
    );
    // the funnel summary, which the opportunities' triggers keep (off while the generator loads)
    await db.query(
      `INSERT INTO opportunity_funnel (brand_id, distributor_id, stage, currency, n, amount)
       SELECT brand_id, distributor_id, stage, currency, count(*), SUM(estimated_value)
         FROM opportunity GROUP BY brand_id, distributor_id, stage, currency`,
    );
    const {
      rows: [r],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM opportunity) AS opportunities, (SELECT count(*)::int FROM opportunity_stage_fact) AS facts,
              (SELECT count(*)::int FROM deal_registration) AS registrations, (SELECT count(*)::int FROM opportunity_funnel) AS funnel`,
    );
    return `${r.opportunities} opportunities (${r.funnel} rows in the funnel summary), ${r.facts} stage facts, ${r.registrations} registrations`;
  },
};
