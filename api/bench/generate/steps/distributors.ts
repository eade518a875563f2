import { authorizedLineStep, cities, firstTier as firstTierOf } from '../../scale';
import { GenContext, Step } from '../context';
import { COMPANY_STEMS } from '../names';

/**
 * SQL for the city (1-based index) distributor `d` sits in: first-tier ones go round the cities,
 * a second-tier one sits in its parent's city. Other steps use it to stay inside the grants.
 */
export function cityOf(ctx: GenContext, d: string): string {
  const s = ctx.scale;
  const firstTier = firstTierOf(s);
  return `(((CASE WHEN ${d} > ${firstTier} THEN ${d} - ${firstTier} ELSE ${d} END) - 1) % ${cities(s)} + 1)`;
}

/**
 * Distributors (the last ones second tier under the first), their owners and reps, licences, and
 * one formal authorization each: four product lines in their province (second tier: their city).
 */
export const distributors: Step = {
  name: 'distributors, partner users, qualifications, authorizations',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const firstTier = firstTierOf(s);
    const city = cityOf(ctx, 'd');
    const province = `((${city} - 1) / ${s.citiesPerProvince} + 1)`;
    await db.query(
      `INSERT INTO distributor (id, brand_id, name, code, stage, tier, region_id, channel_manager_id, parent_id, credit_code, address,
                                contact_name, contact_phone, classifications, credit_limit, payment_terms_days)
       SELECT bench_gen.uid('d:' || d), bench_gen.uid('brand'),
              r.name || ($1::text[])[1 + (d - 1) % cardinality($1::text[])] || '医疗器械有限公司' || CASE WHEN d > cardinality($1::text[]) THEN '（' || d || '）' ELSE '' END,
              'BD' || lpad(d::text, 4, '0'),
              CASE WHEN d % 20 = 0 THEN 'TRIAL' WHEN d % 20 = 10 THEN 'TEMP_AUTHORIZED' ELSE 'FORMAL' END,
              CASE WHEN d > ${firstTier} THEN 2 ELSE 1 END,
              r.id, bench_gen.uid('user:cm' || ((${city} - 1) / 6 + 1)),
              CASE WHEN d > ${firstTier} THEN bench_gen.uid('d:' || (d - ${firstTier})) END,
              '9133' || lpad(d::text, 14, '0'), r.name || '健康路' || d || '号', '联系人' || d, '1380000' || lpad(d::text, 4, '0'),
              '{III}', 5000000, (ARRAY[30, 60, 90])[1 + d % 3]
         FROM generate_series(1, ${s.distributors}) d
         JOIN region r ON r.id = bench_gen.uid('city:' || ${city})
        ORDER BY d`,
      [COMPANY_STEMS],
    );
    await db.query(
      `INSERT INTO app_user (id, brand_id, person_id, email, display_name, side, role, distributor_id, finance_access)
       SELECT bench_gen.uid('pu:' || d || ':' || u), bench_gen.uid('brand'), bench_gen.uid('person:pu:' || d || ':' || u),
              'u' || u || '@d' || lpad(d::text, 4, '0') || '.bench.demo',
              CASE WHEN u = 1 THEN '老板' ELSE '业务员' END || d || '-' || u, 'PARTNER', CASE WHEN u = 1 THEN 'OWNER' ELSE 'REP' END,
              bench_gen.uid('d:' || d), u = 2
         FROM generate_series(1, ${s.distributors}) d, generate_series(1, ${s.usersPerDistributor}) u`,
    );
    // one person per user, with the bench password (triggers are off while generating: written here)
    await db.query(
      `INSERT INTO person (id, email, password_hash)
       SELECT person_id, email, $1 FROM app_user WHERE brand_id = bench_gen.uid('brand') AND distributor_id IS NOT NULL`,
      [ctx.passwordHash],
    );
    await db.query(
      `INSERT INTO qualification (brand_id, distributor_id, type, number, device_classes, valid_from, valid_to)
       SELECT bench_gen.uid('brand'), bench_gen.uid('d:' || d), 'BUSINESS_LICENSE', '9133' || lpad(d::text, 14, '0'), '{}'::varchar[], CURRENT_DATE - 2000, NULL
         FROM generate_series(1, ${s.distributors}) d
       UNION ALL
       SELECT bench_gen.uid('brand'), bench_gen.uid('d:' || d), 'OPERATING_LICENSE_III', '械经营许' || d, '{II,III}'::varchar[], CURRENT_DATE - 900, CURRENT_DATE + 500
         FROM generate_series(1, ${s.distributors}) d`,
    );
    const step = authorizedLineStep(s);
    await db.query(
      `INSERT INTO authorization_grant (id, brand_id, distributor_id, kind, exclusive, product_line_ids, region_ids, valid_from, valid_to)
       SELECT bench_gen.uid('g:' || d), bench_gen.uid('brand'), bench_gen.uid('d:' || d), 'FORMAL', false,
              ARRAY(SELECT DISTINCT bench_gen.uid('line:' || ((d + k * ${step}) % ${s.productLines} + 1)) FROM generate_series(0, 3) k),
              ARRAY[CASE WHEN d > ${firstTier} THEN bench_gen.uid('city:' || ${city}) ELSE bench_gen.uid('province:' || ${province}) END],
              CURRENT_DATE - 300, CURRENT_DATE + 400
         FROM generate_series(1, ${s.distributors}) d`,
    );
    return `${s.distributors} distributors (${s.secondTier} second tier), ${s.distributors * s.usersPerDistributor} partner users`;
  },
};
