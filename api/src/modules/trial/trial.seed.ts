import { EntityManager } from 'typeorm';
import { TrialOutcome, TrialStatus } from '@medchannel/shared-schema';
import { BRANDS, fixedId, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS } from '../../db/seed/catalog-data';
import type { SeedCalendar } from '../../db/seed/seed-clock';
import { Trial, TrialEvent, TrialEventKind } from './trial.entity';

/**
 * The demo trials of 华康's ultrasound: one delivered and past its last day (overdue on the seed's
 * own calendar), one extended, one planned, and one returned on the same serial as the overdue one
 * (an instrument tracked by its serial across trials). Days relative to the seed's day.
 */
export interface SeedTrial {
  id: string;
  /** the seeded opportunity (its number in opportunity.seed.ts) */
  opportunity: number;
  /** the opportunity's distributor (who sees it: the isolation matrix reads this) */
  distributorCode: string;
  /** who planned it (the opportunity's owner) */
  by: string;
  serial: string;
  status: TrialStatus;
  /** days from the seed's day */
  from: number;
  to: number;
  extendedFrom?: number;
  deliveredOn?: number;
  returnedOn?: number;
  outcome?: TrialOutcome;
  result?: string;
}

export const SEED_TRIALS: SeedTrial[] = [
  {
    id: fixedId(0x7101, 1),
    opportunity: 1,
    distributorCode: 'HK-KD',
    by: 'li.rep@kangda.demo',
    serial: 'HK200-2405-0017',
    status: TrialStatus.DELIVERED,
    from: -20,
    to: -3,
    deliveredOn: -19,
  },
  {
    id: fixedId(0x7101, 2),
    opportunity: 1,
    distributorCode: 'HK-KD',
    by: 'li.rep@kangda.demo',
    serial: 'HK200-2405-0021',
    status: TrialStatus.EXTENDED,
    from: -10,
    to: 20,
    extendedFrom: 5,
    deliveredOn: -9,
  },
  {
    id: fixedId(0x7101, 3),
    opportunity: 6,
    distributorCode: 'HK-YK',
    by: 'boss@yuekang.demo',
    serial: 'HK200-2406-0003',
    status: TrialStatus.PLANNED,
    from: 3,
    to: 33,
  },
  {
    id: fixedId(0x7101, 4),
    opportunity: 5,
    distributorCode: 'HK-KD',
    by: 'wang.rep@kangda.demo',
    serial: 'HK200-2405-0017',
    status: TrialStatus.RETURNED,
    from: -60,
    to: -42,
    deliveredOn: -59,
    returnedOn: -41,
    outcome: TrialOutcome.NEGATIVE,
    result: '图像质量满意，但院方认为价格偏高',
  },
];

/** A seeded opportunity's fixed id (opportunity.seed.ts numbers them from 1). */
export const seedOpportunityId = (n: number) => fixedId(0x6f01, n);

const PROTOCOL = '科室在常规检查中使用 30 天，评估图像质量、操作便捷性与稳定性';

export async function seedTrials(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const HK = BRANDS.huakang.id;
  const product = PRODUCTS.find((p) => p.brandId === HK && p.code === 'HK-US-200')!.id;
  const day = (offset: number) => cal.fromToday(offset);
  // a fact never lies after the seed's moment: a planned day ahead is recorded as of today
  const at = (offset: number, hhmm: string) => cal.factAt(day(Math.min(offset, 0)), hhmm);
  for (const t of SEED_TRIALS) {
    const actorId = userByEmail(t.by).id;
    const createdAt = at(t.from - 5, '09:00');
    await em.insert(Trial, {
      id: t.id,
      brandId: HK,
      opportunityId: seedOpportunityId(t.opportunity),
      productId: product,
      serialNumber: t.serial,
      plannedFrom: day(t.from),
      plannedTo: day(t.to),
      protocol: PROTOCOL,
      status: t.status,
      deliveredOn: t.deliveredOn !== undefined ? day(t.deliveredOn) : null,
      returnedOn: t.returnedOn !== undefined ? day(t.returnedOn) : null,
      outcome: t.outcome ?? null,
      result: t.result ?? null,
      createdBy: actorId,
      createdAt,
    });
    const events: Array<{ kind: TrialEventKind; on: number; to: number; note: string | null }> = [
      { kind: 'PLANNED', on: t.from - 5, to: t.extendedFrom ?? t.to, note: PROTOCOL },
    ];
    if (t.deliveredOn !== undefined)
      events.push({ kind: 'DELIVERED', on: t.deliveredOn, to: t.extendedFrom ?? t.to, note: null });
    if (t.extendedFrom !== undefined) events.push({ kind: 'EXTENDED', on: -1, to: t.to, note: '科室希望覆盖更多病例' });
    if (t.returnedOn !== undefined) events.push({ kind: 'RETURNED', on: t.returnedOn, to: t.to, note: t.result! });
    await em.insert(
      TrialEvent,
      events.map((e) => ({
        brandId: HK,
        trialId: t.id,
        kind: e.kind,
        plannedTo: day(e.to),
        note: e.note,
        actorId,
        createdAt: at(e.on, '10:00'),
      })),
    );
  }
}
