import { randomUUID } from 'node:crypto';
import { Audience, CourseVersionStatus, ErrorCode, ErrorReason, NotificationKind, OrderKind } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, reasonOf, startTestApp } from '../../../test/harness';
import { cloneSeedUser, createBrand, createCatalog } from '../../../test/factories';
import { DISTRIBUTORS, USERS, userByEmail } from '../../db/seed/demo-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { SEED_CL_TITLE, SEED_COURSE_CL, SEED_COURSE_SALES } from '../../db/seed/training-data';
import { addMonths, today } from '../../common/dates';

/**
 * Training through GraphQL on the demo seed: the certification gate in ordering, taking a course
 * (sections, attempts, scoring, certificate), versions, assignment fan-out and reminders. Changes
 * are made as seeded people the isolation matrix does not act as (or as a clone of the trainer).
 */
let t: TestApp;
let trainer: GqlClient;

const CL_1000 = PRODUCTS.find((p) => p.code === 'HK-CL-1000')!;
const IVD = PRODUCT_LINES.find((l) => l.code === 'IVD')!.id;
const IMG = PRODUCT_LINES.find((l) => l.code === 'IMG')!.id;
const RIGHT = [{ questionId: 'q-principle', optionIds: ['a'] }, { questionId: 'q-daily', optionIds: ['b', 'a'] }, { questionId: 'q-qc', optionIds: ['a'] }];
const TWO_OF_THREE = [{ questionId: 'q-principle', optionIds: ['a'] }, { questionId: 'q-daily', optionIds: ['a'] }, { questionId: 'q-qc', optionIds: ['a'] }];

const ENROLLMENT = `id status overdue dueOn attempts attemptsLeft bestScore sectionsDone passedAt course { id title } courseVersion { version }
  certificate { number validTo valid productLines { code } courseVersion { version } }`;
const MY = `query($c: ID) { enrollments(filter: { mine: true, courseId: $c }) { totalCount nodes { ${ENROLLMENT} } } }`;
const START = `mutation($c: ID!) { startCourse(courseId: $c) { ${ENROLLMENT} } }`;
const SECTION = `mutation($e: ID!, $s: String!) { completeCourseSection(enrollmentId: $e, sectionId: $s) { ${ENROLLMENT} } }`;
const QUIZ = `mutation($i: SubmitQuizInput!) { submitQuiz(input: $i) { attempt { id attemptNo score passed } questions { questionId correct }
  certificate { number issuedOn validTo valid } enrollment { ${ENROLLMENT} } } }`;
const REVIEW = `query($i: OrderDraftInput!) { reviewOrder(input: $i) { allowed lines { product { code requiresCertification } findings { reason } certification { productLineId courseId courseTitle } } } }`;
const PLACE = `mutation($i: PlaceOrderInput!) { placeOrder(input: $i) { id number status } }`;
const COURSE = `query($id: ID!) { course(id: $id) { id title version publishedVersion draftVersion
  published { id version status title questions { id options { id correct } } } draft { version status title }
  versions { version status } } }`;

const stockOrder = (productId = CL_1000.id) => ({ kind: OrderKind.STOCK, lines: [{ productId, quantity: 1 }] });

async function takeSections(c: GqlClient, courseId = SEED_COURSE_CL): Promise<string> {
  const started = await c.request(START, { c: courseId });
  expect(started.errors).toEqual([]);
  const e = started.data.startCourse;
  for (const s of ['principle', 'daily', 'service']) {
    const r = await c.request(SECTION, { e: e.id, s });
    expect(r.errors).toEqual([]);
  }
  return e.id;
}

const submit = (c: GqlClient, enrollmentId: string, answers = RIGHT, key = randomUUID()) =>
  c.request(QUIZ, { i: { enrollmentId, answers, idempotencyKey: key } });

beforeAll(async () => {
  t = await startTestApp();
  trainer = t.client(Audience.CONSOLE);
  await trainer.login(await cloneSeedUser(t.app.ds, 'trainer@huakang.demo'));
});
afterAll(() => t?.stop());

