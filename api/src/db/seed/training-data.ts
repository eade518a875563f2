import { EntityManager } from 'typeorm';
import { CourseKind, CourseVersionStatus, MaterialKind, QuestionKind } from '@medchannel/shared-schema';
import { addMonths } from '../../common/dates';
import {
  Certificate,
  Course,
  CourseAssignment,
  CourseVersion,
  Enrollment,
  QuestionDoc,
  QuizAttempt,
  SectionDoc,
} from '../../modules/training';
import { DISTRIBUTORS, USERS, fixedId, userByEmail } from './demo-data';
import { PRODUCT_LINES } from './catalog-data';
import { SeedCalendar } from './seed-clock';

/**
 * The training demo: the CL-1000 analyser's product course (it certifies for 体外诊断试剂; the
 * analyser needs a certified person to order it), assigned to everyone authorized for the line;
 * a sales course overdue at 南京华宁; a draft the trainer is still writing; and 广州粤康's owner
 * already certified. No notifications: the assignments predate the demo's inbox.
 */
export const SEED_COURSE_CL = fixedId(0x41, 1);
export const SEED_COURSE_SALES = fixedId(0x41, 2);
const SEED_COURSE_DRAFT = fixedId(0x41, 3);
export const SEED_CL_TITLE = 'CL-1000 化学发光分析仪：操作、质控与临床应用';
/** The seeded courses, for tests that check who may see them (all of 华康). */
export const SEED_COURSES = [
  { id: SEED_COURSE_CL, title: SEED_CL_TITLE, published: true },
  { id: SEED_COURSE_SALES, title: '医院科室拜访与院内招采流程', published: true },
  { id: SEED_COURSE_DRAFT, title: '彩超 HK-200 新版操作培训', published: false },
];
/** 广州粤康's owner's certificate */
export const SEED_CERTIFICATE = { id: fixedId(0x46, 1), distributorCode: 'HK-YK' };

/** A product line of 华康 (the brand of the demo's trainer) by code. */
const line = (code: string) =>
  PRODUCT_LINES.find((l) => l.brandId === userByEmail('trainer@huakang.demo').brandId && l.code === code)!.id;
const text = (title: string, body: string) => ({ kind: MaterialKind.TEXT, title, body, fileId: null });

export const CL_SECTIONS: SectionDoc[] = [
  {
    id: 'principle',
    title: '检测原理与项目',
    materials: [
      text(
        '原理',
        'CL-1000 采用吖啶酯直接化学发光，磁微粒分离；单机每小时 200 测试，覆盖甲功、肿标、传染病、心肌等 60 余项。',
      ),
      {
        kind: MaterialKind.VIDEO,
        title: '整机介绍（8 分钟）',
        body: 'https://video.huakang.demo/cl1000/intro.mp4',
        fileId: null,
      },
    ],
  },
  {
    id: 'daily',
    title: '日常操作与质控',
    materials: [
      text('开机流程', '每日开机：检查试剂与底物余量，清空废液，完成两个水平的质控；质控在控后方可报告患者结果。'),
    ],
  },
  {
    id: 'service',
    title: '常见故障与售后',
    materials: [
      text('报修', '出现加样针堵塞、温控报警等故障时，记录报警代码，拨打 400-800-1234 报修；工程师 4 小时内响应。'),
    ],
  },
];

export const CL_QUESTIONS: QuestionDoc[] = [
  {
    id: 'q-principle',
    kind: QuestionKind.SINGLE,
    prompt: 'CL-1000 采用哪种检测原理？',
    options: [
      { id: 'a', text: '直接化学发光', correct: true },
      { id: 'b', text: '免疫比浊', correct: false },
      { id: 'c', text: '胶体金', correct: false },
    ],
  },
  {
    id: 'q-daily',
    kind: QuestionKind.MULTIPLE,
    prompt: '每日开机后必须完成哪些步骤？（多选）',
    options: [
      { id: 'a', text: '检查试剂与底物余量', correct: true },
      { id: 'b', text: '完成两个水平的质控', correct: true },
      { id: 'c', text: '重新校准全部项目', correct: false },
    ],
  },
  {
    id: 'q-qc',
    kind: QuestionKind.SINGLE,
    prompt: '质控结果失控时应当：',
    options: [
      { id: 'a', text: '停止报告患者结果并查找原因', correct: true },
      { id: 'b', text: '继续检测，事后补做质控', correct: false },
    ],
  },
];

