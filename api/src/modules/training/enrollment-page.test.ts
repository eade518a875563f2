import { randomUUID } from 'node:crypto';
import { Audience, Side } from '@medchannel/shared-schema';
import { GqlClient, TestApp, codeOf, startTestApp } from '../../../test/harness';
import type { Scope } from '../../auth/scope';
import { today } from '../../common/dates';
import { paginate } from '../../common/pagination';
import { SEED_COURSE_CL, SEED_COURSE_SALES } from '../../db/seed/training-data';
import { createLoaders } from '../../schema/loaders';
import { certificateKey } from './certification.service';
import { ENROLLMENT_ORDER, enrollmentStatus } from './learning.service';
import type { EnrollmentFilter } from './training.inputs';
import { linesAlone, pagesOf, readsAsBefore, seededPerson, versionAlone } from './training.test-kit';

/**
 * enrollments(...) builds its page with each row's course (and the viewer's own enrollment on it),
 * version, person, distributor, quiz attempts and latest certificate (with its product lines) in
 * one statement (enrollment-page.ts). Each page must list what the path before the tree listed
 * (the service's own query paged by `paginate`), in its order and count, cursor after cursor, and
 * each row must answer field for field what the per-field loaders answer for the same enrollment
 * read alone (its row under the scope, each part through the loader its field resolver reads), and
 * enrollment(id), read with the same node in one statement, must answer the same: for owners (their
 * own, their team's with its second tier), a rep, and brand users on the console with every filter
 * the list takes; another brand sees none, and enrollment(id) of one out of scope is NOT_FOUND. What
 * startCourse and completeCourseSection answer is read with the node too, and checked the same way.
 */
let t: TestApp;
const user = (email: string) => seededPerson(t.app.ds, email);

beforeAll(async () => {
  t = await startTestApp();
  const q = (sql: string, params: unknown[] = []) => t.app.ds.query(sql, params);
  const published = `(SELECT id FROM course_version WHERE course_id = $1 AND status = 'PUBLISHED')`;
  // the second tier under 杭州康达 (宁波瑞康) on the CL-1000 course, due sooner, and one self-started (no due date)
  await q(
    `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on)
     SELECT brand_id, $1, id, distributor_id, CASE WHEN role = 'OWNER' THEN NULL ELSE CURRENT_DATE + 3 END
       FROM app_user WHERE email IN ('boss@nbruikang.demo', 'zhou.rep@nbruikang.demo')`,
    [SEED_COURSE_CL],
  );
  // 杭州康达's owner used every attempt at the CL-1000 version (FAILED) and started the sales course himself
  await q(
    `UPDATE training_enrollment SET course_version_id = ${published}, started_at = now() - interval '3 days',
            attempts = (SELECT max_attempts FROM course_version WHERE id = ${published})
      WHERE course_id = $1 AND user_id = (SELECT id FROM app_user WHERE email = 'boss@kangda.demo')`,
    [SEED_COURSE_CL],
  );
  await q(
    `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, course_version_id, started_at)
     SELECT brand_id, $1, id, distributor_id, ${published}, now() FROM app_user WHERE email = 'boss@kangda.demo'`,
    [SEED_COURSE_SALES],
  );
  // 广州粤康's owner passed an earlier version long ago: an attempt older than the others (created
  // before, numbered after) and a lapsed certificate, which is not the latest
  const [yk] = await q(
    `SELECT e.id, e.user_id, e.distributor_id, e.course_version_id, e.brand_id FROM training_enrollment e
       JOIN app_user u ON u.id = e.user_id WHERE u.email = 'boss@yuekang.demo' AND e.course_id = $1`,
    [SEED_COURSE_CL],
  );
  const [old] = await q(
    `INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash, created_at)
     VALUES ($1, $2, $3, $4, 3, '{}', 90, true, 'old-pass', repeat('0', 64), now() - interval '400 days') RETURNING id`,
    [yk.brand_id, yk.id, yk.user_id, yk.course_version_id],
  );
  await q(
    `INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to)
     SELECT $1, 'CERT-OLD-000001', $2, $3, $4, $5, $6, product_line_ids, CURRENT_DATE - 400, CURRENT_DATE - 35
       FROM certificate WHERE user_id = $2 AND course_id = $4`,
    [yk.brand_id, yk.user_id, yk.distributor_id, SEED_COURSE_CL, yk.course_version_id, old.id],
  );
  // the CL-1000 course's published version names a file among its first section's materials
  const [file] = await q(
    `INSERT INTO course_file (brand_id, course_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
     SELECT brand_id, id, 'k', '讲义.pdf', 'application/pdf', 1, repeat('0', 64), created_by FROM course WHERE id = $1 RETURNING id`,
    [SEED_COURSE_CL],
  );
  // (a published version is frozen but for its status: the fixture takes it back to a draft for the edit)
  await q(`UPDATE course_version SET status = 'DRAFT' WHERE id = ${published}`, [SEED_COURSE_CL]);
  await q(
    `UPDATE course_version SET sections = jsonb_set(sections, '{0,materials}', sections->0->'materials' || $2::jsonb), status = 'PUBLISHED'
      WHERE course_id = $1 AND version = (SELECT published_version FROM course WHERE id = $1)`,
    [SEED_COURSE_CL, JSON.stringify([{ kind: 'FILE', title: '讲义', body: null, fileId: file.id }])],
  );
  // the sales course is archived: distributor staff no longer see it (nor its versions); brand users do
  await q(`UPDATE course SET archived_at = now() WHERE id = $1`, [SEED_COURSE_SALES]);
});
afterAll(() => t?.stop());

