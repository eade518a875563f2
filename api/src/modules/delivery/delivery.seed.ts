import { EntityManager } from 'typeorm';
import { MILESTONE_ORDER, PresalesKind } from '@medchannel/shared-schema';
import { BRANDS, fixedId, userByEmail } from '../../db/seed/demo-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { SEED_WON_OPPORTUNITY_ID } from '../opportunity';
import { DeliveryMilestone, DeliveryProject, PresalesLog } from './delivery.entity';

/** The demo project's milestones: delivered and installed, acceptance due in two days, training after. */
const MILESTONES = [
  { plannedIn: -8, doneIn: -6, note: '两台设备到货，外包装完好' },
  { plannedIn: -4, doneIn: -3, note: '安装调试完成' },
  { plannedIn: 2, doneIn: null, note: '待设备科签署验收单' },
  { plannedIn: 10, doneIn: null, note: null },
];

/**
 * The demo's pre-sales work and delivery project (华康's engineer 吴强, 广东): a few entries on the
 * won opportunity at 中山大学附属第一医院, one of them a mistake reversed, and its project half done.
 */
export async function seedDelivery(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const HK = BRANDS.huakang.id;
  const engineer = userByEmail('engineer@huakang.demo').id;
  const opportunityId = SEED_WON_OPPORTUNITY_ID;
  const at = (daysAgo: number) => cal.factAt(cal.fromToday(-daysAgo), '18:00');
  const logs = [
    { n: 1, kind: PresalesKind.DEMO, daysAgo: 55, hours: '3.50', note: '科室现场演示，主任参加' },
    { n: 2, kind: PresalesKind.TECHNICAL_SUPPORT, daysAgo: 40, hours: '2.00', note: '招标参数答疑' },
    { n: 3, kind: PresalesKind.TRAINING, daysAgo: 30, hours: '4.00', note: '录错的日期' },
  ];
  for (const l of logs)
    await em.insert(PresalesLog, {
      id: fixedId(0xde02, l.n),
      brandId: HK,
      opportunityId,
      kind: l.kind,
      workDate: cal.fromToday(-l.daysAgo),
      hours: l.hours,
      note: l.note,
      reversesId: null,
      loggedBy: engineer,
      createdAt: at(l.daysAgo),
    });
  await em.insert(PresalesLog, {
    id: fixedId(0xde02, 4),
    brandId: HK,
    opportunityId,
    kind: PresalesKind.TRAINING,
    workDate: cal.fromToday(-30),
    hours: '-4.00',
    note: '冲销：日期录错',
    reversesId: fixedId(0xde02, 3),
    loggedBy: engineer,
    createdAt: at(29),
  });

  const projectId = fixedId(0xde01, 1);
  await em.insert(DeliveryProject, {
    id: projectId,
    brandId: HK,
    opportunityId,
    engineerId: engineer,
    createdBy: engineer,
    createdAt: at(19),
  });
  await em.insert(
    DeliveryMilestone,
    MILESTONE_ORDER.map((kind, i) => {
      const m = MILESTONES[i];
      return {
        brandId: HK,
        projectId,
        kind,
        seq: i + 1,
        plannedDate: cal.fromToday(m.plannedIn),
        doneDate: m.doneIn === null ? null : cal.fromToday(m.doneIn),
        doneBy: m.doneIn === null ? null : engineer,
        note: m.note,
      };
    }),
  );
}