const SALES_SECTIONS: SectionDoc[] = [
  {
    id: 'visit',
    title: '科室拜访',
    materials: [text('准备', '拜访前确认科室主任、设备科与检验科的关系；带上装机案例与质控数据。')],
  },
  {
    id: 'tender',
    title: '院内招采流程',
    materials: [text('流程', '科室申请 → 设备委员会论证 → 招标/议价 → 合同 → 装机验收。')],
  },
];

const SALES_QUESTIONS: QuestionDoc[] = [
  {
    id: 'q-order',
    kind: QuestionKind.SINGLE,
    prompt: '院内设备采购的第一步通常是：',
    options: [
      { id: 'a', text: '科室提出申请', correct: true },
      { id: 'b', text: '直接签合同', correct: false },
    ],
  },
];

export async function seedTraining(em: EntityManager, cal: SeedCalendar): Promise<void> {
  const dayFromToday = cal.fromToday;
  const daysBack = (days: number) => new Date(cal.anchor.getTime() - days * 86_400_000);
  const trainer = userByEmail('trainer@huakang.demo');
  const brandId = trainer.brandId;
  const published = daysBack(40);
  const version = (
    courseId: string,
    n: number,
    status: CourseVersionStatus,
    kind: CourseKind,
    title: string,
    lines: string[],
    sections: SectionDoc[],
    questions: QuestionDoc[],
    passScore: number,
    validityMonths: number,
  ) => ({
    id: fixedId(0x42, courseId === SEED_COURSE_CL ? n : courseId === SEED_COURSE_SALES ? 10 + n : 20 + n),
    brandId,
    courseId,
    version: n,
    status,
    kind,
    title,
    summary: '',
    productLineIds: lines,
    passScore,
    maxAttempts: 3,
    validityMonths,
    sections,
    questions,
    publishedAt: status === CourseVersionStatus.DRAFT ? null : published,
    publishedBy: status === CourseVersionStatus.DRAFT ? null : trainer.id,
  });
  await em.insert(Course, [
    {
      id: SEED_COURSE_CL,
      brandId,
      kind: CourseKind.PRODUCT,
      title: SEED_COURSES[0].title,
      productLineIds: [line('IVD')],
      publishedVersion: 1,
      draftVersion: null,
      archivedAt: null,
      createdBy: trainer.id,
    },
    {
      id: SEED_COURSE_SALES,
      brandId,
      kind: CourseKind.SALES,
      title: SEED_COURSES[1].title,
      productLineIds: [],
      publishedVersion: 1,
      draftVersion: null,
      archivedAt: null,
      createdBy: trainer.id,
    },
    {
      id: SEED_COURSE_DRAFT,
      brandId,
      kind: CourseKind.PRODUCT,
      title: SEED_COURSES[2].title,
      productLineIds: [line('IMG')],
      publishedVersion: null,
      draftVersion: 1,
      archivedAt: null,
      createdBy: trainer.id,
    },
  ]);
  const clVersion = version(
    SEED_COURSE_CL,
    1,
    CourseVersionStatus.PUBLISHED,
    CourseKind.PRODUCT,
    SEED_CL_TITLE,
    [line('IVD')],
    CL_SECTIONS,
    CL_QUESTIONS,
    80,
    12,
  );
  const salesVersion = version(
    SEED_COURSE_SALES,
    1,
    CourseVersionStatus.PUBLISHED,
    CourseKind.SALES,
    SEED_COURSES[1].title,
    [],
    SALES_SECTIONS,
    SALES_QUESTIONS,
    60,
    24,
  );
  await em.insert(CourseVersion, [
    clVersion,
    salesVersion,
    version(
      SEED_COURSE_DRAFT,
      1,
      CourseVersionStatus.DRAFT,
      CourseKind.PRODUCT,
      SEED_COURSES[2].title,
      [line('IMG')],
      [],
      [],
      80,
      12,
    ),
  ]);

  // the CL-1000 campaign: everyone authorized for 体外诊断试剂 (杭州康达, 广州粤康), due in two weeks
  const campaign = fixedId(0x43, 1);
  const overdueSales = fixedId(0x43, 2);
  const of = (code: string) => DISTRIBUTORS.find((d) => d.code === code)!.id;
  await em.insert(CourseAssignment, [
    {
      id: campaign,
      brandId,
      courseId: SEED_COURSE_CL,
      distributorIds: [],
      tiers: [],
      roles: [],
      productLineIds: [line('IVD')],
      dueOn: dayFromToday(14),
      enrolled: 0,
      createdBy: trainer.id,
      idempotencyKey: 'seed-campaign-cl1000',
      requestHash: '0'.repeat(64),
    },
    {
      id: overdueSales,
      brandId,
      courseId: SEED_COURSE_SALES,
      distributorIds: [of('HK-HN')],
      tiers: [],
      roles: [],
      productLineIds: [],
      dueOn: dayFromToday(-5),
      enrolled: 0,
      createdBy: trainer.id,
      idempotencyKey: 'seed-sales-hn',
      requestHash: '0'.repeat(64),
    },
  ]);
  const staffOf = (codes: string[]) => USERS.filter((u) => u.distributorCode && codes.includes(u.distributorCode));
  const clPeople = staffOf(['HK-KD', 'HK-YK']);
  const hnPeople = staffOf(['HK-HN']);
  const yk = userByEmail('boss@yuekang.demo');
  const xu = userByEmail('xu.rep@huaning.demo');
  const enrollment = (n: number) => fixedId(0x44, n);
  await em.insert(Enrollment, [
    ...clPeople.map((u, i) => ({
      id: enrollment(1 + i),
      brandId,
      courseId: SEED_COURSE_CL,
      userId: u.id,
      distributorId: of(u.distributorCode!),
      assignmentId: campaign,
      dueOn: dayFromToday(14),
      ...(u.id === yk.id
        ? {
            courseVersionId: clVersion.id,
            startedAt: daysBack(20),
            sectionsDone: CL_SECTIONS.map((s) => s.id),
            attempts: 2,
            bestScore: 100,
            passedAt: daysBack(18),
          }
        : {}),
    })),
    ...hnPeople.map((u, i) => ({
      id: enrollment(20 + i),
      brandId,
      courseId: SEED_COURSE_SALES,
      userId: u.id,
      distributorId: of(u.distributorCode!),
      assignmentId: overdueSales,
      dueOn: dayFromToday(-5),
      ...(u.id === xu.id ? { courseVersionId: salesVersion.id, startedAt: daysBack(9), sectionsDone: ['visit'] } : {}),
    })),
  ]);
  await em.update(CourseAssignment, { id: campaign }, { enrolled: clPeople.length });
  await em.update(CourseAssignment, { id: overdueSales }, { enrolled: hnPeople.length });

  // 广州粤康's owner failed once, then passed: certified for 体外诊断试剂 for a year
  const ykEnrollment = enrollment(1 + clPeople.findIndex((u) => u.id === yk.id));
  const attempt = (n: number, score: number, passed: boolean, answers: Record<string, string[]>) => ({
    id: fixedId(0x45, n),
    brandId,
    enrollmentId: ykEnrollment,
    userId: yk.id,
    courseVersionId: clVersion.id,
    attemptNo: n,
    answers,
    score,
    passed,
    idempotencyKey: `seed-attempt-${n}`,
    requestHash: '0'.repeat(64),
  });
  await em.insert(QuizAttempt, [
    attempt(1, 67, false, { 'q-principle': ['a'], 'q-daily': ['a'], 'q-qc': ['a'] }),
    attempt(2, 100, true, { 'q-principle': ['a'], 'q-daily': ['a', 'b'], 'q-qc': ['a'] }),
  ]);
  const issuedOn = dayFromToday(-18);
  await em.insert(Certificate, {
    id: SEED_CERTIFICATE.id,
    brandId,
    number: `CERT-${issuedOn.slice(0, 4)}-SEED01`,
    userId: yk.id,
    distributorId: of('HK-YK'),
    courseId: SEED_COURSE_CL,
    courseVersionId: clVersion.id,
    attemptId: fixedId(0x45, 2),
    productLineIds: [line('IVD')],
    issuedOn,
    validTo: addMonths(issuedOn, 12),
  });
}
