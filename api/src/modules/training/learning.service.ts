import { DataSource, EntityManager } from 'typeorm';
import { ErrorReason, EnrollmentStatus, Side } from '@medchannel/shared-schema';
import { Scope, applyScope } from '../../auth/scope';
import { audit } from '../../common/audit';
import { AppError, ErrorCode, badInput, notFound } from '../../common/errors';
import { addMonths, today } from '../../common/dates';
import { isUuid } from '../../common/ids';
import { Page, PageArgs, SortKey, containsPattern, paginateTree } from '../../common/pagination';
import { IdempotentWrite, fingerprint, idempotent, keyReused, replayOrInsert } from '../../common/idempotency';
import type { CourseService } from './course.service';
import { Certificate, CourseVersion, Enrollment, QuizAttempt } from './training.entity';
import { EnrollmentFilter, SubmitQuizInput } from './training.inputs';
import { scoreQuiz } from './course-content';
import {
  EnrollmentNode,
  EnrollmentPageParts,
  attemptOrder,
  enrollmentPageTree,
  ownEnrollment,
  readEnrollmentTree,
} from './enrollment-page';

export interface QuizResult {
  attempt: QuizAttempt;
  enrollment: Enrollment;
  certificate: Certificate | null;
  questions: Array<{ questionId: string; correct: boolean }>;
}

/** The status of an enrollment, in SQL (alias e), for filters; the resolver words the same rule in TypeScript. */
const STATUS_SQL = `CASE WHEN e.passed_at IS NOT NULL THEN 'COMPLETED'
  WHEN e.attempts >= COALESCE((SELECT sv.max_attempts FROM course_version sv WHERE sv.id = e.course_version_id), 2147483647) THEN 'FAILED'
  WHEN e.started_at IS NOT NULL THEN 'IN_PROGRESS' ELSE 'ASSIGNED' END`;

/** The enrollments list's order: soonest due first, self-started ones (no due date) last; its cursors' keys. */
export const ENROLLMENT_ORDER: SortKey<Enrollment>[] = [
  { column: `COALESCE(e.due_on, '9999-12-31')`, value: (e) => e.dueOn ?? '9999-12-31' },
  { column: 'e.id', value: (e) => e.id },
];

export function enrollmentStatus(e: Enrollment, maxAttempts: number | null): EnrollmentStatus {
  if (e.passedAt) return EnrollmentStatus.COMPLETED;
  if (maxAttempts !== null && e.attempts >= maxAttempts) return EnrollmentStatus.FAILED;
  return e.startedAt ? EnrollmentStatus.IN_PROGRESS : EnrollmentStatus.ASSIGNED;
}

/**
 * A person taking courses: starting one (assigned or not), working through its sections, taking
 * the quiz. Progress belongs to the version being taken: when a newer version is published before
 * the person passes, they continue on it from the start, with its own attempts. Passing issues a
 * certificate for the version's product lines, valid for its months.
 */
export class LearningService {
  constructor(
    private readonly ds: DataSource,
    private readonly courses: CourseService,
  ) {}

  scoped(scope: Scope, em: EntityManager = this.ds.manager) {
    return applyScope(em.getRepository(Enrollment).createQueryBuilder('e'), scope, 'trainee');
  }

  /**
   * The enrollments list, soonest due first (self-started ones, with no due date, last); each row
   * with the `parts` the request asks of it, in one statement (enrollment-page.ts).
   */
  list(
    scope: Scope,
    page: PageArgs,
    filter: EnrollmentFilter | undefined,
    parts: EnrollmentPageParts,
  ): Promise<Page<EnrollmentNode>> {
    return paginateTree(
      this.listQuery(scope, filter ?? {}),
      page,
      ENROLLMENT_ORDER,
      'ASC',
      enrollmentPageTree(this.ds, scope, parts),
      (n) => n.enrollment,
    );
  }

  /** The enrollments list's rows before paging (the home page's to-dos count the same). */
  listQuery(scope: Scope, filter: EnrollmentFilter = {}) {
    const qb = this.scoped(scope);
    if (filter.mine) qb.andWhere('e.user_id = :me', { me: scope.userId });
    if (filter.userId) qb.andWhere('e.user_id = :userId', { userId: filter.userId });
    if (filter.distributorId) qb.andWhere('e.distributor_id = :distributorId', { distributorId: filter.distributorId });
    if (filter.courseId) qb.andWhere('e.course_id = :courseId', { courseId: filter.courseId });
    if (filter.statuses?.length) qb.andWhere(`(${STATUS_SQL}) = ANY(:statuses)`, { statuses: filter.statuses });
    if (filter.overdue) qb.andWhere('e.passed_at IS NULL AND e.due_on < :on', { on: today() });
    if (filter.search) {
      qb.andWhere(
        `(e.course_id IN (SELECT sc.id FROM course sc WHERE sc.brand_id = e.brand_id AND sc.title ILIKE :s)
          OR e.user_id IN (SELECT su.id FROM app_user su WHERE su.brand_id = e.brand_id AND su.display_name ILIKE :s))`,
        { s: containsPattern(filter.search) },
      );
    }
    return qb;
  }

