import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role, Side, sideOfRole, rolesFor } from '@medchannel/shared-schema';
import { SeedUser, USERS } from '../../db/seed/demo-data';
import { PRODUCTS, PRODUCT_LINES } from '../../db/seed/catalog-data';
import { CL_QUESTIONS, CL_SECTIONS } from '../../db/seed/training-data';
import { addDays, today } from '../../common/dates';
import { foreignDistributors, foreignUsers } from '../../../test/personas';
import { OperationCase } from '../../../test/isolation/types';
import { firstDistributor } from '../../../test/isolation/fixtures';

/** Training's operations: courses and their versions, assignment, taking courses, certificates, readiness. */

const otherBrand = (user: SeedUser) => USERS.find((u) => u.brandId !== user.brandId)!;
const lineOf = (brandId: string) => PRODUCT_LINES.find((l) => l.brandId === brandId)!.id;

/** A course of a brand (a fixture): published (v1) unless asked for a draft; sections and quiz of the CL-1000 course. */
async function courseOf(
  ds: DataSource,
  brandId: string,
  published = true,
): Promise<{ id: string; version: number; versionId: string }> {
  const creator = USERS.find((u) => u.brandId === brandId)!;
  const [c] = await ds.query(
    `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, draft_version, created_by) VALUES ($1, 'PRODUCT', $2, $3, $4, $5, $6) RETURNING id, version`,
    [
      brandId,
      `矩阵课程 ${randomUUID().slice(0, 8)}`,
      [lineOf(brandId)],
      published ? 1 : null,
      published ? null : 1,
      creator.id,
    ],
  );
  const [v] = await ds.query(
    `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, sections, questions, published_at)
     VALUES ($1, $2, 1, $3, 'PRODUCT', '矩阵课程', $4, 80, 3, 12, $5, $6, $7) RETURNING id`,
    [
      brandId,
      c.id,
      published ? 'PUBLISHED' : 'DRAFT',
      [lineOf(brandId)],
      JSON.stringify(CL_SECTIONS),
      JSON.stringify(CL_QUESTIONS),
      published ? new Date() : null,
    ],
  );
  return { id: c.id, version: c.version, versionId: v.id };
}

/** The partner user an enrollment fixture is for: the persona itself, or a person of its first distributor. */
const learnerOf = (user: SeedUser): SeedUser =>
  sideOfRole(user.role) === Side.PARTNER ? user : USERS.find((x) => x.distributorCode === firstDistributor(user).code)!;

/** An enrollment (on a fresh published course) of a person, with every section done when asked. */
async function enrollmentOf(ds: DataSource, learner: SeedUser, sectionsDone = false): Promise<string> {
  const course = await courseOf(ds, learner.brandId);
  const [e] = await ds.query(
    `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, course_version_id, started_at, sections_done)
     SELECT $1, $2, u.id, u.distributor_id, CURRENT_DATE + 7, $3, now(), $4 FROM app_user u WHERE u.id = $5 RETURNING id`,
    [learner.brandId, course.id, course.versionId, sectionsDone ? CL_SECTIONS.map((s) => s.id) : [], learner.id],
  );
  return e.id;
}

/** People whose training the persona must not see: other distributors', and for a rep also their colleagues. */
const foreignLearners = (user: SeedUser): SeedUser[] => {
  const colleagues =
    user.role === Role.REP ? USERS.filter((x) => x.distributorCode === user.distributorCode && x.id !== user.id) : [];
  return [...foreignUsers(user).filter((x) => x.distributorCode), ...colleagues].slice(0, 4);
};

const COURSE_FIELDS = `id kind title publishedVersion draftVersion archivedAt version productLines { id name }
  published { id version status title summary passScore maxAttempts validityMonths productLines { id }
    sections { id title materials { kind title body fileId file { id fileName } } } questions { id kind prompt options { id text correct } } }
  draft { id version status } versions { id version status publishedAt } files { id fileName fileMime fileSize }
  myEnrollment { id status } assignments { id dueOn enrolled tiers roles distributors { id name } productLines { id } createdBy { id displayName } }`;
const ENROLLMENT_FIELDS = `id status overdue dueOn startedAt sectionsDone attempts attemptsLeft bestScore passedAt
  course { id title } courseVersion { id version } user { id displayName } distributor { id name }
  quizAttempts { id attemptNo score passed } certificate { id number validTo valid }`;
const CERTIFICATE_FIELDS = `id number issuedOn validTo valid productLines { id name } user { id displayName } distributor { id name } course { id title } courseVersion { id version }`;
const CONTENT = (brandId: string) => ({
  kind: 'PRODUCT',
  title: '矩阵新课程',
  summary: '',
  productLineIds: [lineOf(brandId)],
  passScore: 80,
  maxAttempts: 3,
  validityMonths: 12,
  sections: CL_SECTIONS.map((s) => ({
    id: s.id,
    title: s.title,
    materials: s.materials.map((m) => ({ kind: m.kind, title: m.title, body: m.body })),
  })),
  questions: CL_QUESTIONS.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, options: q.options })),
});

