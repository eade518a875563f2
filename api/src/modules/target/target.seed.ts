import { EntityManager } from 'typeorm';
import { StockMovementKind, TargetStatus, TargetVersionKind } from '@medchannel/shared-schema';
import { BRANDS, distributorByCode, fixedId, userByEmail } from '../../db/seed/demo-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { Decimal } from '../../common/money';
import { appendMovement } from '../inventory';
import { yearlyPotential } from './potential.service';
import { evenQuarters } from './target.service';
import { DepartmentPotential, SalesTarget, SalesTargetVersion } from './target.entity';

/** The demo target: 杭州康达's 超声影像 target of the seed's year, proposed from potential and accepted by its owner. */
export const SEED_TARGET_ID = fixedId(0x7a01, 1);

const HK = BRANDS.huakang.id;
const line = (code: string) => PRODUCT_LINES.find((l) => l.brandId === HK && l.code === code)!.id;

/**
 * 华康's assumptions at the two Hangzhou hospitals 杭州康达 is authorized for (both lines, the
 * city): ultrasound at 浙大一院 (edited once: the usage per test was raised), the labs of both
 * for the reagents. Beds are the hospital's; volumes the department's.
 */
const POTENTIALS = [
  {
    hospital: 0,
    department: '超声医学科',
    line: 'IMG',
    usage: ['0.4000', '0.5000'],
    price: '2.00',
    bedsPer: 250,
    equipment: '650000.00',
    life: 8,
  },
  {
    hospital: 0,
    department: '检验科',
    line: 'IVD',
    usage: ['0.0500'],
    price: '35.00',
    bedsPer: 1000,
    equipment: '800000.00',
    life: 6,
  },
  {
    hospital: 1,
    department: '检验科',
    line: 'IVD',
    usage: ['0.0500'],
    price: '35.00',
    bedsPer: 1000,
    equipment: '800000.00',
    life: 6,
  },
];

export async function seedTargets(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const cm = userByEmail('zhang.cm@huakang.demo').id;
  const owner = userByEmail('boss@kangda.demo').id;
  let imgPotential = '0.00';
  for (const p of POTENTIALS) {
    const hospital = HOSPITALS.filter((h) => h.brandId === HK)[p.hospital];
    const dept = hospital.departments.find((d) => d.name === p.department)!;
    const [row] = await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [
      hospital.id,
      p.department,
    ]);
    for (const [i, usage] of p.usage.entries()) {
      const assumptions = {
        beds: hospital.beds,
        yearlyVolume: dept.yearlyVolume,
        usagePerProcedure: usage,
        consumableUnitPrice: p.price,
        bedsPerEquipment: p.bedsPer,
        equipmentUnitPrice: p.equipment,
        equipmentLifeYears: p.life,
      };
      const sums = yearlyPotential(assumptions);
      if (p.line === 'IMG') imgPotential = new Decimal(sums.consumables).plus(sums.equipment).toFixed(2);
      await em.insert(DepartmentPotential, {
        brandId: HK,
        hospitalId: hospital.id,
        departmentId: row.id,
        productLineId: line(p.line),
        version: i + 1,
        ...assumptions,
        ...sums,
        currency: 'CNY',
        note: i > 0 ? '科室主任确认每次检查平均用量 0.5 片' : null,
        createdBy: cm,
        createdAt: cal.factAt(cal.fromToday(-40 + i * 10), '10:00'),
      });
    }
  }
  const year = Number(cal.today.slice(0, 4));
  await em.insert(SalesTarget, {
    id: SEED_TARGET_ID,
    brandId: HK,
    distributorId: distributorByCode('HK-KD').id,
    productLineId: line('IMG'),
    year,
    status: TargetStatus.AGREED,
    currency: 'CNY',
    agreedAt: cal.factAt(cal.fromToday(-20), '15:00'),
    agreedBy: owner,
    version: 2,
    createdBy: cm,
    createdAt: cal.factAt(cal.fromToday(-25), '11:00'),
  });
  const yearly = new Decimal(imgPotential).times('0.3').toFixed(2);
  const [q1, q2, q3, q4] = evenQuarters(yearly);
  await em.insert(SalesTargetVersion, {
    brandId: HK,
    targetId: SEED_TARGET_ID,
    number: 1,
    kind: TargetVersionKind.PROPOSAL,
    potential: imgPotential,
    share: '0.3000',
    yearly,
    q1,
    q2,
    q3,
    q4,
    currency: 'CNY',
    reason: null,
    createdBy: cm,
    requestKey: 'seed-target-1',
    requestHash: '0'.repeat(64),
    createdAt: cal.factAt(cal.fromToday(-25), '11:00'),
  });
  await seedTargetSellOut(em, cal);
}

/**
 * The demo target's reported sell-out (流向): 杭州康达 holds ultrasound pads (超声影像's consumable)
 * from before the system and sells 12 to 浙大一院's 超声医学科 this month, so the target's series
 * has a month with sell-out of its own line (the channel's reagents are the other line's).
 */
async function seedTargetSellOut(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const hospital = HOSPITALS.filter((h) => h.brandId === HK)[0];
  const [dept] = await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [
    hospital.id,
    '超声医学科',
  ]);
  const lot = {
    brandId: HK,
    distributorId: distributorByCode('HK-KD').id,
    productId: PRODUCTS.find((p) => p.code === 'HK-PAD-50')!.id,
    batchNo: 'P2601',
    serialNo: '',
  };
  await appendMovement(em, {
    ...lot,
    expiryDate: cal.fromToday(500),
    kind: StockMovementKind.ADJUSTED,
    quantity: 30,
    occurredOn: cal.fromToday(-60),
    reason: '期初库存（系统上线前）',
    createdBy: userByEmail('boss@kangda.demo').id,
  });
  await appendMovement(em, {
    ...lot,
    expiryDate: null,
    kind: StockMovementKind.SOLD_OUT,
    quantity: -12,
    occurredOn: cal.thisMonthDay(2),
    hospitalId: hospital.id,
    departmentId: dept.id,
    createdBy: userByEmail('li.rep@kangda.demo').id,
  });
}
