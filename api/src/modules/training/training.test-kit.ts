import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Audience, OrderKind, Role, Side } from '@medchannel/shared-schema';
import { GqlClient, GqlResult, TestApp, startTestApp } from '../../../test/harness';
import { buildScope } from '../../auth/scope';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { SEED_COURSE_CL, SEED_COURSE_SALES } from '../../db/seed/training-data';
import type { Loaders } from '../../schema/loaders';
import type { CourseVersion } from './training.entity';

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

/**
 * Certificates for the list tests, on the demo seed beside 广州粤康's owner's: people of 杭州康达, its
 * second tier 宁波瑞康 and 华宁 on both courses, one line or two, valid, lapsed and not yet valid;
 * each passed through an enrollment and an attempt of its own; 宁波瑞康's rep earned his at 杭州康达
 * (its owner may see it, 宁波瑞康's may not). The sales course is then archived,
 * so distributor staff no longer see it (a certificate's course comes back null to them).
 */
export async function seedListCertificates(q: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
  // person, course, line codes, issued and valid to (days from today), and the distributor the
  // certificate was earned at when not the person's own today
  const certs: Array<[string, string, string[], number, number, string?]> = [
    ['boss@kangda.demo', SEED_COURSE_CL, ['IVD'], -10, 355],
    ['li.rep@kangda.demo', SEED_COURSE_CL, ['IVD'], -10, 20],
    ['li.rep@kangda.demo', SEED_COURSE_SALES, ['IVD', 'IMG'], -400, -30],
    ['wang.rep@kangda.demo', SEED_COURSE_SALES, ['IMG'], -5, 360],
    ['sun.rep@kangda.demo', SEED_COURSE_CL, ['IVD'], 5, 100],
    ['boss@nbruikang.demo', SEED_COURSE_CL, ['IVD', 'IMG'], -3, 362],
    ['zhou.rep@nbruikang.demo', SEED_COURSE_CL, ['IVD'], 0, 365, 'HK-KD'],
    ['boss@huaning.demo', SEED_COURSE_CL, ['IMG'], -100, 265],
    ['xu.rep@huaning.demo', SEED_COURSE_SALES, ['IVD'], -1, 100],
  ];
  for (const [i, [email, courseId, lines, issued, valid, at]] of certs.entries()) {
    await q(
      `WITH u AS (SELECT id, brand_id, distributor_id FROM app_user WHERE email = $1),
        v AS (SELECT id FROM course_version WHERE course_id = $2 AND status = 'PUBLISHED'),
        e AS (INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, course_version_id, started_at, attempts, passed_at)
              SELECT u.brand_id, $2, u.id, u.distributor_id, v.id, now(), 1, now() FROM u, v
              ON CONFLICT (course_id, user_id) DO UPDATE SET course_version_id = EXCLUDED.course_version_id, passed_at = now()
              RETURNING id, brand_id, user_id, distributor_id, course_version_id),
        a AS (INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash)
              SELECT e.brand_id, e.id, e.user_id, e.course_version_id, 50 + $3::int, '{}', 100, true, gen_random_uuid()::text, repeat('0', 64) FROM e
              RETURNING id)
       INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to)
       SELECT e.brand_id, 'CERT-LIST-' || lpad($3::text, 3, '0'), e.user_id,
              COALESCE((SELECT id FROM distributor WHERE brand_id = e.brand_id AND code = $7::text), e.distributor_id), $2, e.course_version_id, a.id,
              ARRAY(SELECT id FROM product_line WHERE brand_id = e.brand_id AND code = ANY($4) ORDER BY code),
              CURRENT_DATE + $5::int, CURRENT_DATE + $6::int
         FROM e, a`,
      [email, courseId, i, lines, issued, valid, at ?? null],
    );
  }
  await q(`UPDATE course SET archived_at = now() WHERE id = $1`, [SEED_COURSE_SALES]);
}

/** A seeded person by email: their id, brand and side, and the scope their session builds. */
export async function seededPerson(ds: DataSource, email: string) {
  const [u] = await ds.query(`SELECT id, brand_id, role, side, distributor_id FROM app_user WHERE email = $1`, [email]);
  const scope = await buildScope(ds.manager, {
    id: u.id,
    brandId: u.brand_id,
    role: u.role as Role,
    side: u.side as Side,
    distributorId: u.distributor_id,
  });
  return { id: u.id as string, brandId: u.brand_id as string, side: u.side as Side, scope };
}

/**
 * Pages through a one-statement list `size` rows at a time with the cursor (`query` takes `$n` and
 * `$a` beside `vars`, and answers `field` with totalCount, pageInfo and nodes); each request must
 * cost the session and one statement.
 */
export async function pagesOf<N>(
  client: GqlClient,
  query: string,
  field: string,
  vars: Record<string, unknown>,
  size: number,
): Promise<{ nodes: N[]; totalCount: number }> {
  const nodes: N[] = [];
  let after: string | null = null;
  for (;;) {
    const res: GqlResult = await client.request(query, { ...vars, n: size, a: after });
    expect(res.errors).toEqual([]);
    expect(res.sqlCount).toBe(2);
    const page: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: N[] } =
      res.data[field];
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

/**
 * A one-statement list as `email` reads it on their own app: all of it by pages of 20 holds the ids,
 * in order, and the total that the list paged the old way answers (`before`), and pages of 3 hold the
 * same rows. Answers the rows, the signed-in client and the person (with their scope).
 */
export async function readsAsBefore<N>(
  app: TestApp,
  email: string,
  pages: (client: GqlClient, size: number) => Promise<{ nodes: N[]; totalCount: number }>,
  before: () => Promise<{ ids: string[]; totalCount: number }>,
  idOf: (node: N) => string,
) {
  const person = await seededPerson(app.app.ds, email);
  const client = app.client(person.side === Side.PARTNER ? Audience.PORTAL : Audience.CONSOLE);
  await client.login(email);
  const whole = await pages(client, 20);
  const expected = await before();
  expect(whole.totalCount).toBe(expected.totalCount);
  expect(whole.nodes.map(idOf)).toEqual(expected.ids);
  expect((await pages(client, 3)).nodes).toEqual(whole.nodes);
  return { nodes: whole.nodes, client, person };
}

/** A record's product lines read alone through the loader, as the *-page tests' per-field path reads them. */
export const linesAlone = async (loaders: Loaders, ids: string[]) =>
  (await Promise.all(ids.map((l) => loaders.productLineById.load(l))))
    .filter((l) => l !== null)
    .map((l) => ({ id: l!.id, name: l!.name }));

/** A version's lines and sections with their materials' files, read alone through the loaders. */
export async function versionAlone(loaders: Loaders, v: CourseVersion) {
  return {
    productLines: await linesAlone(loaders, v.productLineIds),
    sections: await Promise.all(
      v.sections.map(async (s) => ({
        id: s.id,
        materials: await Promise.all(
          s.materials.map(async (m) => {
            const f = m.fileId ? await loaders.courseFileById.load(m.fileId) : null;
            return { kind: m.kind, fileId: m.fileId, file: f && { id: f.id, fileName: f.fileName } };
          }),
        ),
      })),
    ),
  };
}