const listed =
  (query: string) =>
  ({ user }: { user: SeedUser }) =>
    foreignDistributors(user)
      .slice(0, 3)
      .map((d) => ({ query, variables: { d: d.id }, expect: 'LISTED' as const }));

export const TRAINING_OPERATIONS: Record<string, OperationCase> = {
  courses: {
    allowed: rolesFor('training.read'),
    own: () => ({
      query: `{ courses(first: 20, filter: { includeArchived: true }) { totalCount nodes { ${COURSE_FIELDS} } } }`,
    }),
  },
  course: {
    allowed: rolesFor('training.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { course(id: $id) { ${COURSE_FIELDS} } }`,
      variables: { id: (await courseOf(ds, user.brandId)).id },
    }),
    foreign: async ({ user, ds }) => [
      {
        query: `query($id: ID!) { course(id: $id) { id } }`,
        variables: { id: (await courseOf(ds, otherBrand(user).brandId)).id },
      },
      // a draft is the brand's own business
      ...(sideOfRole(user.role) === Side.PARTNER
        ? [
            {
              query: `query($id: ID!) { course(id: $id) { id } }`,
              variables: { id: (await courseOf(ds, user.brandId, false)).id },
            },
          ]
        : []),
    ],
  },
  createCourse: {
    allowed: rolesFor('training.edit'),
    own: ({ user }) => ({
      query: `mutation($i: CourseContentInput!) { createCourse(input: $i) { ${COURSE_FIELDS} } }`,
      variables: { i: CONTENT(user.brandId) },
    }),
    mutates: true,
  },
  saveCourseDraft: {
    allowed: rolesFor('training.edit'),
    own: async ({ user, ds }) => {
      const c = await courseOf(ds, user.brandId);
      return {
        query: `mutation($id: ID!, $v: Int!, $i: CourseContentInput!) { saveCourseDraft(id: $id, expectedVersion: $v, input: $i) { ${COURSE_FIELDS} } }`,
        variables: { id: c.id, v: c.version, i: CONTENT(user.brandId) },
      };
    },
    foreign: async ({ user, ds }) => {
      const c = await courseOf(ds, otherBrand(user).brandId);
      return [
        {
          query: `mutation($id: ID!, $v: Int!, $i: CourseContentInput!) { saveCourseDraft(id: $id, expectedVersion: $v, input: $i) { id } }`,
          variables: { id: c.id, v: c.version, i: CONTENT(user.brandId) },
        },
      ];
    },
    mutates: true,
  },
  publishCourse: {
    allowed: rolesFor('training.edit'),
    own: async ({ user, ds }) => {
      const c = await courseOf(ds, user.brandId, false);
      return {
        query: `mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { ${COURSE_FIELDS} } }`,
        variables: { id: c.id, v: c.version },
      };
    },
    foreign: async ({ user, ds }) => {
      const c = await courseOf(ds, otherBrand(user).brandId, false);
      return [
        {
          query: `mutation($id: ID!, $v: Int!) { publishCourse(id: $id, expectedVersion: $v) { id } }`,
          variables: { id: c.id, v: c.version },
        },
      ];
    },
    mutates: true,
  },
  archiveCourse: {
    allowed: rolesFor('training.edit'),
    own: async ({ user, ds }) => {
      const c = await courseOf(ds, user.brandId);
      return {
        query: `mutation($id: ID!, $v: Int!) { archiveCourse(id: $id, expectedVersion: $v, archived: true) { ${COURSE_FIELDS} } }`,
        variables: { id: c.id, v: c.version },
      };
    },
    foreign: async ({ user, ds }) => {
      const c = await courseOf(ds, otherBrand(user).brandId);
      return [
        {
          query: `mutation($id: ID!, $v: Int!) { archiveCourse(id: $id, expectedVersion: $v, archived: true) { id } }`,
          variables: { id: c.id, v: c.version },
        },
      ];
    },
    mutates: true,
  },
  assignCourse: {
    allowed: rolesFor('training.assign'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id dueOn enrolled tiers roles distributors { id name } productLines { id } createdBy { id } } }`,
      variables: {
        i: {
          courseId: (await courseOf(ds, user.brandId)).id,
          distributorIds: [firstDistributor(user).id],
          dueOn: addDays(today(), 30),
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: async ({ user, ds }) => {
      const own = await courseOf(ds, user.brandId);
      const foreignCourse = await courseOf(ds, otherBrand(user).brandId);
      const assign = `mutation($i: AssignCourseInput!) { assignCourse(input: $i) { id enrolled } }`;
      return [
        ...foreignDistributors(user)
          .slice(0, 3)
          .map((d) => ({
            query: assign,
            variables: {
              i: {
                courseId: own.id,
                distributorIds: [d.id],
                dueOn: addDays(today(), 30),
                idempotencyKey: randomUUID(),
              },
            },
          })),
        {
          query: assign,
          variables: {
            i: { courseId: foreignCourse.id, tiers: [1], dueOn: addDays(today(), 30), idempotencyKey: randomUUID() },
          },
        },
      ];
    },
    mutates: true,
  },
  enrollments: {
    allowed: rolesFor('training.read'),
    own: () => ({
      query: `{ enrollments(first: 20) { totalCount pageInfo { hasNextPage endCursor } nodes { ${ENROLLMENT_FIELDS} } } }`,
    }),
    foreign: listed(
      `query($d: ID) { enrollments(first: 20, filter: { distributorId: $d }) { totalCount nodes { id user { id } } } }`,
    ),
  },
  enrollment: {
    allowed: rolesFor('training.read'),
    own: async ({ user, ds }) => ({
      query: `query($id: ID!) { enrollment(id: $id) { ${ENROLLMENT_FIELDS} } }`,
      variables: { id: await enrollmentOf(ds, learnerOf(user)) },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        foreignLearners(user).map(async (x) => ({
          query: `query($id: ID!) { enrollment(id: $id) { id } }`,
          variables: { id: await enrollmentOf(ds, x) },
        })),
      ),
  },
  startCourse: {
    allowed: rolesFor('training.take'),
    own: async ({ user, ds }) => ({
      query: `mutation($c: ID!) { startCourse(courseId: $c) { ${ENROLLMENT_FIELDS} } }`,
      variables: { c: (await courseOf(ds, user.brandId)).id },
    }),
    foreign: async ({ user, ds }) => [
      {
        query: `mutation($c: ID!) { startCourse(courseId: $c) { id } }`,
        variables: { c: (await courseOf(ds, otherBrand(user).brandId)).id },
      },
      {
        query: `mutation($c: ID!) { startCourse(courseId: $c) { id } }`,
        variables: { c: (await courseOf(ds, user.brandId, false)).id },
      },
    ],
    mutates: true,
  },
  completeCourseSection: {
    allowed: rolesFor('training.take'),
    own: async ({ user, ds }) => ({
      query: `mutation($e: ID!) { completeCourseSection(enrollmentId: $e, sectionId: "daily") { ${ENROLLMENT_FIELDS} } }`,
      variables: { e: await enrollmentOf(ds, learnerOf(user)) },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        foreignLearners(user).map(async (x) => ({
          query: `mutation($e: ID!) { completeCourseSection(enrollmentId: $e, sectionId: "daily") { id } }`,
          variables: { e: await enrollmentOf(ds, x) },
        })),
      ),
    mutates: true,
  },
  submitQuiz: {
    allowed: rolesFor('training.take'),
    own: async ({ user, ds }) => ({
      query: `mutation($i: SubmitQuizInput!) { submitQuiz(input: $i) { attempt { id attemptNo score passed } questions { questionId correct } certificate { ${CERTIFICATE_FIELDS} } enrollment { ${ENROLLMENT_FIELDS} } } }`,
      variables: {
        i: {
          enrollmentId: await enrollmentOf(ds, learnerOf(user), true),
          answers: [{ questionId: 'q-principle', optionIds: ['a'] }],
          idempotencyKey: randomUUID(),
        },
      },
    }),
    foreign: async ({ user, ds }) =>
      Promise.all(
        foreignLearners(user).map(async (x) => ({
          query: `mutation($i: SubmitQuizInput!) { submitQuiz(input: $i) { attempt { id } } }`,
          variables: {
            i: {
              enrollmentId: await enrollmentOf(ds, x, true),
              answers: [{ questionId: 'q-principle', optionIds: ['a'] }],
              idempotencyKey: randomUUID(),
            },
          },
        })),
      ),
    mutates: true,
  },
  certificates: {
    allowed: rolesFor('training.read'),
    own: () => ({ query: `{ certificates(first: 20) { totalCount nodes { ${CERTIFICATE_FIELDS} } } }` }),
    foreign: listed(
      `query($d: ID) { certificates(first: 20, filter: { distributorId: $d }) { totalCount nodes { id user { id } } } }`,
    ),
  },
  trainingReadiness: {
    allowed: rolesFor('training.read'),
    own: () => ({
      query: `{ trainingReadiness(first: 20) { totalCount nodes { userId assigned inProgress completed overdue user { id displayName } distributor { id name } certifiedLines { productLineId validTo certificateId productLine { id name } } } } }`,
    }),
    foreign: listed(
      `query($d: ID) { trainingReadiness(first: 20, distributorId: $d) { totalCount nodes { userId user { id } } } }`,
    ),
  },
  trainingCompletion: {
    allowed: rolesFor('training.report'),
    own: () => ({
      query: `{ trainingCompletion(groupBy: DISTRIBUTOR) { key label assigned started completed overdue } }`,
    }),
  },
  setProductCertification: {
    allowed: rolesFor('training.edit'),
    own: ({ user }) => ({
      query: `mutation($p: ID!) { setProductCertification(productId: $p, required: false) { id requiresCertification } }`,
      variables: { p: PRODUCTS.find((p) => p.brandId === user.brandId && !p.requiresCertification)!.id },
    }),
    foreign: ({ user }) =>
      PRODUCTS.filter((p) => p.brandId !== user.brandId).map((p) => ({
        query: `mutation($p: ID!) { setProductCertification(productId: $p, required: true) { id } }`,
        variables: { p: p.id },
      })),
    mutates: true,
  },
};
