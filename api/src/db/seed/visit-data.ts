import { EntityManager } from 'typeorm';
import {
  CoVisitStatus,
  CommitmentKind,
  CommitmentStatus,
  NoteVisibility,
  NotificationKind,
  Side,
} from '@medchannel/shared-schema';
import { BRANDS, distributorByCode, fixedId, userByEmail } from './demo-data';
import { HOSPITALS } from './hospital-data';
import { PRODUCTS } from './catalog-data';
import { SeedCalendar } from './seed-clock';
import { CoVisit, CoVisitParticipant, CoVisitSlot } from '../../modules/visit';
import { VisitComment, VisitCommitment, VisitNote, VisitNoteCc, VisitTask } from '../../modules/visit';
import { Notification } from '../../modules/notification';

/**
 * The visits demo: co-visits of 华康's channel manager 张伟 (ZJ-HZ; his regional head is 赵建国,
 * ZJ and JS) with 杭州康达's reps, and his notes on them: one SHARED with the owner 钱永强, the
 * rep 李娜 and 赵建国 (commitments open, acknowledged and disputed; comments), one INTERNAL CC'd
 * to the trainer 周敏 only, and one SHARED with the owner alone (an open commitment). Days are
 * relative to the seed's day; planned slots may lie ahead, what was done lies before the seed ran.
 */

const HK = BRANDS.huakang.id;
const KD = distributorByCode('HK-KD').id;
const email = {
  cm: 'zhang.cm@huakang.demo',
  head: 'zhao.rh@huakang.demo',
  trainer: 'trainer@huakang.demo',
  owner: 'boss@kangda.demo',
  rep: 'li.rep@kangda.demo',
  rep2: 'wang.rep@kangda.demo',
};
const uid = (e: string) => userByEmail(e).id;

export interface SeedCoVisit {
  id: string;
  status: CoVisitStatus;
  proposedBy: string;
  hospitalId: string;
  department: string;
  contacts: string[];
  productCodes: string[];
  goal: string;
  participants: string[];
  slots: Array<{ id: string; days: number; from: string; to: string; by: string }>;
  confirmedSlot?: string;
  awaitingSide?: Side;
  checkedIn?: boolean;
}

export const SEED_CO_VISITS: SeedCoVisit[] = [
  {
    id: fixedId(0x7a, 1),
    status: CoVisitStatus.DONE,
    proposedBy: email.cm,
    hospitalId: HOSPITALS[0].id,
    department: '超声医学科',
    contacts: ['陈晓燕'],
    productCodes: ['HK-US-200'],
    goal: '超声医学科 HK-200 现场演示，争取科内试用',
    participants: [email.cm, email.rep],
    slots: [{ id: fixedId(0x7b, 1), days: -3, from: '09:30', to: '11:00', by: email.cm }],
    confirmedSlot: fixedId(0x7b, 1),
    checkedIn: true,
  },
  {
    id: fixedId(0x7a, 2),
    status: CoVisitStatus.PROPOSED,
    proposedBy: email.cm,
    hospitalId: HOSPITALS[1].id,
    department: '检验科',
    contacts: [],
    productCodes: ['HK-CRP-50'],
    goal: '检验科 CRP 试剂推广，拜访科主任',
    participants: [email.cm, email.rep],
    awaitingSide: Side.PARTNER,
    slots: [
      { id: fixedId(0x7b, 2), days: 2, from: '14:00', to: '15:30', by: email.cm },
      { id: fixedId(0x7b, 3), days: 3, from: '09:00', to: '10:30', by: email.cm },
    ],
  },
  {
    id: fixedId(0x7a, 3),
    status: CoVisitStatus.CONFIRMED,
    proposedBy: email.rep2,
    hospitalId: HOSPITALS[0].id,
    department: '检验科',
    contacts: ['王建华'],
    productCodes: ['HK-HIV-96'],
    goal: 'HIV 试剂装机前与设备科沟通',
    participants: [email.rep2, email.cm],
    slots: [
      { id: fixedId(0x7b, 4), days: 1, from: '10:00', to: '11:30', by: email.rep2 },
      { id: fixedId(0x7b, 5), days: 1, from: '15:00', to: '16:00', by: email.rep2 },
    ],
    confirmedSlot: fixedId(0x7b, 4),
  },
];

export interface SeedVisitNote {
  id: string;
  author: string;
  coVisitId?: string;
  hospitalId: string;
  department?: string;
  contacts: string[];
  distributorId: string | null;
  visibility: NoteVisibility;
  days: number;
  outcome: string;
  nextSteps: string | null;
  cc: string[];
  tasks: Array<{ title: string; owner: string; due: number | null; done?: boolean }>;
  commitments: Array<{
    id: string;
    kind: CommitmentKind;
    description: string;
    amount?: string;
    due: number | null;
    status: CommitmentStatus;
    reason?: string;
  }>;
  comments: Array<{ by: string; body: string }>;
}

