import { authorizedLineStep, cities, firstTier as firstTierOf } from '../../scale';
import { GenContext, Step } from '../context';
import { cityOf } from './distributors';

/** The path an order took to its final status: action, from, to, who (placer or desk), hours after placing. */
const PATHS: Array<[string, string, string | null, string, 'placer' | 'desk', number]> = [];
const path = (final: string, moves: Array<[string, string, 'placer' | 'desk', number]>) => {
  let from: string | null = null;
  for (const [action, to, who, hours] of [
    ['PLACE', 'SUBMITTED', 'placer', 0] as [string, string, 'placer', number],
    ...moves,
  ]) {
    PATHS.push([final, action, from, to, who, hours]);
    from = to;
  }
};
path('SUBMITTED', []);
path('APPROVED', [['APPROVE', 'APPROVED', 'desk', 2]]);
path('REJECTED', [['REJECT', 'REJECTED', 'desk', 3]]);
path('CANCELLED', [['CANCEL', 'CANCELLED', 'placer', 1]]);
path('PARTIALLY_SHIPPED', [
  ['APPROVE', 'APPROVED', 'desk', 2],
  ['SHIP', 'PARTIALLY_SHIPPED', 'desk', 48],
]);
path('SHIPPED', [
  ['APPROVE', 'APPROVED', 'desk', 2],
  ['SHIP', 'SHIPPED', 'desk', 48],
]);
path('DELIVERED', [
  ['APPROVE', 'APPROVED', 'desk', 2],
  ['SHIP', 'SHIPPED', 'desk', 48],
  ['DELIVER', 'DELIVERED', 'placer', 120],
]);
path('CLOSED', [
  ['APPROVE', 'APPROVED', 'desk', 2],
  ['SHIP', 'SHIPPED', 'desk', 48],
  ['DELIVER', 'DELIVERED', 'placer', 120],
  ['CLOSE', 'CLOSED', 'desk', 240],
]);

const SHIPPED = `('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'CLOSED')`;

/**
 * Orders over the history (the newest still waiting on the desk, the older shipped and closed),
 * 3–7 lines each from the distributor's authorized lines at its tier price, their timelines, and
 * one shipment per shipped order (a partial one ships line 1). Staged in unlogged tables first so
 * totals and shipped amounts agree with the lines exactly.
 */
