import { randomUUID } from 'node:crypto';
import { CourseVersionStatus, ErrorCode, ErrorReason } from '@medchannel/shared-schema';
import { codeOf, reasonOf } from '../../../test/harness';
import { userByEmail } from '../../db/seed/demo-data';
import { SEED_COURSE_CL } from '../../db/seed/training-data';
import {
  CONTENT,
  COURSE,
  CREATE_COURSE,
  MY,
  PUBLISH_COURSE,
  RIGHT,
  SECTION,
  START,
  TWO_OF_THREE,
  submit,
  t,
  takeSections,
  trainer,
  withTrainingWorld,
} from './training.test-kit';

/** Taking a course (sections, attempts, scoring, certificate) and editing one as versions. */
withTrainingWorld();

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
    expect(
      course.data.course.published.questions.flatMap((q: { options: Array<{ correct: boolean | null }> }) =>
        q.options.map((o) => o.correct),
      ),
    ).toEqual(Array(8).fill(null));
    expect(course.data.course.draft).toBeNull();

    const key = randomUUID();
    const failed = await submit(wang, e.id, TWO_OF_THREE, key);
    expect(failed.data.submitQuiz.attempt).toMatchObject({ attemptNo: 1, score: 67, passed: false });
    expect(failed.data.submitQuiz.questions).toEqual([
      { questionId: 'q-principle', correct: true },
      { questionId: 'q-daily', correct: false },
      { questionId: 'q-qc', correct: true },
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
    const [{ n }] = await t.app.ds.query(`SELECT count(*)::int AS n FROM quiz_attempt WHERE enrollment_id = $1`, [
      e.id,
    ]);
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
    const [other] = await t.app.ds.query(`SELECT id FROM training_enrollment WHERE user_id = $1 AND course_id = $2`, [
      userByEmail('sun.rep@kangda.demo').id,
      SEED_COURSE_CL,
    ]);
    expect(codeOf(await wang.request(SECTION, { e: other.id, s: 'daily' }))).toBe(ErrorCode.NOT_FOUND);
    // the owner sees the rep's enrollment but cannot take it for them
    const boss = await t.as('boss@kangda.demo');
    expect((await boss.request(`query($id: ID!) { enrollment(id: $id) { id } }`, { id: other.id })).errors).toEqual([]);
    expect(codeOf(await boss.request(SECTION, { e: other.id, s: 'daily' }))).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('course versions', () => {
  it('edits a published course as version n+1; what was passed keeps its version, and the database refuses to edit it', async () => {
    const created = await trainer.request(
      `mutation($i: CourseContentInput!) { createCourse(input: $i) { id version draftVersion publishedVersion } }`,
      { i: CONTENT('版本测试课程') },
    );
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
    const v2draft = (
      await trainer.request(SAVE, {
        id: course.id,
        v: v1.version,
        i: CONTENT('版本测试课程（第二版）', { passScore: 100 }),
      })
    ).data.saveCourseDraft;
    expect(v2draft).toMatchObject({ publishedVersion: 1, draftVersion: 2, title: '版本测试课程' });
    const seen = await trainer.request(COURSE, { id: course.id });
    expect(seen.data.course.published).toMatchObject({ version: 1, title: '版本测试课程' });
    expect(seen.data.course.published.questions[0].options).toEqual([
      { id: 'a', correct: true },
      { id: 'b', correct: false },
    ]);
    expect(seen.data.course.draft).toMatchObject({ version: 2, status: 'DRAFT', title: '版本测试课程（第二版）' });

    const published = (await trainer.request(PUBLISH, { id: course.id, v: v2draft.version })).data.publishCourse;
    expect(published).toMatchObject({ publishedVersion: 2, draftVersion: null });
    const after = await trainer.request(COURSE, { id: course.id });
    expect(after.data.course.versions).toEqual([
      { version: 2, status: CourseVersionStatus.PUBLISHED },
      { version: 1, status: CourseVersionStatus.RETIRED },
    ]);
    expect(after.data.course.title).toBe('版本测试课程（第二版）');
    const mine = await hn.request(MY, { c: course.id });
    expect(mine.data.enrollments.nodes[0]).toMatchObject({
      status: 'COMPLETED',
      courseVersion: { version: 1 },
      certificate: { valid: true, courseVersion: { version: 1 } },
    });

    await expect(
      t.app.ds.query(`UPDATE course_version SET title = 'x' WHERE course_id = $1 AND version = 1`, [course.id]),
    ).rejects.toThrow(/cannot be edited/);
    await expect(
      t.app.ds.query(`UPDATE certificate SET valid_to = '2099-01-01' WHERE course_id = $1`, [course.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('publishes only complete content, naming where it is incomplete', async () => {
    const created = await trainer.request(CREATE_COURSE, {
      i: CONTENT('不完整课程', {
        questions: [
          {
            kind: 'MULTIPLE',
            prompt: '?',
            options: [
              { text: 'x', correct: false },
              { text: 'y', correct: false },
            ],
          },
        ],
      }),
    });
    const c = created.data.createCourse;
    const r = await trainer.request(PUBLISH_COURSE, { id: c.id, v: c.version });
    expect(reasonOf(r)).toBe(ErrorReason.VALIDATION_FAILED);
    expect(r.errors[0].extensions?.field).toBe('questions.0.options');
    const badVideo = await trainer.request(CREATE_COURSE, {
      i: CONTENT('坏视频', {
        sections: [{ title: 'v', materials: [{ kind: 'VIDEO', title: 'v', body: 'javascript:alert(1)' }] }],
      }),
    });
    expect(badVideo.errors[0].extensions?.field).toBe('sections.0.materials.0');
    const sun = await t.as('sun.rep@kangda.demo');
    expect(codeOf(await sun.request(START, { c: c.id }))).toBe(ErrorCode.NOT_FOUND);
  });
});