export const SEED_VISIT_NOTES: SeedVisitNote[] = [
  {
    id: fixedId(0x7c, 1),
    author: email.cm,
    coVisitId: fixedId(0x7a, 1),
    hospitalId: HOSPITALS[0].id,
    department: '超声医学科',
    contacts: ['陈晓燕'],
    distributorId: KD,
    visibility: NoteVisibility.SHARED,
    days: -3,
    outcome: '陈主任认可 HK-200 的图像质量，同意下月安排两周科内试用；设备科要求先提供报价与注册证。',
    nextSteps: '一周内提交报价与资质材料；与科室确认试用排班。',
    cc: [email.owner, email.rep, email.head],
    tasks: [
      { title: '整理试用排班表并与科室确认', owner: email.rep, due: 4 },
      { title: '向设备科提交报价与注册证复印件', owner: email.cm, due: 2, done: true },
    ],
    commitments: [
      {
        id: fixedId(0x7d, 1),
        kind: CommitmentKind.TRIAL_EQUIPMENT,
        description: '下周起借用 HK-200 一台，科内试用两周',
        due: 7,
        status: CommitmentStatus.OPEN,
      },
      {
        id: fixedId(0x7d, 2),
        kind: CommitmentKind.PRICE,
        description: '首年 CRP 试剂按每盒 296 元供货',
        amount: '296.00',
        due: null,
        status: CommitmentStatus.ACKNOWLEDGED,
      },
      {
        id: fixedId(0x7d, 3),
        kind: CommitmentKind.SUPPORT,
        description: '工程师驻场两天做操作培训',
        due: 10,
        status: CommitmentStatus.DISPUTED,
        reason: '驻场培训的差旅费用未谈妥，需品牌方承担',
      },
    ],
    comments: [
      { by: email.rep, body: '试用排班我周三前发到群里。' },
      { by: email.cm, body: '好的，试用设备周一从杭州仓发出。' },
    ],
  },
  {
    id: fixedId(0x7c, 2),
    author: email.cm,
    hospitalId: HOSPITALS[0].id,
    department: '检验科',
    contacts: [],
    distributorId: KD,
    visibility: NoteVisibility.INTERNAL,
    days: -2,
    outcome: '内部：竞品报价比我方低约百分之十五，康达对价格敏感，需评估让利空间。',
    nextSteps: '与区总商量让利方案。',
    cc: [email.trainer],
    tasks: [{ title: '测算浙大一院检验科让利空间', owner: email.cm, due: 5 }],
    commitments: [],
    comments: [{ by: email.trainer, body: '培训材料里补一页竞品对比。' }],
  },
  {
    id: fixedId(0x7c, 3),
    author: email.cm,
    hospitalId: HOSPITALS[1].id,
    department: '检验科',
    contacts: [],
    distributorId: KD,
    visibility: NoteVisibility.SHARED,
    days: -1,
    outcome: '检验科主任同意在下季度招标前试用 CRP 试剂。',
    nextSteps: null,
    cc: [email.owner],
    tasks: [],
    commitments: [
      {
        id: fixedId(0x7d, 4),
        kind: CommitmentKind.DELIVERY_DATE,
        description: '试用试剂五个工作日内送达检验科',
        due: 6,
        status: CommitmentStatus.OPEN,
      },
    ],
    comments: [],
  },
];