const ROW = `id status overdue dueOn attempts attemptsLeft bestScore sectionsDone startedAt passedAt
  course { id title kind myEnrollment { id status } }
  courseVersion { id version status productLines { id name } sections { id materials { kind fileId file { id fileName } } } }
  user { id displayName role } distributor { id name } quizAttempts { id attemptNo score passed }
  certificate { id number validTo valid productLines { id name } }`;

type Cert = { id: string; validTo: string };
type Node = { id: string; user: { id: string } | null; course: { id: string } | null; certificate: Cert | null };
type Filter = Partial<EnrollmentFilter>;
type Sections = Array<{ id: string; materials: Array<{ file: unknown }> }>;

/** The ids, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string, filter: Filter) {
  const { scope } = await user(email);
  const page = await paginate(t.app.services.learning.listQuery(scope, filter), { first: 1000 }, ENROLLMENT_ORDER);
  return { ids: page.nodes.map((e) => e.id), totalCount: page.totalCount };
}

/** The enrollment read alone: its row under the scope, each part through its field's loader. */
async function alone(scope: Scope, id: string) {
  const loaders = createLoaders(t.app.services, scope);
  const e = await t.app.services.learning.scoped(scope).andWhere('e.id = :id', { id }).getOne();
  if (!e) return null;
  const on = today();
  const versionOf = (of: { courseVersionId: string | null }) =>
    of.courseVersionId ? loaders.courseVersionById.load(of.courseVersionId) : null;
  const version = await versionOf(e);
  const course = await loaders.courseById.load(e.courseId);
  const [mine] = course ? await loaders.myEnrollmentsByCourseId.load(course.id) : [];
  const cert = await loaders.latestCertificateByUserCourse.load(certificateKey(e.userId, e.courseId));
  const user = await loaders.userById.load(e.userId);
  const distributor = await loaders.distributorById.load(e.distributorId);
  return {
    id: e.id,
    status: enrollmentStatus(e, version?.maxAttempts ?? null),
    overdue: !e.passedAt && e.dueOn !== null && e.dueOn < on,
    dueOn: e.dueOn,
    attempts: e.attempts,
    attemptsLeft: version ? Math.max(version.maxAttempts - e.attempts, 0) : null,
    bestScore: e.bestScore,
    sectionsDone: e.sectionsDone,
    startedAt: e.startedAt?.toISOString() ?? null,
    passedAt: e.passedAt?.toISOString() ?? null,
    course: course && {
      id: course.id,
      title: course.title,
      kind: course.kind,
      myEnrollment: mine
        ? { id: mine.id, status: enrollmentStatus(mine, (await versionOf(mine))?.maxAttempts ?? null) }
        : null,
    },
    courseVersion: version && {
      id: version.id,
      version: version.version,
      status: version.status,
      ...(await versionAlone(loaders, version)),
    },
    user: user && { id: user.id, displayName: user.displayName, role: user.role },
    distributor: distributor && { id: distributor.id, name: distributor.name },
    quizAttempts: (await loaders.attemptsByEnrollmentId.load(e.id)).map((a) => ({
      id: a.id,
      attemptNo: a.attemptNo,
      score: a.score,
      passed: a.passed,
    })),
    certificate: cert && {
      id: cert.id,
      number: cert.number,
      validTo: cert.validTo,
      valid: cert.issuedOn <= on && cert.validTo >= on,
      productLines: await linesAlone(loaders, cert.productLineIds),
    },
  };
}

