import { EntityManager } from 'typeorm';
import { OpportunityStage, RegistrationStatus } from '@medchannel/shared-schema';
import { addMonths } from '../../common/dates';
import { BRANDS, distributorByCode, fixedId, userByEmail } from '../../db/seed/demo-data';
import { HOSPITALS } from '../../db/seed/hospital-data';
import { PRODUCT_LINES } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { DealRegistration, Opportunity, OpportunityStageFact } from './opportunity.entity';

/**
 * The demo pipeline of 华康: a few opportunities of 杭州康达 and 广州粤康 and one of the brand's own,
 * in every stage, one registration protecting, one waiting for the channel manager. Ids are fixed;
 * days are relative to the seed's day (seed-clock.ts), so the protection shown is always live.
 */
export interface SeedOpportunity {
  id: string;
  hospitalId: string;
  department: string;
  lineCode: string;
  distributorCode: string | null;
  owner: string;
  need: string;
  value: string;
  /** months from the seed's month */
  expectedIn: number;
  competitor: string | null;
  /** the stages reached after LEAD, each with how many days ago */
  stages: Array<{ stage: OpportunityStage; daysAgo: number; note?: string; lostTo?: string }>;
  createdDaysAgo: number;
  registration?: { status: RegistrationStatus; daysAgo: number; decidedDaysAgo?: number; protectedDays?: number };
}

const id = (n: number) => fixedId(0x6f01, n);
/** The fixed id of a seeded opportunity's registration. */
export const seedRegistrationId = (o: SeedOpportunity) => fixedId(0x6f02, SEED_OPPORTUNITIES.indexOf(o) + 1);
const hospital = (name: string) => HOSPITALS.find((h) => h.brandId === BRANDS.huakang.id && h.name === name)!.id;

export const SEED_OPPORTUNITIES: SeedOpportunity[] = [
  {
    id: id(1),
    hospitalId: hospital('浙江大学医学院附属第一医院'),
    department: '超声医学科',
    lineCode: 'IMG',
    distributorCode: 'HK-KD',
    owner: 'li.rep@kangda.demo',
    need: '新院区超声医学科扩容，计划增加 3 台彩超',
    value: '1260000.00',
    expectedIn: 2,
    competitor: 'GE 医疗',
    stages: [{ stage: OpportunityStage.NEED_CONFIRMED, daysAgo: 12 }],
    createdDaysAgo: 30,
    registration: { status: RegistrationStatus.APPROVED, daysAgo: 20, decidedDaysAgo: 18, protectedDays: 72 },
  },
  {
    id: id(2),
    hospitalId: hospital('杭州市第一人民医院'),
    department: '检验科',
    lineCode: 'IVD',
    distributorCode: 'HK-KD',
    owner: 'wang.rep@kangda.demo',
    need: '化学发光平台到期更换，年检测量约 30 万人次',
    value: '860000.00',
    expectedIn: 3,
    competitor: '迈瑞',
    stages: [],
    createdDaysAgo: 6,
    registration: { status: RegistrationStatus.PENDING, daysAgo: 2 },
  },
  {
    id: id(3),
    hospitalId: hospital('苏州大学附属第一医院'),
    department: '检验科',
    lineCode: 'IVD',
    distributorCode: null,
    owner: 'zhang.cm@huakang.demo',
    need: 'CRP 检测试剂的院内招标前调研',
    value: '320000.00',
    expectedIn: 4,
    competitor: null,
    stages: [],
    createdDaysAgo: 9,
  },
  {
    id: id(4),
    hospitalId: hospital('浙江大学医学院附属第一医院'),
    department: '检验科',
    lineCode: 'IVD',
    distributorCode: 'HK-KD',
    owner: 'li.rep@kangda.demo',
    need: 'HIV 抗原抗体检测试剂替换',
    value: '450000.00',
    expectedIn: 0,
    competitor: '罗氏',
    stages: [
      { stage: OpportunityStage.NEED_CONFIRMED, daysAgo: 50 },
      { stage: OpportunityStage.TENDER, daysAgo: 30 },
      { stage: OpportunityStage.WON, daysAgo: 8 },
    ],
    createdDaysAgo: 70,
  },
  {
    id: id(5),
    hospitalId: hospital('杭州市第一人民医院'),
    department: '检验科',
    lineCode: 'IMG',
    distributorCode: 'HK-KD',
    owner: 'wang.rep@kangda.demo',
    need: '便携超声用于床旁检查',
    value: '180000.00',
    expectedIn: -1,
    competitor: '迈瑞',
    stages: [
      { stage: OpportunityStage.TRIAL, daysAgo: 40 },
      { stage: OpportunityStage.LOST, daysAgo: 15, note: '价格高于竞品，院方选择了国产品牌', lostTo: '迈瑞' },
    ],
    createdDaysAgo: 60,
  },
  {
    id: id(6),
    hospitalId: hospital('中山大学附属第一医院'),
    department: '超声科',
    lineCode: 'IMG',
    distributorCode: 'HK-YK',
    owner: 'boss@yuekang.demo',
    need: '超声科新增高端彩超 1 台',
    value: '980000.00',
    expectedIn: 1,
    competitor: '飞利浦',
    stages: [
      { stage: OpportunityStage.NEED_CONFIRMED, daysAgo: 25 },
      { stage: OpportunityStage.TENDER, daysAgo: 5 },
    ],
    createdDaysAgo: 40,
    registration: { status: RegistrationStatus.APPROVED, daysAgo: 35, decidedDaysAgo: 34, protectedDays: 56 },
  },
  {
    // won: its delivery project is seeded by the delivery module
    id: id(7),
    hospitalId: hospital('中山大学附属第一医院'),
    department: '超声科',
    lineCode: 'IMG',
    distributorCode: 'HK-YK',
    owner: 'boss@yuekang.demo',
    need: '超声科急诊床旁彩超 2 台（已中标）',
    value: '760000.00',
    expectedIn: -1,
    competitor: '迈瑞',
    stages: [
      { stage: OpportunityStage.NEED_CONFIRMED, daysAgo: 60 },
      { stage: OpportunityStage.TENDER, daysAgo: 35 },
      { stage: OpportunityStage.WON, daysAgo: 20 },
    ],
    createdDaysAgo: 80,
  },
];

