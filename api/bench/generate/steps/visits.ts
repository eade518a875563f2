import { cities, hospitalsPerCity } from '../../scale';
import { GenContext, Step } from '../context';
import { cityOf } from './distributors';

/**
 * Visit notes: each by the channel manager of a distributor's city, at a hospital of that
 * city, over the history; three in five SHARED with the distributor's owner and one rep on the CC
 * list, the rest INTERNAL (no CC). Every other shared note carries a commitment, a third of them
 * still open, so the owners' inboxes and the heads' queues have work in them.
 */
export const visits: Step = {
  name: 'visit notes',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const c = cities(s);
    const perCity = hospitalsPerCity(s);
    const dist = `(1 + bench_gen.pick('vn-d:' || n, ${s.distributors}))`;
    // one row per note: n, its distributor's number, whether shared; every statement below derives from it
    const notes = `SELECT n, dist, ${cityOf(ctx, 'dist')} AS city, bench_gen.rnd('vn-v:' || n) < 0.6 AS shared
                     FROM (SELECT n, ${dist} AS dist FROM generate_series(1, ${s.visitNotes}) n) g`;
    await db.query(
      `INSERT INTO visit_note (id, brand_id, author_id, hospital_id, distributor_id, visibility, visited_on, outcome, next_steps, idempotency_key, request_hash, created_at)
       SELECT bench_gen.uid('vn:' || n), bench_gen.uid('brand'), bench_gen.uid('user:cm' || ((city - 1) / 6 + 1)),
              bench_gen.uid('h:' || (city + ${c} * bench_gen.pick('vn-h:' || n, ${perCity}))), bench_gen.uid('d:' || dist),
              CASE WHEN shared THEN 'SHARED' ELSE 'INTERNAL' END, CURRENT_DATE - bench_gen.pick('vn-age:' || n, ${s.historyDays}),
              '拜访科室主任，介绍新品并了解装机需求（' || n || '）', '下周安排试用', bench_gen.uid('vn-k:' || n), repeat('0', 64),
              now() - make_interval(days => bench_gen.pick('vn-age:' || n, ${s.historyDays}))
         FROM (${notes}) v`,
    );
    await db.query(
      `INSERT INTO visit_note_cc (brand_id, note_id, user_id, added_by)
       SELECT bench_gen.uid('brand'), bench_gen.uid('vn:' || n), bench_gen.uid('pu:' || dist || ':' || u), bench_gen.uid('user:cm' || ((city - 1) / 6 + 1))
         FROM (${notes}) v CROSS JOIN generate_series(1, 2) u WHERE shared`,
    );
    await db.query(
      `INSERT INTO visit_commitment (brand_id, note_id, item_no, kind, description, amount, currency, status, answered_by, answered_at)
       SELECT bench_gen.uid('brand'), bench_gen.uid('vn:' || n), 1, 'TRIAL_EQUIPMENT', '借用样机两周（' || n || '）', NULL, NULL,
              CASE WHEN n % 3 = 0 THEN 'OPEN' ELSE 'ACKNOWLEDGED' END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE bench_gen.uid('pu:' || dist || ':1') END, CASE WHEN n % 3 = 0 THEN NULL ELSE now() END
         FROM (${notes}) v WHERE shared AND n % 2 = 0`,
    );
    const {
      rows: [r],
    } = await db.query(
      `SELECT (SELECT count(*)::int FROM visit_note) AS notes, (SELECT count(*)::int FROM visit_note_cc) AS cc, (SELECT count(*)::int FROM visit_commitment) AS commitments`,
    );
    return `${r.notes} notes, ${r.cc} CC rows, ${r.commitments} commitments`;
  },
};
