import { Audience, CourseListStatus, CourseKind, Side } from '@medchannel/shared-schema';
import { GqlClient, TestApp, startTestApp } from '../../../test/harness';
import type { Scope } from '../../auth/scope';
import { paginate } from '../../common/pagination';
import { createLoaders } from '../../schema/loaders';
import { certificateKey } from './certification.service';
import { COURSE_ORDER } from './course.service';
import { enrollmentStatus } from './learning.service';
import type { CourseVersion } from './training.entity';
import type { CourseFilter } from './training.inputs';
import { CONTENT, IMG, IVD, linesAlone, pagesOf, readsAsBefore, seededPerson, versionAlone } from './training.test-kit';

/**
 * courses(...) builds its page with each course's lines, versions (with their lines and material
 * files), files, assignments and the viewer's own enrollment in one statement (course-page.ts), and
 * course(id) the same tree for one. Each page must list what the path before the tree listed (the
 * service's own query paged by `paginate`), in its order and count, cursor after cursor, and each row
 * must answer what the per-field path answers for the course read alone (its row under the scope,
 * each part through the loader its field resolver reads) and what course(id) answers, for the admin
 * with every filter, a trainer, a regional head, an owner and a rep on the portal; another brand sees none.
 * What the course mutations answer is read with the same tree, and must answer the same.
 */
let t: TestApp;
const user = (email: string) => seededPerson(t.app.ds, email);

/**
 * Courses beside the demo seed's: published with a file material, some with a draft of version 2
 * naming another file and line, some assigned to 杭州康达, one archived, one only a draft; 杭州康达's
 * owner on the first.
 */
