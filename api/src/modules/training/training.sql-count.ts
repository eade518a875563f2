import { randomUUID } from 'node:crypto';
import { Audience } from '@medchannel/shared-schema';
import type { GqlClient } from '../../../test/harness';
import type { SqlCountTable } from '../../../test/sql-count-table';
import { screenOperation } from '../../../test/screen-operation';
import { CONTENT } from './training.test-kit';

const CONSOLE = 'console-internal/src/features/training';
const PORTAL = 'portal-partner/src/features/training/training.graphql';

/** Courses, enrollments, certificates and readiness, over a page of published courses the owner took. */
export const SQL_COUNT: SqlCountTable = {
  seed: async ({ ds, brand, cat, adminId }) => {
    // a page of courses (each published, with a file material, an assignment), the owner enrolled in each
    // with an attempt and a certificate, and a page of the first distributor's reps
    const [firstOwner] = await ds.query(`SELECT id, distributor_id FROM app_user WHERE email = $1`, [brand.ownerEmail]);
    for (let i = 0; i < 30; i++) {
      const [c] = await ds.query(
        `INSERT INTO course (brand_id, kind, title, product_line_ids, published_version, created_by) VALUES ($1, 'PRODUCT', $2, $3, 1, $4) RETURNING id`,
        [brand.brandId, `SQL课程 ${String(i).padStart(2, '0')}`, [cat.lineId], adminId],
      );
      const [f] = await ds.query(
        `INSERT INTO course_file (brand_id, course_id, file_key, file_name, file_mime, file_size, file_sha256, uploaded_by) VALUES ($1, $2, 'k', 'a.pdf', 'application/pdf', 1, repeat('0', 64), $3) RETURNING id`,
        [brand.brandId, c.id, adminId],
      );
      const sections = [
        { id: 's1', title: '一', materials: [{ kind: 'FILE', title: '讲义', body: null, fileId: f.id }] },
      ];
      const questions = [
        {
          id: 'q1',
          kind: 'SINGLE',
          prompt: '?',
          options: [
            { id: 'a', text: 'a', correct: true },
            { id: 'b', text: 'b', correct: false },
          ],
        },
      ];
      const [v] = await ds.query(
        `INSERT INTO course_version (brand_id, course_id, version, status, kind, title, product_line_ids, pass_score, max_attempts, validity_months, sections, questions, published_at)
         VALUES ($1, $2, 1, 'PUBLISHED', 'PRODUCT', 'v', $3, 50, 3, 12, $4, $5, now()) RETURNING id`,
        [brand.brandId, c.id, [cat.lineId], JSON.stringify(sections), JSON.stringify(questions)],
      );
      await ds.query(
        `INSERT INTO course_assignment (brand_id, course_id, distributor_ids, due_on, enrolled, created_by, idempotency_key, request_hash) VALUES ($1, $2, $3, CURRENT_DATE + 9, 1, $4, gen_random_uuid(), repeat('0', 64))`,
        [brand.brandId, c.id, [brand.distributorIds[i]], adminId],
      );
      const [e] = await ds.query(
        `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id, due_on, course_version_id, started_at, attempts, passed_at) VALUES ($1, $2, $3, $4, CURRENT_DATE + $5::int, $6, now(), 1, now()) RETURNING id`,
        [brand.brandId, c.id, firstOwner.id, firstOwner.distributor_id, i, v.id],
      );
      const [a] = await ds.query(
        `INSERT INTO quiz_attempt (brand_id, enrollment_id, user_id, course_version_id, attempt_no, answers, score, passed, idempotency_key, request_hash) VALUES ($1, $2, $3, $4, 1, '{}', 100, true, gen_random_uuid(), repeat('0', 64)) RETURNING id`,
        [brand.brandId, e.id, firstOwner.id, v.id],
      );
      await ds.query(
        `INSERT INTO certificate (brand_id, number, user_id, distributor_id, course_id, course_version_id, attempt_id, product_line_ids, issued_on, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CURRENT_DATE, CURRENT_DATE + 365)`,
        [
          brand.brandId,
          `SQLCERT${String(i).padStart(3, '0')}`,
          firstOwner.id,
          firstOwner.distributor_id,
          c.id,
          v.id,
          a.id,
          [cat.lineId],
        ],
      );
      await ds.query(
        `INSERT INTO app_user (brand_id, email, display_name, side, role, distributor_id) SELECT brand_id, $2, $3, 'PARTNER', 'REP', distributor_id FROM app_user WHERE id = $1`,
        [firstOwner.id, `sqlrep${i}-${randomUUID().slice(0, 6)}@test.demo`, `SQL代表 ${String(i).padStart(2, '0')}`],
      );
    }
  },
  tests: {
    'the courses screens cost the session and one statement each: the lists, a course’s page and its assignments, the portal’s course page':
      async ({ t, brand }) => {
        const measure = async (client: GqlClient, query: string, vars: Record<string, unknown>) => {
          const r = await client.request(query, vars);
          expect(r.errors).toEqual([]);
          return { data: r.data, sqlCount: r.sqlCount };
        };
        const admin = t.client(Audience.CONSOLE);
        await admin.login(brand.adminEmail);
        const courses = `${CONSOLE}/courses/courses.graphql`;
        const list = await measure(admin, screenOperation(courses, 'Courses'), { first: 25 });
        expect(list.sqlCount).toBe(2);
        const options = await measure(
          admin,
          screenOperation(`${CONSOLE}/reports/reports.graphql`, 'CourseOptions'),
          {},
        );
        expect(options.sqlCount).toBe(2);
        const id = (list.data.courses as { nodes: Array<{ id: string }> }).nodes[0].id;
        expect((await measure(admin, screenOperation(courses, 'Course'), { id })).sqlCount).toBe(2);
        const assignments = screenOperation(`${CONSOLE}/assign/assign.graphql`, 'CourseAssignments');
        expect((await measure(admin, assignments, { id })).sqlCount).toBe(2);
        const owner = t.client(Audience.PORTAL);
        await owner.login(brand.ownerEmail);
        const portalList = await measure(owner, screenOperation(PORTAL, 'TrainingCourses'), {});
        expect(portalList.sqlCount).toBe(2);
        // a course the owner took, with the enrollment's version, its materials' files and the certificate
        const taken = (portalList.data.courses as { nodes: Array<{ id: string; myEnrollment: unknown }> }).nodes.find(
          (n) => n.myEnrollment,
        )!;
        const page = await measure(owner, screenOperation(PORTAL, 'TrainingCourse'), { id: taken.id });
        expect(
          (page.data.course as { myEnrollment: { certificate: unknown } }).myEnrollment.certificate,
        ).not.toBeNull();
        expect(page.sqlCount).toBe(2);
      },
    'a single enrollment and what the course mutations answer: their statements, writes included': async ({
      t,
      brand,
    }) => {
      const counts: Record<string, number> = {};
      const measure = async (name: string, client: GqlClient, query: string, vars: Record<string, unknown>) => {
        const r = await client.request(query, vars);
        expect(r.errors).toEqual([]);
        counts[name] = r.sqlCount;
        return r.data;
      };
      const admin = t.client(Audience.CONSOLE);
      await admin.login(brand.adminEmail);
      const [line] = await t.app.ds.query(`SELECT id FROM product_line WHERE brand_id = $1 LIMIT 1`, [brand.brandId]);
      const content = CONTENT('SQL新课程', { productLineIds: [line.id] });
      const courses = `${CONSOLE}/courses/courses.graphql`;
      type Answer = { id: string; version: number };
      const created: Answer = (
        await measure('createCourse', admin, screenOperation(courses, 'CreateCourse'), { input: content })
      ).createCourse;
      const saved: Answer = (
        await measure('saveCourseDraft', admin, screenOperation(courses, 'SaveCourseDraft'), {
          id: created.id,
          expectedVersion: created.version,
          input: { ...content, title: 'SQL新课程 二' },
        })
      ).saveCourseDraft;
      const published: Answer = (
        await measure('publishCourse', admin, screenOperation(courses, 'PublishCourse'), {
          id: saved.id,
          expectedVersion: saved.version,
        })
      ).publishCourse;
      const archive = screenOperation(courses, 'ArchiveCourse');
      const archived: Answer = (
        await measure('archiveCourse', admin, archive, {
          id: published.id,
          expectedVersion: published.version,
          archived: true,
        })
      ).archiveCourse;
      await measure('unarchiveCourse', admin, archive, {
        id: archived.id,
        expectedVersion: archived.version,
        archived: false,
      });
      // the owner takes it on the portal, then reads one of the enrollments the seed gave him
      const owner = t.client(Audience.PORTAL);
      await owner.login(brand.ownerEmail);
      const started: { id: string } = (
        await measure('startCourse', owner, screenOperation(PORTAL, 'StartCourse'), { courseId: created.id })
      ).startCourse;
      await measure('completeCourseSection', owner, screenOperation(PORTAL, 'CompleteCourseSection'), {
        enrollmentId: started.id,
        sectionId: 's1',
      });
      const [taken] = await t.app.ds.query(
        `SELECT e.id FROM training_enrollment e JOIN app_user u ON u.id = e.user_id WHERE u.email = $1 AND e.passed_at IS NOT NULL LIMIT 1`,
        [brand.ownerEmail],
      );
      await measure(
        'enrollment',
        owner,
        `query($id: ID!) { enrollment(id: $id) { id status attemptsLeft course { title myEnrollment { id } } courseVersion { version }
            user { displayName } distributor { name } quizAttempts { score } certificate { number productLines { name } } } }`,
        { id: taken.id },
      );
      // the session, the mutation's own statements and one for its answer, read with the course pages'
      // and the enrollments' node (course-page.ts, enrollment-page.ts); enrollment(id) the session and one
      expect(counts).toEqual({
        createCourse: 8,
        saveCourseDraft: 11,
        publishCourse: 10,
        archiveCourse: 8,
        unarchiveCourse: 8,
        startCourse: 13,
        completeCourseSection: 10,
        enrollment: 2,
      });
    },
  },
  lists: [
    {
      name: 'courses with versions, materials, quiz and assignments',
      // the session and one statement: the page with each course's lines, versions with their lines and
      // material files, files, and assignments with their distributors, lines and author (course-page.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { courses(first: $n) { totalCount nodes { title productLines { name } published { version productLines { name }
      sections { materials { kind file { fileName } } } questions { options { correct } } } draft { version } versions { status } files { fileName }
      assignments { dueOn distributors { name } productLines { name } createdBy { displayName } } } } }`,
    },
    {
      name: 'my training (portal)',
      // the session and one statement: the page with each row's course, version, person, distributor, attempts and certificate (enrollment-page.ts)
      max: 2,
      audience: Audience.PORTAL,
      as: (brand) => brand.ownerEmail,
      query: `query($n: Int!) { enrollments(first: $n, filter: { mine: true }) { totalCount nodes { status overdue attemptsLeft course { title myEnrollment { id } }
      courseVersion { version } user { displayName } distributor { name } quizAttempts { score } certificate { number productLines { name } } } } }`,
    },
    {
      name: 'certificates',
      // the session and one statement: the page with each row's lines, person, distributor, course and version (certificate-page.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { certificates(first: $n) { totalCount nodes { number valid productLines { name } user { displayName } distributor { name } course { title } courseVersion { version } } } }`,
    },
    {
      name: 'training readiness',
      // the session and one statement: the page with each person's counts, distributor, certificates and their lines (readiness-page.ts)
      max: 2,
      as: (brand) => brand.adminEmail,
      query: `query($n: Int!) { trainingReadiness(first: $n) { totalCount nodes { assigned completed user { displayName } distributor { name } certifiedLines { validTo productLine { name } } } } }`,
    },
  ],
};