export const orders: Step = {
  name: 'orders, lines, events, shipments',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const c = cities(s);
    const city = cityOf(ctx, 'b.d');
    const step = authorizedLineStep(s);
    const firstTier = firstTierOf(s);
    await db.query(`DROP TABLE IF EXISTS bench_gen.o, bench_gen.l, bench_gen.t`);
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.o AS
       WITH b AS (
         SELECT i, (i - 1) % ${s.distributors} + 1 AS d, bench_gen.rnd('o-age:' || i) * ${s.historyDays} AS age, bench_gen.rnd('o-status:' || i) AS r
           FROM generate_series(1, ${s.orders}) i
       ), placed AS (
         SELECT b.*, now() - make_interval(secs => b.age * 86400) AS submitted_at,
                CASE WHEN b.d > ${firstTier} THEN ${city}
                     ELSE ((${city} - 1) / ${s.citiesPerProvince}) * ${s.citiesPerProvince} + 1 + bench_gen.pick('o-city:' || i, ${s.citiesPerProvince}) END AS hcity
           FROM b
       )
       SELECT i, d, bench_gen.uid('o:' || i) AS id, bench_gen.uid('d:' || d) AS distributor_id, CASE WHEN d > ${firstTier} THEN 2 ELSE 1 END AS tier,
              bench_gen.uid('pu:' || d || ':' || (1 + bench_gen.pick('o-user:' || i, ${s.usersPerDistributor}))) AS placed_by,
              CASE WHEN bench_gen.rnd('o-kind:' || i) < 0.8
                   THEN bench_gen.uid('h:' || (hcity + ${c} * bench_gen.pick('o-h:' || i, (${s.hospitals} - hcity) / ${c} + 1))) END AS hospital_id,
              submitted_at, 3 + i % 5 AS nlines,
              CASE
                WHEN age < 2 THEN CASE WHEN r < 0.6 THEN 'SUBMITTED' WHEN r < 0.9 THEN 'APPROVED' WHEN r < 0.95 THEN 'CANCELLED' ELSE 'REJECTED' END
                WHEN age < 7 THEN CASE WHEN r < 0.2 THEN 'APPROVED' WHEN r < 0.4 THEN 'PARTIALLY_SHIPPED' WHEN r < 0.9 THEN 'SHIPPED' WHEN r < 0.95 THEN 'CANCELLED' ELSE 'REJECTED' END
                WHEN age < 30 THEN CASE WHEN r < 0.3 THEN 'SHIPPED' WHEN r < 0.9 THEN 'DELIVERED' WHEN r < 0.95 THEN 'CANCELLED' ELSE 'REJECTED' END
                ELSE CASE WHEN r < 0.8 THEN 'CLOSED' WHEN r < 0.9 THEN 'DELIVERED' WHEN r < 0.95 THEN 'CANCELLED' ELSE 'REJECTED' END
              END AS status,
              'SO' || to_char(submitted_at, 'YYYYMMDD') || lpad((row_number() OVER (ORDER BY submitted_at, i))::text, 8, '0') AS number
         FROM placed`,
    );
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.l AS
       SELECT x.*, CASE WHEN x.status IN ('SHIPPED', 'DELIVERED', 'CLOSED') OR (x.status = 'PARTIALLY_SHIPPED' AND x.line_no = 1) THEN x.quantity ELSE 0 END AS shipped_qty
         FROM (
           SELECT o.i, o.status, n AS line_no, bench_gen.uid('ol:' || o.i || ':' || n) AS id, p.id AS product_id, p.kind, pe.price AS unit_price,
                  CASE WHEN p.kind = 'EQUIPMENT' THEN 1 + bench_gen.pick('q:' || o.i || ':' || n, 2) ELSE 1 + bench_gen.pick('q:' || o.i || ':' || n, 50) END AS quantity
             FROM bench_gen.o o
             CROSS JOIN LATERAL generate_series(1, o.nlines) n
             JOIN product p ON p.id = bench_gen.uid('p:' || (((o.d + bench_gen.pick('ol-k:' || o.i || ':' || n, 4) * ${step}) % ${s.productLines}) * ${s.productsPerLine}
                                                          + 1 + bench_gen.pick('ol-p:' || o.i || ':' || n, ${s.productsPerLine})))
             JOIN price_list_entry pe ON pe.product_id = p.id AND pe.tier = o.tier
         ) x`,
    );
    await db.query(
      `CREATE UNLOGGED TABLE bench_gen.t AS SELECT i, sum(quantity * unit_price) AS total, sum(shipped_qty * unit_price) AS shipped FROM bench_gen.l GROUP BY i`,
    );
    await db.query(`CREATE INDEX ON bench_gen.t (i)`);
    await db.query(
      `INSERT INTO purchase_order (id, brand_id, distributor_id, number, kind, hospital_id, placed_by, status, currency, total, shipped_total,
                                   idempotency_key, request_hash, submitted_at, version, created_at, updated_at)
       SELECT o.id, bench_gen.uid('brand'), o.distributor_id, o.number, CASE WHEN o.hospital_id IS NULL THEN 'STOCK' ELSE 'HOSPITAL' END, o.hospital_id,
              o.placed_by, o.status, 'CNY', t.total, t.shipped, bench_gen.uid('o-key:' || o.i), repeat('0', 64), o.submitted_at,
              (SELECT count(*) FROM (VALUES ${PATHS.map(([f]) => `('${f}')`).join(', ')}) v(f) WHERE v.f = o.status),
              o.submitted_at, o.submitted_at
         FROM bench_gen.o o JOIN bench_gen.t t USING (i)
        ORDER BY o.submitted_at`,
    );
    await db.query(
      `INSERT INTO order_line (id, brand_id, order_id, line_no, product_id, quantity, unit_price, currency, created_at)
       SELECT l.id, bench_gen.uid('brand'), o.id, l.line_no, l.product_id, l.quantity, l.unit_price, 'CNY', o.submitted_at
         FROM bench_gen.l l JOIN bench_gen.o o USING (i)
        ORDER BY o.submitted_at, l.line_no`,
    );
    await db.query(
      `INSERT INTO order_event (brand_id, order_id, action, from_status, to_status, reason, actor_id, created_at)
       SELECT bench_gen.uid('brand'), o.id, p.action, p.from_status, p.to_status,
              CASE p.action WHEN 'REJECT' THEN '资质不全，请补充后重新下单' WHEN 'CANCEL' THEN '医院改期' END,
              CASE p.who WHEN 'placer' THEN o.placed_by ELSE bench_gen.uid('user:order') END,
              LEAST(o.submitted_at + make_interval(hours => p.hours), now())
         FROM bench_gen.o o
         JOIN (VALUES ${PATHS.map(([f, a, from, to, who, h]) => `('${f}', '${a}', ${from ? `'${from}'` : 'NULL'}, '${to}', '${who}', ${h})`).join(', ')})
              p(final, action, from_status, to_status, who, hours) ON p.final = o.status
        ORDER BY o.submitted_at, p.hours`,
    );
    await db.query(
      `INSERT INTO shipment (id, brand_id, order_id, distributor_id, number, shipped_on, carrier, tracking_no, amount, currency,
                             idempotency_key, request_hash, created_by, created_at)
       SELECT bench_gen.uid('s:' || o.i), bench_gen.uid('brand'), o.id, o.distributor_id,
              'SH' || to_char(o.submitted_at + interval '2 days', 'YYYYMMDD') || lpad((row_number() OVER (ORDER BY o.submitted_at, o.i))::text, 8, '0'),
              LEAST((o.submitted_at + interval '2 days')::date, CURRENT_DATE), '顺丰速运', 'SF' || lpad(o.i::text, 12, '0'), t.shipped, 'CNY',
              bench_gen.uid('s-key:' || o.i), repeat('0', 64), bench_gen.uid('user:order'), LEAST(o.submitted_at + interval '2 days', now())
         FROM bench_gen.o o JOIN bench_gen.t t USING (i)
        WHERE o.status IN ${SHIPPED}
        ORDER BY o.submitted_at`,
    );
    await db.query(
      `INSERT INTO shipment_item (brand_id, shipment_id, order_line_id, item_no, quantity, batch_no, serial_no, udi_pi, expiry_date, created_at)
       SELECT bench_gen.uid('brand'), bench_gen.uid('s:' || l.i), l.id, l.line_no, l.shipped_qty, 'B' || to_char(o.submitted_at, 'YYMM') || lpad((l.i % 1000)::text, 3, '0'),
              CASE WHEN l.kind = 'EQUIPMENT' AND l.shipped_qty = 1 THEN 'SN' || l.i || '-' || l.line_no END,
              '(10)B' || l.i, CASE WHEN l.kind = 'CONSUMABLE' THEN (o.submitted_at + interval '540 days')::date END,
              LEAST(o.submitted_at + interval '2 days', now())
         FROM bench_gen.l l JOIN bench_gen.o o USING (i)
        WHERE l.shipped_qty > 0
        ORDER BY o.submitted_at, l.line_no`,
    );
    await db.query(`SELECT setval('purchase_order_number_seq', ${s.orders})`);
    await db.query(`SELECT setval('shipment_number_seq', (SELECT count(*) FROM shipment))`);
    const {
      rows: [r],
    } = await db.query(
      `SELECT (SELECT count(*) FROM order_line)::int AS lines, (SELECT count(*) FROM order_event)::int AS events,
              (SELECT count(*) FROM shipment)::int AS shipments, (SELECT count(*) FROM shipment_item)::int AS items`,
    );
    await db.query(`DROP TABLE bench_gen.o, bench_gen.l, bench_gen.t`);
    return `${s.orders} orders, ${r.lines} lines, ${r.events} events, ${r.shipments} shipments, ${r.items} shipment items`;
  },
};