describe('the certification gate', () => {
  it('refuses a gated product to an uncertified rep, naming the course; passing the course opens it', async () => {
    const sun = await t.as('sun.rep@kangda.demo');
    const catalog = await sun.request(`{ catalog(search: "HK-CL-1000") { nodes { product { code } certification { courseId courseTitle } } } }`);
    expect(catalog.data.catalog.nodes).toEqual([{ product: { code: 'HK-CL-1000' }, certification: { courseId: SEED_COURSE_CL, courseTitle: SEED_CL_TITLE } }]);
    const review = await sun.request(REVIEW, { i: stockOrder() });
    expect(review.data.reviewOrder.allowed).toBe(false);
    expect(review.data.reviewOrder.lines[0].certification).toEqual({ productLineId: IVD, courseId: SEED_COURSE_CL, courseTitle: SEED_CL_TITLE });
    expect(review.data.reviewOrder.lines[0].findings).toEqual([]);

    const refused = await sun.request(PLACE, { i: { ...stockOrder(), idempotencyKey: randomUUID() } });
    expect(codeOf(refused)).toBe(ErrorCode.BAD_USER_INPUT);
    expect(reasonOf(refused)).toBe(ErrorReason.CERTIFICATION_REQUIRED);
    expect(refused.errors[0].message).toContain(SEED_CL_TITLE);
    expect((refused.errors[0].extensions as { lines: unknown }).lines).toEqual([{ lineNo: 1, productId: CL_1000.id, productLineId: IVD, course: { id: SEED_COURSE_CL, title: SEED_CL_TITLE } }]);
    const [{ n: placed }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE placed_by = $1`, [userByEmail('sun.rep@kangda.demo').id]);
    expect(placed).toBe(0);

    const enrollmentId = await takeSections(sun);
    const passed = await submit(sun, enrollmentId);
    expect(passed.errors).toEqual([]);
    expect(passed.data.submitQuiz.attempt).toMatchObject({ attemptNo: 1, score: 100, passed: true });
    expect(passed.data.submitQuiz.certificate).toMatchObject({ issuedOn: today(), validTo: addMonths(today(), 12), valid: true });

    // (placing it is shown on a brand of the test's own below: an order here would show in the
    // isolation matrix's order lists, which run in parallel on the same seed)
    const afterReview = await sun.request(REVIEW, { i: stockOrder() });
    expect(afterReview.data.reviewOrder.lines[0].certification).toBeNull();
    expect(afterReview.data.reviewOrder.allowed).toBe(true);
  });

  it('places the gated product once the person passes a course for its line (a brand of the test’s own)', async () => {
    const brand = await createBrand(t.app.ds, 1);
    const cat = await createCatalog(t.app.ds, brand);
    const d = brand.distributorIds[0];
    await t.app.ds.query(`UPDATE distributor SET credit_limit = '1000000.00' WHERE id = $1`, [d]);
    await t.app.ds.query(
      `INSERT INTO authorization_grant (brand_id, distributor_id, kind, product_line_ids, region_ids, valid_from, valid_to) VALUES ($1, $2, 'FORMAL', $3, $4, CURRENT_DATE - 30, CURRENT_DATE + 300)`,
      [brand.brandId, d, [cat.lineId], [cat.cityId]],
    );
    const admin = t.client(Audience.CONSOLE);
    await admin.login(brand.adminEmail);
    const owner = t.client(Audience.PORTAL);
    await owner.login(brand.ownerEmail);
    const gated = await admin.request(`mutation($p: ID!) { setProductCertification(productId: $p, required: true) { requiresCertification } }`, { p: cat.productII });
    expect(gated.data.setProductCertification.requiresCertification).toBe(true);
    const order = (key = randomUUID()) => ({ i: { kind: OrderKind.STOCK, lines: [{ productId: cat.productII, quantity: 2 }], idempotencyKey: key } });

    // no course certifies for the line yet: the refusal says so
    const none = await owner.request(PLACE, order());
    expect(reasonOf(none)).toBe(ErrorReason.CERTIFICATION_REQUIRED);
    expect((none.errors[0].extensions as { lines: Array<{ course: unknown }> }).lines[0].course).toBeNull();

    const content = {
      kind: 'PRODUCT', title: '门店培训', summary: '', productLineIds: [cat.lineId], passScore: 100, maxAttempts: 3, validityMonths: 12,
      sections: [{ id: 's1', title: '一', materials: [{ kind: 'TEXT', title: '正文', body: '内容' }] }],
      questions: [{ id: 'q1', kind: 'SINGLE', prompt: '?', options: [{ id: 'a', text: '对', correct: true }, { id: 'b', text: '错', correct: false }] }],
    };
    const course = (await admin.request(`mutation($i: CourseContentInput!) { createCourse(input: $i) { id version } }`, { i: content })).data.createCourse;
    await admin.request(`mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id } }`, { id: course.id, v: course.version });
    const named = await owner.request(PLACE, order());
    expect((named.errors[0].extensions as { lines: Array<{ course: unknown }> }).lines[0].course).toEqual({ id: course.id, title: '门店培训' });

    const e = (await owner.request(START, { c: course.id })).data.startCourse;
    await owner.request(SECTION, { e: e.id, s: 's1' });
    expect((await submit(owner, e.id, [{ questionId: 'q1', optionIds: ['a'] }])).data.submitQuiz.attempt.passed).toBe(true);
    const placed = await owner.request(PLACE, order());
    expect(placed.errors).toEqual([]);
    expect(placed.data.placeOrder.status).toBe('SUBMITTED');
  });

  it('is not asked of products that do not need it, and a certificate of another line does not open it', async () => {
    const wang = await t.as('wang.rep@kangda.demo');
    const crp = PRODUCTS.find((p) => p.code === 'HK-CRP-50')!;
    const review = await wang.request(REVIEW, { i: stockOrder(crp.id) });
    expect(review.data.reviewOrder.lines[0].certification).toBeNull();
    // a certificate for 超声影像 only, earned through a course of that line
    const content = {
      kind: 'PRODUCT', title: '超声影像入门', summary: '', productLineIds: [IMG], passScore: 100, maxAttempts: 1, validityMonths: 12,
      sections: [{ id: 's1', title: '一', materials: [{ kind: 'TEXT', title: '正文', body: '内容' }] }],
      questions: [{ id: 'q1', kind: 'SINGLE', prompt: '?', options: [{ id: 'a', text: '对', correct: true }, { id: 'b', text: '错', correct: false }] }],
    };
    const course = (await trainer.request(`mutation($i: CourseContentInput!) { createCourse(input: $i) { id version } }`, { i: content })).data.createCourse;
    await trainer.request(`mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id } }`, { id: course.id, v: course.version });
    const e = (await wang.request(START, { c: course.id })).data.startCourse;
    await wang.request(SECTION, { e: e.id, s: 's1' });
    const passed = await submit(wang, e.id, [{ questionId: 'q1', optionIds: ['a'] }]);
    expect(passed.data.submitQuiz.certificate.valid).toBe(true);
    const gated = await wang.request(REVIEW, { i: stockOrder() });
    expect(gated.data.reviewOrder.lines[0].certification.productLineId).toBe(IVD);
  });
});

describe('taking a course', () => {
  it('needs every section before the quiz, scores at once, never doubles a retried attempt, and stops at the attempts limit', async () => {
    const wang = await t.as('wang.rep@kangda.demo');
    const started = await wang.request(START, { c: SEED_COURSE_CL });
    const e = started.data.startCourse;
    expect(e.status).toBe('IN_PROGRESS');
    expect(e.attemptsLeft).toBe(3);

    const early = await submit(wang, e.id);
    expect(reasonOf(early)).toBe(ErrorReason.VALIDATION_FAILED);
    expect(early.errors[0].message).toContain('检测原理与项目');
    const unknown = await wang.request(SECTION, { e: e.id, s: 'nope' });
    expect(codeOf(unknown)).toBe(ErrorCode.BAD_USER_INPUT);
    for (const s of ['principle', 'daily', 'daily', 'service']) await wang.request(SECTION, { e: e.id, s });
    const mine = await wang.request(MY, { c: SEED_COURSE_CL });
    expect(mine.data.enrollments.nodes[0].sectionsDone).toEqual(['principle', 'daily', 'service']);

    // a learner never sees which options are right
    const course = await wang.request(COURSE, { id: SEED_COURSE_CL });
    expect(course.data.course.published.questions.flatMap((q: { options: Array<{ correct: boolean | null }> }) => q.options.map((o) => o.correct))).toEqual(Array(8).fill(null));
    expect(course.data.course.draft).toBeNull();

    const key = randomUUID();
    const failed = await submit(wang, e.id, TWO_OF_THREE, key);
    expect(failed.data.submitQuiz.attempt).toMatchObject({ attemptNo: 1, score: 67, passed: false });
    expect(failed.data.submitQuiz.questions).toEqual([
      { questionId: 'q-principle', correct: true }, { questionId: 'q-daily', correct: false }, { questionId: 'q-qc', correct: true },
    ]);
    expect(failed.data.submitQuiz.certificate).toBeNull();
    const again = await submit(wang, e.id, TWO_OF_THREE, key);
    expect(again.data.submitQuiz.attempt.id).toBe(failed.data.submitQuiz.attempt.id);
    expect(again.data.submitQuiz.enrollment.attempts).toBe(1);
    const reused = await submit(wang, e.id, RIGHT, key);
    expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);

    const invalid = await submit(wang, e.id, [{ questionId: 'q-principle', optionIds: ['a', 'b'] }]);
    expect(reasonOf(invalid)).toBe(ErrorReason.VALIDATION_FAILED);
    await submit(wang, e.id, TWO_OF_THREE);
    const third = await submit(wang, e.id, []);
    expect(codeOf(third)).toBe(ErrorCode.BAD_USER_INPUT); // at least one answer
    const last = await submit(wang, e.id, [{ questionId: 'q-qc', optionIds: ['b'] }]);
    expect(last.data.submitQuiz.attempt).toMatchObject({ attemptNo: 3, score: 0, passed: false });
    expect(last.data.submitQuiz.enrollment).toMatchObject({ status: 'FAILED', attemptsLeft: 0, bestScore: 67 });
    const exhausted = await submit(wang, e.id, RIGHT);
    expect(codeOf(exhausted)).toBe(ErrorCode.CONFLICT);
    expect(reasonOf(exhausted)).toBe(ErrorReason.ATTEMPTS_EXHAUSTED);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM quiz_attempt WHERE enrollment_id = $1`, [e.id]);
    expect(n).toBe(3);
  });

  it('takes the attempt retried in parallel once', async () => {
    const xu = await t.as('xu.rep@huaning.demo');
    const enrollmentId = await takeSections(xu);
    const key = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => submit(xu, enrollmentId, RIGHT, key)));
    expect(new Set(results.map((r) => r.data?.submitQuiz.attempt.id)).size).toBe(1);
    const [{ attempts, certs }] = await t.app.ds.query(
      `SELECT (SELECT count(*)::int FROM quiz_attempt WHERE enrollment_id = $1) AS attempts,
              (SELECT count(*)::int FROM certificate c JOIN training_enrollment e ON e.user_id = c.user_id AND e.course_id = c.course_id WHERE e.id = $1) AS certs`,
      [enrollmentId],
    );
    expect({ attempts, certs }).toEqual({ attempts: 1, certs: 1 });
    const passedAgain = await submit(xu, enrollmentId);
    expect(reasonOf(passedAgain)).toBe(ErrorReason.ILLEGAL_TRANSITION);
  });

  it('is for distributor staff: brand users cannot start one, and a rep cannot touch another’s enrollment', async () => {
    expect(codeOf(await trainer.request(START, { c: SEED_COURSE_CL }))).toBe(ErrorCode.FORBIDDEN);
    const wang = await t.as('wang.rep@kangda.demo');
    const [other] = await t.app.ds.query(`SELECT id FROM training_enrollment WHERE user_id = $1 AND course_id = $2`, [userByEmail('sun.rep@kangda.demo').id, SEED_COURSE_CL]);
    expect(codeOf(await wang.request(SECTION, { e: other.id, s: 'daily' }))).toBe(ErrorCode.NOT_FOUND);
    // the owner sees the rep's enrollment but cannot take it for them
    const boss = await t.as('boss@kangda.demo');
    expect((await boss.request(`query($id: ID!) { enrollment(id: $id) { id } }`, { id: other.id })).errors).toEqual([]);
    expect(codeOf(await boss.request(SECTION, { e: other.id, s: 'daily' }))).toBe(ErrorCode.NOT_FOUND);
  });
});