  async get(scope: Scope, id: string, em?: EntityManager): Promise<Enrollment> {
    const found = isUuid(id) ? await this.scoped(scope, em).andWhere('e.id = :id', { id }).getOne() : null;
    if (!found) throw notFound('Enrollment');
    return found;
  }

  /** The viewer's own enrollments on the given courses (Course.myEnrollment). */
  mineByCourseIds(scope: Scope, courseIds: readonly string[]): Promise<Enrollment[]> {
    return this.scoped(scope)
      .andWhere(`${ownEnrollment('e')} AND e.course_id = ANY(:courseIds)`, { courseIds })
      .getMany();
  }

  attemptsByEnrollmentIds(scope: Scope, enrollmentIds: readonly string[]): Promise<QuizAttempt[]> {
    const visible = this.scoped(scope).select('e.id');
    return this.ds
      .getRepository(QuizAttempt)
      .createQueryBuilder('a')
      .where('a.enrollment_id = ANY(:enrollmentIds)', { enrollmentIds })
      .andWhere(`a.enrollment_id IN (${visible.getQuery()})`, visible.getParameters())
      .orderBy(attemptOrder('a'))
      .getMany();
  }

  /** Starts (or resumes) a published course: the assigned enrollment, or a new one of the viewer's own. */
  async start(scope: Scope, courseId: string, parts: EnrollmentPageParts): Promise<EnrollmentNode> {
    if (scope.side !== Side.PARTNER)
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Courses are taken by distributor staff',
        undefined,
        ErrorReason.ROLE_NOT_ALLOWED,
      );
    const id = await this.ds.transaction(async (em) => {
      const { course } = await this.courses.published(scope, courseId, em);
      await em.query(
        `INSERT INTO training_enrollment (brand_id, course_id, user_id, distributor_id) VALUES ($1, $2, $3, $4) ON CONFLICT (course_id, user_id) DO NOTHING`,
        [scope.brandId, course.id, scope.userId, scope.distributorId],
      );
      const e = await this.ownLocked(em, scope, { courseId: course.id });
      const wasStarted = Boolean(e.startedAt);
      await this.align(em, scope, e);
      if (!wasStarted) await audit(em, scope, 'START', 'course', course.id, { enrollmentId: e.id });
      return e.id;
    });
    return readEnrollmentTree(this.ds, scope, id, parts);
  }

  /** Marks a section of the version being taken as done (again: no change). */
  async completeSection(
    scope: Scope,
    enrollmentId: string,
    sectionId: string,
    parts: EnrollmentPageParts,
  ): Promise<EnrollmentNode> {
    await this.ds.transaction(async (em) => {
      const e = await this.ownLocked(em, scope, { id: enrollmentId });
      const version = await this.align(em, scope, e);
      if (!version.sections.some((s) => s.id === sectionId))
        throw badInput('sectionId', 'This section is not in the course');
      if (!e.sectionsDone.includes(sectionId)) {
        e.sectionsDone = [...e.sectionsDone, sectionId];
        await em.save(e);
        await audit(em, scope, 'COMPLETE_SECTION', 'course', e.courseId, { enrollmentId: e.id, sectionId });
      }
    });
    return readEnrollmentTree(this.ds, scope, enrollmentId, parts);
  }

  /**
   * Scores an attempt at the quiz, once every section is done. A retry with the same key returns
   * the first result; attempts beyond the version's limit are refused. Passing issues the
   * certificate in the same transaction.
   */
  async submitQuiz(scope: Scope, input: SubmitQuizInput): Promise<QuizResult> {
    const write: IdempotentWrite<QuizAttempt> = {
      hash: fingerprint({
        enrollmentId: input.enrollmentId,
        answers: input.answers.map((a) => [a.questionId, [...a.optionIds].sort()]),
      }),
      constraint: 'quiz_attempt_idempotency',
      earlier: (em) => this.attemptByKey(em, scope.userId, input.idempotencyKey),
      reused: () => keyReused('This request key was already used for another quiz attempt'),
    };
    // a concurrent retry with the same key loses the race to insert and answers the first result
    const attemptId = await idempotent(this.ds, write, async (em) => {
      const e = await this.ownLocked(em, scope, { id: input.enrollmentId });
      return replayOrInsert(em, write, async () => {
        const version = await this.align(em, scope, e);
        if (e.passedAt)
          throw new AppError(
            ErrorCode.CONFLICT,
            'You have passed this course; your certificate is valid',
            undefined,
            ErrorReason.ILLEGAL_TRANSITION,
          );
        if (e.attempts >= version.maxAttempts) {
          throw new AppError(
            ErrorCode.CONFLICT,
            `All ${version.maxAttempts} attempts at this quiz are used; ask your trainer`,
            undefined,
            ErrorReason.ATTEMPTS_EXHAUSTED,
          );
        }
        const missing = version.sections.filter((s) => !e.sectionsDone.includes(s.id));
        if (missing.length)
          throw badInput('enrollmentId', `Finish every section first (${missing.map((s) => s.title).join(', ')})`);
        const { score, chosen } = scoreQuiz(version.questions, input.answers);
        const passed = score >= version.passScore;
        const attempt = await em.save(
          em.create(QuizAttempt, {
            brandId: scope.brandId,
            enrollmentId: e.id,
            userId: scope.userId,
            courseVersionId: version.id,
            attemptNo: e.attempts + 1,
            answers: chosen,
            score,
            passed,
            idempotencyKey: input.idempotencyKey,
            requestHash: write.hash,
          }),
        );
        Object.assign(e, {
          attempts: e.attempts + 1,
          bestScore: Math.max(e.bestScore ?? 0, score),
          passedAt: passed ? new Date() : null,
        });
        await em.save(e);
        if (passed) await this.certify(em, scope, e, version, attempt);
        await audit(em, scope, 'SUBMIT_QUIZ', 'course', e.courseId, {
          enrollmentId: e.id,
          attemptNo: attempt.attemptNo,
          score,
          passed,
        });
        return attempt.id;
      });
    });
    return this.result(scope, attemptId);
  }

  private async result(scope: Scope, attemptId: string): Promise<QuizResult> {
    const attempt = await this.ds.manager.findOneByOrFail(QuizAttempt, { id: attemptId });
    const version = await this.ds.manager.findOneByOrFail(CourseVersion, { id: attempt.courseVersionId });
    const { correct } = scoreQuiz(
      version.questions,
      Object.entries(attempt.answers).map(([questionId, optionIds]) => ({ questionId, optionIds })),
    );
    const certificate = await this.ds.manager.findOneBy(Certificate, { attemptId });
    return {
      attempt,
      enrollment: await this.get(scope, attempt.enrollmentId),
      certificate,
      questions: [...correct].map(([questionId, ok]) => ({ questionId, correct: ok })),
    };
  }

  private attemptByKey(em: EntityManager, userId: string, key: string) {
    return em
      .getRepository(QuizAttempt)
      .createQueryBuilder('a')
      .addSelect('a.requestHash')
      .where('a.user_id = :userId AND a.idempotency_key = :key', { userId, key })
      .getOne();
  }

  private async certify(
    em: EntityManager,
    scope: Scope,
    e: Enrollment,
    version: CourseVersion,
    attempt: QuizAttempt,
  ): Promise<void> {
    const issuedOn = today();
    const [{ seq }] = await em.query(`SELECT nextval('certificate_number_seq')::text AS seq`);
    await em.insert(Certificate, {
      brandId: scope.brandId,
      number: `CERT-${issuedOn.slice(0, 4)}-${seq.padStart(6, '0')}`,
      userId: e.userId,
      distributorId: e.distributorId,
      courseId: e.courseId,
      courseVersionId: version.id,
      attemptId: attempt.id,
      productLineIds: version.productLineIds,
      issuedOn,
      validTo: addMonths(issuedOn, version.validityMonths),
    });
  }

  /** The viewer's own enrollment, locked for the change; someone else's answers NOT_FOUND. */
  private async ownLocked(
    em: EntityManager,
    scope: Scope,
    by: { id?: string; courseId?: string },
  ): Promise<Enrollment> {
    const qb = this.scoped(scope, em).andWhere('e.user_id = :me', { me: scope.userId }).setLock('pessimistic_write');
    if (by.id) {
      if (!isUuid(by.id)) throw notFound('Enrollment');
      qb.andWhere('e.id = :id', { id: by.id });
    } else qb.andWhere('e.course_id = :courseId', { courseId: by.courseId });
    const e = await qb.getOne();
    if (!e) throw notFound('Enrollment');
    return e;
  }

  /**
   * Puts the enrollment on the version to take now: the one passed while its certificate holds;
   * otherwise the published one (starting over when that is new to the person, or when the
   * certificate has lapsed and they renew). Writes only when that changes something; returns that version.
   */
  private async align(em: EntityManager, scope: Scope, e: Enrollment): Promise<CourseVersion> {
    if (e.passedAt) {
      const [held] = await em.query(
        `SELECT 1 FROM certificate WHERE user_id = $1 AND course_id = $2 AND valid_to >= $3 LIMIT 1`,
        [e.userId, e.courseId, today()],
      );
      if (held) return em.findOneByOrFail(CourseVersion, { id: e.courseVersionId! });
    }
    const { version } = await this.courses.published(scope, e.courseId, em);
    const restart = e.courseVersionId !== version.id || Boolean(e.passedAt);
    if (restart) Object.assign(e, { courseVersionId: version.id, sectionsDone: [], attempts: 0, passedAt: null });
    if (restart || !e.startedAt) {
      e.startedAt ??= new Date();
      await em.save(e);
    }
    return version;
  }
}