async function seedCourses() {
  const q = (sql: string, params: unknown[]) => t.app.ds.query(sql, params);
  const [admin] = await q(`SELECT id, brand_id FROM app_user WHERE email = 'admin@huakang.demo'`, []);
  const [kd] = await q(`SELECT id FROM distributor WHERE code = 'HK-KD'`, []);
  const [owner] = await q(`SELECT id, distributor_id FROM app_user WHERE email = 'boss@kangda.demo'`, []);
  const version = (courseId: string, n: number, status: string, fileId: string, lines: string[]) =>
    q(
      `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, sections, questions, published_at)
       VALUES ($1, $2, $3, $4, 'PRODUCT', $5, $6, 50, 3, 12, $7, $8, $9) RETURNING id`,
      [
        admin.brand_id,
        courseId,
        n,
        status,
        `版本 ${n}`,
        lines,
        JSON.stringify([{ id: 's1', title: '一', materials: [{ kind: 'FILE', title: '讲义', body: null, fileId }] }]),
        JSON.stringify([
          {
            id: 'q1',
            kind: 'SINGLE',
            prompt: '?',
            options: [
              { id: 'a', text: 'a', correct: true },
              { id: 'b', text: 'b', correct: false },
            ],
          },
        ]),
        status === 'DRAFT' ? null : new Date(),
      ],
    );
  for (let i = 0; i < 7; i++) {
    const draftOnly = i === 6;
    const [c] = await q(
      `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, draft_version, archived_at, created_by)
       VALUES ($1, 'PRODUCT', $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        admin.brand_id,
        `列表课程 ${i}`,
        [IVD],
        draftOnly ? null : 1,
        i % 2 || draftOnly ? 2 : null,
        i === 5 ? new Date() : null,
        admin.id,
      ],
    );
    const file = (name: string) =>
      q(
        `INSERT INTO course_file (brand_id, course_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by)
         VALUES ($1, $2, 'k', $3, 'application/pdf', 1, repeat('0', 64), $4) RETURNING id`,
        [admin.brand_id, c.id, name, admin.id],
      );
    const [f1] = await file(`讲义 ${i}.pdf`);
    const [f2] = await file(`新讲义 ${i}.pdf`);
    if (!draftOnly) await version(c.id, 1, 'PUBLISHED', f1.id, [IVD]);
    if (i % 2 || draftOnly) await version(c.id, 2, 'DRAFT', f2.id, [IVD, IMG]);
    if (i < 3)
      await q(
        `INSERT INTO course_assignment (brand_id, course_id, distributor_ids, product_line_ids, due_on, enrolled, created_by, idempotency_key, request_hash)
         VALUES ($1, $2, $3, $4, CURRENT_DATE + 9, 1, $5, gen_random_uuid(), repeat('0', 64))`,
        [admin.brand_id, c.id, [kd.id], [IMG], admin.id],
      );
    if (i === 0)
      await q(
        `WITH e AS (INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, course_version_id, started_at, attempts, passed_at)
              SELECT $1, $2, $3, $4, id, now(), 1, now() FROM course_version WHERE course_id = $2 AND version = 1
              RETURNING id, course_version_id),
          a AS (INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash)
              SELECT $1, e.id, $3, e.course_version_id, 1, '{}', 100, true, gen_random_uuid(), repeat('0', 64) FROM e RETURNING id)
         INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to)
         SELECT $1, 'CERT-COURSES-1', $3, $4, $2, e.course_version_id, a.id, $5, CURRENT_DATE, CURRENT_DATE + 365 FROM e, a`,
        [admin.brand_id, c.id, owner.id, owner.distributor_id, [IVD]],
      );
  }
}

beforeAll(async () => {
  t = await startTestApp();
  await seedCourses();
});
afterAll(() => t?.stop());

const VERSION = `id version status title productLines { id name } sections { id materials { kind fileId file { id fileName } } }
  questions { id options { id correct } }`;
const ROW = `id title kind publishedVersion draftVersion productLines { id name } published { ${VERSION} } draft { ${VERSION} }
  versions { id version status } files { id fileName }
  myEnrollment { id status certificate { id number productLines { id name } } courseVersion { ${VERSION} } }
  assignments { id dueOn distributors { id name } productLines { id name } createdBy { id displayName } }`;

type Node = {
  id: string;
  draft: unknown;
  versions: Array<{ status: string }>;
  assignments: Array<{ distributors: unknown[] }>;
  myEnrollment: { certificate: { productLines: unknown[] } | null } | null;
  published: { sections: Array<{ materials: Array<{ file: unknown }> }> } | null;
};
type Filter = Partial<CourseFilter>;

/** The ids, in order, and the count the path before the tree gave (the service's query through `paginate`). */
async function before(email: string, filter: Filter) {
  const { scope } = await user(email);
  const page = await paginate(t.app.services.courses.listQuery(scope, filter), { first: 1000 }, COURSE_ORDER);
  return { ids: page.nodes.map((c) => c.id), totalCount: page.totalCount };
}

/** The course read alone: its row under the scope, each part through its field's loader. */
async function alone(scope: Scope, id: string) {
  const loaders = createLoaders(t.app.services, scope);
  const c = await t.app.services.courses.scoped(scope).andWhere('c.id = :id', { id }).getOne();
  if (!c) return null;
  const lines = (ids: string[]) => linesAlone(loaders, ids);
  const version = async (v: CourseVersion | undefined) =>
    v && {
      id: v.id,
      version: v.version,
      status: v.status,
      title: v.title,
      ...(await versionAlone(loaders, v)),
      questions: v.questions.map((q) => ({
        id: q.id,
        options: q.options.map((o) => ({ id: o.id, correct: scope.side === Side.BRAND ? o.correct : null })),
      })),
    };
  const versions = await loaders.versionsByCourseId.load(c.id);
  const [mine] = await loaders.myEnrollmentsByCourseId.load(c.id);
  const mineVersion = mine?.courseVersionId ? await loaders.courseVersionById.load(mine.courseVersionId) : null;
  const cert = mine
    ? await loaders.latestCertificateByUserCourse.load(certificateKey(mine.userId, mine.courseId))
    : null;
  const assignments = await loaders.assignmentsByCourseId.load(c.id);
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    publishedVersion: c.publishedVersion,
    draftVersion: c.draftVersion,
    productLines: await lines(c.productLineIds),
    published: (await version(versions.find((v) => v.version === c.publishedVersion))) ?? null,
    draft: (await version(versions.find((v) => v.version === c.draftVersion))) ?? null,
    versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status })),
    files: (await loaders.filesByCourseId.load(c.id)).map((f) => ({ id: f.id, fileName: f.fileName })),
    myEnrollment: mine
      ? {
          id: mine.id,
          status: enrollmentStatus(mine, mineVersion?.maxAttempts ?? null),
          certificate: cert && { id: cert.id, number: cert.number, productLines: await lines(cert.productLineIds) },
          courseVersion: (await version(mineVersion ?? undefined)) ?? null,
        }
      : null,
    assignments: await Promise.all(
      assignments.map(async (a) => ({
        id: a.id,
        dueOn: a.dueOn,
        distributors: (await Promise.all(a.distributorIds.map((d) => loaders.distributorById.load(d))))
          .filter((d) => d !== null)
          .map((d) => ({ id: d!.id, name: d!.name })),
        productLines: await lines(a.productLineIds),
        createdBy: await loaders.userById.load(a.createdBy).then((u) => u && { id: u.id, displayName: u.displayName }),
      })),
    ),
  };
}

const QUERY = `query($n: Int!, $a: String, $f: CourseFilter) { courses(first: $n, after: $a, filter: $f) {
  totalCount pageInfo { hasNextPage endCursor } nodes { ${ROW} } } }`;
const pages = (client: GqlClient, filter: Filter, size: number) =>
  pagesOf<Node>(client, QUERY, 'courses', { f: filter }, size);

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
    const one = await client.request(`query($id: ID!) { course(id: $id) { ${ROW} } }`, { id: node.id });
    expect(one.errors).toEqual([]);
    expect(one.sqlCount).toBe(2);
    expect(one.data.course).toEqual(node);
  }
  return nodes;
}

test.each<[string, string, Filter]>([
  ['the admin, every course but the archived', 'admin@huakang.demo', {}],
  ['the admin, with the archived', 'admin@huakang.demo', { includeArchived: true }],
  ['the admin, published', 'admin@huakang.demo', { status: CourseListStatus.PUBLISHED }],
  ['the admin, drafts', 'admin@huakang.demo', { status: CourseListStatus.DRAFT }],
  ['the admin, archived', 'admin@huakang.demo', { status: CourseListStatus.ARCHIVED }],
  ['the admin, product courses', 'admin@huakang.demo', { kind: CourseKind.PRODUCT }],
  ['the admin, by product line', 'admin@huakang.demo', { productLineId: IVD }],
  ['the admin, by title', 'admin@huakang.demo', { search: '列表' }],
  ['a trainer', 'trainer@huakang.demo', {}],
  ['a regional head', 'zhao.rh@huakang.demo', {}],
  ['an owner', 'boss@kangda.demo', {}],
  ['a rep', 'li.rep@kangda.demo', { includeArchived: true }],
])('the one-statement pages answer what the per-field path answered: %s', async (_, email, filter) => {
  expect((await compare(email, filter)).length).toBeGreaterThan(0);
});

test('the parts are really read: drafts and assignments to the brand, never to distributor staff', async () => {
  const admin = await compare('admin@huakang.demo', { search: '列表' });
  expect(admin.filter((n) => n.draft !== null).length).toBe(3);
  expect(admin.filter((n) => n.assignments.some((a) => a.distributors.length === 1)).length).toBe(3);
  expect(admin.filter((n) => n.published?.sections[0].materials[0].file).length).toBe(5);
  for (const email of ['boss@kangda.demo', 'li.rep@kangda.demo']) {
    const partner = await compare(email, { search: '列表' });
    expect(partner.length).toBe(5);
    expect(partner.every((n) => n.draft === null && n.versions.every((v) => v.status !== 'DRAFT'))).toBe(true);
    expect(partner.every((n) => n.assignments.length === 0)).toBe(true);
    const mine = partner.filter((n) => n.myEnrollment !== null);
    expect(mine.length).toBe(email.startsWith('boss') ? 1 : 0);
    expect(mine.every((n) => n.myEnrollment?.certificate?.productLines.length === 1)).toBe(true);
  }
});

test('another brand sees none of them', async () => {
  const huakang = new Set((await before('admin@huakang.demo', { includeArchived: true })).ids);
  expect(huakang.size).toBeGreaterThan(7);
  const client = t.client(Audience.CONSOLE);
  await client.login('admin@ruiguang.demo');
  for (const filter of [{}, { includeArchived: true }, { search: '列表' }]) {
    const seen = await pages(client, filter, 20);
    expect(seen.nodes.filter((n) => huakang.has(n.id))).toEqual([]);
  }
  const one = await client.request(`query($id: ID!) { course(id: $id) { id } }`, { id: [...huakang][0] });
  expect(one.errors[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('what the course mutations answer is the course as read alone and as course(id) answers it', async () => {
  const MUTATIONS = {
    create: `mutation($i: CourseContentInput!) { createCourse(input: $i) { ${ROW} } }`,
    save: `mutation($id: ID!, $v: Int!, $i: CourseContentInput!) { saveCourseDraft(id: $id, expectedVersion: $v, input: $i) { ${ROW} } }`,
    publish: `mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { ${ROW} } }`,
    archive: `mutation($id: ID!, $v: Int!, $a: Boolean!) { archiveCourse(id: $id, expectedVersion: $v, archived: $a) { ${ROW} } }`,
  };
  const version = async (id: string) =>
    (await t.app.ds.query(`SELECT version FROM course WHERE id = $1`, [id]))[0].version as number;
  for (const email of ['trainer@huakang.demo', 'admin@huakang.demo']) {
    const { scope } = await user(email);
    const client = t.client(Audience.CONSOLE);
    await client.login(email);
    const answers: Node[] = [];
    const answer = async (query: string, vars: Record<string, unknown>) => {
      const r = await client.request(query, vars);
      expect(r.errors).toEqual([]);
      const node = Object.values(r.data as Record<string, Node>)[0];
      expect(node).toEqual(await alone(scope, node.id));
      const one = await client.request(`query($id: ID!) { course(id: $id) { ${ROW} } }`, { id: node.id });
      expect(one.data.course).toEqual(node);
      answers.push(node);
      return node.id;
    };
    const id = await answer(MUTATIONS.create, { i: CONTENT(`改动课程 ${email}`) });
    await answer(MUTATIONS.save, {
      id,
      v: await version(id),
      i: CONTENT(`改动课程 ${email} 一`, { productLineIds: [IVD, IMG] }),
    });
    await answer(MUTATIONS.publish, { id, v: await version(id) });
    await answer(MUTATIONS.save, { id, v: await version(id), i: CONTENT(`改动课程 ${email} 二`) });
    await answer(MUTATIONS.archive, { id, v: await version(id), a: true });
    await answer(MUTATIONS.archive, { id, v: await version(id), a: false });
    // the parts are really read: the draft, then the published version beside the second draft
    expect(answers.map((n) => [n.versions.map((v) => v.status), n.draft !== null, n.published !== null])).toEqual([
      [['DRAFT'], true, false],
      [['DRAFT'], true, false],
      [['PUBLISHED'], false, true],
      [['DRAFT', 'PUBLISHED'], true, true],
      [['DRAFT', 'PUBLISHED'], true, true],
      [['DRAFT', 'PUBLISHED'], true, true],
    ]);
  }
  // another brand's admin: NOT_FOUND, as for course(id)
  const [theirs] = await t.app.ds.query(`SELECT id, version FROM course WHERE title LIKE '改动课程%' LIMIT 1`);
  const other = t.client(Audience.CONSOLE);
  await other.login('admin@ruiguang.demo');
  const refused = await other.request(MUTATIONS.publish, { id: theirs.id, v: theirs.version });
  expect(refused.errors[0]?.extensions?.code).toBe('NOT_FOUND');
});