/** The seeded won opportunity whose delivery project the demo shows. */
export const SEED_WON_OPPORTUNITY_ID = id(7);

export async function seedOpportunities(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const HK = BRANDS.huakang.id;
  const at = (daysAgo: number, hhmm = '10:00') => cal.factAt(cal.fromToday(-daysAgo), hhmm);
  for (const o of SEED_OPPORTUNITIES) {
    const [dept] = await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [
      o.hospitalId,
      o.department,
    ]);
    const owner = userByEmail(o.owner).id;
    const last = o.stages[o.stages.length - 1];
    const lost = last?.stage === OpportunityStage.LOST ? last : null;
    await em.insert(Opportunity, {
      id: o.id,
      brandId: HK,
      hospitalId: o.hospitalId,
      departmentId: dept.id,
      productLineId: PRODUCT_LINES.find((l) => l.brandId === HK && l.code === o.lineCode)!.id,
      productIds: [],
      need: o.need,
      estimatedValue: o.value,
      currency: 'CNY',
      expectedMonth: addMonths(`${cal.thisMonth}-01`, o.expectedIn).slice(0, 7),
      competitor: o.competitor,
      ownerId: owner,
      distributorId: o.distributorCode ? distributorByCode(o.distributorCode).id : null,
      stage: last?.stage ?? OpportunityStage.LEAD,
      lostReason: lost?.note ?? null,
      lostTo: lost?.lostTo ?? null,
      createdBy: owner,
      createdAt: at(o.createdDaysAgo, '09:30'),
    });
    const reached: SeedOpportunity['stages'] = [
      { stage: OpportunityStage.LEAD, daysAgo: o.createdDaysAgo },
      ...o.stages,
    ];
    await em.insert(
      OpportunityStageFact,
      reached.map((s) => ({
        brandId: HK,
        opportunityId: o.id,
        stage: s.stage,
        note: s.note ?? null,
        lostTo: s.lostTo ?? null,
        recordedBy: owner,
        createdAt: at(s.daysAgo, '09:30'),
      })),
    );
    const r = o.registration;
    if (r) {
      const decided = r.status !== RegistrationStatus.PENDING;
      await em.insert(DealRegistration, {
        id: seedRegistrationId(o),
        brandId: HK,
        opportunityId: o.id,
        distributorId: distributorByCode(o.distributorCode!).id,
        status: r.status,
        registeredBy: owner,
        decidedBy: decided ? distributorChannelManager(o.distributorCode!) : null,
        decidedAt: decided ? at(r.decidedDaysAgo!, '15:00') : null,
        rejectReason: null,
        protectedUntil: r.protectedDays !== undefined ? cal.fromToday(r.protectedDays) : null,
        createdAt: at(r.daysAgo, '11:00'),
      });
    }
  }
}

const distributorChannelManager = (code: string) => userByEmail(distributorByCode(code).channelManagerEmail!).id;
