import { cities } from '../../scale';
import { GenContext, Step } from '../context';
import { DEPARTMENTS, HOSPITAL_KINDS } from '../names';

/** Hospital `h` lies in city (h - 1) % cities + 1, so a grant's province or city covers a known set. */
export const hospitals: Step = {
  name: 'hospitals, departments, contacts',
  async run(ctx: GenContext) {
    const { db, scale: s } = ctx;
    const c = cities(s);
    await db.query(
      `INSERT INTO hospital (id, brand_id, name, grade, beds, region_id, address)
       SELECT bench_gen.uid('h:' || h), bench_gen.uid('brand'),
              r.name || '第' || ((h - 1) / ${c} + 1) || ($1::text[])[1 + ((h - 1) / ${c}) % cardinality($1::text[])],
              (ARRAY['GRADE_3A', 'GRADE_3B', 'GRADE_2A', 'GRADE_2B', 'GRADE_1'])[1 + bench_gen.pick('grade:' || h, 5)],
              100 + bench_gen.pick('beds:' || h, 3000), r.id, r.name || '人民路' || h || '号'
         FROM generate_series(1, ${s.hospitals}) h
         JOIN region r ON r.id = bench_gen.uid('city:' || ((h - 1) % ${c} + 1))`,
      [HOSPITAL_KINDS],
    );
    await db.query(
      `INSERT INTO hospital_department (brand_id, hospital_id, name, yearly_volume, volume_kind)
       SELECT bench_gen.uid('brand'), bench_gen.uid('h:' || h), ($1::text[])[1 + (h + k) % cardinality($1::text[])],
              1000 + bench_gen.pick('vol:' || h || ':' || k, 500000), 'TEST'
         FROM generate_series(1, ${s.hospitals}) h, generate_series(1, ${s.departmentsPerHospital}) k`,
      [DEPARTMENTS],
    );
    await db.query(
      `INSERT INTO hospital_contact (brand_id, hospital_id, name, title, decision_role)
       SELECT bench_gen.uid('brand'), bench_gen.uid('h:' || h), '联系人' || h, '设备科科长', 'EQUIPMENT_HEAD'
         FROM generate_series(1, ${s.hospitals}) h`,
    );
    return `${s.hospitals} hospitals, ${s.hospitals * s.departmentsPerHospital} departments`;
  },
};
