import { cities, deskProvinces } from '../../scale';
import { GenContext, Step, benchEmails } from '../context';
import { CITY_STEMS, CITY_SUFFIXES, PROVINCES } from '../names';

/**
 * The brand, its provinces and cities, and its people: an admin, the order desk and finance,
 * a regional head per three provinces and a channel manager per six cities.
 */
export const tenant: Step = {
  name: 'brand, regions, brand users',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const cpp = s.citiesPerProvince;
    await db.query(
      `INSERT INTO brand (id, code, name) VALUES (bench_gen.uid('brand'), 'BENCH', '基准医疗科技有限公司')`,
    );
    await db.query(
      `INSERT INTO region (id, brand_id, parent_id, level, code, name)
       SELECT bench_gen.uid('province:' || p), bench_gen.uid('brand'), NULL, 'PROVINCE', 'P' || lpad(p::text, 2, '0'), ($1::text[])[1 + (p - 1) % cardinality($1::text[])]
         FROM generate_series(1, ${s.provinces}) p`,
      [PROVINCES],
    );
    await db.query(
      `INSERT INTO region (id, brand_id, parent_id, level, code, name)
       SELECT bench_gen.uid('city:' || c), bench_gen.uid('brand'), bench_gen.uid('province:' || ((c - 1) / ${cpp} + 1)), 'CITY',
              'P' || lpad(((c - 1) / ${cpp} + 1)::text, 2, '0') || '-C' || lpad(((c - 1) % ${cpp} + 1)::text, 2, '0'),
              ($1::text[])[1 + (c - 1) % cardinality($1::text[])] || ($2::text[])[1 + ((c - 1) / cardinality($1::text[])) % cardinality($2::text[])] || '市'
         FROM generate_series(1, ${cities(s)}) c`,
      [CITY_STEMS, CITY_SUFFIXES],
    );
    const heads = Math.ceil(s.provinces / 3);
    const managers = Math.ceil(cities(s) / 6);
    await db.query(
      `INSERT INTO app_user (id, brand_id, person_id, email, display_name, side, role)
       SELECT bench_gen.uid('user:' || key), bench_gen.uid('brand'), bench_gen.uid('person:' || email), email, name, 'BRAND', role
         FROM (VALUES ('admin', $1, '王总', 'ADMIN'), ('order', $2, '刘芳', 'ORDER_DESK'), ('finance', $3, '孙丽', 'FINANCE')) v(key, email, name, role)
       UNION ALL
       SELECT bench_gen.uid('user:rh' || n), bench_gen.uid('brand'), bench_gen.uid('person:rh' || n || '@bench.demo'), 'rh' || n || '@bench.demo', '区域经理' || n, 'BRAND', 'REGIONAL_HEAD'
         FROM generate_series(1, ${heads}) n
       UNION ALL
       SELECT bench_gen.uid('user:cm' || n), bench_gen.uid('brand'), bench_gen.uid('person:cm' || n || '@bench.demo'), 'cm' || n || '@bench.demo', '渠道经理' || n, 'BRAND', 'CHANNEL_MANAGER'
         FROM generate_series(1, ${managers}) n`,
      [benchEmails.admin, benchEmails.orderDesk, benchEmails.finance],
    );
    // one person per user, with the bench password (triggers are off while generating: written here)
    await db.query(
      `INSERT INTO person (id, email, password_hash) SELECT person_id, email, $1 FROM app_user WHERE brand_id = bench_gen.uid('brand')`,
      [ctx.passwordHash],
    );
    // the order desk covers the first provinces; finance the whole brand (one team for the country)
    await db.query(
      `INSERT INTO user_region (brand_id, user_id, region_id)
       SELECT bench_gen.uid('brand'), bench_gen.uid('user:order'), bench_gen.uid('province:' || p) FROM generate_series(1, ${deskProvinces(s)}) p
       UNION ALL
       SELECT bench_gen.uid('brand'), bench_gen.uid('user:finance'), bench_gen.uid('province:' || p) FROM generate_series(1, ${s.provinces}) p
       UNION ALL
       SELECT bench_gen.uid('brand'), bench_gen.uid('user:rh' || ((p - 1) / 3 + 1)), bench_gen.uid('province:' || p) FROM generate_series(1, ${s.provinces}) p
       UNION ALL
       SELECT bench_gen.uid('brand'), bench_gen.uid('user:cm' || ((c - 1) / 6 + 1)), bench_gen.uid('city:' || c) FROM generate_series(1, ${cities(s)}) c`,
    );
    return `${s.provinces} provinces, ${cities(s)} cities, ${3 + heads + managers} brand users`;
  },
};
