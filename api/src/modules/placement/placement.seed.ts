import { EntityManager } from 'typeorm';
import { BRANDS, distributorByCode, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';

/** The demo's placed instruments and stocktake, as the browser tests and the screens read them. */
const SEED_PLACEMENTS = {
  /** 康达's analyser at 浙大一院's laboratory (moved there from 超声医学科) */
  zyLab: 'CL1000-2401-0007',
  /** 康达's analyser at 市一医院's laboratory, under a yearly commitment */
  syLab: 'CL1000-2402-0011',
  /** 宁波瑞康's (康达's second tier) analyser at 宁波市第一医院 */
  ningbo: 'CL1000-2403-0005',
  /** 瑞达's (瑞光) analyser */
  ruida: 'BC800-2501-0002',
};

const product = (code: string) => PRODUCTS.find((p) => p.code === code)!;
const line = (brandId: string, code: string) => PRODUCT_LINES.find((l) => l.brandId === brandId && l.code === code)!;

/**
 * Placed equipment: 康达 placed two CL-1000 analysers under reagent commitments (one moved from
 * 超声医学科 to 检验科), its second tier 宁波瑞康 one, 瑞光's 瑞达 one; 华康 opened this year's
 * stocktake, due in a month, with nothing confirmed yet. Written straight to the tables (instruments
 * placed before the system: their serials never went through the channel stock).
 */
export async function seedPlacements(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const day = (offset: number) => cal.fromToday(offset);
  const dept = async (hospitalId: string, name: string): Promise<string> =>
    (await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [hospitalId, name]))[0]
      .id;
  const HK = BRANDS.huakang.id;
  const RG = BRANDS.ruiguang.id;
  const cl = product('HK-CL-1000').id;
  const ivd = line(HK, 'IVD').id;
  const [zy, sy, nbh] = HOSPITALS;
  const rgHospital = HOSPITALS.find((h) => h.brandId === RG)!;

  const rows = [
    {
      brand: HK,
      distributor: distributorByCode('HK-KD').id,
      actor: userByEmail('boss@kangda.demo').id,
      productId: cl,
      serial: SEED_PLACEMENTS.zyLab,
      hospital: zy.id,
      firstDept: await dept(zy.id, '超声医学科'),
      dept: await dept(zy.id, '检验科'),
      lineId: ivd,
      quantity: 20,
      period: 'MONTH',
      from: -200,
      to: 900,
    },
    {
      brand: HK,
      distributor: distributorByCode('HK-KD').id,
      actor: userByEmail('boss@kangda.demo').id,
      productId: cl,
      serial: SEED_PLACEMENTS.syLab,
      hospital: sy.id,
      firstDept: null,
      dept: await dept(sy.id, '检验科'),
      lineId: ivd,
      quantity: 240,
      period: 'YEAR',
      from: -120,
      to: 600,
    },
    {
      brand: HK,
      distributor: distributorByCode('HK-NBRK').id,
      actor: userByEmail('boss@nbruikang.demo').id,
      productId: cl,
      serial: SEED_PLACEMENTS.ningbo,
      hospital: nbh.id,
      firstDept: null,
      dept: await dept(nbh.id, nbh.departments[0].name),
      lineId: ivd,
      quantity: 10,
      period: 'MONTH',
      from: -60,
      to: 700,
    },
    {
      brand: RG,
      distributor: distributorByCode('RG-RD').id,
      actor: userByEmail('boss@ruida.demo').id,
      productId: product('RG-BC-800').id,
      serial: SEED_PLACEMENTS.ruida,
      hospital: rgHospital.id,
      firstDept: null,
      dept: await dept(rgHospital.id, rgHospital.departments[0].name),
      lineId: line(RG, 'BIO').id,
      quantity: 30,
      period: 'MONTH',
      from: -90,
      to: 640,
    },
  ];
  for (const r of rows) {
    const [p] = await em.query(
      `INSERT INTO placement (brand_id, distributor_id, product_id, serial_no, source, hospital_id, department_id, reagent_line_id,
                              commitment_quantity, commitment_period, starts_on, ends_on, created_by, version)
       VALUES ($1, $2, $3, $4, 'STOCK', $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        r.brand,
        r.distributor,
        r.productId,
        r.serial,
        r.hospital,
        r.dept,
        r.lineId,
        r.quantity,
        r.period,
        day(r.from),
        day(r.to),
        r.actor,
        r.firstDept ? 2 : 1,
      ],
    );
    const event = (kind: string, on: number, department: string, note: string | null) =>
      em.query(
        `INSERT INTO placement_event (brand_id, placement_id, kind, occurred_on, hospital_id, department_id, serial_no, note, actor_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [r.brand, p.id, kind, day(on), r.hospital, department, r.serial, note, r.actor, cal.factAt(day(on), '10:00')],
      );
    await event('PLACED', r.from, r.firstDept ?? r.dept, null);
    if (r.firstDept) await event('RELOCATED', -90, r.dept, '检验科新建流水线，移机');
  }

  const admin = userByEmail('admin@huakang.demo').id;
  const [campaign] = await em.query(
    `INSERT INTO stocktake_campaign (brand_id, year, due_on, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [HK, Number(cal.today.slice(0, 4)), day(30), admin],
  );
  await em.query(
    `INSERT INTO stocktake_item (brand_id, campaign_id, placement_id, distributor_id, serial_no, hospital_id, department_id)
     SELECT p.brand_id, $2, p.id, p.distributor_id, p.serial_no, p.hospital_id, p.department_id
       FROM placement p WHERE p.brand_id = $1 AND p.status = 'PLACED'`,
    [HK, campaign.id],
  );
}