export async function seedVisits(em: EntityManager, cal: SeedCalendar): Promise<void> {
  /** a planned time on a day relative to the seed's day, China time */
  const at = (days: number, hhmm: string) => cal.plannedAt(cal.fromToday(days), hhmm);
  /** when something was done (never after the seed ran) */
  const doneAt = (days: number, hhmm: string) => cal.factAt(cal.fromToday(Math.min(days, 0)), hhmm);
  const placeOf = async (hospitalId: string, department: string | undefined, contacts: string[]) => {
    const [dept] = department
      ? await em.query(`SELECT id FROM hospital_department WHERE hospital_id = $1 AND name = $2`, [
          hospitalId,
          department,
        ])
      : [];
    const found: Array<{ id: string }> = contacts.length
      ? await em.query(`SELECT id FROM hospital_contact WHERE hospital_id = $1 AND name = ANY($2)`, [
          hospitalId,
          contacts,
        ])
      : [];
    return { departmentId: dept?.id ?? null, contactIds: found.map((c) => c.id) };
  };
  const notices: Array<Partial<Notification>> = [];
  const notice = (
    userIds: string[],
    kind: NotificationKind,
    entity: string,
    entityId: string,
    params: Record<string, string>,
  ) => notices.push(...userIds.map((userId) => ({ brandId: HK, userId, kind, entity, entityId, params })));

  for (const v of SEED_CO_VISITS) {
    const slotsOf = v.slots.map((s) => ({
      id: s.id,
      brandId: HK,
      coVisitId: v.id,
      startsAt: at(s.days, s.from),
      endsAt: at(s.days, s.to),
      proposedBy: uid(s.by),
      proposedSide: userByEmail(s.by).distributorCode ? Side.PARTNER : Side.BRAND,
    }));
    const confirmed = slotsOf.find((s) => s.id === v.confirmedSlot);
    await em.insert(CoVisit, {
      id: v.id,
      brandId: HK,
      distributorId: KD,
      hospitalId: v.hospitalId,
      ...(await placeOf(v.hospitalId, v.department, v.contacts)),
      productIds: v.productCodes.map((c) => PRODUCTS.find((p) => p.code === c)!.id),
      goal: v.goal,
      status: v.status,
      awaitingSide: v.awaitingSide ?? null,
      startsAt: (confirmed ?? slotsOf[0]).startsAt,
      checkedInAt: v.checkedIn ? confirmed!.startsAt : null,
      proposedBy: uid(v.proposedBy),
      idempotencyKey: v.id,
      requestHash: '0'.repeat(64),
    });
    await em.insert(CoVisitSlot, slotsOf);
    if (confirmed) await em.update(CoVisit, { id: v.id }, { confirmedSlotId: confirmed.id });
    await em.insert(
      CoVisitParticipant,
      v.participants.map((p) => ({
        brandId: HK,
        coVisitId: v.id,
        userId: uid(p),
        side: userByEmail(p).distributorCode ? Side.PARTNER : Side.BRAND,
        checkedInAt: v.checkedIn ? confirmed!.startsAt : null,
      })),
    );
    if (v.status === CoVisitStatus.PROPOSED) {
      notice(
        v.participants.filter((p) => p !== v.proposedBy).map(uid),
        NotificationKind.CO_VISIT_PROPOSED,
        'co_visit',
        v.id,
        { startsAt: slotsOf[0].startsAt.toISOString() },
      );
    }
  }

  for (const n of SEED_VISIT_NOTES) {
    const visitedOn = cal.fromToday(n.days);
    const base = { brandId: HK, noteId: n.id };
    await em.insert(VisitNote, {
      id: n.id,
      brandId: HK,
      authorId: uid(n.author),
      coVisitId: n.coVisitId ?? null,
      hospitalId: n.hospitalId,
      ...(await placeOf(n.hospitalId, n.department, n.contacts)),
      distributorId: n.distributorId,
      visibility: n.visibility,
      visitedOn,
      outcome: n.outcome,
      nextSteps: n.nextSteps,
      idempotencyKey: n.id,
      requestHash: '0'.repeat(64),
    });
    await em.insert(
      VisitNoteCc,
      n.cc.map((c) => ({ ...base, userId: uid(c), addedBy: uid(n.author) })),
    );
    if (n.tasks.length) {
      await em.insert(
        VisitTask,
        n.tasks.map((t, i) => ({
          ...base,
          itemNo: i + 1,
          title: t.title,
          ownerId: uid(t.owner),
          dueOn: t.due === null ? null : cal.fromToday(t.due),
          doneAt: t.done ? doneAt(n.days + 1, '17:00') : null,
          doneBy: t.done ? uid(t.owner) : null,
        })),
      );
    }
    const owner = uid(email.owner);
    for (const [i, c] of n.commitments.entries()) {
      const answered = c.status !== CommitmentStatus.OPEN;
      await em.insert(VisitCommitment, {
        ...base,
        id: c.id,
        itemNo: i + 1,
        kind: c.kind,
        description: c.description,
        amount: c.amount ?? null,
        currency: c.amount ? 'CNY' : null,
        dueOn: c.due === null ? null : cal.fromToday(c.due),
        status: c.status,
        disputeReason: c.reason ?? null,
        answeredBy: answered ? owner : null,
        answeredAt: answered ? doneAt(n.days + 1, '10:00') : null,
      });
      if (c.status === CommitmentStatus.DISPUTED) {
        notice([uid(n.author), uid(email.head)], NotificationKind.COMMITMENT_DISPUTED, 'visit_note', n.id, {
          commitmentId: c.id,
          kind: c.kind,
          reason: c.reason!,
        });
      }
    }
    for (const [i, c] of n.comments.entries()) {
      await em.insert(VisitComment, {
        ...base,
        authorId: uid(c.by),
        body: c.body,
        idempotencyKey: fixedId(0x7f, Number.parseInt(n.id.slice(-4), 16) * 10 + i),
        requestHash: '0'.repeat(64),
      });
    }
    notice(n.cc.map(uid), NotificationKind.VISIT_NOTE_CC, 'visit_note', n.id, {
      author: userByEmail(n.author).displayName,
      visitedOn,
    });
  }
  await em.insert(Notification, notices);
}