const ONE = `query($id: ID!) { enrollment(id: $id) { ${ROW} } }`;

const QUERY = `query($n: Int!, $a: String, $f: EnrollmentFilter) { enrollments(first: $n, after: $a, filter: $f) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;
const pages = (client: GqlClient, filter: Filter, size: number) =>
  pagesOf<Node>(client, QUERY, 'enrollments', { f: filter }, size);

async function compare(email: string, filter: Filter): Promise<Node[]> {
  const { nodes, client, person } = await readsAsBefore(
    t,
    email,
    (c, size) => pages(c, filter, size),
    () => before(email, filter),
    (n: Node) => n.id,
  );
  for (const node of nodes) {
    expect(node).toEqual(await alone(person.scope, node.id));
    const one = await client.request(ONE, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(one.sqlCount).toBe(2);
    expect(one.data.enrollment).toEqual(node);
    // and the certificate is the latest (expiry, then id) of the person's from the course among those
    // the viewer may see, as the per-user certificates answered before
    const held = await client.request(
      `query($u: ID) { certificates(first: 100, filter: { userId: $u }) { nodes { id validTo } } }`,
      { u: node.user?.id ?? null },
    );
    expect(held.errors).toEqual([]);
    const [{ course_id: courseId }] = await t.app.ds.query(`SELECT course_id FROM training_enrollment WHERE id = $1`, [
      node.id,
    ]);
    const ofCourse = new Set<string>(
      (
        await t.app.ds.query(`SELECT id FROM certificate WHERE course_id = $1 AND id = ANY($2)`, [
          courseId,
          (held.data.certificates.nodes as Cert[]).map((c) => c.id),
        ])
      ).map((c: { id: string }) => c.id),
    );
    const latest = (held.data.certificates.nodes as Cert[])
      .filter((c) => ofCourse.has(c.id))
      .sort((a, b) => b.validTo.localeCompare(a.validTo) || a.id.localeCompare(b.id))[0];
    if (node.user) expect(node.certificate?.id ?? null).toBe(latest?.id ?? null);
  }
  return nodes;
}

test.each<[string, string, Filter]>([
  ['an owner, their own', 'boss@yuekang.demo', { mine: true }],
  ['an owner, their own (two courses, one archived)', 'boss@kangda.demo', { mine: true }],
  ['an owner, their team with its second tier', 'boss@kangda.demo', {}],
  ['a rep', 'xu.rep@huaning.demo', {}],
  ['a rep, their own', 'li.rep@kangda.demo', { mine: true }],
  ['the admin, every enrollment', 'admin@huakang.demo', {}],
  ['the admin, by course', 'admin@huakang.demo', { courseId: SEED_COURSE_CL }],
  ['the admin, by status', 'admin@huakang.demo', { statuses: ['FAILED', 'COMPLETED'] as never }],
  ['the admin, overdue', 'admin@huakang.demo', { overdue: true }],
  ['the admin, by a person’s name', 'admin@huakang.demo', { search: '黄志明' }],
  ['the admin, by course title', 'admin@huakang.demo', { search: 'CL-1000' }],
  ['a trainer, a course’s enrollments', 'trainer@huakang.demo', { courseId: SEED_COURSE_SALES }],
  ['a regional head', 'zhao.rh@huakang.demo', {}],
])('the one-statement pages answer what the per-field path answered: %s', async (_, email, filter) => {
  const rows = await compare(email, filter);
  expect(rows.length).toBeGreaterThan(0);
});

test('the admin, by distributor and by person', async () => {
  const [hn] = await t.app.ds.query(`SELECT id FROM distributor WHERE code = 'HK-HN'`);
  expect((await compare('admin@huakang.demo', { distributorId: hn.id })).length).toBeGreaterThan(0);
  const yk = await user('boss@yuekang.demo');
  expect((await compare('admin@huakang.demo', { userId: yk.id })).length).toBe(1);
});

test('the parts are really read: attempts in order, the latest certificate with its lines, hidden courses null', async () => {
  const [mine] = (await compare('boss@yuekang.demo', { mine: true })) as Array<
    Node & { quizAttempts: Array<{ attemptNo: number }>; certificate: { number: string; productLines: unknown[] } }
  >;
  expect(mine.quizAttempts.map((a) => a.attemptNo)).toEqual([3, 1, 2]);
  expect(mine.certificate.number).toMatch(/SEED01$/);
  expect(mine.certificate.productLines.length).toBe(1);
  // the version taken with its lines and the file its materials name
  const taken = (mine as unknown as { courseVersion: { productLines: unknown[]; sections: Sections } }).courseVersion;
  expect(taken.productLines.length).toBeGreaterThan(0);
  expect(taken.sections.flatMap((x) => x.materials).filter((m) => m.file).length).toBe(1);
  const own = (await compare('boss@kangda.demo', { mine: true })) as Array<
    Node & { status: string; course: { myEnrollment: { id: string } } | null }
  >;
  expect(own.map((n) => n.status).sort()).toEqual(['FAILED', 'IN_PROGRESS']);
  // the archived course is hidden from distributor staff, shown to the brand
  expect(own.filter((n) => n.course === null).length).toBe(1);
  expect(own.filter((n) => n.course).every((n) => n.course!.myEnrollment.id === n.id)).toBe(true);
  const console = await compare('admin@huakang.demo', { courseId: SEED_COURSE_SALES });
  expect(console.every((n) => n.course?.id === SEED_COURSE_SALES)).toBe(true);
});

test('another brand sees none of them', async () => {
  const huakang = new Set((await before('admin@huakang.demo', {})).ids);
  expect(huakang.size).toBeGreaterThan(0);
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@ruiguang.demo');
  for (const filter of [{}, { courseId: SEED_COURSE_CL }, { search: '黄志明' }]) {
    const seen = await pages(client, filter, 20);
    expect(seen.nodes.filter((n) => huakang.has(n.id))).toEqual([]);
  }
  expect(await pages(client, { courseId: SEED_COURSE_CL }, 5)).toEqual({ nodes: [], totalCount: 0 });
});

test('enrollment(id) of one the viewer may not see is NOT_FOUND, as a missing or malformed id', async () => {
  const [theirs] = await t.app.ds.query(
    `SELECT e.id FROM training_enrollment e JOIN app_user u ON u.id = e.user_id WHERE u.email = 'boss@yuekang.demo' AND e.course_id = $1`,
    [SEED_COURSE_CL],
  );
  const admin = await user('admin@huakang.demo');
  expect(await alone(admin.scope, theirs.id)).not.toBeNull();
  for (const email of ['li.rep@kangda.demo', 'boss@kangda.demo', 'admin@ruiguang.demo']) {
    const person = await user(email);
    expect(await alone(person.scope, theirs.id)).toBeNull();
    const client = t.client(person.side === Side.PARTNER ? Audience.PORTAL : Audience.CONSOLE);
    await client.login(email);
    for (const id of [theirs.id, randomUUID(), 'not-an-id']) {
      const r = await client.request(ONE, { id });
      expect([email, id, codeOf(r)]).toEqual([email, id, 'NOT_FOUND']);
    }
  }
});

test('what startCourse and completeCourseSection answer is the enrollment as read alone', async () => {
  const email = 'li.rep@kangda.demo';
  const person = await user(email);
  const client = t.client(Audience.PORTAL);
  await client.login(email);
  const started = await client.request(`mutation($c: ID!) { startCourse(courseId: $c) { ${ROW} } }`, {
    c: SEED_COURSE_CL,
  });
  expect(started.errors).toEqual([]);
  const e = started.data.startCourse as { id: string; courseVersion: { sections: Sections } };
  expect(e).toEqual(await alone(person.scope, e.id));
  expect(e.courseVersion.sections.flatMap((x) => x.materials).filter((m) => m.file).length).toBe(1);
  const section = e.courseVersion.sections[0].id;
  const done = await client.request(
    `mutation($e: ID!, $s: String!) { completeCourseSection(enrollmentId: $e, sectionId: $s) { ${ROW} } }`,
    { e: e.id, s: section },
  );
  expect(done.errors).toEqual([]);
  expect(done.data.completeCourseSection.sectionsDone).toContain(section);
  expect(done.data.completeCourseSection).toEqual(await alone(person.scope, e.id));
});
