import { randomUUID } from 'node:crypto';
import { Audience, OrderKind } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { SEED_COURSE_CL } from '../../db/seed/training-data';

/** Training through GraphQL on the demo seed, acting as seeded people: the queries, answers and course content the training test files share. */

export let t: TestApp;
export let trainer: GqlClient;

export const CL_1000 = PRODUCTS.find((p) => p.code === 'HK-CL-1000')!;
export const IVD = PRODUCT_LINES.find((l) => l.code === 'IVD')!.id;
export const IMG = PRODUCT_LINES.find((l) => l.code === 'IMG')!.id;
export const RIGHT = [
  { questionId: 'q-principle', optionIds: ['a'] },
  { questionId: 'q-daily', optionIds: ['b', 'a'] },
  { questionId: 'q-qc', optionIds: ['a'] },
];
export const TWO_OF_THREE = [
  { questionId: 'q-principle', optionIds: ['a'] },
  { questionId: 'q-daily', optionIds: ['a'] },
  { questionId: 'q-qc', optionIds: ['a'] },
];

const ENROLLMENT = `id status overdue dueOn attempts attemptsLeft bestScore sectionsDone passedAt course { id title } courseVersion { version }
  certificate { number validTo valid productLines { code } courseVersion { version } }`;
export const MY = `query($c: ID) { enrollments(filter: { mine: true, courseId: $c }) { totalCount nodes { ${ENROLLMENT} } } }`;
export const START = `mutation($c: ID!) { startCourse(courseId: $c) { ${ENROLLMENT} } }`;
export const SECTION = `mutation($e: ID!, $s: String!) { completeCourseSection(enrollmentId: $e, sectionId: $s) { ${ENROLLMENT} } }`;
const QUIZ = `mutation($i: SubmitQuizInput!) { submitQuiz(input: $i) { attempt { id attemptNo score passed } questions { questionId correct }
  certificate { number issuedOn validTo valid } enrollment { ${ENROLLMENT} } } }`;
export const REVIEW = `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed lines { product { code requiresCertification } findings { reason } certification { productLineId courseId courseTitle } } } }`;
export const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status } }`;
export const COURSE = `query($id: ID!) { course(id: $id) { id title version publishedVersion draftVersion
  published { id version status title questions { id options { id correct } } } draft { version status title }
  versions { version status } } }`;

export const CREATE_COURSE = `mutation($i: CourseContentInput!) { createCourse(input: $i) { id version } }`;
export const PUBLISH_COURSE = `mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id version publishedVersion } }`;

/** A course made of `content` (CONTENT's shape) and published by `by`, a trainer or an admin: its id. */
export async function publishedCourse(by: GqlClient, content: Record<string, unknown>): Promise<string> {
  const created = await by.request(CREATE_COURSE, { i: content });
  expect(created.errors).toEqual([]);
  const course = created.data.createCourse;
  const published = await by.request(PUBLISH_COURSE, { id: course.id, v: course.version });
  expect(published.errors).toEqual([]);
  return course.id;
}

/** `learner` takes a one-section course of CONTENT's shape: starts it, reads section s1, answers q1 with `option`. */
export async function takeOneSectionCourse(learner: GqlClient, courseId: string, option = 'a') {
  const started = await learner.request(START, { c: courseId });
  expect(started.errors).toEqual([]);
  const e = started.data.startCourse;
  expect((await learner.request(SECTION, { e: e.id, s: 's1' })).errors).toEqual([]);
  return submit(learner, e.id, [{ questionId: 'q1', optionIds: [option] }]);
}

export const stockOrder = (productId = CL_1000.id) => ({ kind: OrderKind.STOCK, lines: [{ productId, quantity: 1 }] });

export async function takeSections(c: GqlClient, courseId = SEED_COURSE_CL): Promise<string> {
  const started = await c.request(START, { c: courseId });
  expect(started.errors).toEqual([]);
  const e = started.data.startCourse;
  for (const s of ['principle', 'daily', 'service']) {
    const r = await c.request(SECTION, { e: e.id, s });
    expect(r.errors).toEqual([]);
  }
  return e.id;
}

export const submit = (c: GqlClient, enrollmentId: string, answers = RIGHT, key = randomUUID()) =>
  c.request(QUIZ, { i: { enrollmentId, answers, idempotencyKey: key } });

export const CONTENT = (title: string, over: Record<string, unknown> = {}) => ({
  kind: 'PRODUCT',
  title,
  summary: '测试',
  productLineIds: [IVD],
  passScore: 50,
  maxAttempts: 2,
  validityMonths: 6,
  sections: [{ id: 's1', title: '第一节', materials: [{ kind: 'TEXT', title: '正文', body: '内容' }] }],
  questions: [
    {
      id: 'q1',
      kind: 'SINGLE',
      prompt: '问题',
      options: [
        { id: 'a', text: '对', correct: true },
        { id: 'b', text: '错', correct: false },
      ],
    },
  ],
  ...over,
});

/**
 * Registers the file's setup and teardown: a test brand of its own, and the clients that act on it;
 * `filesDir` where the file keeps the course files it uploads.
 */
export function withTrainingWorld({ filesDir }: { filesDir?: string } = {}): void {
  beforeAll(async () => {
    t = await startTestApp(filesDir ? { filesDir } : {});
    trainer = t.client(Audience.CONSOLE);
    await trainer.login('trainer@huakang.demo');
  });
  afterAll(() => t?.stop());
}