const CONTENT = (title: string, over: Record<string, unknown> = {}) => ({
  kind: 'PRODUCT', title, summary: '测试', productLineIds: [IVD], passScore: 50, maxAttempts: 2, validityMonths: 6,
  sections: [{ id: 's1', title: '第一节', materials: [{ kind: 'TEXT', title: '正文', body: '内容' }] }],
  questions: [{ id: 'q1', kind: 'SINGLE', prompt: '问题', options: [{ id: 'a', text: '对', correct: true }, { id: 'b', text: '错', correct: false }] }],
  ...over,
});

describe('course versions', () => {
  it('edits a published course as version n+1; what was passed keeps its version, and the database refuses to edit it', async () => {
    const created = await trainer.request(`mutation($i: CourseContentInput!) { createCourse(input: $i) { id version draftVersion publishedVersion } }`, { i: CONTENT('版本测试课程') });
    const course = created.data.createCourse;
    expect(course).toMatchObject({ draftVersion: 1, publishedVersion: null });
    const PUBLISH = `mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id version publishedVersion draftVersion } }`;
    const SAVE = `mutation($id: ID!, $v: Int!, $i: CourseContentInput!) { saveCourseDraft(id: $id, expectedVersion: $v, input: $i) { id version publishedVersion draftVersion title } }`;
    const v1 = (await trainer.request(PUBLISH, { id: course.id, v: course.version })).data.publishCourse;
    expect(v1).toMatchObject({ publishedVersion: 1, draftVersion: null });

    // a partner takes and passes version 1
    const hn = await t.as('xu.rep@huaning.demo');
    const e = (await hn.request(START, { c: course.id })).data.startCourse;
    await hn.request(SECTION, { e: e.id, s: 's1' });
    const pass = await submit(hn, e.id, [{ questionId: 'q1', optionIds: ['a'] }]);
    expect(pass.data.submitQuiz.attempt.passed).toBe(true);

    const stale = await trainer.request(SAVE, { id: course.id, v: course.version, i: CONTENT('陈旧') });
    expect(reasonOf(stale)).toBe(ErrorReason.STALE_VERSION);
    const v2draft = (await trainer.request(SAVE, { id: course.id, v: v1.version, i: CONTENT('版本测试课程（第二版）', { passScore: 100 }) })).data.saveCourseDraft;
    expect(v2draft).toMatchObject({ publishedVersion: 1, draftVersion: 2, title: '版本测试课程' });
    const seen = await trainer.request(COURSE, { id: course.id });
    expect(seen.data.course.published).toMatchObject({ version: 1, title: '版本测试课程' });
    expect(seen.data.course.published.questions[0].options).toEqual([{ id: 'a', correct: true }, { id: 'b', correct: false }]);
    expect(seen.data.course.draft).toMatchObject({ version: 2, status: 'DRAFT', title: '版本测试课程（第二版）' });

    const published = (await trainer.request(PUBLISH, { id: course.id, v: v2draft.version })).data.publishCourse;
    expect(published).toMatchObject({ publishedVersion: 2, draftVersion: null });
    const after = await trainer.request(COURSE, { id: course.id });
    expect(after.data.course.versions).toEqual([{ version: 2, status: CourseVersionStatus.PUBLISHED }, { version: 1, status: CourseVersionStatus.RETIRED }]);
    expect(after.data.course.title).toBe('版本测试课程（第二版）');
    const mine = await hn.request(MY, { c: course.id });
    expect(mine.data.enrollments.nodes[0]).toMatchObject({ status: 'COMPLETED', courseVersion: { version: 1 }, certificate: { valid: true, courseVersion: { version: 1 } } });

    await expect(t.app.ds.query(`UPDATE course_version SET title = 'x' WHERE course_id = $1 AND version = 1`, [course.id])).rejects.toThrow(/cannot be edited/);
    await expect(t.app.ds.query(`UPDATE certificate SET valid_to = '2099-01-01' WHERE course_id = $1`, [course.id])).rejects.toThrow(/append-only/);
  });

  it('publishes only complete content, naming where it is incomplete', async () => {
    const created = await trainer.request(`mutation($i: CourseContentInput!) { createCourse(input: $i) { id version } }`, {
      i: CONTENT('不完整课程', { questions: [{ kind: 'MULTIPLE', prompt: '?', options: [{ text: 'x', correct: false }, { text: 'y', correct: false }] }] }),
    });
    const c = created.data.createCourse;
    const r = await trainer.request(`mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id } }`, { id: c.id, v: c.version });
    expect(reasonOf(r)).toBe(ErrorReason.VALIDATION_FAILED);
    expect(r.errors[0].extensions?.field).toBe('questions.0.options');
    const badVideo = await trainer.request(`mutation($i: CourseContentInput!) { createCourse(input: $i) { id } }`, {
      i: CONTENT('坏视频', { sections: [{ title: 'v', materials: [{ kind: 'VIDEO', title: 'v', body: 'javascript:alert(1)' }] }] }),
    });
    expect(badVideo.errors[0].extensions?.field).toBe('sections.0.materials.0');
    const sun = await t.as('sun.rep@kangda.demo');
    expect(codeOf(await sun.request(START, { c: c.id }))).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('assignments', () => {
  const ASSIGN = `mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id enrolled dueOn } }`;

  it('fans a campaign out to everyone authorized for the line in the assigner’s regions, once, and notifies each', async () => {
    const due = addMonths(today(), 1);
    const input = { courseId: SEED_COURSE_SALES, productLineIds: [IMG], roles: ['REP'], dueOn: due, idempotencyKey: randomUUID() };
    const first = await trainer.request(ASSIGN, { i: input });
    expect(first.errors).toEqual([]);
    // the oracle from the seed: reps of distributors with a live grant for 超声影像 (by line or product), in 浙江/江苏
    const reps = ['li.rep@kangda.demo', 'wang.rep@kangda.demo', 'sun.rep@kangda.demo', 'zhou.rep@nbruikang.demo', 'xu.rep@huaning.demo'];
    expect(first.data.assignCourse.enrolled).toBe(reps.length);
    const rows: Array<{ email: string; due_on: string }> = await t.app.ds.query(
      `SELECT u.email, e.due_on::text FROM training_enrollment e JOIN app_user u ON u.id = e.user_id WHERE e.course_id = $1 ORDER BY u.email`, [SEED_COURSE_SALES]);
    // 南京华宁's people were already on it (overdue): they keep the earlier due date
    expect(rows.filter((r) => reps.includes(r.email)).map((r) => [r.email, r.due_on === due])).toEqual(
      [...reps].sort().map((email) => [email, email !== 'xu.rep@huaning.demo']),
    );
    const again = await trainer.request(ASSIGN, { i: input });
    expect(again.data.assignCourse.id).toBe(first.data.assignCourse.id);
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM notification WHERE kind = $1 AND entity_id = $2`, [NotificationKind.TRAINING_ASSIGNED, SEED_COURSE_SALES]);
    expect(n).toBe(reps.length);
    const reused = await trainer.request(ASSIGN, { i: { ...input, roles: ['OWNER'] } });
    expect(reasonOf(reused)).toBe(ErrorReason.IDEMPOTENCY_KEY_REUSED);
  });

  it('assigns by tier and named distributors, never outside the assigner’s scope', async () => {
    const tier2 = await trainer.request(ASSIGN, { i: { courseId: SEED_COURSE_SALES, tiers: [2], dueOn: addMonths(today(), 2), idempotencyKey: randomUUID() } });
    const expected = USERS.filter((u) => DISTRIBUTORS.some((d) => d.code === u.distributorCode && d.tier === 2 && d.brandId === u.brandId && ['ZJ-NB', 'JS-SZ'].includes(d.regionCode)));
    const [{ n }] = await t.app.ds.query(
      `SELECT count(*)::int AS n FROM training_enrollment WHERE assignment_id = $1 OR (course_id = $2 AND user_id = ANY($3))`,
      [tier2.data.assignCourse.id, SEED_COURSE_SALES, expected.map((u) => u.id)],
    );
    expect(n).toBe(expected.length);
    const yk = DISTRIBUTORS.find((d) => d.code === 'HK-YK')!;
    const outside = await trainer.request(ASSIGN, { i: { courseId: SEED_COURSE_SALES, distributorIds: [yk.id], dueOn: addMonths(today(), 1), idempotencyKey: randomUUID() } });
    expect(codeOf(outside)).toBe(ErrorCode.NOT_FOUND);
    const nothing = await trainer.request(ASSIGN, { i: { courseId: SEED_COURSE_SALES, dueOn: addMonths(today(), 1), idempotencyKey: randomUUID() } });
    expect(codeOf(nothing)).toBe(ErrorCode.BAD_USER_INPUT);
    const past = await trainer.request(ASSIGN, { i: { courseId: SEED_COURSE_SALES, tiers: [1], dueOn: '2020-01-01', idempotencyKey: randomUUID() } });
    expect(past.errors[0].extensions?.field).toBe('dueOn');
    const rep = await t.as('sun.rep@kangda.demo');
    expect(codeOf(await rep.request(ASSIGN, { i: { courseId: SEED_COURSE_SALES, tiers: [1], dueOn: addMonths(today(), 1), idempotencyKey: randomUUID() } }))).toBe(ErrorCode.FORBIDDEN);
  });

  it('reminds the overdue and their owner, at most once a week', async () => {
    const reminded = await t.app.services.assignments.remindOverdue();
    expect(reminded).toBeGreaterThanOrEqual(2);
    const boss = await t.as('boss@huaning.demo');
    const inbox = await boss.request(`{ notifications(first: 20) { nodes { kind params { name value } } } }`);
    const overdue = inbox.data.notifications.nodes.filter((n: { kind: string }) => n.kind === NotificationKind.TRAINING_OVERDUE);
    const learners = overdue.map((n: { params: Array<{ name: string; value: string }> }) => n.params.find((p) => p.name === 'learner')!.value).sort();
    expect(learners).toEqual(['徐丽', '马晓东'].sort());
    expect(await t.app.services.assignments.remindOverdue()).toBe(0);
    const later = new Date(Date.now() + 8 * 86_400_000);
    expect(await t.app.services.assignments.remindOverdue(later)).toBeGreaterThanOrEqual(2);
  });
});

describe('readiness and completion', () => {
  it('shows an owner their team’s certified lines, a rep only themselves, and the brand by region', async () => {
    const READY = `query($l: ID) { trainingReadiness(first: 50, productLineId: $l) { totalCount nodes { user { email } distributor { code } assigned completed overdue certifiedLines { productLine { code } validTo } } } }`;
    const ykOwner = await t.as('boss@yuekang.demo');
    const own = await ykOwner.request(READY, { l: IVD });
    expect(own.data.trainingReadiness.nodes).toEqual([
      expect.objectContaining({ user: { email: 'boss@yuekang.demo' }, distributor: { code: 'HK-YK' }, completed: 1, certifiedLines: [expect.objectContaining({ productLine: { code: 'IVD' } })] }),
    ]);
    const admin = await t.as('admin@huakang.demo');
    const all = await admin.request(READY, { l: IVD });
    expect(all.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).toContain('boss@yuekang.demo');
    const byTrainer = await trainer.request(READY, { l: IVD });
    expect(byTrainer.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).not.toContain('boss@yuekang.demo');
    const rep = await t.as('wang.rep@kangda.demo');
    const self = await rep.request(READY, { l: null });
    expect(self.data.trainingReadiness.nodes.map((n: { user: { email: string } }) => n.user.email)).toEqual(['wang.rep@kangda.demo']);
  });

  it('counts assigned, started, completed and overdue by distributor', async () => {
    const admin = await t.as('admin@huakang.demo');
    const r = await admin.request(`query($c: ID) { trainingCompletion(groupBy: DISTRIBUTOR, courseId: $c) { key label assigned started completed overdue } }`, { c: SEED_COURSE_CL });
    const [db] = await t.app.ds.query(
      `SELECT count(*)::int AS assigned, count(started_at)::int AS started, count(passed_at)::int AS completed FROM training_enrollment WHERE course_id = $1 AND distributor_id = $2`,
      [SEED_COURSE_CL, DISTRIBUTORS.find((d) => d.code === 'HK-YK')!.id],
    );
    expect(r.data.trainingCompletion.find((row: { label: string }) => row.label === '广州粤康医疗科技有限公司')).toMatchObject({ ...db, overdue: 0 });
    const byTrainer = await trainer.request(`{ trainingCompletion(groupBy: REGION) { label } }`);
    expect(byTrainer.data.trainingCompletion.map((row: { label: string }) => row.label).sort()).toEqual(['江苏省', '浙江省'].sort());
  });
});
